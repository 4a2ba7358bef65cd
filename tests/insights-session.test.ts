import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { insightsAccess, passwordMatches, sessionCookie, sessionSeconds, sessionValid } from '@/security/insights-session';

const password = 'correct horse battery';

describe('the insights password', () => {
  test('unset or shorter than 12 characters leaves the page switched off', () => {
    assert.deepEqual(insightsAccess({}), { kind: 'off', reason: 'unset' });
    assert.deepEqual(insightsAccess({ INSIGHTS_PASSWORD: '' }), { kind: 'off', reason: 'unset' });
    assert.deepEqual(insightsAccess({ INSIGHTS_PASSWORD: 'short-pass1' }), { kind: 'off', reason: 'short' });
    assert.deepEqual(insightsAccess({ INSIGHTS_PASSWORD: password }), { kind: 'on', password });
  });

  test('only the exact password matches', () => {
    assert.ok(passwordMatches(password, password));
    for (const wrong of ['', 'correct horse battery ', 'Correct horse battery', password.slice(0, -1), undefined, null, 42]) {
      assert.ok(!passwordMatches(wrong, password), String(wrong));
    }
  });
});

describe('the signed-in cookie', () => {
  const now = Date.UTC(2026, 11, 1, 9, 0, 0);

  test('holds for twelve hours and then no longer', () => {
    const cookie = sessionCookie(password, now);
    assert.ok(sessionValid(cookie, password, now));
    assert.ok(sessionValid(cookie, password, now + (sessionSeconds - 1) * 1000));
    assert.ok(!sessionValid(cookie, password, now + sessionSeconds * 1000));
  });

  test('a changed expiry, a changed signature, another password or rubbish is refused', () => {
    const cookie = sessionCookie(password, now);
    const [version, expiry, signature] = cookie.split('.');
    const later = `${version}.${Number(expiry) + 86400}.${signature}`;
    const flipped = `${version}.${expiry}.${signature.slice(0, -1)}${signature.at(-1) === 'A' ? 'B' : 'A'}`;
    for (const bad of [later, flipped, `${version}.${expiry}.`, '', 'v1', 'v2.1.x', `${cookie}x`, undefined]) {
      assert.ok(!sessionValid(bad, password, now), String(bad));
    }
    assert.ok(!sessionValid(cookie, 'another long password', now), 'a new password signs everyone out');
  });

  test('says nothing of the password', () => {
    const cookie = sessionCookie(password, now);
    assert.ok(!cookie.includes('horse'));
    assert.match(cookie, /^v1\.\d+\.[A-Za-z0-9_-]{43}$/);
  });
});
