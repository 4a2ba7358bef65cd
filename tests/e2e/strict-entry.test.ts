import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { newPhone } from '@/tests/support/browser';
import { appAndBrowser } from '@/tests/support/harness';

/**
 * The pages that show what a person typed or pasted are always entered by a
 * full page load, so their strict script policy is the one in force, not the
 * relaxed one of the step page the person came from.
 */

const env = appAndBrowser();

/** The review's probe: markup that runs an inline handler if the policy allows inline script. */
function inlineHandlerRuns(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const probe = document.createElement('div');
    probe.innerHTML = '<img src="/no-such-image.png" onerror="window.__probe = 1">';
    document.body.append(probe);
    await new Promise((r) => setTimeout(r, 500));
    return (window as unknown as { __probe?: number }).__probe === 1;
  });
}

const entries = [
  { from: '/fix/start=reach', into: '/check/start=reach', action: 'Check my site now' },
  { from: '/fix/start=logs', into: '/explain/start=logs', action: 'Explain my error log' },
  { from: '/', into: '/check', action: 'Check my site' },
];

describe('entering a strict page from elsewhere on the site', () => {
  test('the probe would run on a relaxed page, so its silence below means something', async () => {
    const page = await newPhone(env.browser);
    await page.goto(`${env.app.url}/fix/role=owner`);
    assert.equal(await inlineHandlerRuns(page), true);
    await page.context().close();
  });

  for (const { from, into, action } of entries) {
    test(`clicking “${action}” on ${from} loads ${into} afresh, under its strict policy`, async () => {
      const page = await newPhone(env.browser);
      await page.goto(`${env.app.url}${from}`);
      await page.getByRole('link', { name: action, exact: true }).first().click();
      await page.waitForURL((url) => url.pathname === into);
      await page.waitForLoadState('load');

      const navigation = await page.evaluate(() => {
        const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { url: entry.name, type: entry.type };
      });
      assert.equal(new URL(navigation.url).pathname, into, 'the document was loaded from the strict page itself');
      assert.equal(navigation.type, 'navigate');
      assert.equal(await inlineHandlerRuns(page), false, 'an injected inline handler was blocked');
      await page.context().close();
    });
  }
});
