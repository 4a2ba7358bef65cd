import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { stepIds } from '@/machines/steps';
import { startApp, type AppServer } from '@/tests/support/server';

/**
 * 1,000 cut, mangled and hostile links against the running server: every one
 * gets a page (never a 5xx), and nothing from the link comes back unescaped.
 */

let app: AppServer;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
});

const marker = '<i-was-here>';
const segment = fc.oneof(
  fc.constantFrom(
    'role=owner',
    'evidence=skip',
    'evidence=checked',
    'reach=everyone',
    'error-page=cloudflare-52x',
    'cf-code=526',
    'error-page=nginx',
    'reload=broken',
    'access=ssh',
    'app=node',
    'at=reload',
    'start=restart',
    'php=8.1',
    'found=nginx-connect-refused',
    'check=http-502+page-nginx',
  ),
  fc.constantFrom(...stepIds).map((s) => `${s}=${marker}`),
  fc.constantFrom(...stepIds),
  fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => `${s}${marker}`),
  fc.constantFrom('..', '%2e%2e', '%E0%A4%A', '%00', '%0d%0aSet-Cookie:x=1', '"onmouseover="alert(1)', "'><svg onload=alert(1)>", 'x'.repeat(3000)),
);
const prefix = fc.constantFrom('/fix', '/step', '/summary', '/message', '/explain', '/check', '/steps/link', '/map', '/nowhere', '/_next', '/fix/..');

/** Encodes what a browser would (a lone surrogate as U+FFFD, as browsers do); keeps the rest as typed. */
function toUrl(base: string, segments: string[]): string {
  const encode = (c: string) => encodeURIComponent(c.toWellFormed());
  return `${base}/${segments.map((s) => s.replace(/[^\x21-\x7e]|[<>"'`{}|\\^ ]/gu, encode)).join('/')}`;
}

describe('hostile links against the running server', () => {
  test('1,000 links: no 5xx, no stack traces, nothing reflected unescaped', async () => {
    const urls = fc.sample(fc.tuple(prefix, fc.array(segment, { maxLength: 8 })), { numRuns: 1000, seed: 502 }).map(([p, s]) => toUrl(p, s));
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < urls.length) {
        const path = urls[next++];
        const res = await fetch(`${app.url}${path}`, { redirect: 'manual', signal: AbortSignal.timeout(20_000) });
        const body = await res.text();
        if (res.status >= 500) failures.push(`${res.status} ${path}`);
        if (body.includes(marker) || /<svg onload|onmouseover="alert/.test(body)) failures.push(`reflected: ${path}`);
        if (/node_modules|\/work\/|at [\w.<>]+ \(.*:\d+:\d+\)/.test(body)) failures.push(`internals shown: ${path}`);
        if (res.headers.get('set-cookie')) failures.push(`header injected: ${path}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    assert.equal(urls.length, 1000);
    assert.deepEqual(failures, []);
  });
});
