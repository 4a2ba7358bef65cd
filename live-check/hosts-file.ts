import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import type { Resolved } from './probe';

/**
 * The names the operating system answers itself, before any name server:
 * `localhost` (RFC 6761: always loopback) and the entries of /etc/hosts, so
 * the live check sees what the machine's own programs see. The file is read
 * at most every 30 seconds, and only its first 1 MB.
 */
const path = '/etc/hosts';
const maxBytes = 1024 * 1024;
const freshForMs = 30_000;
let cached: { at: number; names: Map<string, Resolved[]> } | undefined;

function parse(text: string): Map<string, Resolved[]> {
  const names = new Map<string, Resolved[]>();
  for (const line of text.split('\n')) {
    const [address, ...aliases] = line.replace(/#.*/, '').trim().split(/\s+/);
    const family = isIP(address ?? '');
    if (family !== 4 && family !== 6) continue;
    for (const alias of aliases) {
      const name = alias.toLowerCase();
      const list = names.get(name) ?? [];
      if (!list.some((r) => r.address === address)) list.push({ address, family });
      names.set(name, list);
    }
  }
  return names;
}

async function entries(): Promise<Map<string, Resolved[]>> {
  if (cached && performance.now() - cached.at < freshForMs) return cached.names;
  let text = '';
  try {
    const bytes = await readFile(path);
    text = bytes.subarray(0, maxBytes).toString('utf8');
  } catch {
    // no hosts file: every name goes to the name servers
  }
  cached = { at: performance.now(), names: parse(text) };
  return cached.names;
}

/** The addresses the machine itself gives `host`, if it gives any. */
export async function hostsAnswer(host: string): Promise<Resolved[] | undefined> {
  const name = host.toLowerCase().replace(/\.$/, '');
  const listed = (await entries()).get(name);
  if (listed) return listed;
  if (name === 'localhost' || name.endsWith('.localhost')) {
    return [
      { address: '127.0.0.1', family: 4 },
      { address: '::1', family: 6 },
    ];
  }
  return undefined;
}
