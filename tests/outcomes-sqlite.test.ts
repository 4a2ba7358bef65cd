import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { closeOutcomes, currentOutcomes, openOutcomes, record } from '@/outcomes/index';
import { openSqliteStore } from '@/outcomes/sqlite-store';
import { Writer } from '@/outcomes/writer';
import { counts, exampleRows, storeSuite } from './support/outcomes-store';

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'outcomes-'));
  dirs.push(dir);
  return dir;
}
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('the SQLite store', () => {
  let dir = '';
  storeSuite({
    open: async () => {
      dir = await freshDir();
      return openSqliteStore(join(dir, 'outcomes.sqlite'));
    },
    reopen: async () => openSqliteStore(join(dir, 'outcomes.sqlite')),
    childEnv: () => ({ DATA_DIR: dir, DATABASE_URL: '', OUTCOMES: '' }),
  });

  test('the file is in WAL mode with full sync, created with its folder', async () => {
    const dir = join(await freshDir(), 'not', 'there', 'yet');
    const store = openSqliteStore(join(dir, 'outcomes.sqlite'));
    await store.migrate();
    await new Writer(store).enqueue(exampleRows());
    assert.ok(existsSync(join(dir, 'outcomes.sqlite-wal')), 'no write-ahead log next to the file');
    await store.close();
    const db = new Database(join(dir, 'outcomes.sqlite'), { readonly: true });
    try {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    } finally {
      db.close();
    }
  });
});

describe('a full disk', () => {
  test('writes past the size cap are dropped with one log line; the caller is told, never thrown at', async () => {
    const dir = await freshDir();
    const env = { DATA_DIR: dir, OUTCOMES_MAX_MB: '0.2' };
    const logged: string[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => logged.push(args.join(' '));
    try {
      const outcomes = await openOutcomes(env);
      assert.ok(outcomes, 'the store did not open');
      const results = new Map<string, number>();
      // About 300 bytes an outcome: 200 KB is full long before 4,000 messages.
      for (let round = 0; round < 20; round++) {
        const answers = await Promise.all(Array.from({ length: 200 }, () => record(exampleRows())));
        for (const a of answers) results.set(a, (results.get(a) ?? 0) + 1);
      }
      assert.ok((results.get('stored') ?? 0) > 0, 'nothing was stored before the store filled');
      assert.ok((results.get('unavailable') ?? 0) > 0, `the store never filled: ${JSON.stringify([...results])}`);
      const drops = logged.filter((l) => l.startsWith('Outcomes: cannot write'));
      assert.equal(drops.length, 1, `log lines: ${logged.join('\n')}`);
      assert.match(drops[0], /SQLite at .*outcomes\.sqlite \(database or disk is full\); outcomes are dropped until it is back\./);
      assert.equal(currentOutcomes()?.writer.down, true);
      const stored = await counts(outcomes.store);
      assert.equal(stored.outcomes, results.get('stored'), 'stored = acknowledged');
    } finally {
      console.error = log;
      await closeOutcomes();
    }
  });

  test('with OUTCOMES=off nothing is opened and nothing recorded', async () => {
    const dir = await freshDir();
    assert.equal(await openOutcomes({ DATA_DIR: dir, OUTCOMES: 'off' }), undefined);
    assert.ok(!existsSync(join(dir, 'outcomes.sqlite')));
  });
});
