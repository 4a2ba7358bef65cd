import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import type { ConsoleMessage } from 'playwright-core';
import { config as proxyConfig } from '@/proxy';
import { strictRoutes } from '@/security/headers.mjs';
import { newPhone } from '@/tests/support/browser';
import { appAndBrowser } from '@/tests/support/harness';

/** Security headers on every kind of page, and the two script policies at work. */

const env = appAndBrowser();

const relaxed = [
  '/',
  '/fix',
  '/fix/role=owner',
  '/fix/role=owner/reach=everyone',
  '/step/restart',
  '/summary/role=owner',
  '/steps',
  '/map',
  '/no-such-page',
  '/fix/banana',
];
const strict = [
  '/message/role=owner?site=example.com',
  '/explain',
  '/explain/role=owner',
  '/check',
  '/check/role=owner',
  '/check/role=owner?url=ftp%3A%2F%2Fexample.com',
  '/steps/link?server=nginx',
];

function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values.join(' ')]),
  );
}

describe('security headers', () => {
  for (const path of [...relaxed, ...strict]) {
    test(`${path} sends every header`, async () => {
      const res = await fetch(`${env.app.url}${path}`, { redirect: 'manual' });
      const h = res.headers;
      assert.equal(h.get('x-content-type-options'), 'nosniff');
      assert.equal(h.get('referrer-policy'), 'strict-origin-when-cross-origin');
      assert.match(h.get('permissions-policy') ?? '', /camera=\(\)/);
      assert.equal(h.get('x-frame-options'), 'DENY');
      assert.equal(h.get('strict-transport-security'), null, 'no HSTS over plain HTTP');
      const csp = directives(h.get('content-security-policy') ?? '');
      assert.equal(csp.get('object-src'), "'none'");
      assert.equal(csp.get('base-uri'), "'self'");
      assert.equal(csp.get('form-action'), "'self'");
      assert.equal(csp.get('frame-ancestors'), "'none'");
      assert.doesNotMatch(csp.get('script-src') ?? '', /unsafe-eval/);
      if (strict.includes(path)) {
        assert.match(csp.get('script-src')!, /^'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'$/);
        const nonce = /'nonce-([^']+)'/.exec(csp.get('script-src')!)![1];
        const html = await res.text();
        assert.ok(html.includes(`nonce="${nonce}"`), 'the page’s scripts carry the nonce');
      } else {
        assert.equal(csp.get('script-src'), "'self' 'unsafe-inline'");
      }
    });
  }

  test('a fresh nonce on every request', async () => {
    const nonces = await Promise.all(
      [1, 2, 3].map(async () => /'nonce-([^']+)'/.exec((await fetch(`${env.app.url}/explain`)).headers.get('content-security-policy')!)![1]),
    );
    assert.equal(new Set(nonces).size, 3);
  });

  test('HSTS only when the request came over HTTPS', async () => {
    for (const path of ['/', '/explain']) {
      const res = await fetch(`${env.app.url}${path}`, { headers: { 'x-forwarded-proto': 'https' } });
      assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=\d{8}/, path);
    }
  });

  test('the relaxed policy covers only prerendered pages, the strict one only per-request pages', async () => {
    const manifest = JSON.parse(await readFile('.next/prerender-manifest.json', 'utf8'));
    const prerendered = [...Object.keys(manifest.routes), ...Object.keys(manifest.dynamicRoutes)];
    for (const route of ['/', '/map', '/steps', '/fix/[[...answers]]', '/step/[id]', '/summary/[[...answers]]']) {
      assert.ok(prerendered.includes(route), `${route} is no longer static: give it the strict policy or make it static again`);
    }
    for (const route of strictRoutes) {
      assert.ok(!prerendered.some((r) => r === route || r.startsWith(`${route}/`)), `${route} must render per request for its nonce`);
      assert.ok(
        proxyConfig.matcher.some((m) => typeof m === 'string' && (m === route || m.startsWith(`${route}/`))),
        `proxy.ts does not cover ${route}`,
      );
    }
  });

  test('pages under both policies run their scripts with no policy violations', async () => {
    const page = await newPhone(env.browser);
    const problems: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));

    // Relaxed: a step page hydrates and answers move on without a page load.
    await page.goto(`${env.app.url}/fix`);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.getByRole('link', { name: 'It’s my site, or I look after it', exact: true }).click();
    await page.waitForURL(/role=owner$/);
    assert.equal(await page.evaluate(() => (window as unknown as { marker?: number }).marker), 1);
    // Strict: the live-check offer's plain form leaves for the check page, which hydrates under its own policy.
    await page.getByLabel('Your site’s address').fill('ftp://example.com');
    await page.getByRole('button', { name: 'Check it' }).click();
    await page.waitForURL(/\/check\/role=owner\?url=/);
    await page.locator('#url-error').waitFor();

    // Strict: the link builder updates as you choose, which needs its script.
    await page.goto(`${env.app.url}/steps/link`);
    await page.getByLabel('Which web server runs your site?').selectOption('nginx');
    assert.match(await page.getByLabel('Link for your customer').inputValue(), /server=nginx$/);

    // Strict: the log explainer's action runs in place.
    await page.goto(`${env.app.url}/explain`);
    await page
      .getByLabel('Lines from your error log')
      .fill('[26-Nov-2026 09:14:03] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it');
    await page.getByRole('button', { name: 'Explain these lines' }).click();
    await page.locator('[data-finding]').first().waitFor();
    assert.match(page.url(), /\/explain$/);

    await page.context().close();
    assert.deepEqual(problems, []);
  });
});

describe('crawlers', () => {
  test('are kept off every page rendered per request, and the check’s API', async () => {
    const robots = await (await fetch(`${env.app.url}/robots.txt`)).text();
    const disallowed = robots.split('\n').flatMap((line) => /^Disallow:\s*(\S+)/.exec(line)?.[1] ?? []);
    // The bare route too: the landing page links to /check itself.
    for (const path of [...strictRoutes.flatMap((route) => [route, `${route}/role=owner`]), '/api/check']) {
      assert.ok(
        disallowed.some((rule) => path.startsWith(rule)),
        `${path} is open to crawlers`,
      );
    }
    assert.ok(!disallowed.some((rule) => '/fix/role=owner'.startsWith(rule)), 'the wizard stays crawlable');
  });
});
