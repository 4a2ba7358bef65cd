import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { newPhone } from '@/tests/support/browser';
import { appAndBrowser } from '@/tests/support/harness';
import { titleOf } from '@/tests/support/content';
import { startApp } from '@/tests/support/server';
import { answer, heading, labels, pick } from '@/tests/support/wizard';

/** Progress is never lost: reload, back, forward, a restarted server, and the browser's memory of it. */

const env = appAndBrowser();

const key = '502-troubleshooter:progress';

/** Four questions and a fix, the live-check offer skipped, up to the access question. */
async function walkFourSteps(page: Page) {
  await page.goto(`${env.app.url}/fix`);
  await answer(page, labels.owner, 'evidence');
  await pick(page, 'evidence=skip', 'reach');
  await answer(page, labels.everyone, 'error-page');
  await answer(page, labels.notSure, 'reload');
  await answer(page, labels.broken, 'access');
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return errors;
}

describe('progress is never lost', () => {
  test('reload, back and forward keep the step and the answers', async () => {
    const page = await newPhone(env.browser);
    await walkFourSteps(page);
    const record = await page.getByRole('region', { name: 'Your answers so far' }).innerText();
    await page.reload();
    assert.equal(await heading(page), await titleOf('access'));
    assert.equal(await page.getByRole('region', { name: 'Your answers so far' }).innerText(), record);
    await page.goBack();
    await page.waitForURL(/error-page=not-sure$/);
    await page.locator('h1', { hasText: await titleOf('reload') }).waitFor({ timeout: 10_000 });
    await page.goForward();
    await page.waitForURL(/reload=broken$/);
    await page.locator('h1', { hasText: await titleOf('access') }).waitFor({ timeout: 10_000 });
    assert.equal(await page.getByRole('region', { name: 'Your answers so far' }).innerText(), record);
    await page.context().close();
  });

  test('a restarted server opens the same step', async () => {
    const page = await newPhone(env.browser);
    await walkFourSteps(page);
    const url = page.url();
    const { port } = env.app;
    await env.app.stop();
    env.app = await startApp({ port });
    await page.reload();
    assert.equal(page.url(), url);
    assert.equal(await heading(page), await titleOf('access'));
    await answer(page, 'Neither', 'cdn');
    await page.context().close();
  });

  test('the home page offers to continue where you left off, and an ending clears it', async () => {
    const page = await newPhone(env.browser);
    await walkFourSteps(page);
    const url = page.url();
    await page.goto(`${env.app.url}/`);
    const link = page.getByRole('link', { name: `Continue where you left off: ${await titleOf('access')}` });
    await link.click();
    await page.waitForURL(url);
    await answer(page, 'Neither', 'cdn');
    await page.goto(`${env.app.url}/fix/role=visitor/reach=everyone/error-page=nginx/reload=fixed`);
    assert.equal(await heading(page), await titleOf('fixed'));
    await page.goto(`${env.app.url}/`);
    assert.equal(await page.getByRole('link', { name: /Continue where you left off/ }).count(), 0);
    await page.context().close();
  });

  for (const [what, stored] of [
    ['corrupt', '{"version": "x", "path": '],
    ['from an older machine', JSON.stringify({ version: 'older', path: '/fix/role=owner', title: 'Is it down?', savedAt: 1 })],
    ['pointing somewhere else', JSON.stringify({ version: 'any', path: 'https://evil.example/', title: 'x', savedAt: 1 })],
  ] as const) {
    test(`saved progress that is ${what} is ignored safely`, async () => {
      const page = await newPhone(env.browser);
      const errors = watchErrors(page);
      await page.goto(`${env.app.url}/steps`);
      await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, stored]);
      await page.goto(`${env.app.url}/`);
      await page.getByRole('link', { name: 'Start troubleshooting' }).waitFor();
      assert.equal(await page.getByRole('link', { name: /Continue where you left off/ }).count(), 0);
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), null, 'the bad entry is dropped');
      assert.deepEqual(errors, []);
      await page.context().close();
    });
  }

  test('a full storage does not get in the way', async () => {
    const page = await newPhone(env.browser);
    const errors = watchErrors(page);
    await page.goto(`${env.app.url}/steps`);
    const filled = await page.evaluate(() => {
      const chunk = 'x'.repeat(512 * 1024);
      let i = 0;
      try {
        for (; i < 100; i++) localStorage.setItem(`filler-${i}`, chunk);
      } catch {
        return i;
      }
      return -1;
    });
    assert.ok(filled > 0, 'storage filled up');
    await walkFourSteps(page);
    await page.goto(`${env.app.url}/`);
    await page.getByRole('link', { name: 'Start troubleshooting' }).waitFor();
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test('links made before the live-check offer skip it when they answer later questions', async () => {
    const page = await newPhone(env.browser, { javaScriptEnabled: false });
    await page.goto(`${env.app.url}/fix/role=owner/reach=everyone`);
    assert.equal(await heading(page), await titleOf('error-page'));
    assert.equal(await page.getByRole('status').count(), 0, 'nothing in the link was wrong');
    await page.goto(
      `${env.app.url}/fix/role=owner/reach=everyone/error-page=not-sure/reload=broken/access=panel/platform=cpanel/cdn=no/cms=wordpress/server=nginx`,
    );
    assert.equal(await heading(page), await titleOf('logs'));
    // A link that stops at the owner still offers it.
    await page.goto(`${env.app.url}/fix/role=owner`);
    assert.equal(await heading(page), await titleOf('evidence'));
    await page.context().close();
  });

  test('old links: a renamed step redirects, a removed one leads to the nearest with a note', async () => {
    const page = await newPhone(env.browser, { javaScriptEnabled: false });
    await page.goto(`${env.app.url}/step/reverse-proxy`);
    assert.match(page.url(), /\/step\/proxy$/);
    assert.equal(await heading(page), await titleOf('proxy'));
    await page.goto(
      `${env.app.url}/fix/role=owner/reach=everyone/error-page=nginx/reload=broken/access=ssh/platform=debian-12/cdn=no/cms=none/at=disable-firewall/start=disable-firewall`,
    );
    assert.equal(await heading(page), await titleOf('firewall'));
    assert.match(await page.getByRole('status').innerText(), /never be left off/);
    await page.context().close();
  });
});
