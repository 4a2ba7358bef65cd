// The rendered-page cache that several instances share, used when REDIS_URL
// or PAGE_CACHE_REDIS_URL is set (next.config.js). Pages go to Redis, through a maintained handler,
// and to a small memory cache that answers alone while Redis is away: a lost
// Redis costs speed, never a page. Plain JavaScript: Next.js imports this file
// itself, outside the bundle.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CacheHandler } from '@fortedigital/nextjs-cache-handler';
import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru';
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import { createClient } from 'redis';
import { pageCacheBytes, pageCacheRedisUrl } from './settings.mjs';

/** Reported once per outage, not once per request. */
let reported = false;

/**
 * Connects to the pages' Redis. When it is the limits' Redis too, the limits
 * already say once when it goes and comes back (security/limiter.ts), so this
 * stays quiet: one outage, one line.
 */
function connect(url, quiet) {
  const client = createClient({
    url,
    // A lost Redis must fail at once, not queue every page behind a reconnect.
    disableOfflineQueue: true,
    socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(500 * 2 ** retries, 10_000) },
  });
  client.on('error', (error) => {
    if (reported || quiet) return;
    reported = true;
    console.warn(`Page cache: Redis is unreachable (${error.message}); serving from this instance's memory until it is back.`);
  });
  client.on('ready', () => {
    if (reported) console.warn('Page cache: Redis is back.');
    reported = false;
  });
  // The first connection may fail too; the client keeps trying in the background.
  client.connect().catch(() => {});
  return client;
}

CacheHandler.onCreation(({ serverDistDir }) => {
  globalThis.__pageCacheConfig ??= (() => {
    // Pages of one build must never be served by another: the build's id is in every key.
    const buildId = readFileSync(join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim();
    const url = pageCacheRedisUrl();
    const client = connect(url, url === process.env.REDIS_URL);
    return {
      handlers: [
        // Tried in order: Redis answers while it is up; when it throws, the memory cache does.
        createRedisHandler({ client, keyPrefix: `502-troubleshooter:${buildId}:`, timeoutMs: 1000 }),
        createLruHandler({ maxItemSizeBytes: pageCacheBytes() }),
      ],
    };
  })();
  return globalThis.__pageCacheConfig;
});

export default CacheHandler;
