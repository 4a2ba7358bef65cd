import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { closeOutcomes, currentOutcomes, startOutcomes } from '@/outcomes/index';
import { openSqliteStore } from '@/outcomes/sqlite-store';
import { counts, examplePath, exampleRows } from './support/outcomes-store';

/** What the server's start hook does with the outcome store: opened without waiting, flushed and closed on SIGTERM. */

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outcomes-'));
});
after(async () => {
  await closeOutcomes();
  await rm(dir, { recursive: true, force: true });
});

async function storedIn(folder: string) {
  const store = openSqliteStore(join(folder, 'outcomes.sqlite'));
  try {
    return await counts(store);
  } finally {
    await store.close();
  }
}

/** A stand-in for `process`: SIGTERM listeners and exit(). */
class FakeProcess extends EventEmitter {
  exits: number[] = [];
  exit(code: number) {
    this.exits.push(code);
  }
}

describe('startOutcomes', () => {
  test('on SIGTERM the queued messages are written before the store closes, and the process is left to next start', async () => {
    const folder = join(dir, 'flush');
    const signals = new FakeProcess();
    // next start's own listener, which exits once its requests are done.
    signals.on('SIGTERM', () => {});
    const shutdown = startOutcomes({ DATA_DIR: folder }, signals);
    assert.ok(shutdown);
    for (let i = 0; i < 100 && !currentOutcomes(); i++) await new Promise((r) => setTimeout(r, 10));
    const outcomes = currentOutcomes();
    assert.ok(outcomes, 'the store did not open');
    const acks = Array.from({ length: 30 }, () => outcomes.writer.enqueue(exampleRows()));
    assert.equal(outcomes.writer.queued, 60, 'still queued, not written');
    signals.emit('SIGTERM');
    await Promise.all(acks);
    await shutdown();
    assert.equal(currentOutcomes(), undefined, 'the store is closed');
    assert.deepEqual(signals.exits, [], 'another listener is there: it decides when to exit');
    assert.deepEqual(await storedIn(folder), { views: 30, outcomes: 30, votes: 0 });
  });

  test('a message after the shutdown is refused, not a reason to open the store again', async () => {
    const { record } = await import('@/outcomes/index');
    assert.equal(await record(exampleRows()), 'unavailable');
    assert.equal(currentOutcomes(), undefined);
  });

  test('with nobody else listening, the shutdown exits with 143 as SIGTERM would', async () => {
    const signals = new FakeProcess();
    const shutdown = startOutcomes({ DATA_DIR: join(dir, 'alone') }, signals);
    assert.ok(shutdown);
    await shutdown();
    assert.deepEqual(signals.exits, [143]);
  });

  test('a database that never answers does not hold up the start; the shutdown gives up within its cap', async () => {
    const held: Socket[] = [];
    const silent = createServer((socket) => held.push(socket));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as { port: number };
    const signals = new FakeProcess();
    signals.on('SIGTERM', () => {});
    try {
      const started = performance.now();
      const shutdown = startOutcomes({ DATABASE_URL: `postgres://u@127.0.0.1:${port}/db` }, signals);
      assert.ok(performance.now() - started < 100, 'startOutcomes waited for the database');
      assert.equal(currentOutcomes(), undefined);
      const stopping = performance.now();
      await shutdown?.();
      // pg gives up connecting after 2 s; the flush cap is 2 s more at most.
      assert.ok(performance.now() - stopping < 4500, `the shutdown took ${Math.round(performance.now() - stopping)} ms`);
    } finally {
      for (const s of held) s.destroy();
      silent.close();
    }
  });

  test('OUTCOMES=off opens nothing and listens for nothing', () => {
    const signals = new FakeProcess();
    assert.equal(startOutcomes({ DATA_DIR: join(dir, 'off'), OUTCOMES: 'off' }, signals), undefined);
    assert.equal(signals.listenerCount('SIGTERM'), 0);
    assert.equal(existsSync(join(dir, 'off')), false);
  });
});

describe('instrumentation.ts in a real process', () => {
  test('register() opens the store, and SIGTERM writes every queued message, closes the file and exits 143', async () => {
    const folder = join(dir, 'process');
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'support/outcomes-start-child.ts')], {
      env: { ...process.env, NEXT_RUNTIME: 'nodejs', DATA_DIR: folder, DATABASE_URL: '', OUTCOMES: '', REDIS_URL: '', OUTCOME_PATH: examplePath, COUNT: '40' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let errors = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (errors += d));
    const [code, signal] = await new Promise<[number | null, string | null]>((r) => child.once('exit', (c, s) => r([c, s])));
    assert.equal(code, 143, `exit ${code} ${signal}: ${out} ${errors}`);
    assert.match(out, /queued 80\n/, 'the messages were still queued when SIGTERM came');
    assert.ok(Number(/register (\d+)/.exec(out)?.[1]) < 1000, 'register() waited');
    assert.deepEqual(await storedIn(folder), { views: 40, outcomes: 40, votes: 0 });
    // A clean close checkpoints the WAL into the file and removes it.
    assert.equal(existsSync(join(folder, 'outcomes.sqlite-wal')), false);
  });
});
