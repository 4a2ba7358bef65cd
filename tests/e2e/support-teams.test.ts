import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { planCases, planFixes, planTitle } from '@/machines/graph';
import { stepIds } from '@/machines/steps';
import { stepHref } from '@/machines/url-state';
import { axeViolations, newPhone } from '@/tests/support/browser';
import { appAndBrowser } from '@/tests/support/harness';
import { titleOf } from '@/tests/support/content';
import { answer, heading, labelOf, labels, walk as walkSteps } from '@/tests/support/wizard';

/** What support teams rely on: links, the summary, the hand-off, the library and the map. */

const pages = new Set<string>();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const env = appAndBrowser();

/** A panel user on WordPress behind Cloudflare: the error log, busy PHP workers (can't), then plugins. */
const panelWalk: [string, string][] = [
  ['role=owner', 'evidence'],
  ['evidence=skip', 'reach'],
  ['reach=everyone', 'error-page'],
  ['error-page=not-sure', 'reload'],
  ['reload=broken', 'access'],
  ['access=panel', 'platform'],
  ['platform=cpanel', 'cdn'],
  ['cdn=yes', 'cms'],
  ['cms=wordpress', 'server'],
  ['server=apache', 'logs'],
  ['logs=broken', 'php-workers'],
  ['php-workers=cannot', 'plugins'],
];

async function walk(page: Page, steps: [string, string][]) {
  await page.goto(`${env.app.url}/fix`);
  await walkSteps(page, steps);
  pages.add(new URL(page.url()).pathname);
}

async function clipboardPhone(): Promise<Page> {
  const page = await newPhone(env.browser);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.app.url });
  return page;
}

