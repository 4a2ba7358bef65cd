import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { openPostgresStore } from '@/outcomes/postgres-store';
import { Writer } from '@/outcomes/writer';
import { counts, exampleRows, storeSuite } from './support/outcomes-store';
import { type PostgresServer, postgresAvailable, startPostgres } from './support/postgres';

/** Each `open()` gets its own database on one server, so the suite's tests start empty. */
describe('the PostgreSQL store', { skip: postgresAvailable() ? false : 'PostgreSQL is not installed' }, () => {
  let server: PostgresServer;
  let url = '';
  let made = 0;
  before(async () => {
    server = await startPostgres();
  });
  after(async () => {
    await server?.stop();
  });

  async function freshDatabase(): Promise<string> {
    const name = `outcomes_${++made}`;
    const admin = new pg.Client(server.url);
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    return server.url.replace(/\/outcomes_test$/, `/${name}`);
  }

  storeSuite({
    open: async () => {
      url = await freshDatabase();
      return openPostgresStore(url);
    },
    reopen: async () => openPostgresStore(url),
    childEnv: () => ({ DATABASE_URL: url, OUTCOMES: '' }),
  });

  test('two instances migrating at once apply each migration once', async () => {
    const url = await freshDatabase();
    const stores = Array.from({ length: 4 }, () => openPostgresStore(url));
    try {
      await Promise.all(stores.map((s) => s.migrate()));
      const applied = await stores[0].query<{ id: number }>('SELECT id FROM schema_migrations');
      assert.deepEqual(
        applied.map((r) => Number(r.id)),
        [1],
      );
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  test('a stopped database drops outcomes with one log line, never a throw, and they are stored again once it is back', async () => {
    const url = await freshDatabase();
    const store = openPostgresStore(url);
    await store.migrate();
    const logged: string[] = [];
    const writer = new Writer(store, { log: (line) => logged.push(line) });
    try {
      await writer.enqueue(exampleRows());
      await server.stopServer();
      let dropped = 0;
      for (let round = 0; round < 5; round++) {
        const results = await Promise.allSettled(Array.from({ length: 50 }, () => writer.enqueue(exampleRows())));
        for (const r of results) {
          assert.equal(r.status, 'rejected', 'a message was acknowledged while the database was stopped');
          assert.equal((r.reason as Error).constructor.name, 'Dropped');
          dropped++;
        }
      }
      assert.equal(dropped, 250);
      assert.equal(logged.length, 1, logged.join('\n'));
      assert.match(logged[0], /^Outcomes: cannot write to PostgreSQL at 127\.0\.0\.1:\d+\/outcomes_\d+ \(.+\); outcomes are dropped until it is back\.$/);
      assert.ok(!logged[0].includes('password'));

      await server.startServer();
      let back = false;
      // The pool throws away its broken connections; a bounded number of tries reaches a fresh one.
      for (let i = 0; i < 20 && !back; i++)
        back = await writer.enqueue(exampleRows()).then(
          () => true,
          () => false,
        );
      assert.ok(back, 'nothing was stored after the database came back');
      assert.equal(logged.length, 2, logged.join('\n'));
      assert.match(logged[1], /is back; outcomes are stored again\./);
      const stored = await counts(store);
      assert.equal(stored.outcomes, 2, 'the one before the outage and the one after; none of the dropped');
    } finally {
      await store.close();
    }
  });
});
