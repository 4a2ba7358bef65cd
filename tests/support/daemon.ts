import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './server';

export interface Daemon {
  child: ChildProcess;
  /** Everything it printed, for error messages. */
  output(): string;
  exited(): boolean;
  /** The stop signal (SIGQUIT unless given: a graceful stop for nginx and PHP-FPM), then SIGKILL; removes its folder. */
  stop(): Promise<void>;
}

/**
 * Starts a server program (nginx, PHP-FPM) in the foreground for a test,
 * with its files in `dir`. If the test process ends without stop(), SIGTERM
 * makes the master stop its workers too (SIGKILL would leave them running).
 */
export function startDaemon(
  bin: string,
  args: string[],
  dir: string,
  { stopSignal = 'SIGQUIT', uid, gid }: { stopSignal?: NodeJS.Signals /** Run as this user (PostgreSQL refuses root). */; uid?: number; gid?: number } = {},
): Daemon {
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], uid, gid });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const onExit = () => child.kill('SIGTERM');
  process.once('exit', onExit);
  void done.then(() => process.off('exit', onExit));
  const exited = () => child.exitCode !== null || child.signalCode !== null;

  return {
    child,
    output: () => output,
    exited,
    stop: async () => {
      if (!exited()) {
        child.kill(stopSignal);
        await Promise.race([done, sleep(5000, undefined, { ref: false })]);
        if (!exited()) {
          child.kill('SIGKILL');
          await Promise.race([done, sleep(2000, undefined, { ref: false })]);
        }
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** True once something accepts connections on 127.0.0.1:port or on a unix socket. */
export function accepts(target: { port: number } | { path: string }, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = 'port' in target ? connect({ host: '127.0.0.1', port: target.port }) : connect({ path: target.path });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** A loopback port nothing listens on (bound and released, then checked). */
export async function closedPort(): Promise<number> {
  for (let i = 0; i < 20; i++) {
    const port = await freePort();
    if (!(await accepts({ port }))) return port;
  }
  throw new Error('could not find a closed loopback port');
}
