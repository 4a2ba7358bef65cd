import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseTarget } from '@/live-check/input';
import { requestOnce } from '@/live-check/probe';
import { interpret } from '@/live-check/interpret';
import { CheckCancelled, runCheck } from '@/live-check/run-check';
import { settingsFromEnv, type CheckSettings } from '@/live-check/settings';
import { loopbackAllowed, startCheckFixtures, type CheckFixtures } from '@/tests/support/check-fixtures';
import { nginxAvailable, startNginx, type NginxServer } from '@/tests/support/nginx';
import { freePort } from '@/tests/support/server';

// The fixtures live on loopback, which only the operator's allow-list opens.
const settings: CheckSettings = { ...settingsFromEnv(loopbackAllowed), timeoutMs: 2000 };

async function check(address: string, options: { settings?: CheckSettings; signal?: AbortSignal } = {}) {
  const target = parseTarget(address, options.settings ?? settings);
  assert.ok(target.ok, `${address} should parse`);
  const report = await runCheck(target.url, options.settings ?? settings, { signal: options.signal });
  return { report, reading: interpret(report) };
}

const answers = (reading: ReturnType<typeof interpret>) => Object.fromEntries(reading.suggestions.map((s) => [s.step, s.answer]));

describe('the live check against sites on loopback', () => {
  let fixtures: CheckFixtures;
  let nginx: NginxServer | undefined;
  before(async () => {
    fixtures = await startCheckFixtures();
    if (nginxAvailable()) nginx = await startNginx();
  });
  after(async () => {
    await fixtures?.stop();
    await nginx?.stop();
  });

  test('a real Nginx proxying to a closed port: a 502 from Nginx, down for everyone', { skip: !nginxAvailable() && 'nginx is not installed' }, async () => {
    const { report, reading } = await check(`${nginx!.url}/closed`);
    assert.equal(report.hops.at(-1)?.status, 502);
    assert.match(reading.verdict, /down for everyone: Nginx can’t reach what runs your site/);
    assert.deepEqual(answers(reading), { reach: 'everyone', 'error-page': 'nginx', cdn: 'no' });
    assert.deepEqual(reading.tokens, ['http-502', 'page-nginx', 'server-nginx']);
  });

  test('a healthy site: it loads for us, so the trouble may be near the person', async () => {
    const { report, reading } = await check(`${fixtures.url}/healthy`);
    assert.equal(report.failure, undefined);
    assert.equal(reading.verdict, 'Your site loads for us');
    assert.deepEqual(answers(reading), { reach: 'only-me', cdn: 'no', server: 'nginx' });
    assert.ok(reading.findings.some((f) => f.id === 'connect' && f.tone === 'good'));
  });

  test('a slow site: connected, then no answer by the time limit, which is not a network problem', async () => {
    const started = Date.now();
    const { report, reading } = await check(`${fixtures.url}/slow`);
    const took = Date.now() - started;
    assert.equal(report.failure?.kind, 'slow');
    assert.ok(took >= 1900 && took < 5000, `stopped after ${took} ms`);
    assert.equal(reading.verdict, 'Your server is up, but sent no answer in 8 seconds');
    assert.deepEqual(answers(reading), { reach: 'everyone' }, 'no “my browser’s own page”, which leads to DNS');
    assert.deepEqual(reading.tokens, ['slow']);
  });

  test('a redirect chain is followed, each hop reported', async () => {
    const { report, reading } = await check(`${fixtures.url}/hops/3`);
    assert.deepEqual(
      report.hops.map((h) => h.status),
      [302, 302, 302, 200],
    );
    assert.equal(reading.findings.find((f) => f.id === 'redirects')?.title, 'It redirected 3 times');
    assert.equal(reading.verdict, 'Your site loads for us');
  });

  test('at most five redirects, then it says the site goes round in circles', async () => {
    const { report, reading } = await check(`${fixtures.url}/loop`);
    assert.equal(report.hops.length, 6);
    assert.equal(report.failure?.kind, 'too-many-redirects');
    assert.equal(reading.verdict, 'Your site sends visitors round in circles');
  });

  test('a redirect into a private address is refused, not followed', async () => {
    for (const path of ['/to-private', '/to-mapped-v6', '/to-odd-spelling']) {
      const { report, reading } = await check(`${fixtures.url}${path}`, {
        settings: { ...settings, allowedNetworks: settingsFromEnv({ CHECK_ALLOW_NETWORKS: '127.0.0.1/32' }).allowedNetworks },
      });
      assert.equal(report.failure?.kind, 'refused-address', path);
      assert.equal(report.hops.at(-1)?.status, undefined, `${path}: no request went to the private address`);
      assert.match(reading.verdict, /redirects to a private address/);
      assert.deepEqual(reading.suggestions, []);
    }
  });

  test('an oversized page is cut at 64 KiB', async () => {
    const { report } = await check(`${fixtures.url}/big`);
    const hop = report.hops.at(-1)!;
    assert.equal(hop.status, 200);
    assert.equal(hop.bytes, 64 * 1024);
    assert.equal(hop.truncated, true);
    assert.ok(Buffer.byteLength(hop.body ?? '') <= 64 * 1024);
  });

  test('Cloudflare’s branded 502: Cloudflare works, the server behind it answered 502', async () => {
    const { reading } = await check(`${fixtures.url}/cloudflare-502`);
    assert.match(reading.verdict, /your server answers Cloudflare with 502/);
    assert.deepEqual(answers(reading), { reach: 'everyone', 'error-page': 'cloudflare-502', cdn: 'yes' });
    assert.deepEqual(reading.tokens, ['http-502', 'page-cloudflare', 'cdn-cloudflare']);
  });

  test('Cloudflare’s plain 502, without its branding: Cloudflare itself failed', async () => {
    const { reading } = await check(`${fixtures.url}/cloudflare-plain`);
    assert.equal(reading.verdict, 'Cloudflare itself failed, not your server');
    assert.match(reading.explanation, /cloudflarestatus\.com/);
    assert.deepEqual(answers(reading), { reach: 'everyone', 'error-page': 'cloudflare-plain', cdn: 'yes' });
    assert.deepEqual(reading.tokens, ['http-502', 'page-cloudflare-plain', 'cdn-cloudflare']);
  });

  test('a Cloudflare 502 with headers only: which page it is stays the person’s answer', async () => {
    const { reading } = await check(`${fixtures.url}/cloudflare-no-page`);
    assert.match(reading.verdict, /Cloudflare answers with 502/);
    assert.deepEqual(answers(reading), { reach: 'everyone', cdn: 'yes' });
    assert.deepEqual(reading.tokens, ['http-502', 'cdn-cloudflare']);
  });

  test('a Cloudflare 521: its 52x page and the number, explained from the Cloudflare table', async () => {
    const { reading } = await check(`${fixtures.url}/cloudflare-521`);
    assert.equal(reading.verdict, 'Cloudflare answers with 521: “Web server is down”');
    assert.match(reading.explanation, /your server refused the connection/);
    assert.deepEqual(answers(reading), { reach: 'everyone', 'error-page': 'cloudflare-52x', 'cf-code': '521', cdn: 'yes' });
  });

  test('a 502 whose page is cut short is still a 502 from Nginx', async () => {
    const { report, reading } = await check(`${fixtures.url}/cut-502`);
    assert.equal(report.failure, undefined);
    assert.equal(report.hops.at(-1)?.status, 502);
    assert.equal(report.hops.at(-1)?.truncated, true);
    assert.deepEqual(answers(reading), { reach: 'everyone', 'error-page': 'nginx', cdn: 'no' });
  });

  test('a redirect without a destination, and a server that switches protocols, end the check at once', async () => {
    const nowhere = await check(`${fixtures.url}/redirect-nowhere`);
    assert.equal(nowhere.reading.verdict, 'Your site redirects, but doesn’t say where to');
    const started = Date.now();
    const switching = await check(`${fixtures.url}/switching`);
    assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms`);
    assert.equal(switching.report.hops.at(-1)?.status, 101);
  });

  test('a closed port and an unknown name are findings, not errors', async () => {
    const closed = await freePort();
    const refused = await check(`http://127.0.0.1:${closed}/`);
    assert.equal(refused.report.failure?.kind, 'refused');
    assert.equal(refused.reading.verdict, 'Nothing is answering at your site’s address');
    assert.deepEqual(answers(refused.reading), { reach: 'everyone', 'error-page': 'browser' });

    const missing = await check('http://no-such-site.invalid/');
    assert.equal(missing.report.failure?.kind, 'no-dns');
    assert.equal(missing.reading.verdict, 'Your site’s name doesn’t lead anywhere');
  });

  test('without the allow-list, loopback is refused before any connection, by address or by name', async () => {
    const closedSettings = { ...settingsFromEnv({ CHECK_ALLOW_PORTS: '1-65535' }), timeoutMs: 2000 };
    let connections = 0;
    const server = (await import('node:http')).createServer((_req, res) => res.end('should not be reached'));
    server.on('connection', () => connections++);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    try {
      for (const address of [`http://127.0.0.1:${port}/`, `http://2130706433:${port}/`, `http://localhost:${port}/`]) {
        const { report } = await check(address, { settings: closedSettings });
        assert.equal(report.failure?.kind, 'refused-address', address);
      }
      assert.equal(connections, 0);
    } finally {
      server.close();
    }
  });

  test('the connection goes to the vetted address only: the name is never looked up again', async () => {
    // The name does not exist, so any second lookup would fail; the pinned one connects.
    const { port } = new URL(fixtures.url);
    const hop = await requestOnce(new URL(`http://rebinding.invalid:${port}/healthy`), [{ address: '127.0.0.1', family: 4 }], 1024, AbortSignal.timeout(2000));
    assert.equal(hop.status, 200);
    assert.equal(hop.address, '127.0.0.1');
  });

  test('cancelling stops the check at once, with nothing to report', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    await assert.rejects(check(`${fixtures.url}/slow`, { signal: controller.signal }), CheckCancelled);
    assert.ok(Date.now() - started < 1500);
  });
});

