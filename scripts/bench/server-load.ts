import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

export interface ServerFigures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  /** Time the server's main thread spent per request, in µs: the server's own cost, without the load generator's. */
  cpuUs: number;
}

/** CPU time of a process's main thread so far, in ns (Linux). */
function mainThreadNs(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]);
}

/**
 * autocannon, 10 s at 50 connections, against one URL served by process
 * `pid`; it asks for uncompressed bodies unless `headers` say otherwise.
 */
export async function serverLoad(
  url: string,
  pid: number,
  { seconds = 10, connections = 50, headers }: { seconds?: number; connections?: number; headers?: Record<string, string> } = {},
): Promise<ServerFigures> {
  const before = mainThreadNs(pid);
  const r = await autocannon({ url, connections, duration: seconds, headers });
  const cpuUs = (mainThreadNs(pid) - before) / 1000 / Math.max(1, r.requests.total);
  return { rps: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, non2xx: r.non2xx, cpuUs };
}
