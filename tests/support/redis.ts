import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { accepts, startDaemon } from './daemon';
import { freePort } from './server';

/** Debian's redis-server (CI installs `redis-server` when it is missing). */
export const REDIS_BIN = '/usr/bin/redis-server';

export function redisAvailable(): boolean {
  return existsSync(REDIS_BIN);
}

export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts Debian's redis-server in the foreground on a free loopback port,
 * with nothing saved to disk, its files in a temp dir. `maxmemory` (bytes)
 * caps what it keeps, evicting the least recently used keys first.
 */
export async function startRedis({ port: wanted, maxmemory }: { port?: number; maxmemory?: number } = {}): Promise<RedisServer> {
  const dir = await mkdtemp(join(tmpdir(), 'redis-test-'));
  const port = wanted ?? (await freePort());
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
  if (maxmemory) args.push('--maxmemory', String(maxmemory), '--maxmemory-policy', 'allkeys-lru');
  // SIGTERM is redis-server's clean shutdown.
  const daemon = startDaemon(REDIS_BIN, args, dir, { stopSignal: 'SIGTERM' });
  for (let i = 0; !(await accepts({ port })); i++) {
    if (daemon.exited() || i > 50) {
      await daemon.stop();
      throw new Error(`redis-server did not start: ${daemon.output()}`);
    }
    await sleep(100);
  }
  return { url: `redis://127.0.0.1:${port}`, port, output: daemon.output, stop: daemon.stop };
}
