import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { titleOf } from '@/tests/support/content';
import { newPhone } from '@/tests/support/browser';
import { appAndBrowser } from '@/tests/support/harness';
import { journeyPages, threeEndings } from '@/tests/support/journeys';
import { startApp } from '@/tests/support/server';
import { openSqliteStore } from '@/outcomes/sqlite-store';

/**
 * The team's view: three journeys that end differently, walked in a phone
 * browser with JavaScript off and then on, show up on /insights with the
 * right counts, once the right password is given, and not before. A wrong
 * password is refused, then refused for a while; with no password set the
 * page is switched off. Pages are checked with axe-core, light and dark,
 * and kept as screenshots in /tmp/walks.
 */

const password = 'a long team password';
const dataDir = mkdtempSync(join(tmpdir(), 'insights-e2e-'));
const env = appAndBrowser({ env: { INSIGHTS_PASSWORD: password, DATA_DIR: dataDir, OUTCOMES_RATE_LIMIT: '100000' } });
const journeys = threeEndings();
const shots = '/tmp/walks';
mkdirSync(shots, { recursive: true });

after(() => rmSync(dataDir, { recursive: true, force: true }));

/** Waits (bounded) until the store holds `n` outcomes: beacons and pixels arrive after the page has loaded. */
async function storedOutcomes(n: number): Promise<void> {
  const store = openSqliteStore(join(dataDir, 'outcomes.sqlite'));
  try {
    let have = 0;
    for (let i = 0; i < 50; i++) {
      have = Number((await store.query<{ n: number }>('SELECT COUNT(*) AS n FROM outcomes'))[0].n);
      if (have >= n) break;
      await sleep(100);
    }
    assert.equal(have, n, 'outcomes stored');
  } finally {
    await store.close();
  }
}

/**
 * One person's journey: every page in turn, in a browser of their own. (One
 * browser counts a page once: the pixel is kept for an hour, and a tab
 * sends a page's beacon once.) Returns the page, left at the ending.
 */
async function person(href: string, javaScriptEnabled: boolean): Promise<Page> {
  const page = await newPhone(env.browser, { javaScriptEnabled });
  for (const path of journeyPages(href)) {
    await page.goto(`${env.app.url}${path}`);
    await page.locator('h1').waitFor();
    // The pixel (no JavaScript) or the beacon (with it) goes once the page is shown.
    await page.waitForLoadState('networkidle');
  }
  return page;
}

async function walkAll(javaScriptEnabled: boolean, vote: string): Promise<void> {
  const fixed = await person(journeys.fixed, javaScriptEnabled);
  await fixed.getByRole('button', { name: vote }).click();
  await fixed.getByText('Thank you for answering.').waitFor();
  await fixed.waitForLoadState('networkidle');
  await fixed.context().close();
  for (const href of [journeys.handoff, journeys.visitor]) await (await person(href, javaScriptEnabled)).context().close();
}

async function signIn(page: Page, with_ = password): Promise<void> {
  await page.goto(`${env.app.url}/insights`);
  await page.getByLabel('Team password').fill(with_);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The heading is the same before and after: wait for what only an answer shows.
  await page.locator('main [role="alert"], main button:has-text("Sign out")').first().waitFor();
}

/** A table's rows as text, by its caption. */
async function table(page: Page, caption: string): Promise<string[][]> {
  return page
    .getByRole('table', { name: caption, exact: true })
    .evaluate((t) => [...(t as HTMLTableElement).tBodies[0].rows].map((r) => [...r.cells].map((c) => (c.textContent ?? '').trim())));
}

async function tile(page: Page, term: string): Promise<string> {
  return (
    await page
      .locator('dl.stat-tiles > div')
      .filter({ has: page.locator('dt', { hasText: term }) })
      .locator('dd')
      .innerText()
  ).trim();
}

