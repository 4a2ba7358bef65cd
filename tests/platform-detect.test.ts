import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { explainLog } from '@/log-explainer/explain';
import { logEvidence } from '@/log-explainer/for-wizard';
import { platformFromText, telltales } from '@/platforms/detect';

/** Log lines as each platform writes them: the paths in them come from its own layout. */
const nginxTail = ', client: 203.0.113.7, server: example.com, request: "GET / HTTP/1.1"';
const lines = {
  cpanel: `2026/11/26 09:14:03 [error] 1234#1234: *56 connect() to unix:/opt/cpanel/ea-php82/root/usr/var/run/php-fpm/c288a9f521f815ca6697f73faef0799951fcb9b7.sock failed (11: Resource temporarily unavailable) while connecting to upstream${nginxTail}`,
  plesk: `2026/11/26 09:14:03 [crit] 1234#1234: *56 connect() to unix:///var/www/vhosts/system/example.com/php-fpm.sock failed (2: No such file or directory) while connecting to upstream${nginxTail}`,
  rhel: `2026/11/26 09:14:03 [crit] 1234#1234: *56 connect() to unix:/run/php-fpm/www.sock failed (13: Permission denied) while connecting to upstream${nginxTail}`,
  debian: `2026/11/26 09:14:03 [crit] 1234#1234: *56 connect() to unix:/run/php/php8.4-fpm.sock failed (2: No such file or directory) while connecting to upstream${nginxTail}`,
};

describe('a log’s paths tell the platform, from the same table the guidance uses', () => {
  test('cPanel, Plesk and AlmaLinux paths each name their platform', () => {
    assert.equal(platformFromText(lines.cpanel), 'cpanel');
    assert.equal(platformFromText(lines.plesk), 'plesk');
    assert.equal(platformFromText(lines.rhel), 'rhel');
  });

  test('a pool named after its site tells cPanel (underscores) from Plesk (dots); `www` tells nothing', () => {
    const warning = (pool: string) => `[26-Nov-2026 09:14:03] WARNING: [pool ${pool}] server reached pm.max_children setting (5), consider raising it`;
    assert.equal(platformFromText(warning('shop_example_co_uk')), 'cpanel');
    assert.equal(platformFromText(warning('shop.example.co.uk')), 'plesk');
    assert.equal(platformFromText(warning('www')), undefined);
    assert.equal(platformFromText(warning('my_app')), undefined, 'a name of someone’s own, not a domain');
    assert.equal(platformFromText(warning('api.internal')), undefined);
  });

  test('paths every panel on a system shares tell nothing', () => {
    // Plesk and DirectAdmin on AlmaLinux write Apache's main log here too.
    assert.equal(platformFromText('[Wed Nov 26 09:14:03 2026] [proxy_fcgi:error] in /var/log/httpd/error_log'), undefined);
  });

  test('an account’s own paths on DirectAdmin tell DirectAdmin, whatever the account is called', () => {
    assert.equal(platformFromText('ERROR: unable to bind listening socket for address /usr/local/php82/sockets/shopowner.sock'), 'directadmin');
    assert.equal(platformFromText('in /usr/local/directadmin/data/users/shopowner/php/php-fpm82.conf'), 'directadmin');
  });

  test('Debian and Ubuntu share every path, so a Debian line names no release', () => {
    assert.equal(platformFromText(lines.debian), undefined);
  });

  test('lines from two platforms name neither', () => {
    assert.equal(platformFromText(`${lines.cpanel}\n${lines.rhel}`), undefined);
  });

  test('no telltale belongs to two platforms', () => {
    for (const a of telltales)
      for (const b of telltales)
        if (a.platform !== b.platform) assert.ok(!a.prefix.startsWith(b.prefix), `${a.prefix} (${a.platform}) and ${b.prefix} (${b.platform})`);
  });

  test('the explainer’s links answer the platform question', () => {
    const { evidence, platform } = logEvidence(explainLog(lines.cpanel), [{ step: 'role', answer: 'owner' }]);
    assert.equal(platform, 'cpanel');
    assert.deepEqual(
      evidence.find((a) => a.step === 'platform'),
      { step: 'platform', answer: 'cpanel' },
    );
  });

  test('a platform the person already named is kept', () => {
    const { evidence } = logEvidence(explainLog(lines.cpanel), [{ step: 'platform', answer: 'cloudlinux' }]);
    assert.equal(
      evidence.find((a) => a.step === 'platform'),
      undefined,
    );
  });
});
