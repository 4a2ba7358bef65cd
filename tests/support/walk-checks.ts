import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from './browser';

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
