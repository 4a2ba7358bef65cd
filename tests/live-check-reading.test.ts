import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cloudflareCode } from '@/evidence/cloudflare';
import { checkOutcome } from '@/evidence/check-outcomes';
import { interpret } from '@/live-check/interpret';
import { describeCheck } from '@/live-check/outcome';
import type { CheckReport, Hop } from '@/live-check/report';
import { outOfTime } from '@/live-check/run-check';
import { oneAnswer } from './support/check-reports';

const answered = oneAnswer;

const cloudflare = { server: 'cloudflare', 'cf-ray': '8c1f2e3d4b5a6978-LHR', 'content-type': 'text/html' };
/** Cloudflare's branded page, shortened: its wrapper, the heading and the Ray ID. */
const branded = (status: number, heading: string) =>
  `<!DOCTYPE html><html lang="en-US"><head><title>shop.example.com | ${status}: ${heading}</title></head><body><div id="cf-wrapper"><div id="cf-error-details" class="p-0"><h1><span class="inline-block">${heading}</span> <span class="code-label">Error code ${status}</span></h1><p>Visit <a href="https://www.cloudflare.com/5xx-error-landing?utm_source=errorcode_${status}">cloudflare.com</a> for more information.</p><span>Cloudflare Ray ID: <strong>8c1f2e3d4b5a6978</strong></span></div></div></body></html>`;
/** The bare page Cloudflare shows when it fails itself. */
const cloudflarePlain = (line: string) =>
  `<html>\r\n<head><title>${line}</title></head>\r\n<body>\r\n<center><h1>${line}</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n`;
const tunnelError =
  '<!DOCTYPE html><html><head><title>Cloudflare Tunnel error | shop.example.com | Cloudflare</title></head><body><div id="cf-wrapper"><div id="cf-error-details" class="cf-error-details-wrapper"><h1><span class="cf-error-type">Error</span> <span class="cf-error-code">1033</span></h1><h2 class="cf-subheadline">Cloudflare Tunnel error</h2><p>You’ve requested a page on a website (shop.example.com) that is on the <a href="https://www.cloudflare.com/5xx-error-landing/">Cloudflare</a> network. The host (shop.example.com) is configured as a Cloudflare Tunnel, and Cloudflare is currently unable to resolve it.</p><p>Ensure that cloudflared is running and can reach the network.</p></div></div></body></html>';
const albPage =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>awselb/2.0</center>\r\n</body>\r\n</html>\r\n';
/** Varnish's built-in error page (builtin.vcl). */
const varnishPage =
  '<!DOCTYPE html>\n<html>\n  <head>\n    <title>503 Backend fetch failed</title>\n  </head>\n  <body>\n    <h1>Error 503 Backend fetch failed</h1>\n    <p>Backend fetch failed</p>\n    <h3>Guru Meditation:</h3>\n    <p>XID: 32770</p>\n    <hr>\n    <p>Varnish cache server</p>\n  </body>\n</html>\n';
const fastlyPage =
  '<html><head><title>503 Backend is unhealthy</title></head><body><h1>Error 503 Backend is unhealthy</h1><p>Backend is unhealthy</p><h3>Guru Mediation:</h3><p>Details: cache-lhr7352-LHR 1700000000 1234567890</p><hr><p>Varnish cache server</p></body></html>';
/** LiteSpeed's 503, shortened: the heading, the message and its footer. */
const liteSpeed503 =
  '<!DOCTYPE html><html style="height:100%"><head><title> 503 Service Unavailable\r\n</title></head><body><div><h1 style="margin:0; font-size:150px;">503</h1><h2 style="margin-top:20px;font-size: 30px;">Service Unavailable\r\n</h2><p>The server is temporarily busy, try again later!</p></div><div style="color:#f0f0f0;"><br>Proudly powered by  <a style="color:#fff;" href="http://www.litespeedtech.com/error-page">LiteSpeed Web Server</a><p>Please be advised that LiteSpeed Technologies Inc. is not a web hosting company and, as such, has no control over content found elsewhere on the site.</p></div></body></html>';

const apacheProxyError =
  '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN"><html><head><title>502 Proxy Error</title></head><body><h1>Proxy Error</h1><p>Reason: <strong>Error reading from remote server</strong></p><hr><address>Apache/2.4.62 (Debian) Server at shop.example.com Port 443</address></body></html>';

