import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { serverNodeOptions } from '@/page-cache/settings.mjs';
import { residentBytes } from '@/tests/support/flood';
import { freePort } from '@/tests/support/server';

/** Serves the production build on a free loopback port, for the benchmark and load scripts. */
export async function serve({
  cwd = process.cwd(),
  port: wanted,
  env = {},
}: {
  cwd?: string;
  port?: number;
  env?: Record<string, string>;
} = {}): Promise<{ url: string; pid: number; rssMiB(): number; stop(): Promise<void> }> {
  const port = wanted ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_OPTIONS: serverNodeOptions, ...env },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) break;
    } catch {
      if (i > 100) throw new Error('the server did not start');
    }
    await sleep(200);
  }
  return {
    url,
    pid: child.pid!,
    rssMiB: () => residentBytes(child.pid!) / 1024 / 1024,
    stop: async () => {
      child.kill('SIGTERM');
      await Promise.race([new Promise((r) => child.once('exit', r)), sleep(5000)]);
    },
  };
}
