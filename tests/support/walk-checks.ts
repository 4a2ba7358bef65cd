import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { AppServer } from './server';
import { axeViolations, newPhone } from './browser';
import { titleOf } from './content';
import { heading } from './wizard';

const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Axe on the page as it is, where scripts run; where they don't (axe needs
 * them), the same URL opened again in a page that runs them. Each URL is
 * checked once per checker.
 */
export function axeChecker(browser: () => Browser) {
  const seen = new Set<string>();
  return async function axeHere(page: Page, javaScriptEnabled: boolean): Promise<string[]> {
    const url = page.url();
    if (javaScriptEnabled) {
      seen.add(url);
      const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
      return results.violations.map((v) => `${url}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    }
    if (seen.has(url)) return [];
    seen.add(url);
    return axeViolations(browser(), url);
  };
}

/** One walk through the wizard: `run` takes it from the first question and calls `visited` on every page it reaches. */
export interface Walk {
  name: string;
  title: string;
  run(page: Page, visited: () => Promise<void>): Promise<void>;
}

/**
 * Each walk from the landing page on a 360 px phone, with JavaScript and
 * without; every page reached checked with axe-core, and the last kept as a
 * screenshot in /tmp/walks for people to look at.
 */
export function describeWalks(title: string, walks: readonly Walk[], env: { app: AppServer; browser: Browser }): void {
  const axeHere = axeChecker(() => env.browser);
  describe(title, () => {
    for (const w of walks) {
      for (const javaScriptEnabled of [true, false]) {
        test(`${w.title} (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
          const page = await newPhone(env.browser, { javaScriptEnabled });
          const violations: string[] = [];
          const visited = async () => {
            violations.push(...(await axeHere(page, javaScriptEnabled)));
          };
          try {
            await page.goto(`${env.app.url}/`);
            await visited();
            await page.getByRole('link', { name: 'Start troubleshooting' }).click();
            await page.waitForURL(/\/fix$/);
            assert.equal(await heading(page), await titleOf('role'));
            await visited();
            await w.run(page, visited);
            assert.deepEqual(violations, []);
          } finally {
            await mkdir('/tmp/walks', { recursive: true });
            await page.screenshot({ path: `/tmp/walks/${w.name}-${javaScriptEnabled ? 'js' : 'nojs'}.png`, fullPage: true }).catch(() => {});
            await page.context().close();
          }
        });
      }
    }
  });
}
