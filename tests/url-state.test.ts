import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { answerHref, backHref, changeHref, hrefFor, stateFromSegments } from '@/machines/url-state';
import { stepIds } from '@/machines/steps';

const segments = (href: string) =>
  href
    .replace(/^\/fix\/?/, '')
    .split('/')
    .filter(Boolean);
const open = (href: string) => stateFromSegments(segments(href));

const nginxWordPress =
  '/fix/role=owner/reach=everyone/error-page=not-sure/reload=broken/access=ssh/platform=debian-12/cdn=no/cms=wordpress/server=nginx/proxy=broken/restart=broken/logs=broken';

describe('the URL is the state', () => {
  test('an empty path opens the first question', () => {
    const s = open('/fix');
    assert.equal(s.step, 'role');
    assert.deepEqual(s.path, []);
  });

  test('a deep link replays to the same step with the same facts and history', () => {
    const s = open(nginxWordPress);
    assert.equal(s.step, 'php-workers');
    assert.deepEqual(s.context.facts, {
      role: 'owner',
      reach: 'everyone',
      page: 'not-sure',
      access: 'ssh',
      platform: 'debian-12',
      cdn: 'no',
      cms: 'wordpress',
      server: 'nginx',
    });
    assert.deepEqual(
      s.context.tried.map((t) => t.step),
      ['reload', 'proxy', 'restart', 'logs'],
    );
    assert.equal(hrefFor(s.path), nginxWordPress);
  });

  test('answering appends to the URL and moves on', () => {
    const s = open(nginxWordPress);
    const next = open(answerHref(s, 'fixed'));
    assert.equal(next.step, 'fixed');
    assert.equal(answerHref(s, 'fixed'), `${nginxWordPress}/php-workers=fixed`);
  });

  test('back keeps the answers after it, and they return when the same answer is given', () => {
    const s = open(nginxWordPress);
    const back = open(backHref(s)!);
    assert.equal(back.step, 'logs');
    assert.equal(back.earlier, 'broken', 'the answer given before is shown');
    assert.equal(backHref(s), `${nginxWordPress}/at=logs`);
    const backTwice = open(backHref(back)!);
    assert.equal(backTwice.step, 'restart');
    // Answering restart again as before replays logs=broken, which was remembered.
    assert.equal(open(answerHref(backTwice, 'broken')).step, 'php-workers');
  });

  test('changing an earlier answer keeps every later answer that still fits', () => {
    const s = open(nginxWordPress);
    const reopened = open(changeHref(s, 'server'));
    assert.equal(reopened.step, 'server');
    assert.equal(reopened.earlier, 'nginx');
    assert.equal(open(answerHref(reopened, 'nginx')).step, 'php-workers', 'the same answer returns to where the person was');
    const apache = open(answerHref(reopened, 'apache'));
    assert.equal(apache.step, 'php-workers', 'the fixes already tried are kept');
    assert.equal(apache.context.facts.server, 'apache');
    assert.equal(apache.context.tried.length, 4);
  });

  test('a changed answer drops the later answers that no longer fit, without losing them from the link', () => {
    const s = open(nginxWordPress);
    const panelOnly = open(answerHref(open(changeHref(s, 'access')), 'panel'));
    // proxy and restart need SSH, so their answers no longer apply; the log's still does.
    assert.equal(panelOnly.step, 'php-workers');
    assert.deepEqual(
      panelOnly.context.tried.map((t) => t.step),
      ['reload', 'logs'],
    );
    assert.deepEqual(
      panelOnly.pending.map((a) => a.step),
      ['proxy', 'restart'],
    );
  });

  test('a link that pre-answers questions skips them', () => {
    const s = open('/fix/access=ssh/platform=debian-12/server=nginx/cms=wordpress/role=owner/reach=everyone/error-page=not-sure/reload=broken');
    assert.equal(s.step, 'cdn');
    const next = open(answerHref(s, 'no'));
    assert.equal(next.step, 'proxy', 'cms and server were already known');
    assert.equal(next.context.facts.server, 'nginx');
  });

  test('bad segments are reported and the rest of the link still counts', () => {
    const s = stateFromSegments(['role=owner', 'banana', 'nope=yes', 'reach=sideways', 'role=visitor', 'reach=everyone', 'at=nowhere', 'error-page=not-sure']);
    assert.equal(s.step, 'reload');
    assert.equal(s.context.facts.role, 'owner');
    assert.deepEqual(
      s.rejected.map((r) => r.segment),
      ['banana', 'nope=yes', 'reach=sideways', 'role=visitor', 'at=nowhere'],
    );
    for (const r of s.rejected) assert.ok(r.reason.length > 10);
  });

  test('percent-encoding and case are forgiven; broken encoding is reported, not thrown', () => {
    assert.equal(stateFromSegments(['ROLE%3DOwner']).step, 'evidence');
    const s = stateFromSegments(['%E0%A4%A', 'role=owner']);
    assert.equal(s.step, 'evidence');
    assert.equal(s.rejected.length, 1);
  });

  test('a link longer than any journey is cut with a message', () => {
    const s = stateFromSegments(Array.from({ length: 5000 }, () => 'role=owner'));
    assert.equal(s.step, 'evidence');
    assert.ok(s.rejected.some((r) => r.reason.includes('more answers than any journey')));
    // One note per answer that fits in a link, plus the cut: never one per segment sent.
    assert.ok(s.rejected.length <= stepIds.length + 6, `${s.rejected.length} notes`);
  });

  test('links made before the live-check offer existed skip it', () => {
    const s = open('/fix/role=owner/reach=everyone/error-page=nginx');
    assert.equal(s.step, 'reload');
    assert.deepEqual(
      s.path.map((a) => a.step),
      ['role', 'reach', 'error-page'],
      'the link is kept as it was',
    );
    assert.equal(open('/fix/role=owner').step, 'evidence', 'a new journey is offered the check');
    assert.equal(open('/fix/role=owner/reach=everyone/at=evidence').step, 'evidence', 'and it can be reopened');
  });

  test('a finished journey stays finished: answers after an ending are remembered, not applied', () => {
    const s = open('/fix/role=visitor/reach=everyone/error-page=not-sure/reload=fixed/access=ssh');
    assert.equal(s.step, 'fixed');
    assert.equal(s.meta.kind, 'ending');
  });
});