async function noViolations(page: Page, label: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    assert.deepEqual(
      results.violations.map((v) => `${label} [${colorScheme}]: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
      [],
    );
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('insights for the team', () => {
  test('before signing in, /insights shows a sign-in form and no figures, and the export answers 401', async () => {
    const response = await fetch(`${env.app.url}/insights`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('cache-control') ?? '', /no-store/);
    assert.match(response.headers.get('x-robots-tag') ?? '', /noindex/);
    assert.match(response.headers.get('content-security-policy') ?? '', /'nonce-/);
    const html = await response.text();
    assert.match(html, /Team password/);
    assert.doesNotMatch(html, /Journeys started|How journeys ended/);
    assert.match(html, /<meta name="robots" content="noindex, nofollow"/);
    const csv = await fetch(`${env.app.url}/insights/export?table=outcomes`);
    assert.equal(csv.status, 401);
    assert.doesNotMatch(await csv.text(), /day,/);
  });

  test('without JavaScript: three journeys and a “yes” are counted, and show once the right password is given', async () => {
    await walkAll(false, 'Yes, it helped');
    await storedOutcomes(3);
    const page = await newPhone(env.browser, { javaScriptEnabled: false });

    await signIn(page, 'not the password at all');
    assert.equal(await page.locator('main [role="alert"]').innerText(), 'That password is not right. Check it and try again.');
    assert.equal(await page.locator('dl.stat-tiles').count(), 0, 'a wrong password shows no figures');

    await signIn(page);
    assert.equal(await page.locator('h1').innerText(), 'Insights');
    assert.equal(await tile(page, 'Journeys started'), '3');
    assert.equal(await tile(page, 'Journeys ended'), '3');
    assert.deepEqual(await table(page, 'Journeys by ending'), [
      ['Fixed', '1', '33%'],
      ['Handed to the host', '1', '33%'],
      ['Visitor, sent to the site’s owner', '1', '33%'],
    ]);
    assert.deepEqual(await table(page, 'Fixes that ended journeys as fixed'), [[await titleOf('php-workers'), '1', '100%']]);
    assert.deepEqual(await table(page, 'Answers to “Did this help?”'), [[`Fixed: ${await titleOf('php-workers')}`, '1', '0', '100%']]);
    const steps = await table(page, 'Views of each step');
    assert.deepEqual(steps[0], [await titleOf('role'), 'Finding out', '3', '100%', '3', '0'], 'every journey began at the first question and went on');
    await page.getByText('Nobody left partway in this period.').waitFor();
    const cloudflare = await table(page, 'The number on Cloudflare’s page, and how those journeys ended');
    assert.equal(cloudflare[0][0].startsWith('522'), true);
    assert.deepEqual(cloudflare[0].slice(1), ['1', '1', '0', '0', `${await titleOf('php-workers')} (1)`]);
    await page.screenshot({ path: `${shots}/insights-nojs-360.png`, fullPage: true });
    await page.context().close();
  });

  test('with JavaScript: the beacons count the same journeys again, and a “no”', async () => {
    await walkAll(true, 'No, it did not');
    await storedOutcomes(6);
    const page = await newPhone(env.browser);

    await signIn(page);
    assert.equal(await tile(page, 'Journeys started'), '6');
    assert.deepEqual(await table(page, 'Journeys by ending'), [
      ['Fixed', '2', '33%'],
      ['Handed to the host', '2', '33%'],
      ['Visitor, sent to the site’s owner', '2', '33%'],
    ]);
    assert.deepEqual(await table(page, 'Answers to “Did this help?”'), [[`Fixed: ${await titleOf('php-workers')}`, '1', '1', '50%']]);

    const [cookie] = (await page.context().cookies()).filter((c) => c.name === 'insights');
    assert.ok(cookie, 'signed in with a cookie');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(cookie.path, '/insights');

    // The CSV, with the page's own cookie.
    const href = await page.getByRole('link', { name: 'Journeys that ended (CSV)' }).getAttribute('href');
    const csv = await page.context().request.get(`${env.app.url}${href}`);
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()['content-type'], /^text\/csv/);
    assert.match(csv.headers()['content-disposition'], /^attachment; filename="outcomes-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await csv.text()).trim().split('\r\n');
    assert.equal(lines.length, 7, 'a header and six journeys');
    assert.deepEqual(
      lines
        .slice(1)
        .map((l) => l.split(',')[2])
        .sort(),
      ['fixed', 'fixed', 'handoff', 'handoff', 'visitor-end', 'visitor-end'],
    );

    await noViolations(page, '/insights');
    await page.setViewportSize({ width: 320, height: 740 });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'no sideways scrolling at 320 px');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${shots}/insights-dark-320.png`, fullPage: true });

    // Signing out leaves the figures behind.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are signed out.').waitFor();
    assert.equal(await page.locator('dl.stat-tiles').count(), 0);
    await noViolations(page, '/insights signed out');
    await page.context().close();
  });

  test('a period the page cannot read falls back to the last 28 days and says why', async () => {
    const page = await newPhone(env.browser);
    await signIn(page);
    await page.goto(`${env.app.url}/insights?from=2026-02-30&to=nonsense`);
    assert.match(await page.locator('main [role="alert"]').innerText(), /not days we can read.*This shows the last 28 days instead/);
    assert.equal(await tile(page, 'Journeys ended'), '6');
    await page.goto(`${env.app.url}/insights?from=2001-01-01&to=2001-01-31`);
    assert.equal(await tile(page, 'Journeys ended'), '0');
    await page.getByText('No journey ended “fixed” in this period.').waitFor();
    await page.context().close();
  });
});

describe('the way in', () => {
  let browser: Browser;
  before(() => {
    browser = env.browser;
  });

  test('a wrong password is refused, and after five tries even the right one waits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'insights-limit-'));
    const app = await startApp({ env: { INSIGHTS_PASSWORD: password, DATA_DIR: dir } });
    const page = await newPhone(browser, { javaScriptEnabled: false });
    try {
      const attempt = async (given: string) => {
        await page.goto(`${app.url}/insights`);
        await page.getByLabel('Team password').fill(given);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.locator('main [role="alert"]').waitFor();
        return page.locator('main [role="alert"]').innerText();
      };
      for (let i = 1; i <= 5; i++) assert.equal(await attempt(`wrong guess ${i}`), 'That password is not right. Check it and try again.', `try ${i}`);
      assert.match(await attempt('wrong guess 6'), /^Too many tries\. Wait 1[45] minutes, then try again\.$/);
      assert.match(await attempt(password), /^Too many tries/, 'the right password waits too');
      assert.equal(await page.locator('dl.stat-tiles').count(), 0);
    } finally {
      await page.context().close();
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('with no INSIGHTS_PASSWORD the page is switched off and shows nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'insights-off-'));
    const app = await startApp({ env: { INSIGHTS_PASSWORD: '', DATA_DIR: dir } });
    try {
      const response = await fetch(`${app.url}/insights`);
      const html = await response.text();
      assert.match(html, /Insights are switched off/);
      assert.doesNotMatch(html, /Team password|Journeys started/);
      assert.equal((await fetch(`${app.url}/insights/export?table=outcomes`)).status, 404);
      const page = await newPhone(browser);
      await page.goto(`${app.url}/insights`);
      await noViolations(page, '/insights switched off');
      await page.context().close();
    } finally {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
