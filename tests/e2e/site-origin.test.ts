import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { canonicalHref, stateFromSegments } from '@/machines/url-state';
import { launchBrowser, newPhone } from '@/tests/support/browser';
import { startApp, type AppServer } from '@/tests/support/server';

/**
 * The build under test was made without SITE_URL (as `npm test` builds it).
 * One server lists a host in ALLOWED_HOSTS, one has neither setting.
 */

const handoff = 'role=owner/evidence=skip/reach=everyone/error-page=not-sure/reload=broken/access=none/cdn=no/cms=none/dns=broken/contact-host=broken'.split(
  '/',
);
const progress = canonicalHref(stateFromSegments(handoff));
const messagePath = canonicalHref(stateFromSegments(handoff), '/message');
const warning = 'SITE_URL and ALLOWED_HOSTS are both unset';
const times = (text: string) => text.split(warning).length - 1;

/** A GET with the Host (and any other) headers a browser could not choose. */
function get(app: AppServer, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: app.port, path, headers, timeout: 20_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${path} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

/** The hand-off message as the page's HTML carries it. */
function messageIn(html: string): string {
  const found = html.match(/<textarea[^>]*id="handoff-message"[^>]*>([^<]*)<\/textarea>/);
  assert.ok(found, 'the page has the hand-off message');
  return found[1].replace(/&amp;/g, '&');
}

let listed: AppServer;
let unset: AppServer;
let browser: Browser;

before(async () => {
  [listed, unset, browser] = await Promise.all([
    startApp({ env: { SITE_URL: '', ALLOWED_HOSTS: 'help.example.com, help.example.com:8443' } }),
    startApp({ env: { SITE_URL: '', ALLOWED_HOSTS: '' } }),
    launchBrowser(),
  ]);
});

after(async () => {
  await browser?.close();
  await Promise.all([listed?.stop(), unset?.stop()]);
});

describe('links on the address people use', () => {
  test('the message page links to an allowed host the request came to', async () => {
    const page = await get(listed, messagePath, { host: 'help.example.com' });
    assert.equal(page.status, 200);
    assert.match(messageIn(page.body), new RegExp(`^http://help\\.example\\.com${progress}$`, 'm'));

    const behindTls = await get(listed, messagePath, { host: '127.0.0.1', 'x-forwarded-host': 'help.example.com:8443', 'x-forwarded-proto': 'https' });
    assert.match(messageIn(behindTls.body), new RegExp(`^https://help\\.example\\.com:8443${progress}$`, 'm'));
  });

  test('an unlisted host reaches no link, and nor does localhost', async () => {
    const hostile: Record<string, string>[] = [{ host: 'evil.example' }, { host: '127.0.0.1', 'x-forwarded-host': 'evil.example' }, { host: 'localhost:3000' }];
    for (const headers of hostile) {
      const page = await get(listed, messagePath, headers);
      assert.equal(page.status, 200);
      assert.doesNotMatch(page.body, /evil\.example|localhost/, JSON.stringify(headers));
      assert.match(messageIn(page.body), new RegExp(`^${progress}$`, 'm'), 'the link is a path the page says to complete');
      assert.match(page.body, /put this site’s address from your browser’s address bar in front of it/);
    }
  });

  test('the link builder without JavaScript names only an allowed host', async () => {
    const built = /id="built-link"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*id="built-link"/;
    const path = '/steps/link?start=restart&server=apache';
    const allowed = (await get(listed, path, { host: 'help.example.com' })).body.match(built);
    assert.match(allowed?.[1] ?? allowed?.[2] ?? '', /^http:\/\/help\.example\.com\/fix\/start=restart\//);
    const evil = (await get(listed, path, { host: 'evil.example' })).body;
    assert.doesNotMatch(evil, /evil\.example|localhost/);
    const relative = evil.match(built);
    assert.match(relative?.[1] ?? relative?.[2] ?? '', /^\/fix\/start=restart\//);
  });

  test('pages built once name no host, whatever the request says', async () => {
    for (const path of ['/fix', '/fix/role=owner', '/steps', '/summary', progress]) {
      const page = await get(listed, path, { host: 'evil.example' });
      assert.equal(page.status, 200, path);
      assert.doesNotMatch(page.body, /localhost|evil\.example|help\.example\.com/, path);
    }
    const step = await get(unset, '/fix/role=owner');
    assert.doesNotMatch(step.body, /<link rel="canonical"/, 'no canonical link: a path would be no use to a search engine');
  });

  test('no page prerendered by the build links to localhost', async () => {
    const files = (await readdir('.next/server/app', { recursive: true })).filter((f) => f.endsWith('.html'));
    assert.ok(files.length > 100, `the build prerendered the steps (${files.length} pages)`);
    for (const file of files) {
      // Guidance may speak of localhost (proxy_pass, fcgi://localhost); a link to it would be http(s).
      assert.doesNotMatch(await readFile(join('.next/server/app', file), 'utf8'), /https?:\/\/localhost/, file);
    }
  });

  test('in the browser, the links and the message are completed from its own address', async () => {
    const page = await newPhone(browser);
    await page.goto(`${unset.url}${progress}`);
    await page.getByText('Share or save this step').click();
    assert.equal(await page.getByLabel('Link to my progress').inputValue(), `${unset.url}${progress}`);
    assert.match(await page.getByLabel('The message').inputValue(), new RegExp(`^${unset.url}${progress}$`, 'm'));
    assert.equal(await page.getByText('put this site’s address').count(), 0, 'no note once the address is filled in');
    const mailto = await page.getByRole('link', { name: 'Open in your email app' }).getAttribute('href');
    assert.ok(mailto?.includes(encodeURIComponent(`${unset.url}${progress}`)), 'the email carries the whole link too');
    await page.context().close();
  });

  test('a production start with neither setting says so, once', async () => {
    for (const path of [messagePath, messagePath, '/steps/link?start=restart', '/fix']) await get(unset, path);
    for (let i = 0; i < 20 && !unset.output().includes(warning); i++) await sleep(100);
    assert.equal(times(unset.output()), 1, unset.output());
    assert.match(unset.output(), /Set SITE_URL to the public address/);
    await get(listed, messagePath);
    assert.equal(times(listed.output()), 0, 'ALLOWED_HOSTS is enough');
  });
});
