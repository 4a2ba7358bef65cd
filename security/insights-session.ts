import { createHash, createHmac, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * The team's way into /insights: one password, `INSIGHTS_PASSWORD`, and a
 * signed cookie once it is given. The cookie is `v1.<expiry>.<signature>`,
 * an HMAC keyed from the password itself (through scrypt, so a stolen
 * cookie does not help guess it): no second secret to keep, every instance
 * agrees, and a new password signs everyone out.
 */

export const cookieName = 'insights';
export const cookiePath = '/insights';
/** Twelve hours: a working day, then the password again. */
export const sessionSeconds = 12 * 60 * 60;
/** Shorter passwords leave the page switched off: a guessable one would hold the data behind a door anyone opens. */
export const minPasswordLength = 12;

/** The environment, or a test's stand-in for it. */
type Settings = Readonly<Record<string, string | undefined>>;

export type Access = { kind: 'off'; reason: 'unset' | 'short' } | { kind: 'on'; password: string };

export function insightsAccess(env: Settings = process.env): Access {
  const password = env.INSIGHTS_PASSWORD ?? '';
  if (!password) return { kind: 'off', reason: 'unset' };
  if ([...password].length < minPasswordLength) return { kind: 'off', reason: 'short' };
  return { kind: 'on', password };
}

const keys = new Map<string, Buffer>();
function keyFor(password: string): Buffer {
  let key = keys.get(password);
  if (!key) {
    key = scryptSync(password, '502-troubleshooter insights', 32);
    keys.clear();
    keys.set(password, key);
  }
  return key;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** Compares in the same time whatever the guess: both sides are hashed to one length first. */
export function passwordMatches(given: unknown, password: string): boolean {
  return typeof given === 'string' && timingSafeEqual(sha256(given), sha256(password));
}

function signature(password: string, payload: string): Buffer {
  return createHmac('sha256', keyFor(password)).update(payload).digest();
}

export function sessionCookie(password: string, now = Date.now()): string {
  const payload = `v1.${Math.floor(now / 1000) + sessionSeconds}`;
  return `${payload}.${signature(password, payload).toString('base64url')}`;
}

export function sessionValid(value: string | undefined, password: string, now = Date.now()): boolean {
  const match = /^(v1\.(\d{1,12}))\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
  if (!match) return false;
  const [, payload, expiry, given] = match;
  if (Number(expiry) * 1000 <= now) return false;
  const expected = signature(password, payload);
  const received = Buffer.from(given, 'base64url');
  return received.length === expected.length && timingSafeEqual(received, expected);
}
