import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { siteSettings } from '@/content/schema';
import { site } from '@/content/site';

const valid = { productName: 'Help', siteUrl: 'https://help.example.com/', support: {} };

describe('site settings are checked', () => {
  test('the shipped settings are valid', () => {
    assert.ok(site.productName.length > 0);
    if (site.siteUrl) assert.doesNotMatch(site.siteUrl, /\/$/, 'no trailing slash, so paths join cleanly');
  });

  test('good settings pass, with the address tidied', () => {
    assert.equal(siteSettings.parse(valid).siteUrl, 'https://help.example.com');
    assert.equal(siteSettings.parse({ ...valid, siteUrl: undefined }).siteUrl, undefined, 'unset: pages use the address they are opened at');
    assert.doesNotThrow(() =>
      siteSettings.parse({ ...valid, support: { email: 'a@b.co', url: 'https://b.co/help', phone: '+1 (555) 010-0000' }, platform: 'cpanel' }),
    );
  });

  for (const [what, bad] of [
    ['a support email that is not one', { ...valid, support: { email: 'support at example' } }],
    ['a support page that is not http(s)', { ...valid, support: { url: 'javascript:alert(1)' } }],
    ['a phone number with letters', { ...valid, support: { phone: 'call us' } }],
    ['a site address without a scheme', { ...valid, siteUrl: 'help.example.com' }],
    ['a site address with a path (links always start at the root)', { ...valid, siteUrl: 'https://help.example.com/help' }],
    ['an empty product name', { ...valid, productName: ' ' }],
    ['an unknown setting (a typo)', { ...valid, productname: 'x' }],
    ['a platform the wizard does not know', { ...valid, platform: 'AcmePanel' }],
  ] as const) {
    test(`${what} is refused`, () => {
      assert.throws(() => siteSettings.parse(bad));
    });
  }
});
