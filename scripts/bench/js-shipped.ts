import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

/** Bytes of every script a page loads in Chromium (raw as served, and gzip), over the first 3 s after load. */
export async function jsShipped(browser: Browser, url: string): Promise<{ raw: number; gzip: number; files: number }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const bodies: Promise<Buffer | null>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() === 'script') bodies.push(res.body().catch(() => null));
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(3000);
  const files = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null);
  await context.close();
  return {
    raw: files.reduce((n, b) => n + b.length, 0),
    gzip: files.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
    files: files.length,
  };
}
