import { chromium } from 'playwright-core';
import { startApp } from '@/tests/support/server';
const app = await startApp();
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--disable-quic'] });
for (const js of [false, true]) {
  const ctx = await browser.newContext({ javaScriptEnabled: js, viewport: { width: 360, height: 800 }, colorScheme: js ? 'dark' : 'light' });
  const page = await ctx.newPage();
  const r = await page.goto(`${app.url}/fix/reach=everyone/role=owner/CALL-0800-HACKED/evidence=skip/found=nginx-socket-missing+made-up`);
  console.log(js, r?.status(), page.url());
  await page.screenshot({ path: `/tmp/repaired-${js ? 'js' : 'nojs'}.png`, fullPage: false });
  // Choose an answer: the next link is clean
  await page.getByRole('link', { name: /everyone/i }).first().click().catch(() => {});
  await page.waitForLoadState();
  console.log('after click', page.url());
  await ctx.close();
}
await browser.close(); await app.stop();
