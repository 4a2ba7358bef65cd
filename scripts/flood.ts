import { join } from 'node:path';
import { startApp } from '@/tests/support/server';
import { flood, folderBytes, residentBytes, warmUp } from '@/tests/support/flood';
import { hostileLinks } from '@/tests/support/hostile-links';

/**
 * `npm run flood [count]`: sends `count` (10,000) made-up links, each once, to
 * the production build (`next build` first) and reports what they cost: the
 * statuses, the growth of the disk under .next and of the server's memory,
 * and whether a real step page is still a cache hit afterwards.
 */
const count = Number(process.argv[2] ?? 10_000);
const MiB = 1024 * 1024;
const app = await startApp();
try {
  await warmUp(app.url);
  const disk = await folderBytes(join(process.cwd(), '.next'));
  const memory = residentBytes(app.pid);
  const started = performance.now();
  const statuses = await flood(app.url, hostileLinks(count));
  const seconds = (performance.now() - started) / 1000;
  const deep =
    '/fix/role=owner/evidence=skip/reach=everyone/error-page=nginx/reload=broken/access=ssh/platform=debian-12/cms=wordpress/server=nginx/proxy=broken/restart=broken';
  await fetch(`${app.url}${deep}`);
  const again = await fetch(`${app.url}${deep}`);
  console.log(`${count} made-up links in ${seconds.toFixed(0)} s`);
  console.log(`statuses: ${[...statuses].map(([status, n]) => `${status} × ${n}`).join(', ')}`);
  console.log(`disk under .next: ${(((await folderBytes(join(process.cwd(), '.next'))) - disk) / MiB).toFixed(1)} MiB more`);
  console.log(`server memory: ${(memory / MiB).toFixed(0)} MiB after warm-up, ${(residentBytes(app.pid) / MiB).toFixed(0)} MiB after the flood`);
  console.log(`a real deep step afterwards: ${again.status}, ${again.headers.get('x-nextjs-cache')}`);
} finally {
  await app.stop();
}
