import ipaddr from 'ipaddr.js';

/**
 * Keeps the live check from being used to flood anyone: each client may
 * start `perMinute` checks in any minute, and only `maxConcurrent` run at
 * once across everyone. Both live in this server's memory, which is enough
 * for one instance; behind several, put a limit in the proxy too.
 */

const windowMs = 60_000;
/** Clients remembered at most; the oldest are forgotten first. */
const maxClients = 10_000;

export type Admission = { ok: true; release: () => void } | { ok: false; reason: 'rate' | 'busy'; retryAfter: number };

export class CheckLimits {
  private starts = new Map<string, number[]>();
  private running = 0;

  constructor(
    private perMinute: number,
    private maxConcurrent: number,
    private now: () => number = Date.now,
  ) {}

  /** Admits one check for `client`, or says how many seconds to wait. */
  admit(client: string): Admission {
    const now = this.now();
    const recent = (this.starts.get(client) ?? []).filter((t) => now - t < windowMs);
    if (recent.length >= this.perMinute) {
      this.starts.set(client, recent);
      return { ok: false, reason: 'rate', retryAfter: Math.max(1, Math.ceil((recent[0] + windowMs - now) / 1000)) };
    }
    if (this.running >= this.maxConcurrent) return { ok: false, reason: 'busy', retryAfter: 5 };

    this.starts.delete(client); // re-inserted last: the map's order is least recently seen first
    this.starts.set(client, [...recent, now]);
    if (this.starts.size > maxClients) this.starts.delete(this.starts.keys().next().value!);
    this.running++;
    let released = false;
    return {
      ok: true,
      release: () => {
        if (!released) this.running--;
        released = true;
      },
    };
  }
}

export function refusalMessage(admission: Extract<Admission, { ok: false }>): string {
  return admission.reason === 'rate'
    ? `You have run a lot of checks in the last minute. Please wait ${admission.retryAfter} seconds and try again.`
    : 'Many people are checking their sites right now. Please try again in a few seconds.';
}

/**
 * The client's address as the nearest proxy reported it (the last entry of
 * X-Forwarded-For; Next.js fills it from the connection when no proxy did).
 * An IPv6 client counts by its /64, the block one home or server is given,
 * so it cannot get a fresh allowance from each of its addresses.
 */
export function clientKey(forwardedFor: string | null): string {
  const address = forwardedFor?.split(',').at(-1)?.trim() ?? '';
  if (!ipaddr.isValid(address)) return address || 'unknown';
  const parsed = ipaddr.process(address);
  return parsed.kind() === 'ipv6'
    ? `${(parsed as ipaddr.IPv6).parts
        .slice(0, 4)
        .map((p) => p.toString(16))
        .join(':')}::/64`
    : parsed.toString();
}

/**
 * One set of limits for the whole server. The route and the server action
 * are bundled separately, so a module-level instance would be two.
 */
export function sharedLimits(perMinute: number, maxConcurrent: number): CheckLimits {
  const key = Symbol.for('502-troubleshooter.check-limits');
  const store = globalThis as unknown as Record<symbol, CheckLimits | undefined>;
  store[key] ??= new CheckLimits(perMinute, maxConcurrent);
  return store[key];
}