describe('for support teams', () => {
  test('a copied step link and a copied progress link open the right step in a fresh browser', async () => {
    const page = await clipboardPhone();
    await walk(page, panelWalk);
    const record = await page.getByRole('region', { name: 'Your answers so far' }).innerText();
    await page.getByText('Share or save this step').click();

    await page.getByRole('button', { name: 'Copy link to this step' }).click();
    const stepLink = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(stepLink, `${env.app.url}/step/plugins`);
    await page.getByRole('button', { name: 'Copy link to my progress' }).click();
    const progressLink = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(progressLink, page.url());
    await page.context().close();

    const fresh = await newPhone(env.browser, { javaScriptEnabled: false });
    await fresh.goto(stepLink);
    assert.equal(await heading(fresh), await titleOf('plugins'));
    assert.equal(await fresh.getByRole('region', { name: 'Your answers so far' }).count(), 0, 'a step link carries no answers');
    // Without JavaScript the links are in fields that can be selected.
    await fresh.getByText('Share or save this step').click();
    assert.match(await fresh.getByLabel('Link to this step').inputValue(), /\/step\/plugins$/);
    await fresh.goto(progressLink);
    assert.equal(await heading(fresh), await titleOf('plugins'));
    assert.equal(await fresh.getByRole('region', { name: 'Your answers so far' }).innerText(), record);
    await fresh.context().close();
  });

  test('a step link leads on from that step', async () => {
    const page = await newPhone(env.browser);
    await page.goto(`${env.app.url}/step/restart`);
    pages.add('/step/restart');
    assert.equal(await heading(page), await titleOf('restart'));
    // The plan's fixes not tried yet follow: for someone who hasn't said what access they have, from the top.
    await answer(page, labels.broken, 'proxy');
    await page.context().close();
  });

  test('a context link from the link builder skips the questions it answers', async () => {
    const page = await clipboardPhone();
    await page.goto(`${env.app.url}/steps`);
    pages.add('/steps');
    await page.getByLabel('What access do you have to the server?').selectOption('ssh');
    await page.getByLabel('Which panel or system runs your server?').selectOption('debian-12');
    await page.getByLabel('Which web server runs your site?').selectOption('nginx');
    await page.getByLabel('Does your site run on WordPress or another CMS?').selectOption('wordpress');
    const link = await page.getByLabel('Link for your customer').inputValue();
    assert.equal(link, `${env.app.url}/fix/role=owner/access=ssh/platform=debian-12/server=nginx/cms=wordpress`);
    await page.context().close();

    const customer = await newPhone(env.browser);
    await customer.goto(link);
    assert.equal(await heading(customer), await titleOf('reach'), 'the role question and the live-check offer are skipped');
    await answer(customer, labels.everyone, 'error-page');
    await answer(customer, labels.notSure, 'reload');
    await answer(customer, labels.broken, 'cdn');
    // SSH on Nginx and WordPress: what the web server passes requests to comes first.
    await answer(customer, 'No', 'proxy');
    await customer.context().close();
  });

  test('the link builder works without JavaScript', async () => {
    const page = await newPhone(env.browser, { javaScriptEnabled: false });
    await page.goto(`${env.app.url}/steps`);
    await page.getByLabel('Open at').selectOption('restart');
    await page.getByLabel('Which web server runs your site?').selectOption('apache');
    await page.getByRole('button', { name: 'Make the link' }).click();
    await page.waitForURL(/\/steps\/link\?/);
    pages.add(new URL(page.url()).pathname + new URL(page.url()).search);
    const link = await page.getByLabel('Link for your customer').inputValue();
    assert.match(link, /\/fix\/start=restart\/role=owner\/server=apache$/);
    // Without SITE_URL or a listed host the link is a path; either way it opens on the server under test.
    await page.goto(env.app.url + link.replace(/^https?:\/\/[^/]+/, ''));
    assert.equal(await heading(page), await titleOf('restart'));
    assert.ok((await page.locator('pre').allInnerTexts()).join('\n').includes('apache2'));
    assert.ok(!(await page.locator('pre').allInnerTexts()).join('\n').includes('restart nginx'));
    await page.context().close();
  });

  test('the library filter narrows the list as you type', async () => {
    const page = await newPhone(env.browser);
    await page.goto(`${env.app.url}/steps`);
    const items = page.locator('[data-library-item]');
    assert.equal(await items.count(), stepIds.length);
    await page.getByLabel('Filter steps').fill('firewall');
    const visible = await page.locator('[data-library-item]:visible').allInnerTexts();
    assert.ok(visible.length >= 2 && visible.length < stepIds.length, `${visible.length} visible`);
    for (const text of visible) assert.match(text.toLowerCase(), /firewall/);
    assert.match(await page.locator('#step-filter-count').innerText(), new RegExp(`${visible.length} steps match`));
    await page.getByLabel('Filter steps').fill('');
    assert.equal(await page.locator('[data-library-item]:visible').count(), stepIds.length);

    const noJs = await newPhone(env.browser, { javaScriptEnabled: false });
    await noJs.goto(`${env.app.url}/steps`);
    assert.equal(await noJs.getByLabel('Filter steps').isVisible(), false, 'no dead filter box without JavaScript');
    assert.equal(await noJs.locator('[data-library-item]:visible').count(), stepIds.length);
    await Promise.all([page.context().close(), noJs.context().close()]);
  });

  test('the summary lists every answer, and a change link keeps the later ones', async () => {
    const page = await newPhone(env.browser, { javaScriptEnabled: false });
    await walk(page, panelWalk);
    await page.getByRole('link', { name: 'Check all your answers' }).click();
    assert.equal(await heading(page), 'Check your answers');
    pages.add(new URL(page.url()).pathname);
    const setup = await page.getByRole('region', { name: 'About your site' }).innerText();
    for (const value of ['Only a control panel for my hosting account', 'cPanel', 'Yes, for example Cloudflare', 'WordPress', 'Apache'])
      assert.ok(setup.includes(value), value);
    const tried = await page.getByRole('region', { name: 'What you tried' }).innerText();
    for (const step of ['reload', 'logs', 'php-workers']) assert.ok(tried.includes(await titleOf(step)), step);

    await page.getByRole('link', { name: 'Change your answer to “What access do you have to the server?”' }).click();
    assert.equal(await heading(page), await titleOf('access'));
    // With SSH, what the web server passes requests to comes first; the fixes tried before wait in the link.
    await answer(page, /^I can log in to the server/, 'proxy');
    assert.match(page.url(), /logs=broken\/php-workers=cannot/);
    await answer(page, labels.broken, 'restart');
    // …and are not asked again when the plan reaches them.
    await answer(page, labels.broken, 'hops');
    const record = await page.getByRole('region', { name: 'Your answers so far' }).innerText();
    for (const step of ['logs', 'php-workers', 'proxy', 'restart']) assert.ok(record.includes(await titleOf(step)), `${step}: earlier fixes are kept`);
    assert.ok(record.includes('Apache'), 'later answers are kept');
    await page.context().close();
  });

  test('the hand-off message: every step tried in the email, the download and the printout', async () => {
    const page = await newPhone(env.browser, { acceptDownloads: true });
    await walk(page, [
      ['role=owner', 'evidence'],
      ['evidence=skip', 'reach'],
      ['reach=everyone', 'error-page'],
      ['error-page=not-sure', 'reload'],
      ['reload=broken', 'access'],
      ['access=none', 'cdn'],
      ['cdn=yes', 'cms'],
      ['cms=wordpress', 'dns'],
      ['dns=cannot', 'contact-host'],
      ['contact-host=broken', 'handoff'],
    ]);
    const titles = await Promise.all(['reload', 'dns', 'contact-host'].map(titleOf));

    await page.getByLabel('Your site’s address (optional)').fill('shop.example.com');
    await page.getByLabel('When did the problem start? (optional)').fill('Today around 9:30, UK time');
    await page.getByLabel('Cloudflare Ray ID (optional)').fill('Ray ID: 8c1f2e3d4b5a6978-lhr');
    await page.getByRole('button', { name: 'Add to the message' }).click();
    await page.waitForURL(/\/message\//);
    pages.add(new URL(page.url()).pathname + new URL(page.url()).search);
    // Without SITE_URL the page puts its own address in front of the message's link once it runs.
    await page.getByText('put this site’s address').waitFor({ state: 'hidden' });

    const mailto = await page.getByRole('link', { name: 'Open in your email app' }).getAttribute('href');
    assert.ok(mailto?.startsWith('mailto:?subject='), mailto ?? '');
    const params = new URLSearchParams(mailto!.slice(mailto!.indexOf('?') + 1));
    assert.equal(params.get('subject'), '502 Bad Gateway on shop.example.com: what I’ve tried');
    const body = params.get('body')!;
    for (const title of titles) assert.ok(body.includes(title), `email body lacks “${title}”`);
    assert.ok(body.includes('Website: https://shop.example.com'));
    assert.ok(body.includes('Started: Today around 9:30, UK time'));
    assert.ok(body.includes('Cloudflare Ray ID: 8c1f2e3d4b5a6978-LHR'));
    assert.match(body, /\/fix\/role=owner\/.*contact-host=broken/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download as a text file' }).click()]);
    assert.equal(download.suggestedFilename(), '502-bad-gateway-handoff.txt');
    const file = await readFile((await download.path())!, 'utf8');
    assert.equal(file.replace(/\r\n/g, '\n'), body.replace(/\r\n/g, '\n'));

    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('navigation', { name: 'Site' }).isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Add to the message' }).isVisible(), false);
    assert.ok((await page.locator('pre').filter({ hasText: 'What I tried, in order' }).innerText()).includes(titles[1]));
    await page.context().close();
  });

  test('a bad site address gets a clear message and keeps what was typed', async () => {
    const page = await newPhone(env.browser, { javaScriptEnabled: false });
    await page.goto(`${env.app.url}/step/handoff`);
    await page.getByLabel('Your site’s address (optional)').fill('not a web address <b>');
    await page.getByLabel('When did the problem start? (optional)').fill('yesterday');
    await page.getByRole('button', { name: 'Add to the message' }).click();
    assert.match(await page.getByRole('alert').innerText(), /doesn’t look like a web address/);
    assert.equal(await page.getByLabel('Your site’s address (optional)').inputValue(), 'not a web address <b>');
    assert.equal(await page.getByLabel('When did the problem start? (optional)').inputValue(), 'yesterday');
    assert.equal(await page.locator('b').filter({ hasText: /^$/ }).count(), 0);
    pages.add(new URL(page.url()).pathname + new URL(page.url()).search);
    await page.context().close();
  });

  test('the flow map has one node per step, and every node opens its step', async () => {
    const page = await newPhone(env.browser);
    await page.goto(`${env.app.url}/map`);
    pages.add('/map');
    const nodes = page.locator('svg [data-step]');
    const ids = await nodes.evaluateAll((els) => els.map((e) => e.getAttribute('data-step')));
    assert.deepEqual([...ids].sort(), [...stepIds].sort());
    const hrefs = await nodes.evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    for (const [i, href] of hrefs.entries()) {
      const res = await page.request.get(`${env.app.url}${href}`);
      assert.equal(res.status(), 200, href!);
      assert.ok((await res.text()).includes((await titleOf(ids[i]!)).replace(/’/g, '’')), href!);
      // A box is named by the words it shows, wrapped over lines or not.
      assert.equal(await page.locator(`svg [data-step="${ids[i]}"]`).evaluate((e) => e.textContent), await titleOf(ids[i]!));
    }
    await nodes.first().click();
    await page.waitForURL(/\/step\//);
    assert.equal(await heading(page), await titleOf(ids[0]!));
    // The same flow as an outline, for screen readers and without JavaScript.
    await page.goto(`${env.app.url}/map`);
    assert.equal(await page.locator('[data-outline-step]').count(), stepIds.length);
    // Answers in the words the person sees on the step.
    assert.match(
      await page.locator('[data-outline-step="error-page"]').innerText(),
      new RegExp(`“${escapeRegExp(await labelOf('error-page', 'nginx'))}” leads to`),
    );
    await page.context().close();
  });

  test('the flow map draws the plan once: one node, and each fix it can pick hangs from it once', async () => {
    const page = await newPhone(env.browser);
    await page.goto(`${env.app.url}/map`);
    const plan = page.locator('svg [data-plan-node]');
    assert.equal(await plan.count(), 1);
    assert.equal(await plan.textContent(), planTitle);
    // No step is drawn twice, however many fixes lead back to the plan.
    assert.equal(new Set(await page.locator('svg [data-step]').evaluateAll((els) => els.map((e) => e.getAttribute('data-step')))).size, stepIds.length);
    // Selecting the plan's box goes to the table of which fix comes first.
    await plan.click();
    await page.waitForURL(/#which-first$/);
    assert.ok(await page.getByRole('heading', { name: 'Which fix comes first' }).isVisible());
    // The outline says where the plan leads: each fix it can pick, linked once.
    const outline = page.locator('[data-outline-plan]');
    const picks = await outline.locator('li a').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    assert.deepEqual(picks, planFixes().map(stepHref));
    assert.match(await outline.innerText(), new RegExp(`Once every fix in the plan has been tried: ${escapeRegExp(await titleOf('handoff'))}`));
    await page.context().close();
  });

  test('the table of which fix comes first shows the plan’s own first three fixes, per access', async () => {
    const page = await newPhone(env.browser, { javaScriptEnabled: false });
    await page.goto(`${env.app.url}/map`);
    const cases = planCases();
    assert.equal(await page.locator('[data-plan-case]').count(), cases.length);
    for (const c of cases) {
      const row = page.locator(`[data-plan-case="${c.kind}:${c.value}"]`);
      for (const access of ['ssh', 'panel', 'none'] as const) {
        const hrefs = await row.locator(`td[data-access="${access}"] a`).evaluateAll((els) => els.map((e) => e.getAttribute('href')));
        assert.deepEqual(hrefs, c.plans[access].order.slice(0, 3).map(stepHref), `${c.kind}:${c.value} with ${access}`);
      }
    }
    // A Cloudflare 525 is an SSL mismatch: its row starts with the SSL/TLS fix for everyone, and rules out the firewall.
    const ssl = page.locator('[data-plan-case="cloudflare:525"]');
    for (const access of ['ssh', 'panel', 'none']) {
      assert.equal(await ssl.locator(`td[data-access="${access}"] li`).first().innerText(), await titleOf('cloudflare-ssl'));
    }
    assert.ok((await ssl.innerText()).includes(await titleOf('firewall')));
    // A slow live check points to busy PHP workers first, with SSH or a panel.
    const slow = page.locator('[data-plan-case="check:slow"]');
    assert.equal(await slow.locator('td[data-access="ssh"] li').first().innerText(), await titleOf('php-workers'));
    await page.context().close();
  });

  test('axe-core finds no violations on the support pages, light or dark', async () => {
    const violations: string[] = [];
    for (const path of pages) {
      violations.push(...(await axeViolations(env.browser, `${env.app.url}${path}`)));
      violations.push(...(await axeViolations(env.browser, `${env.app.url}${path}`, 'dark')));
    }
    assert.ok(pages.size >= 7, [...pages].join(', '));
    assert.deepEqual(violations, []);
  });
});
