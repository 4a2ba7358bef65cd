import autocannon from 'autocannon';

export interface ServerFigures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

/** autocannon, 10 s at 50 connections, against one URL; it asks for uncompressed bodies unless `headers` say otherwise. */
export async function serverLoad(url: string, { seconds = 10, connections = 50, headers }: { seconds?: number; connections?: number; headers?: Record<string, string> } = {}): Promise<ServerFigures> {
  const r = await autocannon({ url, connections, duration: seconds, headers });
  return { rps: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, non2xx: r.non2xx };
}
