import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { closedPort, startDaemon } from './daemon';
import { freePort } from './server';

/** Debian's Apache binary and modules (CI installs `apache2` when it is missing). */
export const APACHE_BIN = '/usr/sbin/apache2';
export const APACHE_MODULES = '/usr/lib/apache2/modules';
const modules = ['mpm_event', 'authn_core', 'authz_core', 'proxy', 'proxy_http', 'proxy_fcgi', 'slotmem_shm', 'proxy_balancer', 'lbmethod_byrequests'];

export function apacheAvailable(): boolean {
  return existsSync(APACHE_BIN) && modules.every((m) => existsSync(`${APACHE_MODULES}/mod_${m}.so`));
}

export interface ApacheServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Path of the error log, written at level `warn`. */
  errorLog: string;
  stop(): Promise<void>;
}

/** A backend that accepts connections, reads what it is sent and never answers: a hung app. */
async function silentBackend(): Promise<{ port: number; close(): Promise<void> }> {
  const open = new Set<Socket>();
  const server = createServer((socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => {});
    socket.resume();
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * The user Apache's child runs as when the test runs as root: Apache refuses
 * to serve as root. Debian's www-data, else nobody.
 */
function workerAccount(): { user: string; group: string } {
  const has = (file: string, name: string) => {
    try {
      return readFileSync(file, 'utf8')
        .split('\n')
        .some((l) => l.startsWith(`${name}:`));
    } catch {
      return false;
    }
  };
  if (has('/etc/passwd', 'www-data') && has('/etc/group', 'www-data')) return { user: 'www-data', group: 'www-data' };
  return { user: 'nobody', group: has('/etc/group', 'nogroup') ? 'nogroup' : 'nobody' };
}

/**
 * Starts Debian's Apache in the foreground (`-X`: one process, threads of
 * mpm_event) with a throwaway config (`-f`) in a fresh temp dir, loading only
 * the modules it needs. Locations:
 *   /closed       mod_proxy_http to a loopback port nothing listens on
 *   /missing.php  mod_proxy_fcgi to a unix socket that does not exist
 *                 (`<tmp>/php8.2-fpm-missing.sock`)
 *   /hang         mod_proxy_http, timeout=1, to a backend that accepts and never answers
 *   /rested       a balancer whose only member is a closed port (forcerecovery off)
 *   /slow.php     mod_proxy_fcgi, timeout=1, to `fpm.socket` running `<fpm.docroot>/sleep.php` (only with fpm)
 *   /killed.php   the same script with Apache's default timeout, for PHP-FPM's own limit to end (only with fpm)
 */
export async function startApache({ fpm }: { fpm?: { socket: string; docroot: string } } = {}): Promise<ApacheServer> {
  const dir = await mkdtemp(join(tmpdir(), 'apache-test-'));
  const port = await freePort();
  const closed = await closedPort();
  const closedMember = await closedPort();
  const silent = await silentBackend();
  const errorLog = join(dir, 'error.log');
  const asRoot = process.getuid?.() === 0;

  // Apache's child runs as another user when started as root: let it through the
  // temp folders (0700 from mkdtemp) to the PHP-FPM socket (mode 0666).
  if (asRoot) {
    await chmod(dir, 0o711);
    if (fpm) await chmod(dirname(fpm.socket), 0o711);
  }
  const account = workerAccount();

  const conf = `
ServerRoot ${dir}
ServerName localhost
Listen 127.0.0.1:${port}
PidFile ${dir}/apache.pid
DefaultRuntimeDir ${dir}
ErrorLog ${errorLog}
LogLevel warn
${asRoot ? `User ${account.user}\nGroup ${account.group}` : ''}
${modules.map((m) => `LoadModule ${m}_module ${APACHE_MODULES}/mod_${m}.so`).join('\n')}
DocumentRoot ${dir}
ThreadsPerChild 8
MaxRequestWorkers 8

ProxyPass /closed http://127.0.0.1:${closed}/
ProxyPass /missing.php unix:${dir}/php8.2-fpm-missing.sock|fcgi://localhost${dir}/missing.php
ProxyPass /hang http://127.0.0.1:${silent.port}/ timeout=1
<Proxy balancer://rested>
  BalancerMember http://127.0.0.1:${closedMember}
</Proxy>
ProxyPass /rested balancer://rested/ forcerecovery=off
${
  fpm
    ? `
# Two workers with their own names, so each keeps its own timeout.
ProxyPass /slow.php unix:${fpm.socket}|fcgi://slow${fpm.docroot}/sleep.php timeout=1
ProxyPass /killed.php unix:${fpm.socket}|fcgi://killed${fpm.docroot}/sleep.php
`
    : ''
}`;
  const confFile = join(dir, 'apache2.conf');
  await writeFile(confFile, conf);

  // Apache stops on SIGTERM (SIGQUIT would kill it without its own clean-up).
  const daemon = startDaemon(APACHE_BIN, ['-X', '-f', confFile], dir, { stopSignal: 'SIGTERM' });
  const stop = async () => {
    await Promise.allSettled([daemon.stop(), silent.close()]);
  };

  const deadline = Date.now() + 10_000;
  for (;;) {
    if (daemon.exited()) {
      await stop();
      throw new Error(`apache2 exited during start-up: ${daemon.output()}`);
    }
    try {
      // A path with no file: a 404, which Apache logs only at level info.
      const res = await fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(1000), headers: { connection: 'close' } });
      await res.arrayBuffer();
      break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`apache2 did not listen on 127.0.0.1:${port} within 10 s: ${daemon.output()}`);
    }
    await sleep(200);
  }

  return { url: `http://127.0.0.1:${port}`, errorLog, stop };
}
