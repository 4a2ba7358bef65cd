import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { composeHandoff, mailtoHref, parseRayId, parseSiteAddress, parseSince, textFileHref } from '@/handoff/message';

const input = {
  facts: [{ name: 'Web server', value: 'Nginx' }],
  tried: [
    { title: 'Wait a minute, then reload the page', outcome: 'Still broken' },
    { title: 'Restart your web server & PHP', outcome: 'I can’t do this' },
  ],
  progressUrl: 'https://help.example.com/fix/role=owner',
};

describe('the hand-off message', () => {
  test('holds the setup, every step tried in order, and the progress link', () => {
    const { body, subject } = composeHandoff({ ...input, siteAddress: 'https://shop.example.com', since: 'today 9:30' });
    assert.equal(subject, '502 Bad Gateway on shop.example.com: what I’ve tried');
    assert.match(body, /Website: https:\/\/shop\.example\.com\nStarted: today 9:30/);
    assert.match(body, /- Web server: Nginx/);
    assert.match(body, /1\. Wait a minute, then reload the page: Still broken\n2\. Restart your web server & PHP: I can’t do this/);
    assert.ok(body.includes(input.progressUrl));
  });

  test('leaves out what was not given', () => {
    const { body, subject } = composeHandoff(input);
    assert.doesNotMatch(body, /Website:|Started:/);
    assert.equal(subject, '502 Bad Gateway on my website: what I’ve tried');
  });

  test('survives the trip through mailto: and data: links intact', () => {
    const message = composeHandoff({ ...input, since: 'a & b? #1 100%' });
    const mailto = mailtoHref(message, 'help@example.com');
    assert.ok(mailto.startsWith('mailto:help@example.com?subject='));
    const params = new URLSearchParams(mailto.slice(mailto.indexOf('?') + 1));
    assert.equal(params.get('body')!.replace(/\r\n/g, '\n'), message.body);
    assert.equal(decodeURIComponent(textFileHref(message).split(',')[1]), message.body);
  });
});

describe('what people type', () => {
  test('a bare domain becomes an address', () => {
    assert.equal(parseSiteAddress('shop.example.com').value, 'https://shop.example.com');
    assert.equal(parseSiteAddress(' http://shop.example.com/blog ').value, 'http://shop.example.com/blog');
    assert.equal(parseSiteAddress('').value, undefined);
    assert.equal(parseSiteAddress(undefined).error, undefined);
  });

  for (const bad of ['not a site', 'javascript:alert(1)', 'ftp://example.com', 'x'.repeat(500), 'http://', '<script>']) {
    test(`“${bad.slice(0, 20)}” gets a clear error and is kept for correcting`, () => {
      const r = parseSiteAddress(bad);
      assert.equal(r.value, undefined);
      assert.ok(r.error && r.error.length > 20, r.error);
      assert.ok(r.raw.length > 0);
    });
  }

  test('when it started is one short line', () => {
    assert.equal(parseSince('today\nat 9\u0000').value, 'today at 9');
    assert.ok(parseSince('x'.repeat(300)).error);
  });
});

describe('a Cloudflare Ray ID', () => {
  test('is recognised in the forms people copy it in', () => {
    assert.equal(parseRayId('8C1F2E3D4B5A6978').value, '8c1f2e3d4b5a6978');
    assert.equal(parseRayId('Ray ID: 8c1f2e3d4b5a6978-lhr').value, '8c1f2e3d4b5a6978-LHR');
    assert.equal(parseRayId('').value, undefined);
  });

  test('anything else is refused with an example of the right form', () => {
    const r = parseRayId('12345');
    assert.equal(r.value, undefined);
    assert.match(r.error!, /8c1f2e3d4b5a6978/);
  });

  test('goes into the message', () => {
    assert.match(composeHandoff({ ...input, rayId: '8c1f2e3d4b5a6978-LHR' }).body, /Cloudflare Ray ID: 8c1f2e3d4b5a6978-LHR/);
  });
});

describe('evidence in the hand-off', () => {
  test('log findings go in as meanings', () => {
    const { body } = composeHandoff({ ...input, findings: [{ title: 'PHP-FPM ran out of workers', meaning: 'Every worker was busy.' }] });
    assert.match(body, /What my error log shows:\n- PHP-FPM ran out of workers: Every worker was busy\./);
  });
});
