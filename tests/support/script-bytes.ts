import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The scripts a page's HTML asks for (`<script src="/_next/...">`), less the `noModule` ones modern browsers skip. */
export function scriptSources(html: string): string[] {
  return [
    ...new Set(
      [...html.matchAll(/<script([^>]*)>/g)].filter((m) => !/\bnoModule\b/i.test(m[1])).flatMap((m) => /src="(\/_next\/[^"]+)"/.exec(m[1])?.[1] ?? []),
    ),
  ];
}

/** Bytes of those scripts as built (raw) and gzip-compressed, read from a build folder. */
export async function scriptBytes(buildDir: string, sources: string[]): Promise<{ raw: number; gzip: number }> {
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const file = await readFile(join(buildDir, '.next', src.replace(/^\/_next\//, '').replace(/\?.*$/, '')));
    raw += file.length;
    gzip += gzipSync(file, { level: 9 }).length;
  }
  return { raw, gzip };
}
