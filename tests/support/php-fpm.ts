import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { accepts, startDaemon } from './daemon';

/**
 * Debian's PHP-FPM binary: `/usr/sbin/php-fpm8.2` (CI installs `php8.2-fpm`
 * when it is missing), else whichever `/usr/sbin/php-fpm*` exists.
 */
export function phpFpmBin(): string | undefined {
  if (existsSync('/usr/sbin/php-fpm8.2')) return '/usr/sbin/php-fpm8.2';
  try {
    const found = readdirSync('/usr/sbin')
      .filter((f) => /^php-fpm[\d.]*$/.test(f))
      .sort()
      .reverse();
    return found.length ? join('/usr/sbin', found[0]) : undefined;
  } catch {
    return undefined;
  }
}

export interface PhpFpmServer {
  /** Unix socket the pool listens on. */
  socket: string;
  /** The master's log (pool warnings, captured worker output). */
  errorLog: string;
  /** PHP's own error log (`error_log` ini value), where fatal errors land; not written with `phpErrorLog: false`. */
  phpErrorLog: string;
  /**
   * Holds `memory.php`, which allocates past the 16M memory_limit; `sleep.php`,
   * which answers after 5 s; and `partial.php`, which sends 200 KiB at once,
   * then the rest after 5 s.
   */
  docroot: string;
  stop(): Promise<void>;
}

/** The size of the part `partial.php` sends before it sleeps. */
export const partialBytes = 200 * 1024;

/**
 * Starts PHP-FPM in the foreground with no system php.ini (`-n`) and a config
 * written into a fresh temp dir: static workers (one unless told) on a unix
 * socket, a 16M memory_limit, errors logged to `<tmp>/php-error.log` (or sent
 * to nginx).
 */
export async function startPhpFpm({
  phpErrorLog: toFile = true,
  maxChildren = 1,
  listenBacklog,
  requestTerminateTimeout,
}: {
  /**
   * true (default): PHP logs errors to `<tmp>/php-error.log`. false: no PHP
   * `error_log`, so errors go to FastCGI stderr and nginx logs them as
   * `FastCGI sent in stderr: "PHP message: ..."` (FPM's log gets a copy).
   */
  phpErrorLog?: boolean;
  /** pm.max_children, with pm = static. */
  maxChildren?: number;
  /** listen.backlog: how many connections may wait for a worker (PHP-FPM's own default is 511). */
  listenBacklog?: number;
  /** request_terminate_timeout, like '1s': PHP-FPM stops a worker (SIGTERM) whose page runs longer. */
  requestTerminateTimeout?: string;
} = {}): Promise<PhpFpmServer> {
  const bin = phpFpmBin();
  if (!bin) throw new Error('no php-fpm binary in /usr/sbin');

  const dir = await mkdtemp(join(tmpdir(), 'php-fpm-test-'));
  const docroot = join(dir, 'www');
  await mkdir(docroot);
  const socket = join(dir, 'php8.2-fpm.sock');
  const errorLog = join(dir, 'php-fpm.log');
  const phpErrorLog = join(dir, 'php-error.log');
  const asRoot = process.getuid?.() === 0;

  await writeFile(
    join(docroot, 'memory.php'),
    `<?php
// Allocates well past the pool's 16M memory_limit: PHP dies with
// "Allowed memory size of ... bytes exhausted".
$big = str_repeat('x', 64 * 1024 * 1024);
echo strlen($big);
`,
  );

  await writeFile(
    join(docroot, 'sleep.php'),
    `<?php
// Answers after 5 s: longer than the time limits the tests set.
sleep(5);
echo "done\n";
`,
  );
  await writeFile(
    join(docroot, 'partial.php'),
    `<?php
// Starts the page (status 200 and ${partialBytes} bytes go out), then stalls.
echo str_repeat('x', ${partialBytes});
flush();
sleep(5);
echo "the end\n";
`,
  );

  const conf = `
[global]
pid = ${dir}/php-fpm.pid
error_log = ${errorLog}
log_level = notice
daemonize = no

[www]
${asRoot ? 'user = root\ngroup = root' : ''}
listen = ${socket}
listen.mode = 0666
pm = static
pm.max_children = ${maxChildren}
${listenBacklog === undefined ? '' : `listen.backlog = ${listenBacklog}`}
${requestTerminateTimeout === undefined ? '' : `request_terminate_timeout = ${requestTerminateTimeout}`}
catch_workers_output = yes
decorate_workers_output = no
clear_env = yes
php_admin_value[memory_limit] = 16M
php_admin_flag[log_errors] = on
php_admin_flag[display_errors] = off
${toFile ? `php_admin_value[error_log] = ${phpErrorLog}` : '; no error_log: PHP writes errors to stderr, which FPM sends to nginx'}
`;
  const confFile = join(dir, 'php-fpm.conf');
  await writeFile(confFile, conf);

  // -R lets the master run workers as root (refused otherwise).
  const args = ['-F', '-n', '-y', confFile, ...(asRoot ? ['-R'] : [])];
  const daemon = startDaemon(bin, args, dir);
  const { stop } = daemon;

  const deadline = Date.now() + 10_000;
  for (;;) {
    if (daemon.exited()) {
      await stop();
      throw new Error(`php-fpm exited during start-up: ${daemon.output()}`);
    }
    if (existsSync(socket) && (await accepts({ path: socket }))) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`php-fpm did not listen on ${socket} within 10 s: ${daemon.output()}`);
    }
    await sleep(200);
  }

  return { socket, errorLog, phpErrorLog, docroot, stop };
}
