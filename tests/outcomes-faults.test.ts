import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { openPostgresStore } from '@/outcomes/postgres-store';
import { openSqliteStore } from '@/outcomes/sqlite-store';
import type { Store } from '@/outcomes/types';
import { cookieName, sessionCookie } from '@/security/insights-session';
import { counts, examplePath } from './support/outcomes-store';
import { postgresAvailable, startPostgres } from './support/postgres';
import { type AppServer, startApp } from './support/server';

/**
 * The production build under the faults the issue names: a store that is
 * full, a database that stops, and a server killed outright. The wizard's
 * pages are served through all of them; outcomes are dropped with one log
 * line, never half-acknowledged; nothing acknowledged is lost.
 */

const password = 'a long team password';
const dirs: string[] = [];
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'outcomes-faults-'));
  dirs.push(dir);
  return dir;
}

const send = (app: AppServer, p = examplePath) =>
  fetch(`${app.url}/api/outcomes`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ p }),
  }).then((r) => r.status);

/** A step page and the first question: what a person needs while outcomes fail. */
async function pagesServed(app: AppServer): Promise<void> {
  for (const path of ['/fix', examplePath, '/fix/role=owner/evidence=skip']) {
    const res = await fetch(`${app.url}${path}`);
    assert.equal(res.status, 200, path);
    assert.match(await res.text(), /<h1/, path);
  }
}

const logLines = (app: AppServer, pattern: RegExp) =>
  app
    .output()
    .split('\n')
    .filter((l) => pattern.test(l));

async function storedOf(store: Store): Promise<{ views: number; outcomes: number }> {
  const { views, outcomes } = await counts(store);
  return { views, outcomes };
}

describe('outcomes under faults, on the production build', () => {
  test('a full store drops outcomes with one log line; pages and /insights are still served', async () => {
    const dir = await tempDir();
    // 0.1 MB: a few dozen pages of SQLite, full after some hundreds of outcomes.
    const app = await startApp({ env: { DATA_DIR: dir, OUTCOMES_MAX_MB: '0.1', OUTCOMES_RATE_LIMIT: '1000000', INSIGHTS_PASSWORD: password } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3000 && !statuses.includes(503); i++) statuses.push(await send(app));
      assert.ok(statuses.includes(503), 'the store never filled up');
      const acknowledged = statuses.filter((s) => s === 204).length;
      assert.ok(acknowledged > 0 && statuses.every((s) => s === 204 || s === 503), String([...new Set(statuses)]));
      // Full stays full: more messages are refused, and the log does not grow with them.
      for (let i = 0; i < 20; i++) assert.equal(await send(app), 503);
      assert.equal(logLines(app, /^Outcomes: cannot write to SQLite/).length, 1, app.output());
      await pagesServed(app);
      const insights = await fetch(`${app.url}/insights`, { headers: { cookie: `${cookieName}=${sessionCookie(password)}` } });
      assert.equal(insights.status, 200);
      assert.match(await insights.text(), /Journeys ended/, 'what is stored can still be read');
      const store = openSqliteStore(join(dir, 'outcomes.sqlite'));
      try {
        // Every 204 is on disk (each message is a view and an outcome); nothing refused is.
        assert.deepEqual(await storedOf(store), { views: acknowledged, outcomes: acknowledged });
      } finally {
        await store.close();
      }
    } finally {
      await app.stop();
    }
  });

  test('a server killed outright loses nothing it acknowledged', async () => {
    const dir = await tempDir();
    const env = { DATA_DIR: dir, OUTCOMES_RATE_LIMIT: '1000000' };
    const app = await startApp({ env });
    let acknowledged = 0;
    try {
      // 20 at a time, 200 in all, each awaited; then SIGKILL with no warning at all.
      for (let round = 0; round < 10; round++) {
        const statuses = await Promise.all(Array.from({ length: 20 }, () => send(app)));
        acknowledged += statuses.filter((s) => s === 204).length;
      }
      assert.equal(acknowledged, 200);
      process.kill(app.pid, 'SIGKILL');
      for (let i = 0; i < 50; i++) {
        try {
          process.kill(app.pid, 0);
        } catch {
          break;
        }
        await sleep(100);
      }
    } finally {
      await app.stop();
    }
    const again = await startApp({ env });
    try {
      assert.equal(await send(again), 204, 'the store opens again after the kill');
      const store = openSqliteStore(join(dir, 'outcomes.sqlite'));
      try {
        assert.deepEqual(await storedOf(store), { views: acknowledged + 1, outcomes: acknowledged + 1 });
      } finally {
        await store.close();
      }
    } finally {
      await again.stop();
    }
  });

  test('a stopped PostgreSQL: pages served, outcomes refused with one log line, stored again once it is back', {
    skip: postgresAvailable() ? false : 'PostgreSQL is not installed',
  }, async () => {
    const db = await startPostgres();
    const app = await startApp({ env: { DATABASE_URL: db.url, OUTCOMES_RATE_LIMIT: '1000000', INSIGHTS_PASSWORD: password } });
    const store = openPostgresStore(db.url);
    try {
      assert.equal(await send(app), 204);
      await db.stopServer();
      const during = await Promise.all(Array.from({ length: 30 }, () => send(app)));
      assert.deepEqual([...new Set(during)], [503], 'nothing is acknowledged while the database is away');
      await pagesServed(app);
      const insights = await fetch(`${app.url}/insights`, { headers: { cookie: `${cookieName}=${sessionCookie(password)}` } });
      assert.equal(insights.status, 200);
      assert.match(await insights.text(), /cannot be read right now/);
      assert.equal(logLines(app, /^Outcomes: cannot write to PostgreSQL/).length, 1, app.output());
      assert.ok(!app.output().includes('postgres://'), 'the log names the database without its address in full');

      await db.startServer();
      let back = false;
      for (let i = 0; i < 40 && !back; i++) {
        back = (await send(app)) === 204;
        if (!back) await sleep(250);
      }
      assert.ok(back, 'outcomes were not stored again after the database came back');
      assert.equal(logLines(app, /is back; outcomes are stored again/).length, 1, app.output());
      assert.deepEqual(await storedOf(store), { views: 2, outcomes: 2 }, 'the one before and the one after; none of the refused');
    } finally {
      await store.close();
      await app.stop();
      await db.stop();
    }
  });
});
