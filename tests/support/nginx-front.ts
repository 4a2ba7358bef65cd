import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startDaemon } from './daemon';
import { NGINX_BIN, tempPaths } from './nginx';
import { freePort } from './server';

/** The shipped site configuration, as an operator installs it. */
export const SHIPPED_CONF = 'deploy/nginx/502-troubleshooter.conf';

export interface Front {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The proxy cache's folder. */
  cacheDir: string;
  /** The master's pid; its workers are its children. */
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

/** Replaces `from` in `text`, which must hold it exactly once: a change to the shipped file must not slip by. */
function replaceOnce(text: string, from: string, to: string): string {
  const parts = text.split(from);
  if (parts.length !== 2) throw new Error(`${SHIPPED_CONF}: expected “${from}” once, found it ${parts.length - 1} times`);
  return parts.join(to);
}

/**
 * The shipped config with only the operator's values changed: the listen
 * port, the app instances (`host:port`) and the cache path.
 */
export async function templatedSite(listenPort: number, upstreams: string[], cacheDir: string): Promise<string> {
  let site = await readFile(SHIPPED_CONF, 'utf8');
  site = replaceOnce(site, '    server 127.0.0.1:3000;\n', upstreams.map((u) => `    server ${u};\n`).join(''));
  site = replaceOnce(site, 'proxy_cache_path /var/cache/nginx/502-troubleshooter ', `proxy_cache_path ${cacheDir} `);
  site = replaceOnce(site, '    listen 80;\n', `    listen 127.0.0.1:${listenPort};\n`);
  site = replaceOnce(site, '    listen [::]:80;\n', '');
  return site;
}

/**
 * Debian's nginx in the foreground, with an http block like Debian's
 * /etc/nginx/nginx.conf (sendfile, mime.types, `gzip on`) that includes the
 * shipped site file, templated. `extra` is added inside `http { }` (the
 * benchmark's static-file server).
 */
export async function startFront({
  upstreams,
  workers = 1,
  extra = '',
}: {
  upstreams: string[];
  workers?: number | 'auto';
  extra?: string | ((dir: string) => string);
}): Promise<Front> {
  const dir = await mkdtemp(join(tmpdir(), 'nginx-front-'));
  const port = await freePort();
  const cacheDir = join(dir, 'cache');
  const errorLog = join(dir, 'error.log');
  await writeFile(join(dir, 'site.conf'), await templatedSite(port, upstreams, cacheDir));
  const conf = `
# As root, workers would run as "nobody", who can't enter the 0700 temp dir.
${process.getuid?.() === 0 ? 'user root root;' : ''}
daemon off;
worker_processes ${workers};
pid ${dir}/nginx.pid;
error_log ${errorLog} warn;
events { worker_connections 1024; }
http {
  sendfile on;
  tcp_nopush on;
  types_hash_max_size 2048;
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  gzip on;
  ${tempPaths(dir)}
  include ${dir}/site.conf;
  ${typeof extra === 'function' ? extra(dir) : extra}
}
`;
  const confFile = join(dir, 'nginx.conf');
  await writeFile(confFile, conf);
  const daemon = startDaemon(NGINX_BIN, ['-p', `${dir}/`, '-e', errorLog, '-c', confFile], dir);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (daemon.exited()) {
      const out = `${daemon.output()}${await readFile(errorLog, 'utf8').catch(() => '')}`;
      await daemon.stop();
      throw new Error(`nginx exited during start-up: ${out}`);
    }
    try {
      // robots.txt: small, and cacheable by neither the app's headers nor ours.
      await (await fetch(`${url}/robots.txt`, { signal: AbortSignal.timeout(2000) })).arrayBuffer();
      break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await daemon.stop();
      throw new Error(`nginx did not listen on ${url} within 10 s: ${daemon.output()}`);
    }
    await sleep(100);
  }
  return {
    url,
    cacheDir,
    pid: daemon.child.pid!,
    output: () => daemon.output(),
    stop: daemon.stop,
  };
}
