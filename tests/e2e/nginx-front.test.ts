import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page, Response } from 'playwright-core';
import { launchBrowser, newPhone } from '@/tests/support/browser';
import { nginxAvailable } from '@/tests/support/nginx';
import { startFront, type Front } from '@/tests/support/nginx-front';
import { startApp, type AppServer } from '@/tests/support/server';
import { answer, labelOf, labels } from '@/tests/support/wizard';

/**
 * Walks through the shipped Nginx front, twice each way: the second walk is
 * served from nginx's cache, HTML pages and RSC payloads alike, and must
 * work just the same.
 */

interface Seen {
  url: string;
  rsc: boolean;
  type: string;
  cache: string;
}

/** Every response from the front for a page or its RSC payload. */
function record(page: Page): Seen[] {
  const seen: Seen[] = [];
  page.on('response', async (res: Response) => {
    const req = res.request();
    const rsc = (await req.allHeaders()).rsc === '1';
    if (!rsc && req.resourceType() !== 'document') return;
    const headers = await res.allHeaders();
    seen.push({ url: res.url(), rsc, type: headers['content-type'] ?? '', cache: headers['x-cache-status'] ?? '' });
  });
  return seen;
}

describe('a walk through the Nginx front', { skip: !nginxAvailable() && 'Debian’s nginx is not installed' }, () => {
  let app: AppServer;
  let front: Front;
  let browser: Browser;
  let steps: [string, string][];
  before(async () => {
    app = await startApp({ env: { TRUST_PROXY: '1' } });
    [front, browser] = await Promise.all([startFront({ upstreams: [`127.0.0.1:${app.port}`] }), launchBrowser()]);
    steps = [
      [labels.owner, 'evidence'],
      [await labelOf('evidence', 'skip'), 'reach'],
      [labels.everyone, 'error-page'],
    ];
  });
  after(async () => {
    await browser?.close();
    await front?.stop();
    await app?.stop();
  });

  async function walk(javaScriptEnabled: boolean): Promise<Seen[]> {
    const page = await newPhone(browser, { javaScriptEnabled });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const seen = record(page);
    await page.goto(`${front.url}/fix`);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    for (const [label, step] of steps) await answer(page, label, step);
    const marker = await page.evaluate(() => (window as unknown as { marker?: number }).marker);
    if (javaScriptEnabled) assert.equal(marker, 1, 'the steps changed without a page load');
    else assert.equal(marker, undefined, 'without JavaScript each answer is a page load');
    await page.waitForTimeout(300); // let the last prefetches land
    await page.context().close();
    assert.deepEqual(errors, []);
    for (const s of seen) {
      if (s.rsc) assert.match(s.type, /^text\/x-component/, `an RSC request got ${s.type}: ${s.url}`);
      else assert.match(s.type, /^text\/html/, `a page load got ${s.type}: ${s.url}`);
    }
    return seen;
  }

  test('with JavaScript: three answers by client-side navigation, the second time from the cache', async () => {
    await walk(true);
    const again = await walk(true);
    const rsc = again.filter((s) => s.rsc);
    assert.ok(rsc.length >= 3, `the router fetched RSC payloads (${rsc.length})`);
    const hits = rsc.filter((s) => s.cache === 'HIT');
    assert.ok(hits.length >= 3, `RSC payloads came from the cache: ${rsc.map((s) => `${s.cache} ${s.url}`).join('; ')}`);
  });

  test('without JavaScript: three answers by page loads, the second time every page from the cache', async () => {
    await walk(false);
    const again = await walk(false);
    const pages = again.filter((s) => !s.rsc);
    assert.equal(pages.length, steps.length + 1);
    assert.deepEqual(
      pages.map((s) => s.cache),
      pages.map(() => 'HIT'),
      pages.map((s) => s.url).join(' '),
    );
  });
});
