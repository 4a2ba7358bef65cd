import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { serverNodeOptions } from '@/page-cache/settings.mjs';

/** A free port on loopback, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface AppServer {
  url: string;
  port: number;
  pid: number;
  /** What the server has written to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Serves the production build (`next build` must have run) on a free
 * loopback port, and waits until it answers. Its outcome store is a fresh
 * SQLite file in a folder of its own, removed when it stops, unless the
 * test names one (`DATA_DIR`, `DATABASE_URL`): no test sees another's
 * outcomes, or writes into the working tree.
 */
export async function startApp({
  cwd = process.cwd(),
  env = {},
  port: wanted,
}: {
  cwd?: string;
  env?: Record<string, string>;
  port?: number;
} = {}): Promise<AppServer> {
  const port = wanted ?? (await freePort());
  const ownData = env.DATA_DIR || env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'app-data-'));
  const child: ChildProcess = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_OPTIONS: serverNodeOptions, ...(ownData ? { DATA_DIR: ownData } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));

  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited: ${output}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (i === 99) throw new Error(`next start did not answer within 20 s: ${output}`);
    await sleep(200);
  }

  return {
    url,
    port,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([new Promise((r) => child.once('exit', r)), sleep(5000)]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (ownData) rmSync(ownData, { recursive: true, force: true });
    },
  };
}
