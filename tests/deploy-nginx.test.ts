import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { canonicalHref, stateFromSegments } from '@/machines/url-state';
import { NGINX_BIN, nginxAvailable } from '@/tests/support/nginx';
import { SHIPPED_CONF, startFront, type Front } from '@/tests/support/nginx-front';
import { freePort, startApp, type AppServer } from '@/tests/support/server';

/**
 * The shipped Nginx front (deploy/nginx/502-troubleshooter.conf, with only
 * its port, upstream and cache path changed) before the production build.
 */

// A deep step's own link (rendered on first visit, beyond the prerendered seven answers), in the form the app keeps.
const journey =
  'role=owner/evidence=skip/reach=everyone/error-page=not-sure/reload=broken/access=ssh/platform=debian-12/cdn=no/cms=wordpress/server=nginx'.split('/');
const deep = canonicalHref(stateFromSegments([...journey, 'proxy=broken']));
const fixed = canonicalHref(stateFromSegments([...journey, 'proxy=fixed']));
const perRequest = ['/check/role=owner', `/message${deep.slice('/fix'.length)}?site=shop.example.com`, '/explain/role=owner', '/steps/link?step=restart'];
const securityHeaders = [
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'x-frame-options',
  'permissions-policy',
  'cross-origin-opener-policy',
  'strict-transport-security',
];
const identity = { 'accept-encoding': 'identity' };
const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers: { ...identity, ...headers }, redirect: 'manual' });
  return { res, body: await res.text() };
}

