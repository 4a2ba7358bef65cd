import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setImmediate } from 'node:timers/promises';
import { vetAddress } from '@/live-check/addresses';
import { parseTarget } from '@/live-check/input';
import { CheckLimits } from '@/live-check/limits';
import { describeCheck } from '@/live-check/outcome';
import { settingsFromEnv } from '@/live-check/settings';
import { clientKey } from '@/security/client-address';

const closed = settingsFromEnv({});

/** What the check would connect to for `typed`, or why it refuses: the URL parser and the address vetting together. */
function verdictFor(typed: string, settings = closed): string {
  const target = parseTarget(typed, settings);
  if (!target.ok) return `refused: ${target.problem}`;
  const host = target.url.hostname;
  if (!/^[\d.]+$|^\[/.test(host)) return `name: ${host}`;
  const vetted = vetAddress(host, settings);
  return vetted.ok ? `allowed: ${vetted.address}` : `refused: ${vetted.reason}`;
}

describe('addresses the live check refuses, however they are spelt', () => {
  const classes: Record<string, string[]> = {
    'points back at our own server': [
      '127.0.0.1',
      '2130706433',
      '0x7f000001',
      '017700000001',
      '0x7f.1',
      '127.1',
      '0177.0.0.01',
      '127.255.255.254',
      '[::1]',
      '[0:0:0:0:0:0:0:1]',
      '[::ffff:127.0.0.1]',
      '[::ffff:7f00:1]',
    ],
    'private network': [
      '10.0.0.1',
      '0xa.0.0.1',
      '167772161',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '0300.0250.1.1',
      '[fd00::1]',
      '[fd00:ec2::254]',
      '[::ffff:10.0.0.1]',
      '[::ffff:c0a8:101]',
    ],
    'local-link': ['169.254.169.254', '0xa9fea9fe', '2852039166', '169.254.0.1', '[fe80::1]', '[::ffff:169.254.169.254]'],
    'internet provider uses inside': ['100.64.0.1', '100.127.255.254', '100.100.100.200'],
    multicast: ['224.0.0.1', '239.255.255.250', '[ff02::1]'],
    broadcast: ['255.255.255.255', '4294967295'],
    '“any address”': ['0.0.0.0', '0', '[::]'],
    reserved: ['240.0.0.1', '192.0.2.10', '198.51.100.1', '203.0.113.7', '192.0.0.192', '198.18.0.1', '[2001:db8::1]'],
    'IPv6 form': ['[::ffff:0:7f00:1]', '[::127.0.0.1]', '[::10.0.0.1]', '[::a9fe:a9fe]'],
    'not on the public internet': ['[4000::1]', '[1::1]', '[::1:2:3:4:5]'],
    'cloud provider keeps for its own': ['168.63.129.16', '2822734096'],
    'translation prefix': ['[64:ff9b::7f00:1]', '[64:ff9b::a9fe:a9fe]'],
    'tunnel prefix': ['[2002:7f00:1::1]', '[2001::1]'],
  };
  for (const [reason, spellings] of Object.entries(classes)) {
    test(`${reason}: ${spellings.length} spellings`, () => {
      for (const host of spellings) {
        for (const typed of [host, `http://${host}/`, `https://${host}/wp-admin`]) {
          const verdict = verdictFor(typed);
          assert.match(verdict, /^refused: /, `${typed} was not refused (${verdict})`);
          assert.ok(verdict.includes(reason), `${typed}: ${verdict}`);
        }
      }
    });
  }

  test('public addresses pass, in any spelling', () => {
    assert.equal(verdictFor('93.184.215.14'), 'allowed: 93.184.215.14');
    assert.equal(verdictFor('http://1572394766/'), 'allowed: 93.184.215.14');
    assert.equal(verdictFor('https://[2606:4700::6810:84e5]/'), 'allowed: 2606:4700::6810:84e5');
    assert.equal(verdictFor('Example.COM/shop'), 'name: example.com');
  });

  test('an operator’s allow-list opens exactly the ranges named', () => {
    const office = settingsFromEnv({ CHECK_ALLOW_NETWORKS: '10.20.0.0/16, fd12:3456::/32' });
    assert.equal(verdictFor('10.20.30.40', office), 'allowed: 10.20.30.40');
    assert.equal(verdictFor('[fd12:3456::8]', office), 'allowed: fd12:3456::8');
    assert.match(verdictFor('10.21.0.1', office), /^refused: .*private network/);
    assert.match(verdictFor('127.0.0.1', office), /^refused: .*our own server/);
    assert.match(verdictFor('169.254.169.254', office), /^refused: /);
  });

  test('a mistake in the operator’s settings is reported, not ignored', () => {
    assert.throws(() => settingsFromEnv({ CHECK_ALLOW_NETWORKS: '10.0.0.0/33' }), /CHECK_ALLOW_NETWORKS: “10\.0\.0\.0\/33”/);
    assert.throws(() => settingsFromEnv({ CHECK_ALLOW_PORTS: '80,99999' }), /CHECK_ALLOW_PORTS: “99999”/);
    assert.throws(() => settingsFromEnv({ CHECK_RATE_LIMIT: 'lots' }), /CHECK_RATE_LIMIT/);
  });
});

describe('what a person types', () => {
  const problems: [string, RegExp][] = [
    ['', /Type your site’s address/],
    ['   ', /Type your site’s address/],
    ['ftp://example.com/', /only check web addresses .*“ftp:”/],
    ['file:///etc/passwd', /“file:”/],
    ['javascript:alert(1)', /“javascript:”/],
    ['gopher://example.com:70/', /“gopher:”/],
    ['http://user:secret@example.com/', /user name or password/],
    ['https://example.com:22/', /port 22/],
    ['example.com:8080', /port 8080/],
    ['http://', /not a web address we can read/],
    ['my site.com', /no spaces/],
    ['example.com\n/evil', /no spaces or line breaks/],
    ['exa_mple.com', /not a site name/],
    ['mysite', /missing its ending.*mysite\.com/],
    ['x'.repeat(2001), /longer than any web address/],
  ];
  for (const [typed, message] of problems) {
    test(`“${typed.slice(0, 30)}” gets a message saying what is wrong`, () => {
      const target = parseTarget(typed, closed);
      assert.equal(target.ok, false);
      assert.match((target as { problem: string }).problem, message);
    });
  }

  test('a bare domain means https; ports 80 and 443 are fine; the fragment is dropped', () => {
    const read = (typed: string) => {
      const target = parseTarget(typed, closed);
      assert.ok(target.ok, typed);
      return target.url.href;
    };
    assert.equal(read('example.com'), 'https://example.com/');
    assert.equal(read('  www.example.com/shop?x=1#top '), 'https://www.example.com/shop?x=1');
    assert.equal(read('http://example.com:80/'), 'http://example.com/');
    assert.equal(read('http://example.com:443/'), 'http://example.com:443/');
    assert.equal(read('bücher.example'), 'https://xn--bcher-kva.example/');
  });

  test('other ports only when the operator allows them', () => {
    assert.equal(parseTarget('example.com:8080', settingsFromEnv({ CHECK_ALLOW_PORTS: '80,443,8000-8100' })).ok, true);
    assert.equal(parseTarget('example.com:8200', settingsFromEnv({ CHECK_ALLOW_PORTS: '80,443,8000-8100' })).ok, false);
  });
});

describe('limits on checks', () => {
  test('ten a minute per client, then a wait that says how long', async (t) => {
    t.mock.timers.enable({ apis: ['Date', 'setTimeout'], now: 1_000_000 });
    const limits = new CheckLimits(settingsFromEnv({}).perMinute, 100, 'test-minute');
    for (let i = 0; i < 10; i++) {
      const admitted = await limits.admit('203.0.113.1');
      assert.ok(admitted.ok, `check ${i + 1}`);
      admitted.release();
      t.mock.timers.tick(1000);
    }
    const refused = await limits.admit('203.0.113.1');
    assert.deepEqual(refused, { ok: false, reason: 'rate', retryAfter: 50 });
    assert.ok((await limits.admit('203.0.113.2')).ok, 'another client is not held up');
    t.mock.timers.tick(50_000);
    assert.ok((await limits.admit('203.0.113.1')).ok, 'the minute is over');
  });

  test('a client is its address; an IPv6 client, its /64', () => {
    assert.equal(clientKey('203.0.113.1'), '203.0.113.1');
    assert.equal(clientKey('::ffff:203.0.113.1'), '203.0.113.1');
    assert.equal(clientKey('2001:db8:1:2:aaaa::1'), clientKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    assert.notEqual(clientKey('2001:db8:1:2::1'), clientKey('2001:db8:1:3::1'));
    assert.equal(clientKey(''), 'unknown');
  });

  test('only so many at once, across everyone, until one finishes', async () => {
    const limits = new CheckLimits(10, 2, 'test-at-once');
    const a = await limits.admit('a');
    const b = await limits.admit('b');
    const c = await limits.admit('c');
    assert.ok(a.ok && b.ok);
    assert.deepEqual(c, { ok: false, reason: 'busy', retryAfter: 5 });
    a.release();
    a.release(); // a second release gives back nothing more
    await setImmediate();
    assert.ok((await limits.admit('c')).ok);
    assert.equal((await limits.admit('d')).ok, false);
  });

  test('a check refused as busy does not count against its client', async () => {
    const limits = new CheckLimits(2, 1, 'test-busy-free');
    const running = await limits.admit('a');
    assert.ok(running.ok);
    for (let i = 0; i < 3; i++) assert.equal((await limits.admit('b')).ok, false);
    running.release();
    await setImmediate();
    assert.ok((await limits.admit('b')).ok, 'b has had no check yet');
  });
});

describe('the result carried in links', () => {
  test('says what the check saw, and ignores tokens nobody knows', () => {
    assert.equal(
      describeCheck(['http-502', 'page-nginx', 'cdn-cloudflare']),
      'The site answered with HTTP status 502; the error page is Nginx’s own; Cloudflare sits in front of the site.',
    );
    assert.equal(describeCheck(['refused', 'made-up']), 'The server refused the connection (nothing listening, or a firewall).');
    assert.equal(describeCheck(['made-up', 'cdn-nowhere']), undefined);
  });
});
