import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { rowsForPath } from '@/outcomes/record';
import type { Row, Store } from '@/outcomes/types';
import { Writer } from '@/outcomes/writer';

/**
 * The tests every outcome store must pass, run by tests/outcomes-sqlite.test.ts
 * and tests/outcomes-postgres.test.ts against a real SQLite file and a real
 * PostgreSQL server.
 */

export const examplePath =
  '/fix/role=owner/evidence=skip/reach=everyone/error-page=cloudflare-52x/cf-code=522/reload=broken/access=ssh/platform=debian-12/cms=wordpress/server=nginx/server-health=broken/php-workers=fixed';

export const day = '2026-05-20';

export function exampleRows(on = day): Row[] {
  const rows = rowsForPath(examplePath, on);
  assert.ok(rows, 'the example path is refused');
  return rows;
}

export async function counts(store: Store): Promise<{ views: number; outcomes: number; votes: number }> {
  const [v] = await store.query<{ n: number | null }>('SELECT SUM(views) AS n FROM step_views');
  const [o] = await store.query<{ n: number }>('SELECT COUNT(*) AS n FROM outcomes');
  const [h] = await store.query<{ n: number | null }>('SELECT SUM(votes) AS n FROM helpful');
  return { views: Number(v.n ?? 0), outcomes: Number(o.n), votes: Number(h.n ?? 0) };
}

/** A store that counts its writes, to see batching. */
export function counting(store: Store): Store & { writes: number } {
  const counted = {
    ...store,
    name: store.name,
    writes: 0,
    write: async (batch: Parameters<Store['write']>[0]) => {
      counted.writes++;
      await store.write(batch);
    },
  };
  return counted;
}

export interface StoreUnderTest {
  /** A fresh, empty store (a new file or database), not migrated. */
  open(): Promise<Store>;
  /** Another handle on the same data as the last `open()`: a second process. */
  reopen(): Promise<Store>;
  /** Environment for a child process that uses the same data through `outcomes/`. */
  childEnv(): Record<string, string>;
}

const silent = () => {};

export function storeSuite(under: StoreUnderTest): void {
  test('migrating creates the tables once; migrating again changes nothing', async () => {
    const store = await under.open();
    try {
      await store.migrate();
      await store.migrate();
      const applied = await store.query<{ id: number }>('SELECT id FROM schema_migrations');
      assert.deepEqual(
        applied.map((r) => Number(r.id)),
        [1],
      );
      assert.deepEqual(await counts(store), { views: 0, outcomes: 0, votes: 0 });
    } finally {
      await store.close();
    }
  });

  test('the example row is stored as it is, and a second process reads it back', async () => {
    const store = await under.open();
    await store.migrate();
    const writer = new Writer(store, { log: silent });
    await writer.enqueue(exampleRows());
    await store.close();
    const other = await under.reopen();
    try {
      const rows = await other.query('SELECT * FROM outcomes');
      const { kind: _, ...expected } = exampleRows().find((r) => r.kind === 'outcome') as Row;
      assert.deepEqual(rows, [expected]);
      const views = await other.query('SELECT day, step, machine_version, views, starts FROM step_views');
      assert.deepEqual(views, [{ day, step: 'fixed', machine_version: expected.machine_version, views: 1, starts: 0 }]);
    } finally {
      await other.close();
    }
  });

  test('a thousand messages at once are written in a few batches, counters added up, and each is acknowledged after its commit', async () => {
    const store = counting(await under.open());
    await store.migrate();
    const writer = new Writer(store, { log: silent });
    const other = await under.reopen();
    try {
      const sent = 1000;
      const seen: number[] = [];
      await Promise.all(
        Array.from({ length: sent }, async () => {
          await writer.enqueue(exampleRows());
          // Acknowledged means committed: another connection sees at least this many outcomes already.
          if (seen.length < 5) seen.push((await counts(other)).outcomes);
        }),
      );
      assert.ok(
        seen.every((n) => n > 0),
        `a message was acknowledged before its batch was visible: ${seen}`,
      );
      assert.deepEqual(await counts(other), { views: sent, outcomes: sent, votes: 0 });
      const [{ n: keys }] = await other.query<{ n: number }>('SELECT COUNT(*) AS n FROM step_views');
      assert.equal(Number(keys), 1, 'one counter row per day, step and version');
      assert.ok(store.writes >= 2 && store.writes <= 10, `${store.writes} batches for ${sent} messages (500 rows a batch)`);
      assert.equal(writer.queued, 0);
    } finally {
      await store.close();
      await other.close();
    }
  });

  test('a full queue refuses at once and stores nothing of the refused message', async () => {
    const store = await under.open();
    await store.migrate();
    const writer = new Writer(store, { log: silent, maxQueued: 4, delayMs: 50 });
    try {
      const first = writer.enqueue(exampleRows());
      const second = writer.enqueue(exampleRows());
      await assert.rejects(writer.enqueue(exampleRows()), { name: 'Error', message: 'the outcome queue is full' });
      await Promise.all([first, second]);
      assert.deepEqual(await counts(store), { views: 2, outcomes: 2, votes: 0 });
    } finally {
      await store.close();
    }
  });

  test('a process killed mid-stream loses nothing it acknowledged', async () => {
    const store = await under.open();
    await store.migrate();
    await store.close();
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'outcomes-writer-child.ts')], {
      env: { ...process.env, ...under.childEnv() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let acked = 0;
    let errors = '';
    child.stderr.on('data', (d) => (errors += d));
    child.stdout.on('data', (d: Buffer) => {
      const all = [...d.toString().matchAll(/acked (\d+)/g)];
      if (all.length) acked = Math.max(acked, Number(all.at(-1)?.[1]));
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    for (let i = 0; acked < 300 && child.exitCode === null && i < 300; i++) await sleep(100);
    child.kill('SIGKILL');
    await exited;
    assert.ok(acked >= 300, `the writer acknowledged only ${acked} messages: ${errors}`);
    const after = await under.reopen();
    try {
      const stored = await counts(after);
      assert.ok(stored.outcomes >= acked, `acknowledged ${acked}, stored ${stored.outcomes}`);
      assert.equal(stored.views, stored.outcomes, 'each message is one transaction: its view and its outcome together');
    } finally {
      await after.close();
    }
  });
}