describe('reading what a check saw', () => {
  const cases: { name: string; hop: Partial<Hop>; verdict: RegExp; explanation?: RegExp | string; answers: Record<string, string>; tokens: string[] }[] = [
    {
      name: 'Apache’s proxy error page',
      hop: { status: 502, statusText: 'Proxy Error', headers: { server: 'Apache/2.4.62 (Debian)' }, body: apacheProxyError },
      verdict: /down for everyone: Apache can’t reach what runs your site/,
      answers: { reach: 'everyone', 'error-page': 'apache', cdn: 'no' },
      tokens: ['http-502', 'page-apache', 'server-apache'],
    },
    {
      name: 'Nginx timing out on PHP (504)',
      hop: {
        status: 504,
        statusText: 'Gateway Time-out',
        headers: { server: 'nginx' },
        body: '<html><head><title>504 Gateway Time-out</title></head><body><center><h1>504 Gateway Time-out</h1></center><hr><center>nginx</center></body></html>',
      },
      verdict: /Nginx can’t reach/,
      answers: { reach: 'everyone', 'error-page': 'nginx', cdn: 'no' },
      tokens: ['http-504', 'page-nginx', 'server-nginx'],
    },
    {
      name: 'Nginx’s page passed on by Cloudflare',
      hop: {
        status: 502,
        headers: { server: 'cloudflare', 'cf-ray': '8c1f2e3d4b5a6978-LHR' },
        body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.22.1</center></body></html>',
      },
      verdict: /Nginx can’t reach/,
      answers: { reach: 'everyone', 'error-page': 'nginx', cdn: 'yes' },
      tokens: ['http-502', 'page-nginx', 'cdn-cloudflare'],
    },
    {
      name: 'Fastly answering 503 for a broken origin',
      hop: {
        status: 503,
        statusText: 'Service Unavailable',
        headers: { 'x-served-by': 'cache-lhr7352-LHR', via: '1.1 varnish' },
        body: 'Error 503 first byte timeout',
      },
      verdict: /Fastly answers with 503/,
      answers: { reach: 'everyone', cdn: 'yes' },
      tokens: ['http-503', 'cdn-fastly'],
    },
    {
      name: 'Apache with its backend stopped (503)',
      hop: {
        status: 503,
        statusText: 'Service Unavailable',
        headers: { server: 'Apache/2.4.62 (Debian)' },
        body: '<title>503 Service Unavailable</title><h1>Service Unavailable</h1><hr><address>Apache/2.4.62 (Debian) Server at shop.example.com Port 443</address>',
      },
      verdict: /Apache can’t reach what runs your site/,
      answers: { reach: 'everyone', 'error-page': 'apache', cdn: 'no' },
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
      name: 'Cloudflare’s plain 502, without its branding: Cloudflare itself failed',
      hop: { status: 502, statusText: 'Bad Gateway', headers: cloudflare, body: cloudflarePlain('502 Bad Gateway') },
      verdict: /^Cloudflare itself failed, not your server$/,
      explanation:
        /cloudflarestatus\.com; such a failure usually passes by itself\. If it keeps happening on some addresses of your site only.*broken compression, a gzip-compressed answer sent with the wrong Content-Length/,
      answers: { reach: 'everyone', 'error-page': 'cloudflare-plain', cdn: 'yes' },
      tokens: ['http-502', 'page-cloudflare-plain', 'cdn-cloudflare'],
    },
    {
      name: 'Cloudflare’s plain 504 is its own failure too',
      hop: { status: 504, statusText: 'Gateway Timeout', headers: cloudflare, body: cloudflarePlain('504 Gateway Time-out') },
      verdict: /^Cloudflare itself failed/,
      answers: { reach: 'everyone', 'error-page': 'cloudflare-plain', cdn: 'yes' },
      tokens: ['http-504', 'page-cloudflare-plain', 'cdn-cloudflare'],
    },
    {
      name: 'Cloudflare’s branded 502: the server behind it answered 502',
      hop: { status: 502, statusText: 'Bad Gateway', headers: cloudflare, body: branded(502, 'Bad gateway') },
      verdict: /your server answers Cloudflare with 502/,
      explanation: /Cloudflare is working: it reached your server, and your server answered with a 502 of its own/,
      answers: { reach: 'everyone', 'error-page': 'cloudflare-502', cdn: 'yes' },
      tokens: ['http-502', 'page-cloudflare', 'cdn-cloudflare'],
    },
    {
      name: 'Cloudflare’s branded 504: the server behind it answered 504',
      hop: { status: 504, statusText: 'Gateway Timeout', headers: cloudflare, body: branded(504, 'Gateway time-out') },
      verdict: /your server answers Cloudflare with 504/,
      answers: { reach: 'everyone', 'error-page': 'cloudflare-502', cdn: 'yes' },
      tokens: ['http-504', 'page-cloudflare', 'cdn-cloudflare'],
    },
    {
      name: 'a Cloudflare 502 whose page we could not see: no guess at the page',
      hop: { status: 502, headers: { ...cloudflare, 'content-length': '0' }, body: '' },
      verdict: /Cloudflare answers with 502/,
      explanation: /couldn’t tell who wrote its page/,
      answers: { reach: 'everyone', cdn: 'yes' },
      tokens: ['http-502', 'cdn-cloudflare'],
    },
    {
      name: 'Cloudflare 522: the 52x page and its number, in the words of the Cloudflare table',
      hop: { status: 522, headers: cloudflare, body: branded(522, 'Connection timed out') },
      verdict: /^Cloudflare answers with 522: “Connection timed out”$/,
      explanation: cloudflareCode(522)!.says,
      answers: { reach: 'everyone', 'error-page': 'cloudflare-52x', 'cf-code': '522', cdn: 'yes' },
      tokens: ['http-522', 'page-cloudflare', 'cdn-cloudflare'],
    },
    {
      name: 'Cloudflare 526: an invalid certificate at the server',
      hop: { status: 526, headers: cloudflare, body: branded(526, 'Invalid SSL certificate') },
      verdict: /526: “Invalid SSL certificate”/,
      explanation: cloudflareCode(526)!.says,
      answers: { reach: 'everyone', 'error-page': 'cloudflare-52x', 'cf-code': '526', cdn: 'yes' },
      tokens: ['http-526', 'page-cloudflare', 'cdn-cloudflare'],
    },
    {
      name: 'Cloudflare Tunnel error 1033 (status 530): cloudflared is not connected',
      hop: { status: 530, headers: cloudflare, body: tunnelError },
      verdict: /can’t reach the tunnel to your server/,
      explanation: /cloudflared, has stopped or cannot reach Cloudflare/,
      answers: { reach: 'everyone', 'error-page': 'cloudflare-52x', 'cf-code': '530', cdn: 'yes' },
      tokens: ['http-530', 'page-cloudflare-tunnel', 'cdn-cloudflare'],
    },
    {
      name: 'an AWS Application Load Balancer’s 502: a load balancer in front, not a CDN',
      hop: { status: 502, statusText: 'Bad Gateway', headers: { server: 'awselb/2.0', 'content-type': 'text/html' }, body: albPage },
      verdict: /the load balancer in front gets no proper answer from your server/,
      explanation: /closes idle connections sooner than the load balancer/,
      answers: { reach: 'everyone' },
      tokens: ['http-502', 'page-aws-alb', 'lb-aws-alb'],
    },
    {
      name: 'an AWS load balancer with no healthy server behind it (503)',
      hop: {
        status: 503,
        statusText: 'Service Temporarily Unavailable',
        headers: { server: 'awselb/2.0' },
        body: '<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>',
      },
      verdict: /load balancer in front/,
      explanation: /no healthy server/,
      answers: { reach: 'everyone' },
      tokens: ['http-503', 'lb-aws-alb'],
    },
    {
      name: 'Varnish’s “Backend fetch failed”: the cache is up, the web server behind it is not',
      hop: {
        status: 503,
        statusText: 'Backend fetch failed',
        headers: { 'x-varnish': '32770', via: '1.1 varnish (Varnish/7.1)', 'retry-after': '5' },
        body: varnishPage,
      },
      verdict: /Varnish can’t get pages from your web server/,
      answers: { reach: 'everyone' },
      tokens: ['http-503', 'page-varnish', 'cache-varnish'],
    },
    {
      name: 'Fastly’s own “Guru Mediation” page is Fastly’s, not a Varnish of the site’s',
      hop: { status: 503, statusText: 'Backend is unhealthy', headers: { 'x-served-by': 'cache-lhr7352-LHR', via: '1.1 varnish' }, body: fastlyPage },
      verdict: /Fastly answers with 503/,
      answers: { reach: 'everyone', cdn: 'yes' },
      tokens: ['http-503', 'cdn-fastly'],
    },
    {
      name: 'LiteSpeed’s 503 “temporarily busy”: PHP could not start',
      hop: { status: 503, statusText: 'Service Unavailable', headers: { server: 'LiteSpeed' }, body: liteSpeed503 },
      verdict: /LiteSpeed can’t reach what runs your site/,
      explanation: /could not start PHP \(lsphp\)/,
      answers: { reach: 'everyone', cdn: 'no' },
      tokens: ['http-503', 'page-litespeed', 'server-litespeed'],
    },
    {
      name: 'a site that blocks automated visitors (403)',
      hop: { status: 403, statusText: 'Forbidden', headers: { server: 'nginx' } },
      verdict: /answered “403 Forbidden”/,
      answers: { cdn: 'no', server: 'nginx' },
      tokens: ['http-403', 'server-nginx'],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const reading = interpret(answered(c.hop));
      assert.match(reading.verdict, c.verdict);
      if (typeof c.explanation === 'string') assert.ok(reading.explanation.includes(c.explanation), reading.explanation);
      else if (c.explanation) assert.match(reading.explanation, c.explanation);
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

describe('a check that runs out of time', () => {
  const hop = { url: 'https://shop.example.com/', address: '203.0.113.9', addresses: ['203.0.113.9'], dnsMs: 4 };

  test('with a connection and no answer, the server is slow: no “browser’s own page”, and how long others wait', () => {
    const failure = outOfTime({ ...hop, connectMs: 21 }, 8000);
    assert.deepEqual(failure, { kind: 'slow', detail: 'connected in 21 ms, then no answer within 8 seconds' });
    const reading = interpret({ url: hop.url, checkedAt: '2026-11-26T10:00:00.000Z', totalMs: 8000, hops: [{ ...hop, connectMs: 21 }], failure });
    assert.deepEqual(reading.tokens, ['slow']);
    assert.ok(checkOutcome('slow'), 'the token has its meaning and fixes in the outcomes table');
    assert.deepEqual(Object.fromEntries(reading.suggestions.map((s) => [s.step, s.answer])), { reach: 'everyone' });
    assert.match(reading.explanation, /not a DNS or network problem/);
    assert.match(reading.explanation, /Nginx waits 60 seconds.*Cloudflare waits 100 seconds/);
    assert.ok(
      reading.findings.some((f) => f.id === 'connect' && f.tone === 'good'),
      'the connection is a finding of its own',
    );
  });

  test('an answer that began but did not finish in time is slow too, not a timeout', () => {
    assert.deepEqual(outOfTime({ ...hop, connectMs: 30, status: 200 }, 8000), {
      kind: 'slow',
      detail: 'connected in 30 ms, then the answer (200) was not complete within 8 seconds',
    });
  });

  test('without a connection it stays a timeout, which may be a firewall or a server that is off', () => {
    const failure = outOfTime(hop, 8000);
    assert.deepEqual(failure, { kind: 'timeout', detail: 'no connection within 8 seconds' });
    const reading = interpret({ url: hop.url, checkedAt: '2026-11-26T10:00:00.000Z', totalMs: 8000, hops: [hop], failure });
    assert.deepEqual(reading.tokens, ['timeout']);
    assert.deepEqual(Object.fromEntries(reading.suggestions.map((s) => [s.step, s.answer])), { reach: 'everyone', 'error-page': 'browser' });
    assert.match(reading.explanation, /never accepted the connection/);
  });
});

describe('the result in words, for the summary and the hand-off', () => {
  test('the senders and outcomes are named from the evidence tables', () => {
    assert.equal(
      describeCheck(['http-502', 'page-cloudflare-plain', 'cdn-cloudflare']),
      'The site answered with HTTP status 502; the error page is Cloudflare’s own plain page, without its branding: Cloudflare itself failed; Cloudflare sits in front of the site.',
    );
    assert.equal(
      describeCheck(['http-502', 'page-aws-alb', 'lb-aws-alb']),
      'The site answered with HTTP status 502; the error page is the AWS load balancer’s own: the servers behind it failed its request; an AWS load balancer sits in front of the site.',
    );
    assert.equal(
      describeCheck(['http-530', 'page-cloudflare-tunnel', 'cdn-cloudflare']),
      'The site answered with HTTP status 530; Cloudflare could not reach the site through its tunnel (cloudflared); Cloudflare sits in front of the site.',
    );
    assert.equal(
      describeCheck(['http-503', 'page-litespeed', 'server-litespeed']),
      'The site answered with HTTP status 503; the error page is LiteSpeed’s own: the PHP behind it was unavailable; the web server is LiteSpeed.',
    );
    assert.equal(describeCheck(['slow']), `${checkOutcome('slow')!.meaning[0].toUpperCase()}${checkOutcome('slow')!.meaning.slice(1)}.`);
    assert.equal(
      describeCheck(['cache-varnish', 'page-varnish']),
      'A Varnish cache sits in front of the web server; the error page is Varnish’s own: the web server behind it did not answer it.',
    );
    // A CDN's id under another kind's prefix is not a sender we know.
    assert.equal(describeCheck(['lb-cloudflare']), undefined);
  });
});
