/**
 * The outcome store's schema, one migration per id, applied in order and
 * never edited once shipped: a change is a new migration. Version 1 is plain
 * SQL that both SQLite (3.24 or later, for `ON CONFLICT … excluded`) and
 * PostgreSQL (9.5 or later) run as it is. A migration that needs each
 * dialect's own words gives both.
 *
 * What is stored, and what never is: a day (UTC, no time), step ids,
 * answers and evidence tokens the machine knows, and the machine's version.
 * No address, no user agent, no cookie, no site address, nothing typed.
 * Views and votes are counters, not rows. No table has an id column; the
 * database's own row order (SQLite's rowid) is never read: exports sort by
 * the fields.
 */

export type Dialect = 'sqlite' | 'postgres';

export interface Migration {
  id: number;
  sql: string | Record<Dialect, string>;
}

export const migrations: readonly Migration[] = [
  {
    id: 1,
    sql: `
CREATE TABLE IF NOT EXISTS step_views (
  day TEXT NOT NULL,
  step TEXT NOT NULL,
  from_step TEXT NOT NULL DEFAULT '',
  machine_version TEXT NOT NULL,
  views INTEGER NOT NULL,
  starts INTEGER NOT NULL,
  PRIMARY KEY (day, step, from_step, machine_version)
);
CREATE TABLE IF NOT EXISTS outcomes (
  day TEXT NOT NULL,
  machine_version TEXT NOT NULL,
  ending TEXT NOT NULL CHECK (ending IN ('fixed', 'handoff', 'visitor-end')),
  fixed_by TEXT NOT NULL DEFAULT '',
  tried TEXT NOT NULL,
  tried_count INTEGER NOT NULL,
  path TEXT NOT NULL,
  error_page TEXT NOT NULL DEFAULT '',
  cf_code TEXT NOT NULL DEFAULT '',
  found TEXT NOT NULL DEFAULT '',
  checked TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS outcomes_by_day ON outcomes (day, ending, fixed_by);
CREATE TABLE IF NOT EXISTS helpful (
  day TEXT NOT NULL,
  ending TEXT NOT NULL,
  fixed_by TEXT NOT NULL,
  machine_version TEXT NOT NULL,
  answer TEXT NOT NULL CHECK (answer IN ('yes', 'no')),
  votes INTEGER NOT NULL,
  PRIMARY KEY (day, ending, fixed_by, machine_version, answer)
);`,
  },
];

/** The migrations table itself, created before any migration runs. */
export const migrationsTable = 'CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, applied_on TEXT NOT NULL)';

export function migrationSql(migration: Migration, dialect: Dialect): string {
  return typeof migration.sql === 'string' ? migration.sql : migration.sql[dialect];
}

/** Our statements are written with `?`; PostgreSQL numbers its parameters. None of our SQL has a `?` inside a literal. */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** The statements that add a batch, shared by both stores. Counters add up; outcomes are rows. */
export const statements = {
  view: `INSERT INTO step_views (day, step, from_step, machine_version, views, starts) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (day, step, from_step, machine_version) DO UPDATE SET views = step_views.views + excluded.views, starts = step_views.starts + excluded.starts`,
  outcome: `INSERT INTO outcomes (day, machine_version, ending, fixed_by, tried, tried_count, path, error_page, cf_code, found, checked)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  helpful: `INSERT INTO helpful (day, ending, fixed_by, machine_version, answer, votes) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (day, ending, fixed_by, machine_version, answer) DO UPDATE SET votes = helpful.votes + excluded.votes`,
} as const;