describe('the shipped Nginx front', { skip: !nginxAvailable() && 'Debian’s nginx is not installed' }, () => {
  let app: AppServer;
  let front: Front;
  before(async () => {
    app = await startApp({ env: { TRUST_PROXY: '1' } });
    front = await startFront({ upstreams: [`127.0.0.1:${app.port}`] });
  });
  after(async () => {
    await front?.stop();
    await app?.stop();
  });

  test('a step page is a MISS, then a HIT with the same page and the app’s Cache-Control', async () => {
    const first = await get(`${front.url}${deep}`);
    const second = await get(`${front.url}${deep}`);
    assert.equal(first.res.status, 200);
    assert.equal(first.res.headers.get('x-cache-status'), 'MISS');
    assert.equal(second.res.headers.get('x-cache-status'), 'HIT');
    assert.equal(second.body, first.body);
    assert.equal(second.res.headers.get('cache-control'), 's-maxage=31536000');
  });

  test('a made-up query string is not a new cache entry: the page ignores it, and so does the key', async () => {
    for (let i = 0; i < 3; i++) {
      const { res } = await get(`${front.url}${deep}?utm=${i}&x=${'y'.repeat(i)}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('x-cache-status'), 'HIT', `?utm=${i} is the page already kept`);
    }
  });

  test('an RSC request for the same page is cached apart and stays text/x-component; the HTML stays HTML', async () => {
    const rsc = { rsc: '1', 'next-router-prefetch': '1', 'next-router-segment-prefetch': '/_tree' };
    const page = `${front.url}${fixed}`;
    const html = await get(page);
    // Next.js sends an RSC request without its ?_rsc=<hash of the headers> to the address with it.
    const redirect = await get(page, rsc);
    assert.equal(redirect.res.status, 307);
    const rscUrl = new URL(redirect.res.headers.get('location') ?? '', front.url).href;
    assert.match(rscUrl, /\?_rsc=./);
    const isHtml = (r: Awaited<ReturnType<typeof get>>) => /^text\/html/.test(r.res.headers.get('content-type') ?? '') && r.body.startsWith('<!DOCTYPE');
    const isRsc = (r: Awaited<ReturnType<typeof get>>) => /^text\/x-component/.test(r.res.headers.get('content-type') ?? '') && !r.body.includes('<!DOCTYPE');

    // The RSC address asked for without the RSC headers first: HTML, and it must not stand in for the payload.
    assert.ok(isHtml(await get(rscUrl)), 'the RSC address without RSC headers is HTML');
    const first = await get(rscUrl, rsc);
    const second = await get(rscUrl, rsc);
    assert.equal(first.res.headers.get('x-cache-status'), 'MISS');
    assert.equal(second.res.headers.get('x-cache-status'), 'HIT');
    assert.ok(isRsc(first) && isRsc(second), 'RSC requests get text/x-component, from the app and from the cache');
    assert.equal(second.body, first.body);

    const htmlAgain = await get(rscUrl);
    assert.equal(htmlAgain.res.headers.get('x-cache-status'), 'HIT');
    assert.ok(isHtml(htmlAgain), 'the cached payload is never served for a page load');
    const pageAgain = await get(page);
    assert.equal(pageAgain.res.headers.get('x-cache-status'), 'HIT');
    assert.equal(pageAgain.body, html.body);
  });

  test('/check, /message, /explain, /steps/link and a 404 are never a HIT and keep no-store', async () => {
    for (const path of [...perRequest, '/no-such-page']) {
      for (let i = 0; i < 3; i++) {
        const { res } = await get(`${front.url}${path}`);
        assert.notEqual(res.headers.get('x-cache-status'), 'HIT', path);
        assert.match(res.headers.get('cache-control') ?? '', /no-store/, path);
      }
    }
  });

  test('every security header the app sends reaches the client unchanged, with a fresh nonce on the strict pages', async () => {
    const paths = ['/', deep, '/steps', '/no-such-page', ...perRequest];
    for (const path of paths) {
      await get(`${front.url}${path}`); // cached pages: compare the HIT
      const direct = await get(`${app.url}${path}`);
      const through = await get(`${front.url}${path}`);
      const again = await get(`${front.url}${path}`);
      const nonce = nonceOf(through.res.headers.get('content-security-policy'));
      for (const name of securityHeaders) {
        const strip = (v: string | null) => v?.replace(/'nonce-[^']+'/, "'nonce-…'") ?? null;
        assert.equal(strip(through.res.headers.get(name)), strip(direct.res.headers.get(name)), `${path}: ${name}`);
      }
      assert.ok(direct.res.headers.get('content-security-policy'), `${path} has a policy`);
      if (perRequest.includes(path)) {
        assert.ok(nonce, `${path}: a nonce through nginx`);
        assert.notEqual(nonceOf(again.res.headers.get('content-security-policy')), nonce, `${path}: the nonce is fresh`);
        assert.ok(through.body.includes(`nonce="${nonce}"`), `${path}: the page’s scripts carry the header’s nonce`);
      } else {
        assert.equal(nonce, undefined, `${path}: a static page has no nonce`);
      }
    }
  });

  test('pages are gzip-compressed when the client asks, and identical once unpacked', async () => {
    for (const path of [deep, '/check/role=owner']) {
      const plain = await get(`${front.url}${path}`);
      const packed = await fetch(`${front.url}${path}`, { headers: { 'accept-encoding': 'gzip' } });
      const body = await packed.text(); // fetch unpacks it
      assert.equal(plain.res.headers.get('content-encoding'), null, path);
      assert.equal(packed.headers.get('content-encoding'), 'gzip', path);
      assert.match(packed.headers.get('vary') ?? '', /accept-encoding/i, path);
      if (path === deep) assert.equal(body, plain.body);
    }
  });

  test('/_next/static/ files are cached by nginx and kept a year by browsers', async () => {
    const html = (await get(`${front.url}/`)).body;
    const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    assert.ok(script, 'the landing page loads a script from /_next/static/');
    await get(`${front.url}${script}`);
    const { res } = await get(`${front.url}${script}`);
    assert.equal(res.headers.get('x-cache-status'), 'HIT');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  });

  test('an oversized body gets a plain 413 from nginx: 64 KiB to /api/check, 3 MB to a server action', async () => {
    for (const [path, bytes] of [
      ['/api/check', 64 * 1024],
      ['/explain/role=owner', 3 * 1024 * 1024],
    ] as const) {
      const res = await fetch(`${front.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: front.url },
        body: JSON.stringify({ url: 'https://example.com', context: 'x'.repeat(bytes) }),
      });
      assert.equal(res.status, 413, path);
      assert.match(res.headers.get('content-type') ?? '', /^text\/plain/, path);
      assert.equal(await res.text(), 'That request is too large.\n', path);
    }
    assert.equal((await get(`${front.url}/`)).res.status, 200, 'the app is still answering');
  });

  test('a burst of pages rendered per request gets 429 from nginx, and cached step pages still load', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 90; i++) {
      const res = await fetch(`${front.url}/message/role=owner?since=${i}`);
      await res.arrayBuffer();
      statuses.push(res.status);
    }
    // Earlier tests spent some of this client's burst of 60 on the same pages.
    const refused = statuses.indexOf(429);
    assert.ok(refused > 0, `nginx refused past the burst: ${statuses.join(' ')}`);
    assert.ok(
      statuses.slice(0, refused).every((s) => s === 200),
      'until then, every page is served',
    );
    const repaired = await fetch(`${front.url}${deep}?from=${encodeURIComponent('/fix/made-up')}`);
    assert.equal(repaired.status, 429, 'a repaired link is rendered per request too, so it counts');
    assert.equal((await get(`${front.url}${deep}`)).res.status, 200, 'cached step pages are not counted');
  });

  // Last: it uses up this client's allowance.
  test('a burst of live checks past the rate limit gets a plain 429 from nginx', async () => {
    const statuses: number[] = [];
    let refusal: Response | undefined;
    for (let i = 0; i < 40; i++) {
      // Not JSON, so the app turns each away at once without starting a check.
      const res = await fetch(`${front.url}/api/check`, { method: 'POST', headers: { 'content-type': 'text/plain', origin: front.url }, body: 'x' });
      const body = await res.text();
      statuses.push(res.status);
      if (res.status === 429 && body.startsWith('Too many requests from your address')) refusal ??= res;
    }
    const allowed = statuses.indexOf(429);
    assert.ok(allowed >= 20, `the burst allows 20 at once before refusing (refused from request ${allowed + 1}: ${statuses.join(' ')})`);
    assert.ok(refusal, `nginx refused with its own 429 (${statuses.join(' ')})`);
    assert.equal(refusal.headers.get('retry-after'), '60');
    assert.equal((await get(`${front.url}${deep}`)).res.status, 200, 'pages still load for the same client');
  });
});

