import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CheckCancelled, runCheck } from '@/live-check/run-check';
import { settingsFromEnv, type CheckSettings } from '@/live-check/settings';
import { loopbackAllowed, startCheckFixtures, type CheckFixtures } from '@/tests/support/check-fixtures';
import { startDnsServer, type DnsServer } from '@/tests/support/dns-server';

describe('name lookups through the name servers in CHECK_DNS_SERVERS', () => {
  let dns: DnsServer;
  let fixtures: CheckFixtures;
  let settings: CheckSettings;
  let port: string;
  before(async () => {
    dns = await startDnsServer(
      {
        'fast.test': ['127.0.0.1'],
        'private.test': ['10.0.0.1'],
        'mixed.test': ['127.0.0.1', '10.0.0.1'],
        'six.test': ['0:0:0:0:0:0:0:1'],
      },
      (name) => name.endsWith('.slow.test'),
    );
    fixtures = await startCheckFixtures();
    port = new URL(fixtures.url).port;
    settings = settingsFromEnv({ ...loopbackAllowed, CHECK_DNS_SERVERS: dns.address });
  });
  after(async () => {
    await dns?.stop();
    await fixtures?.stop();
  });

  const check = (host: string, signal?: AbortSignal) => runCheck(new URL(`http://${host}:${port}/healthy`), settings, { signal });

  test('a name the server answers is checked at the address it gave', async () => {
    const report = await check('fast.test');
    assert.equal(report.failure, undefined);
    assert.equal(report.hops[0].status, 200);
    assert.deepEqual(report.hops[0].addresses, ['127.0.0.1']);
    assert.ok(dns.asked.includes('fast.test'), 'the configured server was asked');
  });

  test('names whose server never answers do not hold up anyone else’s check', async () => {
    const slow = ['a.slow.test', 'b.slow.test', 'c.slow.test', 'd.slow.test'].map((host) => check(host));
    await new Promise((r) => setTimeout(r, 100));
    const ordinary = await check('fast.test');
    assert.equal(ordinary.failure, undefined, JSON.stringify(ordinary.failure));
    assert.equal(ordinary.hops[0].status, 200);
    for (const report of await Promise.all(slow)) assert.equal(report.failure?.kind, 'dns-error', JSON.stringify(report.failure));
  });

  test('a check waiting on a silent name server stops at once when cancelled', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = performance.now();
    await assert.rejects(check('e.slow.test', controller.signal), CheckCancelled);
    assert.ok(performance.now() - started < 1500);
  });

  test('every address a name gives is vetted, IPv6 ones too', async () => {
    assert.equal((await check('private.test')).failure?.kind, 'refused-address');
    assert.equal((await check('six.test')).failure?.kind, 'refused-address', '::1 is outside the allowed 127.0.0.0/8');
    const mixed = await check('mixed.test');
    assert.equal(mixed.failure?.kind, 'refused-address');
    assert.match(mixed.failure?.detail ?? '', /10\.0\.0\.1/);
  });

  test('a name that does not exist is a finding; localhost and /etc/hosts are answered by the machine, and refused', async () => {
    assert.equal((await check('missing.test')).failure?.kind, 'no-dns');
    const closed = settingsFromEnv({ CHECK_ALLOW_PORTS: '1-65535', CHECK_DNS_SERVERS: dns.address });
    const asked = dns.asked.length;
    for (const host of ['localhost', 'app.localhost', 'LOCALHOST.']) {
      const report = await runCheck(new URL(`http://${host}:${port}/`), closed);
      assert.equal(report.failure?.kind, 'refused-address', host);
    }
    assert.equal(dns.asked.length, asked, 'the name server was not asked about localhost');
  });

  test('a setting that is not a list of addresses is refused', () => {
    assert.throws(() => settingsFromEnv({ CHECK_DNS_SERVERS: 'not an address' }), /CHECK_DNS_SERVERS/);
    assert.deepEqual(settingsFromEnv({}).dnsServers, []);
  });
});
