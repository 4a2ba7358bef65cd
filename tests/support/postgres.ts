import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import { type Daemon, startDaemon } from './daemon';
import { freePort } from './server';

const run = promisify(execFile);

/** Debian's PostgreSQL binaries, the highest version installed (15 on Debian 12, 17 on 13); CI installs `postgresql` when missing. */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

export function postgresAvailable(): boolean {
  return postgresBin() !== undefined;
}

/** The `postgres` user's ids: initdb and the server refuse to run as root. */
async function postgresUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  return { uid, gid };
}

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/outcomes_test` */
  url: string;
  port: number;
  output(): string;
  /** Stops the server and keeps its data, for outage tests. */
  stopServer(): Promise<void>;
  /** Starts it again on the same port and data, and waits until it answers. */
  startServer(): Promise<void>;
  /** Stops it and removes its folder. */
  stop(): Promise<void>;
}

/**
 * Starts Debian's PostgreSQL for a test: a fresh cluster (initdb) in a temp
 * folder owned by the `postgres` user, a server in the foreground on a free
 * loopback port with its socket in that folder, trust authentication, and
 * a database `outcomes_test`. `fsync=off` because tests stop the app, never
 * the machine. The system's own PostgreSQL service is never touched.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  const dir = await mkdtemp(join(tmpdir(), 'postgres-test-'));
  const user = await postgresUser();
  if (user) await chown(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  await run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C'], { ...user, timeout: 60_000 });
  const port = await freePort();
  const args = ['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-k', dir, '-c', 'fsync=off'];
  let daemon: Daemon | undefined;
  let earlier = '';

  const admin = () => new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 1000 });
  async function start(): Promise<void> {
    // SIGINT is PostgreSQL's fast shutdown: it ends sessions and stops cleanly.
    daemon = startDaemon(join(bin as string, 'postgres'), args, dir, { stopSignal: 'SIGINT', ...user });
    // It accepts TCP connections while still starting up; wait until a query works.
    for (let i = 0; ; i++) {
      const client = admin();
      try {
        await client.connect();
        await client.query('SELECT 1');
        await client.end();
        return;
      } catch {
        await client.end().catch(() => {});
      }
      if (daemon.exited() || i > 100) throw new Error(`PostgreSQL did not start: ${earlier}${daemon.output()}`);
      await sleep(100);
    }
  }
  async function stopServer(): Promise<void> {
    const running = daemon;
    if (!running) return;
    daemon = undefined;
    earlier += running.output();
    if (running.exited()) return;
    const exit = new Promise<void>((resolve) => running.child.once('exit', () => resolve()));
    running.child.kill('SIGINT');
    await Promise.race([exit, sleep(10_000)]);
    if (!running.exited()) {
      running.child.kill('SIGKILL');
      await exit;
    }
  }

  try {
    await start();
    const client = admin();
    await client.connect();
    await client.query('CREATE DATABASE outcomes_test');
    await client.end();
  } catch (error) {
    await stopServer();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/outcomes_test`,
    port,
    output: () => earlier + (daemon?.output() ?? ''),
    stopServer,
    startServer: start,
    stop: async () => {
      await stopServer();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
