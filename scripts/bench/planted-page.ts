import { readFileSync, writeFileSync } from 'node:fs';
import { serve } from '@/scripts/serve';

/**
 * Runs `measure` against a fresh server on which the prerendered page at
 * `path` holds `html` instead of its own: the build's cached file is swapped
 * for the measurement and put back afterwards, whatever happens (Ctrl-C too),
 * so the build never keeps the planted page.
 */
export async function withPlantedPage<T>(path: string, html: string, measure: (server: { url: string; pid: number }) => Promise<T>): Promise<T> {
  const file = `.next/server/app${path}.html`;
  const original = readFileSync(file);
  const restore = () => writeFileSync(file, original);
  const interrupted = () => {
    restore();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  try {
    writeFileSync(file, html);
    server = await serve();
    const served = await (await fetch(`${server.url}${path}`, { headers: { 'accept-encoding': 'identity' } })).text();
    if (served !== html) throw new Error(`Next.js did not serve the planted page at ${path}`);
    return await measure(server);
  } finally {
    await server?.stop();
    restore();
    process.off('SIGINT', interrupted);
  }
}
