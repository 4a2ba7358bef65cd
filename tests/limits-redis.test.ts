import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { checkStatus } from './support/limits-client';
import { redisAvailable, type RedisServer, startRedis } from './support/redis';
import { type AppServer, startApp } from './support/server';

/**
 * Two `next start` instances of the production build sharing one
 * redis-server, all on loopback. Behind one proxy (TRUST_PROXY=1), so each
 * test can be its own client by the address the "proxy" appends.
 */

const outage = /Limits: Redis at redis:\/\/127\.0\.0\.1:\d+\/? cannot be reached/g;

/** A site on 127.0.0.2 that accepts connections and never answers: a check of it runs until cancelled. */
async function silentSite(): Promise<{ server: Server; port: number; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  return { server, port: (server.address() as { port: number }).port, sockets };
}

/** Starts a check of the silent site; resolves once admitted (or refused), with the status and a way to cancel it. */
async function startHeldCheck(base: string, client: string, port: number) {
  const cancel = new AbortController();
  const res = await fetch(`${base}/api/check`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
    body: JSON.stringify({ url: `http://127.0.0.2:${port}/` }),
    signal: cancel.signal,
  });
  return { status: res.status, cancel: () => cancel.abort() };
}

describe('two instances sharing Redis', { skip: !redisAvailable() && 'redis-server is not installed' }, () => {
  let redis: RedisServer;
  let site: Awaited<ReturnType<typeof silentSite>>;
  let a: AppServer;
  let b: AppServer;

  before(async () => {
    [redis, site] = await Promise.all([startRedis(), silentSite()]);
    const env = {
      REDIS_URL: redis.url,
      TRUST_PROXY: '1',
      CHECK_RATE_LIMIT: '3',
      CHECK_MAX_CONCURRENT: '2',
      CHECK_ALLOW_NETWORKS: '127.0.0.2/32',
      CHECK_ALLOW_PORTS: `80,443,${site.port}`,
    };
    [a, b] = await Promise.all([startApp({ env }), startApp({ env })]);
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    for (const socket of site?.sockets ?? []) socket.destroy();
    site?.server.close();
    await redis?.stop();
  });

  test('a per-client limit reached on one instance holds on the other', async () => {
    const client = '203.0.113.1';
    assert.deepEqual([await checkStatus(a.url, client), await checkStatus(b.url, client), await checkStatus(a.url, client)], [200, 200, 200]);
    assert.equal(await checkStatus(b.url, client), 429);
    assert.equal(await checkStatus(a.url, client), 429);
    assert.equal(await checkStatus(b.url, '203.0.113.2'), 200, 'another client is not held up');
  });

  test('the limit on checks at once is shared', async () => {
    const held = [await startHeldCheck(a.url, '203.0.113.11', site.port), await startHeldCheck(a.url, '203.0.113.12', site.port)];
    try {
      assert.deepEqual(
        held.map((h) => h.status),
        [200, 200],
      );
      const res = await fetch(`${b.url}/api/check`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.13' },
        body: JSON.stringify({ url: '127.0.0.1' }),
      });
      assert.equal(res.status, 503, 'the other instance sees both running');
      assert.match(JSON.stringify(await res.json()), /Many people are checking their sites right now/);
    } finally {
      for (const h of held) h.cancel();
    }
    // Cancelled checks give their places back; bounded wait for the server to notice.
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      await sleep(250);
      status = await checkStatus(b.url, `203.0.113.${20 + i}`);
    }
    assert.equal(status, 200, 'places are given back when checks end');
  });

  test('stopping Redis mid-traffic: no 5xx, no error page, both keep answering, one log line each', async () => {
    const checks: number[] = [];
    const pages: number[] = [];
    for (let i = 0; i < 30; i++) {
      if (i === 10) await redis.stop();
      const app = i % 2 ? b : a;
      checks.push(await checkStatus(app.url, `198.51.100.${i}`));
      pages.push((await fetch(`${app.url}${i % 4 < 2 ? '/' : '/fix/role=owner'}`)).status);
    }
    assert.deepEqual(checks, Array(30).fill(200), 'every fresh client’s check is admitted, before and after');
    assert.deepEqual(pages, Array(30).fill(200));
    // Each instance still enforces the limit on its own.
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await checkStatus(a.url, '198.51.100.200'));
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    for (const app of [a, b]) {
      assert.equal(app.output().match(outage)?.length, 1, app.output());
      assert.doesNotMatch(app.output(), /⨯|Unhandled|TypeError|Internal Server Error/);
    }
  });
});
