import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPhone } from '@/tests/support/browser';
import { titleOf } from '@/tests/support/content';
import { startApp, type AppServer } from '@/tests/support/server';

/**
 * A team running its own copy changes content/site.ts and rebuilds. This
 * builds such a copy, with other settings, and checks they reach the pages.
 */

const settings = `import { siteSettings } from './schema';

export const site = siteSettings.parse({
  productName: 'Acme Hosting Help',
  siteUrl: 'https://help.acme.test',
  support: { email: 'support@acme.test', phone: '+44 20 7946 0000' },
  platform: 'plesk',
});
`;

let dir: string;
let app: AppServer;
let browser: Browser;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'troubleshooter-settings-'));
  // Everything the app is built from: the routes and the domain folders beside them (machines, evidence, live-check…).
  // Not the tests, scripts and reports, which the build would type-check but the app never imports.
  const left = new Set(['node_modules', 'tests', 'scripts', 'bench', 'test-results']);
  for (const entry of await readdir('.')) {
    if (entry.startsWith('.') || left.has(entry) || entry.endsWith('.tsbuildinfo')) continue;
    await cp(entry, join(dir, entry), { recursive: true });
  }
  // Hard links make the copy's node_modules instant; a plain copy if they can't be made.
  try {
    execFileSync('cp', ['-al', 'node_modules', join(dir, 'node_modules')]);
  } catch {
    await cp('node_modules', join(dir, 'node_modules'), { recursive: true });
  }
  await writeFile(join(dir, 'content/site.ts'), settings);
  execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'pipe',
  });
  [app, browser] = await Promise.all([startApp({ cwd: dir }), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await app?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('site settings', () => {
  test('the product name, support contacts and site address reach the pages', async () => {
    const page = await newPhone(browser, { javaScriptEnabled: false });
    await page.goto(
      `${app.url}/fix/role=owner/evidence=skip/reach=everyone/error-page=not-sure/reload=broken/access=none/cdn=no/cms=none/dns=broken/contact-host=broken`,
    );
    assert.match(await page.title(), /· Acme Hosting Help$/);
    assert.equal(await page.getByRole('banner').getByRole('link').first().innerText(), 'Acme Hosting Help');

    const handoff = page.getByRole('region', { name: 'Your message for the host' });
    assert.match(await handoff.innerText(), /support@acme\.test/);
    assert.equal(await handoff.getByRole('link', { name: '+44 20 7946 0000' }).getAttribute('href'), 'tel:+442079460000');
    const mailto = await handoff.getByRole('link', { name: 'Open in your email app' }).getAttribute('href');
    assert.ok(mailto?.startsWith('mailto:support@acme.test?subject='), mailto ?? '');
    const message = await page.getByLabel('The message').inputValue();
    assert.match(message, /https:\/\/help\.acme\.test\/fix\/role=owner\//);

    await page.context().close();
  });

  test('a copy that names its platform never asks it, and shows that panel’s screens and commands', async () => {
    const page = await newPhone(browser, { javaScriptEnabled: false });
    await page.goto(`${app.url}/fix/role=owner/evidence=skip/reach=everyone/error-page=not-sure/reload=broken/access=server-panel`);
    assert.equal(await page.locator('h1').innerText(), await titleOf('cdn'), 'the platform question is skipped');
    await page.goto(`${app.url}/step/restart`);
    const text = await page.locator('article').innerText();
    assert.match(text, /plesk-php\d\d-fpm/, 'Plesk’s PHP-FPM service');
    assert.doesNotMatch(text, /php8\.\d-fpm|ea-php/, 'no other platform’s');
    assert.doesNotMatch(text, /If your server runs/, 'no variants for other platforms');
    await page.context().close();
  });
});
