import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clientAddress, parseTrustProxy, socketHeader, stampFor } from '@/security/client-address';

/** A request as the stamped server hands it on: from `socket`, with whatever X-Forwarded-For it carried. */
function request(socket: string, forwardedFor?: string): Headers {
  const headers = new Headers({ [socketHeader]: stampFor(socket) });
  if (forwardedFor !== undefined) headers.set('x-forwarded-for', forwardedFor);
  return headers;
}

const who = (setting: string | undefined, socket: string, forwardedFor?: string) => clientAddress(request(socket, forwardedFor), parseTrustProxy(setting));

describe('TRUST_PROXY unset: the connection is the client', () => {
  test('whatever X-Forwarded-For says', () => {
    assert.equal(who(undefined, '203.0.113.9'), '203.0.113.9');
    assert.equal(who(undefined, '203.0.113.9', '198.51.100.1'), '203.0.113.9');
    assert.equal(who('', '203.0.113.9', '198.51.100.1, 10.0.0.1'), '203.0.113.9');
    assert.equal(who('0', '::ffff:203.0.113.9', '198.51.100.1'), '203.0.113.9', 'an IPv4 client on a dual-stack socket');
  });

  test('a stamp the client made up is not the connection', () => {
    const forged = new Headers({ [socketHeader]: '198.51.100.1 made-up-secret' });
    assert.equal(clientAddress(forged, parseTrustProxy(undefined)), 'unknown');
    assert.equal(clientAddress(new Headers({ [socketHeader]: '198.51.100.1' }), parseTrustProxy(undefined)), 'unknown');
    assert.equal(clientAddress(new Headers(), parseTrustProxy(undefined)), 'unknown');
  });
});

describe('TRUST_PROXY as a number of proxies', () => {
  test('one proxy: the entry it appended, not the client’s own', () => {
    assert.equal(who('1', '127.0.0.1', '203.0.113.9'), '203.0.113.9');
    assert.equal(who('1', '127.0.0.1', 'spoofed, 198.51.100.2, 203.0.113.9'), '203.0.113.9');
  });

  test('two proxies: two places left of the connection', () => {
    assert.equal(who('2', '10.0.0.2', '198.51.100.1, 203.0.113.9, 10.0.0.1'), '203.0.113.9');
  });

  test('fewer entries than proxies: the furthest one there is', () => {
    assert.equal(who('2', '10.0.0.2', '203.0.113.9'), '203.0.113.9');
    assert.equal(who('1', '127.0.0.1'), '127.0.0.1', 'nothing forwarded: the connection');
  });

  test('entries as proxies write them: ports, brackets, several headers', () => {
    assert.equal(who('1', '127.0.0.1', '203.0.113.9:51234'), '203.0.113.9');
    assert.equal(who('1', '127.0.0.1', '[2001:db8::7]:443'), '2001:db8::7');
    const twice = request('127.0.0.1');
    twice.append('x-forwarded-for', 'spoofed');
    twice.append('x-forwarded-for', '203.0.113.9');
    assert.equal(clientAddress(twice, parseTrustProxy('1')), '203.0.113.9');
  });
});

describe('TRUST_PROXY as proxy addresses', () => {
  const proxies = '127.0.0.1, 10.0.0.0/8 ::1';

  test('walks left past trusted proxies to the first address that is not one', () => {
    assert.equal(who(proxies, '127.0.0.1', '198.51.100.1, 203.0.113.9, 10.1.2.3'), '203.0.113.9');
    assert.equal(who(proxies, '::1', '203.0.113.9'), '203.0.113.9');
    assert.equal(who(proxies, '::ffff:10.0.0.5', '203.0.113.9'), '203.0.113.9', 'a mapped address is its IPv4 self');
  });

  test('a connection from outside the list is the client, whatever it forwards', () => {
    assert.equal(who(proxies, '203.0.113.50', '198.51.100.1'), '203.0.113.50');
  });

  test('an entry that is not an address is not a proxy', () => {
    assert.equal(who(proxies, '127.0.0.1', '203.0.113.9, junk'), 'junk');
  });

  test('every hop trusted: the leftmost', () => {
    assert.equal(who(proxies, '127.0.0.1', '10.0.0.1'), '10.0.0.1');
  });

  test('IPv6 ranges', () => {
    assert.equal(who('fd00::/8', 'fd00::2', '2001:db8::1, fd00::1'), '2001:db8::1');
  });
});

describe('a TRUST_PROXY the app cannot read', () => {
  for (const value of ['yes', '10.0.0.0/33', '1.2.3', '-1', '1.5', '100']) {
    test(`“${value}” says what it expected`, () => {
      assert.throws(() => parseTrustProxy(value), /^Error: TRUST_PROXY: “.+” .*(number of proxies|proxies in front)/);
    });
  }
});
