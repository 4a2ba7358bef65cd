import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chooseOrigin, originSettingProblems, parseAllowedHosts } from '@/content/site-origin';

const allowed = parseAllowedHosts('help.example.com, support.example.net:8443 https://secure.example.org').hosts;
const request = (h: Record<string, string>) => new Headers(h);

describe('the origin of shared links', () => {
  test('SITE_URL wins over any host, listed or not', () => {
    for (const host of ['help.example.com', 'evil.example']) {
      assert.equal(chooseOrigin({ siteUrl: 'https://help.acme.test', allowed, headers: request({ host }) }), 'https://help.acme.test');
    }
  });

  test('without SITE_URL, a listed host is used, with the scheme the proxy reports', () => {
    assert.equal(chooseOrigin({ allowed, headers: request({ host: 'help.example.com' }) }), 'http://help.example.com');
    assert.equal(chooseOrigin({ allowed, headers: request({ host: 'HELP.example.com', 'x-forwarded-proto': 'https' }) }), 'https://help.example.com');
    assert.equal(chooseOrigin({ allowed, headers: request({ host: 'support.example.net:8443' }) }), 'http://support.example.net:8443');
    assert.equal(
      chooseOrigin({ allowed, headers: request({ host: 'secure.example.org', 'x-forwarded-proto': 'http' }) }),
      'https://secure.example.org',
      'a listed scheme is kept',
    );
  });

  test('X-Forwarded-Host is used when it is listed, and Host when only that is', () => {
    assert.equal(
      chooseOrigin({ allowed, headers: request({ host: '127.0.0.1:3000', 'x-forwarded-host': 'help.example.com, proxy.internal' }) }),
      'http://help.example.com',
    );
    assert.equal(chooseOrigin({ allowed, headers: request({ host: 'help.example.com', 'x-forwarded-host': 'evil.example' }) }), 'http://help.example.com');
  });

  test('an unlisted or malformed host gives no origin at all', () => {
    const unlisted: Record<string, string>[] = [
      { host: 'evil.example' },
      { host: 'help.example.com.evil.example' },
      { host: 'support.example.net' }, // listed only with its port
      { host: 'help.example.com:8080' },
      { host: 'evil.example@help.example.com' },
      { host: 'help.example.com/evil' },
      { host: 'localhost:3000' },
      { 'x-forwarded-host': 'evil.example' },
      {},
    ];
    for (const headers of unlisted) {
      assert.equal(chooseOrigin({ allowed, headers: request(headers) }), undefined, JSON.stringify(headers));
    }
  });

  test('no scheme but http or https comes from X-Forwarded-Proto', () => {
    assert.equal(chooseOrigin({ allowed, headers: request({ host: 'help.example.com', 'x-forwarded-proto': 'javascript' }) }), 'http://help.example.com');
  });

  test('with neither setting there is no origin, and never localhost', () => {
    assert.equal(chooseOrigin({ allowed: [], headers: request({ host: 'localhost:3000' }) }), undefined);
    assert.equal(chooseOrigin({ allowed: [] }), undefined);
  });

  test('ALLOWED_HOSTS entries that are not host names are set aside', () => {
    const { hosts, invalid } = parseAllowedHosts('ok.example, https://x.example/path, user@y.example, ftp://z.example,,');
    assert.deepEqual(
      hosts.map((h) => h.host),
      ['ok.example'],
    );
    assert.deepEqual(invalid, ['https://x.example/path', 'user@y.example', 'ftp://z.example']);
  });
});

describe('the start-up check of the origin settings', () => {
  const production = { NODE_ENV: 'production' } as NodeJS.ProcessEnv;

  test('a production server with neither setting says what to set, in one line', () => {
    const problems = originSettingProblems({ env: production });
    assert.equal(problems.length, 1);
    assert.match(problems[0], /SITE_URL/);
    assert.match(problems[0], /ALLOWED_HOSTS/);
  });

  test('either setting is enough, and next dev needs neither', () => {
    assert.deepEqual(originSettingProblems({ siteUrl: 'https://help.acme.test', env: production }), []);
    assert.deepEqual(originSettingProblems({ env: { ...production, ALLOWED_HOSTS: 'help.example.com' } }), []);
    assert.deepEqual(originSettingProblems({ env: { NODE_ENV: 'development' } as NodeJS.ProcessEnv }), []);
  });

  test('a mistyped entry is named', () => {
    const problems = originSettingProblems({ env: { ...production, ALLOWED_HOSTS: 'help.example.com, https://x.example/path' } });
    assert.equal(problems.length, 1);
    assert.match(problems[0], /https:\/\/x\.example\/path/);
  });
});