describe('the security certificate', () => {
  let server: ReturnType<typeof createServer>;
  let url: string;
  before(async () => {
    // A self-signed certificate for another name: untrusted and mismatched.
    const dir = mkdtempSync(join(tmpdir(), 'check-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-subj',
        '/CN=wrong.example',
        '-days',
        '5',
        '-addext',
        'subjectAltName=DNS:wrong.example',
      ],
      { stdio: 'ignore' },
    );
    server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => {
      res.writeHead(200, { server: 'Apache/2.4.62' });
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `https://127.0.0.1:${(server.address() as { port: number }).port}/`;
  });
  after(() => server?.close());

  test('is read and reported, and the page is still checked', async () => {
    const { report, reading } = await check(url);
    const tls = report.hops[0].tls!;
    assert.equal(tls.valid, false);
    assert.equal(tls.nameMatches, false);
    assert.equal(tls.subject, 'wrong.example');
    assert.ok(tls.daysLeft !== undefined && tls.daysLeft >= 3 && tls.daysLeft <= 5);
    assert.equal(reading.findings.find((f) => f.id === 'tls')?.title, 'The security certificate is for a different name: browsers warn visitors away');
    assert.equal(report.hops[0].status, 200);
  });
});

describe('name lookups', () => {
  test('many checks of names at once all get their answer', async () => {
    const closedSettings = { ...settingsFromEnv({}), timeoutMs: 4000 };
    const reports = await Promise.all(Array.from({ length: 8 }, (_, i) => check(`https://name-${i}.invalid/`, { settings: closedSettings })));
    assert.deepEqual(
      reports.map((r) => r.report.failure?.kind),
      Array(8).fill('no-dns'),
    );
  });
});
