import { giveBack, limiter, take } from '@/security/limiter';

/**
 * Keeps the live check from being used to flood anyone: each client may
 * start `perMinute` checks in any minute, and only `maxConcurrent` run at
 * once across everyone. Both are counters in `security/limiter.ts`: this
 * server's memory, or Redis shared by every instance when REDIS_URL is set.
 */

/**
 * Checks running at once are points on one key: starting takes one,
 * finishing gives it back. The key expires this long after it was made,
 * longer than any check runs (9 s at most), so points held by an instance
 * that died mid-check are not lost for good. A check still running when
 * the key expires gives nothing back to the next one.
 */
const runningSeconds = 30;
const runningKey = 'running';

export type Admission = { ok: true; release: () => void } | { ok: false; reason: 'rate' | 'busy'; retryAfter: number };

export class CheckLimits {
  private perClient;
  private running;

  /** `scope` names the counters; the same scope and numbers share them. */
  constructor(perMinute: number, maxConcurrent: number, scope = 'check') {
    this.perClient = limiter(`${scope}-rate`, perMinute, 60);
    this.running = limiter(`${scope}-running`, maxConcurrent, runningSeconds);
  }

  /** Admits one check for `client` (a `clientKey`), or says how many seconds to wait. */
  async admit(client: string): Promise<Admission> {
    const wait = await take(this.perClient, client);
    if (wait !== undefined) return { ok: false, reason: 'rate', retryAfter: wait };

    const held = await this.running.consume(runningKey).catch((refusal) => refusal);
    if (held instanceof Error || held.consumedPoints > this.running.points) {
      if (held instanceof Error) console.error(held);
      // A refused take still counted: give it back, and a check that never ran does not count against its client either.
      else await giveBack(this.running, runningKey);
      await giveBack(this.perClient, client);
      return { ok: false, reason: 'busy', retryAfter: 5 };
    }
    const expires = Date.now() + held.msBeforeNext;
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        // Given back only into the count it was taken from.
        if (Date.now() < expires - 100) void giveBack(this.running, runningKey);
      },
    };
  }
}

export function refusalMessage(admission: Extract<Admission, { ok: false }>): string {
  return admission.reason === 'rate'
    ? `You have run a lot of checks in the last minute. Please wait ${admission.retryAfter} seconds and try again.`
    : 'Many people are checking their sites right now. Please try again in a few seconds.';
}

/** The limits for this server's settings (made once per setting). */
export function sharedLimits(perMinute: number, maxConcurrent: number): CheckLimits {
  return new CheckLimits(perMinute, maxConcurrent);
}
