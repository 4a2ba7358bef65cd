// How much memory the rendered-page cache may use in each instance
// (PAGE_CACHE_MB, 24 when unset). Step pages never change for a given link,
// so the least recently used are dropped first and rendered again if asked.

const fallbackMb = 24;

export function pageCacheBytes(value = process.env.PAGE_CACHE_MB) {
  if (value === undefined || value === '') return fallbackMb * 1024 * 1024;
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb < 1) throw new Error(`PAGE_CACHE_MB: “${value}” is not a number of megabytes of 1 or more`);
  return Math.round(mb * 1024 * 1024);
}

/**
 * How the server is started in production (package.json `serve`, the systemd
 * unit, the tests): Node's heap is capped, because below its default cap of
 * several gigabytes V8 collects rendered pages' garbage so lazily that each
 * new link looks like a leak. 192 MB is three times the server's working set.
 */
export const serverNodeOptions = '--max-old-space-size=192';

/** The Redis that rendered pages are shared through, if any: its own, or the limits'. */
export function pageCacheRedisUrl(env = process.env) {
  return env.PAGE_CACHE_REDIS_URL || env.REDIS_URL || undefined;
}
