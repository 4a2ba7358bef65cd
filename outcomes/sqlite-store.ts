import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrationSql, migrations, migrationsTable, statements } from './migrations';
import type { Batch, Store } from './types';

/**
 * The default store: one SQLite file, in WAL mode so reads (the insights
 * page) never wait for a write, with `synchronous = FULL` so a committed
 * batch survives a power cut too. better-sqlite3 is synchronous: a batch of
 * a few hundred rows holds the event loop for milliseconds, once per batch,
 * never once per request.
 */

export interface SqliteOptions {
  /** A cap on the file's size in MB (`max_page_count`); past it writes fail with SQLITE_FULL. */
  maxMb?: number;
}

export function openSqliteStore(file: string, { maxMb }: SqliteOptions = {}): Store {
  mkdirSync(dirname(file), { recursive: true });
  // The busy timeout (ms) covers a second instance writing the same file.
  const db = new Database(file, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  if (maxMb) {
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.pragma(`max_page_count = ${Math.max(1, Math.floor((maxMb * 1048576) / pageSize))}`);
  }
  db.exec(migrationsTable);
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let made = prepared.get(sql);
    if (!made) {
      made = db.prepare(sql);
      prepared.set(sql, made);
    }
    return made;
  };

  const writeBatch = db.transaction((batch: Batch) => {
    const view = statement(statements.view);
    const outcome = statement(statements.outcome);
    const helpful = statement(statements.helpful);
    for (const r of batch.views) view.run(r.day, r.step, r.from_step, r.machine_version, r.views, r.starts);
    for (const r of batch.outcomes) {
      outcome.run(r.day, r.machine_version, r.ending, r.fixed_by, r.tried, r.tried_count, r.path, r.error_page, r.cf_code, r.found, r.checked);
    }
    for (const r of batch.helpful) helpful.run(r.day, r.ending, r.fixed_by, r.machine_version, r.answer, r.votes);
  });

  const migrateAll = db.transaction(() => {
    const done = new Set((db.prepare('SELECT id FROM schema_migrations').all() as { id: number }[]).map((r) => r.id));
    for (const m of migrations) {
      if (done.has(m.id)) continue;
      db.exec(migrationSql(m, 'sqlite'));
      db.prepare('INSERT INTO schema_migrations (id, applied_on) VALUES (?, ?)').run(m.id, new Date().toISOString().slice(0, 10));
    }
  });

  return {
    name: `SQLite at ${file}`,
    migrate: async () => {
      // IMMEDIATE takes the write lock first, so two instances starting on one file apply each migration once.
      migrateAll.immediate();
    },
    write: async (batch) => {
      writeBatch.immediate(batch);
    },
    query: async <T>(sql: string, params: readonly (string | number)[] = []) => statement(sql).all(...params) as T[],
    close: async () => {
      if (db.open) db.close();
    },
  };
}
