import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { interpret } from '@/live-check/interpret';
import type { CheckReport, Hop } from '@/live-check/report';

/** A report of one answer from https://shop.example.com/. */
function answered(hop: Partial<Hop>): CheckReport {
  return {
    url: 'https://shop.example.com/',
    checkedAt: '2026-11-26T10:00:00.000Z',
    totalMs: 120,
    hops: [{ url: 'https://shop.example.com/', address: '203.0.113.9', addresses: ['203.0.113.9'], dnsMs: 4, connectMs: 20, waitMs: 90, headers: {}, body: '', ...hop }],
  };
}

const apacheProxyError = '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN"><html><head><title>502 Proxy Error</title></head><body><h1>Proxy Error</h1><p>Reason: <strong>Error reading from remote server</strong></p><hr><address>Apache/2.4.62 (Debian) Server at shop.example.com Port 443</address></body></html>';

describe('reading what a check saw', () => {
  const cases: { name: string; hop: Partial<Hop>; verdict: RegExp; answers: Record<string, string>; tokens: string[] }[] = [
    {
      name: 'Apache’s proxy error page',
      hop: { status: 502, statusText: 'Proxy Error', headers: { server: 'Apache/2.4.62 (Debian)' }, body: apacheProxyError },
      verdict: /down for everyone: Apache can’t reach what runs your site/,
      answers: { reach: 'everyone', 'error-page': 'apache' },
      tokens: ['http-502', 'page-apache', 'server-apache'],
    },
    {
      name: 'Nginx timing out on PHP (504)',
      hop: { status: 504, statusText: 'Gateway Time-out', headers: { server: 'nginx' }, body: '<html><head><title>504 Gateway Time-out</title></head><body><center><h1>504 Gateway Time-out</h1></center><hr><center>nginx</center></body></html>' },
      verdict: /Nginx can’t reach/,
      answers: { reach: 'everyone', 'error-page': 'nginx' },
      tokens: ['http-504', 'page-nginx', 'server-nginx'],
    },
    {
      name: 'Nginx’s page passed on by Cloudflare',
      hop: { status: 502, headers: { server: 'cloudflare', 'cf-ray': '8c1f2e3d4b5a6978-LHR' }, body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.22.1</center></body></html>' },
      verdict: /Nginx can’t reach/,
      answers: { reach: 'everyone', 'error-page': 'nginx', cdn: 'yes' },
      tokens: ['http-502', 'page-nginx', 'cdn-cloudflare'],
    },
    {
      name: 'Fastly answering 503 for a broken origin',
      hop: { status: 503, statusText: 'Service Unavailable', headers: { 'x-served-by': 'cache-lhr7352-LHR', via: '1.1 varnish' }, body: 'Error 503 first byte timeout' },
      verdict: /Fastly answers with 503/,
      answers: { reach: 'everyone', cdn: 'yes' },
      tokens: ['http-503', 'cdn-fastly'],
    },
    {
      name: 'Apache with its backend stopped (503)',
      hop: { status: 503, statusText: 'Service Unavailable', headers: { server: 'Apache/2.4.62 (Debian)' }, body: '<title>503 Service Unavailable</title><h1>Service Unavailable</h1><hr><address>Apache/2.4.62 (Debian) Server at shop.example.com Port 443</address>' },
      verdict: /Apache can’t reach what runs your site/,
      answers: { reach: 'everyone', 'error-page': 'apache' },
      tokens: ['http-503', 'page-apache', 'server-apache'],
    },
    {
      name: 'an unknown program’s 502',
      hop: { status: 502, statusText: 'Bad Gateway', headers: {}, body: '<h1>Oops</h1>' },
      verdict: /it answers with 502/,
      answers: { reach: 'everyone' },
      tokens: ['http-502'],
    },
    {
      name: 'a site that blocks automated visitors (403)',
      hop: { status: 403, statusText: 'Forbidden', headers: { server: 'nginx' } },
      verdict: /answered “403 Forbidden”/,
      answers: { server: 'nginx' },
      tokens: ['http-403', 'server-nginx'],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const reading = interpret(answered(c.hop));
      assert.match(reading.verdict, c.verdict);
      assert.deepEqual(Object.fromEntries(reading.suggestions.map((s) => [s.step, s.answer])), c.answers);
      assert.deepEqual(reading.tokens, c.tokens);
    });
  }

  test('a certificate close to expiry is a warning, an expired one a problem', () => {
    const soon = interpret(answered({ status: 200, tls: { valid: true, nameMatches: true, expires: '2026-12-01T00:00:00.000Z', daysLeft: 5 } }));
    assert.equal(soon.findings.find((f) => f.id === 'tls')?.tone, 'unsure');
    assert.match(soon.findings.find((f) => f.id === 'tls')!.title, /valid until 1 December 2026, only 5 days away: renew it soon/);
    const expired = interpret(answered({ status: 200, tls: { valid: false, nameMatches: true, problem: 'CERT_HAS_EXPIRED', daysLeft: -3 } }));
    assert.equal(expired.findings.find((f) => f.id === 'tls')?.title, 'The security certificate has expired: browsers warn visitors away');
  });

  test('a page behind an invalid certificate is not “fine”: visitors see a warning', () => {
    const reading = interpret(answered({ status: 200, tls: { valid: false, nameMatches: false, problem: 'Hostname/IP does not match', daysLeft: 40 } }));
    assert.equal(reading.tone, 'bad');
    assert.equal(reading.verdict, 'Visitors see a security warning instead of your site');
    assert.deepEqual(reading.suggestions, []);
  });

  test('a failed handshake is its own finding, down for everyone', () => {
    const reading = interpret({ ...answered({}), failure: { kind: 'tls', detail: 'EPROTO: wrong version number' } });
    assert.equal(reading.verdict, 'The secure connection to your site fails');
    assert.deepEqual(reading.tokens, ['tls-error']);
  });
});
