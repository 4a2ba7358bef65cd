import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}

/** A phone-sized context; pass `javaScriptEnabled: false` for a no-JS visitor. */
export async function newPhone(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, ...options });
  return context.newPage();
}

/**
 * Runs axe-core against a URL in a JavaScript-enabled page (axe cannot run
 * where scripts are off) and returns the violations, one line each.
 */
export async function axeViolations(browser: Browser, url: string, colorScheme: 'light' | 'dark' = 'light'): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, colorScheme });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    return results.violations.map((v) => `${url} [${colorScheme}]: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  } finally {
    await context.close();
  }
}
