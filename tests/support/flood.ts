import { readdir, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Bytes under a folder, every file counted once. */
export async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** Resident memory of a process, in bytes. */
export function residentBytes(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
}

/**
 * Requests every link once, `concurrency` at a time, without following
 * redirects (a loop of made-up links need not), and counts the statuses.
 */
export async function flood(base: string, links: readonly string[], concurrency = 4): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (next < links.length) {
      const link = links[next++];
      let status: number;
      try {
        const response = await fetch(`${base}${link}`, { redirect: 'manual', signal: AbortSignal.timeout(30_000) });
        await response.arrayBuffer();
        status = response.status;
      } catch {
        status = 0; // no answer at all
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return statuses;
}

/**
 * Renders a page of every kind once (each step's guidance, a summary, a
 * repaired link, a missing page), so the memory measured after it is the
 * server's working set, not its first loading of its own code.
 */
export async function warmUp(base: string): Promise<void> {
  const { stepIds } = await import('@/machines/steps');
  const links = [...stepIds.map((step) => `/fix/start=${step}/role=owner`), '/summary/role=owner/reach=everyone', '/fix/role=owner/warm-up', '/step/warm-up'];
  for (const link of links) await (await fetch(`${base}${link}`)).arrayBuffer();
}
