import pg from 'pg';
import { migrationSql, migrations, migrationsTable, numbered, statements } from './migrations';
import type { Batch, Store } from './types';

/**
 * The store for several instances: PostgreSQL at `DATABASE_URL`, with the
 * same schema and migrations as SQLite. A small pool; a connection that
 * cannot be made within 2 s, or a statement over 5 s, fails the batch
 * rather than holding requests.
 */

/** Where the database is, for the log, without the password. */
export function shownDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return `PostgreSQL at ${parsed.host}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL at DATABASE_URL';
  }
}

/** Any number: two instances starting at once take this lock, so each migration runs once. */
const migrationLock = 502015;
/** Rows per INSERT statement: 500 × 11 columns stays far under PostgreSQL's 65,535 parameters. */
const rowsPerStatement = 500;
const bigint = 20;
const numeric = 1700;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += rowsPerStatement) out.push(rows.slice(i, i + rowsPerStatement));
  return out;
}

/** The single-row INSERT turned into a multi-row one: `VALUES (?, ?), (?, ?) …`. */
function multiRow(sql: string, rows: number): string {
  const match = /VALUES \(([?, ]+)\)/.exec(sql);
  if (!match) throw new Error('statement has no VALUES list');
  const tuple = `(${match[1]})`;
  return numbered(sql.replace(match[0], `VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`));
}

export function openPostgresStore(connectionString: string, onError: (error: Error) => void = () => {}): Store {
  const pool = new pg.Pool({ connectionString, max: 4, connectionTimeoutMillis: 2000, idleTimeoutMillis: 10000, statement_timeout: 5000 });
  // Errors on idle connections (the server restarted) come here; with no listener the process would end.
  pool.on('error', onError);

  async function inTransaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
      client.release();
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      // A broken connection is thrown away rather than given to the next batch.
      client.release(error as Error);
      throw error;
    }
  }

  async function insert(client: pg.PoolClient, sql: string, rows: (string | number)[][]): Promise<void> {
    for (const part of chunks(rows)) await client.query(multiRow(sql, part.length), part.flat());
  }

  return {
    name: shownDatabaseUrl(connectionString),
    migrate: () =>
      inTransaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
        await client.query(migrationsTable);
        const done = new Set((await client.query<{ id: number }>('SELECT id FROM schema_migrations')).rows.map((r) => Number(r.id)));
        for (const m of migrations) {
          if (done.has(m.id)) continue;
          // A text query without parameters may hold several statements; DDL is transactional here.
          await client.query(migrationSql(m, 'postgres'));
          await client.query('INSERT INTO schema_migrations (id, applied_on) VALUES ($1, $2)', [m.id, new Date().toISOString().slice(0, 10)]);
        }
      }),
    write: (batch: Batch) =>
      inTransaction(async (client) => {
        await insert(
          client,
          statements.view,
          batch.views.map((r) => [r.day, r.step, r.from_step, r.machine_version, r.views, r.starts]),
        );
        await insert(
          client,
          statements.outcome,
          batch.outcomes.map((r) => [
            r.day,
            r.machine_version,
            r.ending,
            r.fixed_by,
            r.tried,
            r.tried_count,
            r.path,
            r.error_page,
            r.cf_code,
            r.found,
            r.checked,
          ]),
        );
        await insert(
          client,
          statements.helpful,
          batch.helpful.map((r) => [r.day, r.ending, r.fixed_by, r.machine_version, r.answer, r.votes]),
        );
      }),
    query: async <T>(sql: string, params: readonly (string | number)[] = []) => {
      const result = await pool.query(numbered(sql), [...params]);
      // COUNT and SUM are bigint or numeric, which pg gives as strings.
      const asNumber = result.fields.filter((f) => f.dataTypeID === bigint || f.dataTypeID === numeric).map((f) => f.name);
      for (const row of result.rows) for (const name of asNumber) if (row[name] !== null) row[name] = Number(row[name]);
      return result.rows as T[];
    },
    close: () => pool.end(),
  };
}
