import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, newPhone } from '@/tests/support/browser';
import { appAndBrowser } from '@/tests/support/harness';
import { titleOf } from '@/tests/support/content';
import { answer as answerStep, heading, labelOf, labels } from '@/tests/support/wizard';

/** Whole journeys in real Chromium, as a person on a phone would take them. */

const visited = new Set<string>();

const env = appAndBrowser();

/** Answers, and remembers the page for the accessibility check at the end. */
async function answer(page: Page, label: string | RegExp, nextStep: string) {
  await answerStep(page, label, nextStep);
  visited.add(new URL(page.url()).pathname);
}

async function start(page: Page) {
  await page.goto(`${env.app.url}/`);
  visited.add('/');
  await page.getByRole('link', { name: 'Start troubleshooting' }).click();
  await page.waitForURL(/\/fix$/);
  assert.equal(await heading(page), await titleOf('role'));
  visited.add('/fix');
}

const { owner, everyone, broken, notSure } = labels;
let skip: string;
before(async () => {
  skip = await labelOf('evidence', 'skip');
});

describe('walking the wizard', () => {
  test('a visitor is told what they can try, and never sees a server step', async () => {
    const page = await newPhone(env.browser);
    await start(page);
    await answer(page, 'I’m visiting someone else’s site', 'reach');
    await answer(page, 'It works elsewhere, only I see the error', 'error-page');
    await answer(page, 'My browser’s own error page', 'reload');
    await answer(page, broken, 'clear-cache');
    await answer(page, broken, 'flush-dns');
    await answer(page, 'I can’t do this', 'other-network');
    await answer(page, broken, 'visitor-end');
    assert.equal(await page.getByRole('heading', { name: 'Choose your answer' }).count(), 0, 'an ending asks nothing');
    const record = await page.getByRole('region', { name: 'Your answers so far' }).innerText();
    assert.match(record, /I can’t do this/);
    await page.context().close();
  });

  test('an owner without server access ends at the hand-off', async () => {
    const page = await newPhone(env.browser);
    await start(page);
    await answer(page, owner, 'evidence');
    await answer(page, skip, 'reach');
    await answer(page, everyone, 'error-page');
    await answer(page, notSure, 'reload');
    await answer(page, broken, 'access');
    await answer(page, 'Neither', 'cdn');
    await answer(page, 'No', 'cms');
    await answer(page, 'WordPress', 'dns');
    await answer(page, 'I can’t do this', 'contact-host');
    await answer(page, 'Still broken after their help', 'handoff');
    assert.doesNotMatch(page.url(), /server-health|proxy|firewall|bans|plugins|logs|restart|php-|hops|app-server/);
    await page.context().close();
  });

  // Labels as literal strings; the evidence step's “skip” is read from its frontmatter once it is known.
  const sshWalk = (): [string, string][] => [
    [owner, 'evidence'],
    [skip, 'reach'],
    [everyone, 'error-page'],
    [notSure, 'reload'],
    [broken, 'access'],
    ['I can log in to the server (SSH)', 'platform'],
    ['Debian 12 (bookworm), no panel', 'cdn'],
    ['No', 'cms'],
    ['WordPress', 'server'],
    ['Nginx', 'proxy'],
    [broken, 'restart'],
    [broken, 'logs'],
    [broken, 'php-workers'],
    ['That fixed it: the site works', 'fixed'],
  ];

  test('an owner with SSH on Nginx and WordPress is fixed by the PHP workers step, without page loads', async () => {
    const page = await newPhone(env.browser);
    await start(page);
    // A marker on the window survives client-side navigation but not a page load.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    for (const [label, step] of sshWalk()) {
      await answer(page, label, step);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'step-title', `focus moves to the heading of ${step}`);
    }
    assert.equal(await page.evaluate(() => (window as unknown as { marker?: number }).marker), 1, 'steps changed without a full page load');
    const tried = await page.getByRole('region', { name: 'Your answers so far' }).innerText();
    assert.match(tried, /Nginx/);
    assert.ok(tried.includes(await titleOf('php-workers')));
    for (const step of ['firewall', 'bans', 'plugins']) assert.ok(!tried.includes(await titleOf(step)), `${step} is not on the way`);
    await page.context().close();
  });

  test('the same walk works with JavaScript off', async () => {
    const page = await newPhone(env.browser, { javaScriptEnabled: false });
    await start(page);
    for (const [label, step] of sshWalk()) await answer(page, label, step);
    assert.match(page.url(), /php-workers=fixed$/);
    await page.context().close();
  });

  test('Nginx commands are shown to Nginx users; all variants when the server is unknown', async () => {
    const page = await newPhone(env.browser);
    // Custom code on PHP: the app question is answered too.
    const base = '/fix/role=owner/evidence=skip/reach=everyone/error-page=not-sure/reload=broken/access=ssh/platform=debian-12/cdn=no/cms=none';
    await page.goto(`${env.app.url}${base}/server=nginx/app=php`);
    assert.equal(await heading(page), await titleOf('proxy'));
    assert.equal(await page.getByText('If your site runs on', { exact: false }).count(), 0);
    assert.ok((await page.locator('pre').allInnerTexts()).join('\n').includes('nginx'));
    assert.ok(!(await page.locator('pre').allInnerTexts()).join('\n').includes('apache2'));
    await page.goto(`${env.app.url}${base}/server=not-sure/app=php`);
    assert.equal(await heading(page), await titleOf('proxy'));
    visited.add(`${base}/server=not-sure/app=php`);
    assert.ok((await page.getByText('If your site runs on Nginx').count()) > 0);
    assert.ok((await page.getByText('If your site runs on Apache').count()) > 0);
    await page.context().close();
  });

  test('a shared deep link opens the same step, with the same answers, in a fresh browser', async () => {
    const first = await newPhone(env.browser);
    await first.goto(`${env.app.url}/fix`);
    for (const [label, step] of sshWalk().slice(0, 11)) await answer(first, label, step);
    const shared = first.url();
    const record = await first.getByRole('region', { name: 'Your answers so far' }).innerText();
    await first.context().close();

    const other = await newPhone(env.browser, { javaScriptEnabled: false });
    await other.goto(shared);
    assert.equal(await heading(other), await titleOf('restart'));
    assert.equal(await other.getByRole('region', { name: 'Your answers so far' }).innerText(), record);
    await other.context().close();
  });

  test('back and change keep later answers', async () => {
    const page = await newPhone(env.browser);
    await page.goto(`${env.app.url}/fix`);
    for (const [label, step] of sshWalk().slice(0, 12)) await answer(page, label, step);
    await page.getByRole('link', { name: 'Change web server' }).click();
    await page.waitForURL(/at=server$/);
    assert.equal(await heading(page), await titleOf('server'));
    assert.match(await page.getByRole('link', { name: /Nginx/ }).innerText(), /your answer before/);
    // The fixes already tried stay tried: the next one not tried yet follows.
    await answer(page, 'Apache', 'logs');
    const record = await page.getByRole('region', { name: 'Your answers so far' }).innerText();
    assert.match(record, /Apache/);
    assert.ok(record.includes(await titleOf('restart')), 'fixes tried before the change are kept');
    await page.getByRole('link', { name: /Back to the previous step/ }).click();
    await page.waitForURL(/at=restart$/);
    assert.equal(await page.getByRole('link', { name: /^Still broken\W+your answer before$/ }).count(), 1);
    await answer(page, /^Still broken/, 'logs');
    visited.add(new URL(page.url()).pathname);
    await page.context().close();
  });

  test('a tampered link says what was wrong and keeps the rest', async () => {
    const page = await newPhone(env.browser, { javaScriptEnabled: false });
    const res = await page.goto(`${env.app.url}/fix/role=owner/reach=<script>alert(1)<%2Fscript>/banana/reach=everyone`);
    assert.equal(res?.status(), 200);
    assert.equal(await heading(page), await titleOf('error-page'));
    const notice = await page.getByRole('status').innerText();
    assert.match(notice, /didn’t make sense/);
    assert.match(notice, /banana/);
    assert.equal(await page.locator('script:not([src])').filter({ hasText: 'alert(1)' }).count(), 0);
    visited.add(new URL(page.url()).pathname);
    await page.context().close();
  });

  test('an unknown page gets a clear not-found page with a way back in', async () => {
    const page = await newPhone(env.browser, { javaScriptEnabled: false });
    const res = await page.goto(`${env.app.url}/no-such-page`);
    assert.equal(res?.status(), 404);
    assert.match(await heading(page), /couldn’t find/);
    await page.getByRole('link', { name: 'Start the troubleshooter' }).click();
    assert.equal(await heading(page), await titleOf('role'));
    visited.add('/no-such-page');
    await page.context().close();
  });

  test('axe-core finds no violations on any page visited, light or dark', async () => {
    assert.ok(visited.size > 20, `only ${visited.size} pages visited`);
    const violations: string[] = [];
    for (const path of visited) {
      violations.push(...(await axeViolations(env.browser, `${env.app.url}${path}`)));
    }
    for (const path of [...visited].slice(0, 12)) {
      violations.push(...(await axeViolations(env.browser, `${env.app.url}${path}`, 'dark')));
    }
    assert.deepEqual(violations, []);
  });
});