describe('links straight to one step', () => {
  test('start= opens that step with nothing answered', () => {
    const s = open('/fix/start=restart');
    assert.equal(s.step, 'restart');
    assert.deepEqual(s.context.facts, {});
    assert.equal(s.path.length, 0);
  });

  test('answers after a jump keep the start in their links', () => {
    const s = open('/fix/start=restart');
    const next = answerHref(s, 'broken');
    assert.equal(next, '/fix/start=restart/restart=broken');
    assert.equal(open(next).step, 'proxy', 'the plan’s fixes not tried yet follow; unknown access still offers them');
    assert.equal(open(backHref(open(next))!).step, 'restart');
  });

  test('a jump with known context applies it', () => {
    const s = open('/fix/start=server-health/access=panel/platform=cpanel/server=apache/server-health=broken');
    assert.equal(s.step, 'logs', 'a panel user’s plan starts with the error log');
    assert.deepEqual(s.context.facts, { access: 'panel', platform: 'cpanel', server: 'apache' });
    assert.equal(open('/fix/start=server-health/server-health=broken').step, 'proxy', 'unknown access offers it');
  });
});

describe('old links after the machine changes', () => {
  test('a renamed step is understood, with a note', () => {
    const s = open('/fix/start=reverse-proxy');
    assert.equal(s.step, 'proxy');
    assert.deepEqual(s.rejected, []);
    assert.match(s.notes[0], /now called “proxy”/);
  });

  test('answers to a renamed step still count', () => {
    const s = open('/fix/start=check-logs/check-logs=broken');
    assert.equal(s.path[0].step, 'logs');
    assert.notEqual(s.step, 'logs');
  });

  test('a removed step leads to the nearest one and says why', () => {
    const s = open('/fix/start=disable-firewall');
    assert.equal(s.step, 'firewall');
    assert.match(s.notes[0], /never be left off/);
  });
});
