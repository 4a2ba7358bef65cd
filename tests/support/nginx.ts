import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { closedPort, startDaemon } from './daemon';
import { freePort } from './server';

/** Debian's nginx binary (CI installs `nginx-light` when it is missing). */
export const NGINX_BIN = '/usr/sbin/nginx';

/** Nginx's temporary folders, inside the test's own folder: no two instances share them, and the system's are left alone. */
export function tempPaths(dir: string): string {
  return ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `${name}_temp_path ${dir}/${name};`).join('\n  ');
}

export function nginxAvailable(): boolean {
  return existsSync(NGINX_BIN);
}

export interface NginxServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Path of the error log, written at level `info`. */
  errorLog: string;
  stop(): Promise<void>;
}

/**
 * Starts Debian's nginx in the foreground with a throwaway config in a fresh
 * temp dir. Locations:
 *   /closed       proxy_pass to a loopback port nothing listens on
 *   /missing.php  fastcgi_pass to a unix socket that does not exist
 *                 (`<tmp>/php8.2-fpm-missing.sock`)
 *   /fpm          fastcgi_pass to `fpm.socket`, running `fpm.script` (only if given)
 *   /fpm/<name>.php  fastcgi_pass to `fpm.socket`, running `<fpm.docroot>/<name>.php` (only if a docroot is given)
 */
export async function startNginx({ upstream }: { upstream?: { fpm?: { socket: string; script: string; docroot?: string } } } = {}): Promise<NginxServer> {
  const dir = await mkdtemp(join(tmpdir(), 'nginx-test-'));
  const port = await freePort();
  const closed = await closedPort();
  const errorLog = join(dir, 'error.log');
  const fpm = upstream?.fpm;

  const conf = `
# Started as root, nginx would run its workers as "nobody", who can't enter the
# 0700 temp dir (temp paths, sockets); keep them as root. Not root: no switch.
${process.getuid?.() === 0 ? 'user root root;' : ''}
daemon off;
master_process on;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${errorLog} info;

events {
  worker_connections 64;
}

http {
  access_log off;
  ${tempPaths(dir)}

  server {
    listen 127.0.0.1:${port};
    server_name localhost;

    location = /closed {
      proxy_connect_timeout 5s;
      proxy_pass http://127.0.0.1:${closed};
    }

    location = /missing.php {
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME ${dir}/missing.php;
      fastcgi_pass unix:${dir}/php8.2-fpm-missing.sock;
    }
${
  fpm
    ? `
    location = /fpm {
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME ${fpm.script};
      fastcgi_read_timeout 10s;
      fastcgi_pass unix:${fpm.socket};
    }
${
  fpm.docroot
    ? `
    location ~ ^/fpm/([a-z]+\\.php)$ {
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME ${fpm.docroot}/$1;
      fastcgi_read_timeout 10s;
      fastcgi_pass unix:${fpm.socket};
    }
`
    : ''
}`
    : ''
}
    location / {
      return 404;
    }
  }
}
`;
  const confFile = join(dir, 'nginx.conf');
  await writeFile(confFile, conf);

  // -p sets the prefix so nothing falls back to /var/lib/nginx or /var/log/nginx;
  // -e (nginx >= 1.19.5) points the pre-config error log into the temp dir too.
  const daemon = startDaemon(NGINX_BIN, ['-p', `${dir}/`, '-e', errorLog, '-c', confFile], dir);
  const { stop } = daemon;

  const deadline = Date.now() + 10_000;
  for (;;) {
    if (daemon.exited()) {
      await stop();
      throw new Error(`nginx exited during start-up: ${daemon.output()}`);
    }
    // An HTTP request rather than a bare TCP probe: a connection closed without a
    // request makes nginx log "client closed connection while waiting for request".
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000), headers: { connection: 'close' } });
      await res.arrayBuffer();
      break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not listen on 127.0.0.1:${port} within 10 s: ${daemon.output()}`);
    }
    await sleep(200);
  }

  return { url: `http://127.0.0.1:${port}`, errorLog, stop };
}
