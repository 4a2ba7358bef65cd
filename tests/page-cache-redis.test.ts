import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'redis';
import { redisAvailable, type RedisServer, startRedis } from './support/redis';
import { type AppServer, startApp } from './support/server';

/**
 * Two `next start` instances of the production build with REDIS_URL: a page
 * one of them rendered is served to the other from Redis, and when Redis
 * goes away both keep serving from their own memory.
 */

const deep = '/fix/role=owner/evidence=skip/reach=everyone/error-page=nginx/reload=broken/access=ssh/platform=debian-12/cms=wordpress/server=nginx';
// One line per outage: the limits' Redis is the pages' Redis here, and the limits say it.
const outage = /Limits: Redis at \S+ cannot be reached .*keeps rendered pages in its own memory/g;

describe('rendered pages shared through Redis', { skip: !redisAvailable() && 'redis-server is not installed' }, () => {
  let redis: RedisServer;
  let a: AppServer;
  let b: AppServer;

  before(async () => {
    // Redis's own cap: the least recently used pages go first.
    redis = await startRedis({ maxmemory: 64 * 1024 * 1024 });
    [a, b] = await Promise.all([startApp({ env: { REDIS_URL: redis.url } }), startApp({ env: { REDIS_URL: redis.url } })]);
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
  });

  test('a page rendered by one instance is served from the cache by the other', async () => {
    const link = `${deep}/proxy=broken/restart=broken`;
    const first = await fetch(`${a.url}${link}`);
    assert.equal(first.status, 200);
    assert.notEqual(first.headers.get('x-nextjs-cache'), 'HIT', 'nobody had asked for it before');
    const html = await first.text();

    const client = createClient({ url: redis.url });
    await client.connect();
    const keys = await client.keys('502-troubleshooter:*');
    await client.quit();
    assert.ok(
      keys.some((key) => key.includes('restart=broken')),
      `the page is in Redis: ${keys.slice(0, 5).join(', ')}`,
    );

    const other = await fetch(`${b.url}${link}`);
    assert.equal(other.status, 200);
    assert.equal(other.headers.get('x-nextjs-cache'), 'HIT', 'the other instance did not render it again');
    assert.equal(await other.text(), html);
  });

  test('with Redis gone, both instances keep serving, and each says so once', async () => {
    await redis.stop();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      for (const app of [a, b]) {
        // New pages (rendered now) and old ones alike.
        const link =
          i % 2 ? `${deep}/proxy=broken/logs=broken/restart=broken/found=nginx-socket-missing` : `${deep}/proxy=${['broken', 'fixed', 'cannot'][i % 3]}`;
        const response = await fetch(`${app.url}${link}`, { signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        statuses.push(response.status);
      }
      await sleep(100);
    }
    assert.deepEqual(
      statuses.filter((s) => s !== 200),
      [],
      'every page was served',
    );
    for (const app of [a, b]) {
      assert.equal(app.output().match(outage)?.length, 1, `one line about the outage:\n${app.output()}`);
      assert.doesNotMatch(app.output(), /Page cache:/, 'not said twice');
      assert.doesNotMatch(app.output(), /\b(TypeError|unhandled|Unhandled)\b/, 'no errors logged');
    }
  });
});
