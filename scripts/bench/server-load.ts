import autocannon from 'autocannon';
import { readdirSync, readFileSync } from 'node:fs';

export interface ServerFigures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  /** Time the server spent per request, in µs: the server's own cost, without the load generator's. */
  cpuUs: number;
}

/** CPU time of a process's main thread so far, in ns (Linux). */
export function mainThreadNs(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]);
}

/** CPU time so far of the children of `pid`, in ns: nginx's workers, where it serves every request. */
export function childrenNs(pid: number): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 is the parent, after the command name in parentheses.
      const parent = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      if (parent === pid) total += Number(readFileSync(`/proc/${entry}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/**
 * autocannon, 10 s at 50 connections, against one URL served by process
 * `pid` (its main thread's CPU time is counted, or what `cpuNs` reads); it
 * asks for uncompressed bodies unless `headers` say otherwise.
 */
export async function serverLoad(
  url: string,
  pid: number,
  {
    seconds = 10,
    connections = 50,
    headers,
    cpuNs = () => mainThreadNs(pid),
  }: { seconds?: number; connections?: number; headers?: Record<string, string>; cpuNs?: () => number } = {},
): Promise<ServerFigures> {
  const before = cpuNs();
  const r = await autocannon({ url, connections, duration: seconds, headers });
  const cpuUs = (cpuNs() - before) / 1000 / Math.max(1, r.requests.total);
  return { rps: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, non2xx: r.non2xx, cpuUs };
}
