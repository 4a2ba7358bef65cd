/**
 * Saves a screenshot of a page as a person would see it.
 * Usage: tsx scripts/screenshot.ts <url> <file.png> [width=390] [light|dark] [js|nojs] [height]
 * With a height, only that much of the page is taken; without, the whole page.
 */
import { chromium } from 'playwright-core';

const [url, file, width = '390', scheme = 'light', js = 'js', height] = process.argv.slice(2);
if (!url || !file) {
  console.error('Usage: tsx scripts/screenshot.ts <url> <file.png> [width] [light|dark] [js|nojs]');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
});
const page = await browser.newPage({
  viewport: { width: Number(width), height: Number(height ?? 800) },
  colorScheme: scheme === 'dark' ? 'dark' : 'light',
  javaScriptEnabled: js !== 'nojs',
});
await page.goto(url, { waitUntil: 'networkidle' });
await page.screenshot({ path: file, fullPage: !height });
await browser.close();