describe('the shipped Nginx front when the app is down', { skip: !nginxAvailable() && 'Debian’s nginx is not installed' }, () => {
  let app: AppServer;
  let front: Front;
  before(async () => {
    app = await startApp({ env: { TRUST_PROXY: '1' } });
    front = await startFront({ upstreams: [`127.0.0.1:${app.port}`] });
  });
  after(async () => {
    await front?.stop();
    await app?.stop();
  });

  test('step pages already cached are still served; others get a plain 502 that says so', async () => {
    const cached = await get(`${front.url}${deep}`);
    await app.stop();
    const still = await get(`${front.url}${deep}`);
    assert.equal(still.res.status, 200);
    assert.equal(still.body, cached.body);
    const missing = await get(`${front.url}/fix/role=visitor`);
    assert.equal(missing.res.status, 502);
    assert.match(missing.res.headers.get('content-type') ?? '', /^text\/plain/);
    assert.match(missing.body, /^The troubleshooter is not answering right now/);
  });
});

describe('what the shipped front tells the app', { skip: !nginxAvailable() && 'Debian’s nginx is not installed' }, () => {
  let echo: Server;
  let front: Front;
  before(async () => {
    const port = await freePort();
    echo = createServer((req, res) => {
      res.setHeader('cache-control', 'no-store');
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(req.headers));
    });
    await new Promise<void>((resolve) => echo.listen(port, '127.0.0.1', resolve));
    front = await startFront({ upstreams: [`127.0.0.1:${port}`] });
  });
  after(async () => {
    await front?.stop();
    await new Promise((resolve) => echo?.close(resolve));
  });

  test('the client’s address last in X-Forwarded-For (what TRUST_PROXY=1 reads), the host with its port, the scheme', async () => {
    const port = new URL(front.url).port;
    const plain = await (await fetch(`${front.url}/headers`)).json();
    assert.equal(plain['x-forwarded-for'], '127.0.0.1');
    assert.equal(plain.host, `127.0.0.1:${port}`);
    assert.equal(plain['x-forwarded-proto'], 'http');
    const spoofed = await (await fetch(`${front.url}/headers`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).json();
    assert.equal(spoofed['x-forwarded-for'], '203.0.113.9, 127.0.0.1', 'nginx appends the real address; a spoofed one stays ahead of it');
  });

  test('the live check’s own location tells the app the same (its limits and its same-origin rule depend on it)', async () => {
    const port = new URL(front.url).port;
    const seen = await (
      await fetch(`${front.url}/api/check`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' }, body: '{}' })
    ).json();
    assert.equal(seen['x-forwarded-for'], '203.0.113.9, 127.0.0.1');
    assert.equal(seen.host, `127.0.0.1:${port}`);
    assert.equal(seen['x-forwarded-proto'], 'http');
    assert.equal(seen['accept-encoding'], undefined, 'the stream is not compressed');
  });
});

test('the shipped file passes nginx -t as installed: inside Debian’s own nginx.conf, listening on port 80', {
  skip: !(nginxAvailable() && existsSync('/etc/nginx/nginx.conf')) && 'Debian’s nginx is not installed',
}, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nginx-t-'));
  try {
    // Debian's file with our site in place of sites-enabled/, and its pid and logs moved aside.
    const debian = (await readFile('/etc/nginx/nginx.conf', 'utf8'))
      .replace('include /etc/nginx/sites-enabled/*;', `include ${dir}/site.conf;`)
      .replace(/^pid .*$/m, `pid ${dir}/nginx.pid;`)
      .replace(/^(\s*)(error_log|access_log) [^;]*;/gm, `$1$2 ${dir}/$2.log;`);
    await writeFile(join(dir, 'nginx.conf'), debian);
    // Only the cache path moves, so that the check creates nothing outside the temp dir.
    const site = (await readFile(SHIPPED_CONF, 'utf8')).replace('/var/cache/nginx/502-troubleshooter ', `${dir}/cache `);
    await writeFile(join(dir, 'site.conf'), site);
    const run = spawnSync(NGINX_BIN, ['-t', '-e', join(dir, 'error_log.log'), '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /test is successful/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
