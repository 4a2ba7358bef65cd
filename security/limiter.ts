import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { createClient } from 'redis';

/**
 * Counters for the app's limits, on `rate-limiter-flexible`. With
 * `REDIS_URL` unset they live in this process's memory. With it set they
 * live in Redis, shared by every instance; while Redis cannot be reached,
 * each instance counts in its own memory instead (the library's insurance
 * limiter), and says so once in its log, not once per request.
 */

type Shared = { limiters: Map<string, RateLimiterAbstract>; redis?: ReturnType<typeof createClient>; redisUrl?: string };

/** One set for the whole process: the route handlers and the server actions are bundled apart, so module state would be several. */
function shared(): Shared {
  const key = Symbol.for('502-troubleshooter.limiters');
  const store = globalThis as unknown as Record<symbol, Shared | undefined>;
  store[key] ??= { limiters: new Map() };
  return store[key];
}

/** Where Redis is, written for the log without any password in the URL. */
function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    parsed.username = '';
    return parsed.href;
  } catch {
    return 'REDIS_URL';
  }
}

function redisClient(url: string): ReturnType<typeof createClient> {
  const state = shared();
  if (state.redis && state.redisUrl === url) return state.redis;
  const client = createClient({
    url,
    // A command sent while Redis is away fails at once (and the memory fallback answers) instead of waiting in a queue.
    disableOfflineQueue: true,
    socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5000) },
  });
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    // The pages share this Redis unless they have their own (page-cache/shared.mjs stays quiet then).
    const pages = process.env.PAGE_CACHE_REDIS_URL ? '' : ' and keeps rendered pages';
    console.error(`Limits: Redis at ${shownUrl(url)} cannot be reached (${error.message}); each instance counts${pages} in its own memory until it is back.`);
  });
  client.on('ready', () => {
    if (down) console.error(`Limits: Redis at ${shownUrl(url)} is back; limits are shared again.`);
    down = false;
  });
  // A failed first connection is reported by the 'error' listener and retried by the reconnect strategy.
  client.connect().catch(() => {});
  state.redis = client;
  state.redisUrl = url;
  return client;
}

/**
 * Connects to Redis when REDIS_URL is set, waiting up to `waitMs` for it, so
 * the first requests are counted in Redis rather than in this instance's
 * memory. Called once at start (`instrumentation.ts`).
 */
export async function connectLimits(waitMs = 3000): Promise<void> {
  const url = process.env.REDIS_URL?.trim();
  if (!url) return;
  const client = redisClient(url);
  if (client.isReady) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, waitMs);
    client.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * `points` per `duration` seconds for each key, under `name`. Settings
 * are read at startup, so a limiter is made once per name and setting.
 */
export function limiter(name: string, points: number, duration: number): RateLimiterAbstract {
  const url = process.env.REDIS_URL?.trim() || undefined;
  const id = `${name}:${points}:${duration}:${url ?? ''}`;
  const { limiters } = shared();
  let made = limiters.get(id);
  if (!made) {
    const options = { keyPrefix: `502:${name}`, points, duration };
    const memory = new RateLimiterMemory(options);
    made = url
      ? new RateLimiterRedis({ ...options, storeClient: redisClient(url), useRedisPackage: true, rejectIfRedisNotReady: true, insuranceLimiter: memory })
      : memory;
    limiters.set(id, made);
  }
  return made;
}

/** Takes a point for `key`: `undefined` when allowed, else the seconds to wait. Only a limit reached refuses. */
export async function take(limit: RateLimiterAbstract, key: string): Promise<number | undefined> {
  try {
    await limit.consume(key);
    return undefined;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
    // Neither Redis nor memory answered: better to serve than to refuse everyone.
    console.error(refusal);
    return undefined;
  }
}

/** Gives back a point taken for `key`. */
export async function giveBack(limit: RateLimiterAbstract, key: string): Promise<void> {
  try {
    const left = await limit.reward(key);
    // Taken in Redis and given back in memory (or the other way) after an outage: a count below zero would let extra through.
    if (left.consumedPoints < 0) await limit.delete(key);
  } catch (error) {
    console.error(error);
  }
}
