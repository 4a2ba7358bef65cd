import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ServerFigures } from './server-load';

/** ApacheBench, from apache2-utils (Debian's apache2 pulls it in). */
export const AB_BIN = '/usr/bin/ab';

/**
 * ApacheBench with keep-alive, `connections` at once for `seconds`, against
 * one URL; `cpuNs` reads the server's CPU time so far. For nginx, which
 * serves faster than autocannon can ask on this machine: autocannon's own
 * event loop would set both the rate and the p99.
 */
export async function abLoad(
  url: string,
  cpuNs: () => number,
  { seconds = 10, connections = 50, headers = {} }: { seconds?: number; connections?: number; headers?: Record<string, string> } = {},
): Promise<ServerFigures> {
  const before = cpuNs();
  const args = ['-k', '-q', '-c', String(connections), '-t', String(seconds), '-n', '100000000'];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}: ${v}`);
  const { stdout } = await promisify(execFile)(AB_BIN, [...args, url], { maxBuffer: 1 << 20 });
  const cpu = cpuNs() - before;
  const figure = (re: RegExp) => Number(re.exec(stdout)?.[1] ?? Number.NaN);
  const total = figure(/Complete requests:\s+(\d+)/);
  return {
    rps: figure(/Requests per second:\s+([\d.]+)/),
    p50Ms: figure(/^\s+50%\s+(\d+)/m),
    p99Ms: figure(/^\s+99%\s+(\d+)/m),
    non2xx: Number(/Non-2xx responses:\s+(\d+)/.exec(stdout)?.[1] ?? 0),
    cpuUs: cpu / 1000 / Math.max(1, total),
  };
}
