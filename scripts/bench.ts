/**
 * The benchmark (not a test): builds and serves the production app and
 * measures what a person feels. Writes bench/<date>.md and bench/latest.md.
 *
 * Usage: npm run bench
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildBareNext } from '@/tests/support/bare-next';
import { startFront } from '@/tests/support/nginx-front';
import { freePort } from '@/tests/support/server';
import { jsShipped } from '@/scripts/bench/js-shipped';
import { withPlantedPage } from '@/scripts/bench/planted-page';
import { runLighthouse, type LighthouseFigures } from '@/scripts/bench/lighthouse';
import { AB_BIN, abLoad } from '@/scripts/bench/ab-load';
import { childrenNs, serverLoad, type ServerFigures } from '@/scripts/bench/server-load';
import { stepTiming } from '@/scripts/bench/step-timing';
import { answersReport } from '@/scripts/bench/answers';
import { canonicalHref, stateFromSegments } from '@/machines/url-state';
import { serve } from './serve';

// A journey's own link, in the form the app keeps (a link in any other form may be redirected to this one).
const deep = canonicalHref(
  stateFromSegments(
    'role=owner/evidence=skip/reach=everyone/error-page=not-sure/reload=broken/access=ssh/platform=debian-12/cdn=no/cms=wordpress/server=nginx/proxy=broken'.split(
      '/',
    ),
  ),
).slice('/fix'.length);
const pages = {
  'Landing page': '/',
  'Deep step (11 answers in)': `/fix${deep}`,
  Summary: `/summary${deep}`,
  'Step library': '/steps',
  'Flow map': '/map',
};

// nginx -v prints to stderr.
const nginxVersion = () => /nginx\/([\d.]+)/.exec(spawnSync('/usr/sbin/nginx', ['-v'], { encoding: 'utf8' }).stderr)?.[1] ?? '';
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n: number) => `${Math.round(n)} ms`;
const met = (ok: boolean) => (ok ? 'met' : '**not met**');

/**
 * A table of server figures against one base row, as two ratios: requests/s,
 * and the server's main-thread CPU time per request, which leaves out the
 * load generator sharing the machine (a CPU-bound server's rate is its inverse).
 */
function serverTable(rows: Record<string, ServerFigures>, base: ServerFigures, against: string): string {
  return [
    `| URL | requests/s | p50 | p99 | non-2xx | CPU per request | rate vs ${against} | by CPU |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...Object.entries(rows).map(
      ([n, r]) =>
        `| ${n} | ${Math.round(r.rps)} | ${ms(r.p50Ms)} | ${ms(r.p99Ms)} | ${r.non2xx} | ${Math.round(r.cpuUs)} µs | ${(r.rps / base.rps).toFixed(2)}× | ${(base.cpuUs / r.cpuUs).toFixed(2)}× |`,
    ),
  ].join('\n');
}

/**
 * The URLs in turn, three rounds of 5 s each, so that a change in what else
 * the machine is doing falls on all of them alike: the mean rate, the worst
 * round's p50 and p99, CPU time over all requests.
 */
async function interleaved(urls: Record<string, string>, cpuNs: () => number, rounds = 3): Promise<Record<string, ServerFigures>> {
  const runs: Record<string, ServerFigures[]> = Object.fromEntries(Object.keys(urls).map((n) => [n, []]));
  for (let i = 0; i < rounds; i++) for (const [name, url] of Object.entries(urls)) runs[name].push(await abLoad(url, cpuNs, { seconds: 5 }));
  return Object.fromEntries(
    Object.entries(runs).map(([name, r]) => [
      name,
      {
        rps: r.reduce((sum, x) => sum + x.rps, 0) / r.length,
        p50Ms: Math.max(...r.map((x) => x.p50Ms)),
        p99Ms: Math.max(...r.map((x) => x.p99Ms)),
        non2xx: r.reduce((sum, x) => sum + x.non2xx, 0),
        cpuUs: r.reduce((sum, x) => sum + x.cpuUs * x.rps, 0) / r.reduce((sum, x) => sum + x.rps, 0),
      },
    ]),
  );
}

async function folderBytes(dir: string, ext: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(ext)) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const port = await freePort();
const site = `http://127.0.0.1:${port}`;

console.log('Building…');
const t0 = performance.now();
execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { env: { ...env, SITE_URL: site }, stdio: 'pipe' });
const buildSeconds = (performance.now() - t0) / 1000;
const shippedJs = await folderBytes('.next/static', '.js');
const shippedCss = await folderBytes('.next/static', '.css');

console.log('Building the bare Next.js floor…');
const bareDir = await buildBareNext();
// The deep step and the landing page, saved as static files of the same
// bytes: serving those shows how much of any gap between the two pages is
// their size alone, since a static file involves no rendering at all.
const copies = { deep: 'public/bench-deep-step.html', landing: 'public/bench-landing.html' };
{
  const first = await serve({ port });
  const fetchText = async (path: string) => (await fetch(`${first.url}${path}`)).text();
  await writeFile(copies.deep, await fetchText(`/fix${deep}`));
  await writeFile(copies.landing, await fetchText('/'));
  await first.stop();
}
const pageBytes = { deep: (await stat(copies.deep)).size, landing: (await stat(copies.landing)).size };
const app = await serve({ port });
const bare = await serve({ cwd: bareDir });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
});

try {
  // Warm the cache for pages rendered on first visit.
  for (const path of Object.values(pages)) await fetch(`${app.url}${path}`);

  console.log('Lighthouse…');
  const lh: Record<string, LighthouseFigures> = {};
  for (const [name, path] of Object.entries(pages)) lh[name] = await runLighthouse(`${app.url}${path}`);

  // The floor for Total Blocking Time: the same phone, the same run.
  const lhBare = await runLighthouse(bare.url);

  console.log('JavaScript shipped…');
  const floor = await jsShipped(browser, bare.url);
  const js: Record<string, Awaited<ReturnType<typeof jsShipped>>> = {};
  for (const [name, path] of Object.entries(pages)) js[name] = await jsShipped(browser, `${app.url}${path}`);

  console.log('Step-to-step time…');
  const withJs = await stepTiming(browser, app.url, true);
  const withoutJs = await stepTiming(browser, app.url, false);

  console.log('Server…');
  const server = {
    'Deep step page': await serverLoad(`${app.url}/fix${deep}`, app.pid),
    'Landing page (prerendered)': await serverLoad(`${app.url}/`, app.pid),
    'Static file (public/robots.txt)': await serverLoad(`${app.url}/robots.txt`, app.pid),
    'The deep step’s HTML as a static file': await serverLoad(`${app.url}/${copies.deep.slice('public/'.length)}`, app.pid),
    'The landing page’s HTML as a static file': await serverLoad(`${app.url}/${copies.landing.slice('public/'.length)}`, app.pid),
  };
  // The framework's own floor: one tiny page, at a static route and behind a
  // catch-all route at the deep step's path, on a second server.
  await fetch(`${bare.url}/fix${deep}`);
  const framework = {
    'Bare page, static route (`/`)': await serverLoad(`${bare.url}/`, bare.pid),
    'The same page at the deep step’s path (catch-all route, cached on first visit)': await serverLoad(`${bare.url}/fix${deep}`, bare.pid),
  };
  const [frameworkStatic, frameworkDeep] = Object.values(framework);
  // What a browser asks for: Next.js compresses every response again on every request.
  const gzip = { headers: { 'accept-encoding': 'gzip, deflate, br' } };
  const compressed = {
    'Deep step page, gzip': await serverLoad(`${app.url}/fix${deep}`, app.pid, gzip),
    'Landing page, gzip': await serverLoad(`${app.url}/`, app.pid, gzip),
  };
  const [compressedDeep, compressedLanding] = Object.values(compressed);

  console.log('Through the Nginx front…');
  // The shipped deploy/nginx config before this app, with a second server
  // block in the same nginx serving files from disk: the step page's exact
  // bytes, and robots.txt.
  const staticRoot = await mkdtemp(join(tmpdir(), 'bench-static-'));
  await copyFile(copies.deep, join(staticRoot, 'deep-step.html'));
  await copyFile('public/robots.txt', join(staticRoot, 'robots.txt'));
  const staticPort = await freePort();
  const front = await startFront({
    upstreams: [`127.0.0.1:${port}`],
    workers: 'auto',
    extra: `server { listen 127.0.0.1:${staticPort}; root ${staticRoot}; }`,
  });
  const staticUrl = `http://127.0.0.1:${staticPort}`;
  const nginxCpu = () => childrenNs(front.pid);
  let behindFront: Record<string, ServerFigures>;
  let frontCacheStatus: string | null;
  try {
    // Warmed as ApacheBench asks (no Accept-Encoding): the same variant of the page it will be served.
    execFileSync(AB_BIN, ['-n', '2', `${front.url}/fix${deep}`], { stdio: 'ignore' });
    frontCacheStatus =
      /^X-Cache-Status: (\w+)/m.exec(execFileSync(AB_BIN, ['-n', '1', '-v', '4', `${front.url}/fix${deep}`], { encoding: 'utf8' }))?.[1] ?? null;
    behindFront = await interleaved(
      {
        'Deep step page, through the front': `${front.url}/fix${deep}`,
        'The deep step’s HTML as a static file, same nginx': `${staticUrl}/deep-step.html`,
        'Static file (robots.txt), same nginx': `${staticUrl}/robots.txt`,
      },
      nginxCpu,
    );
  } finally {
    await front.stop();
    await rm(staticRoot, { recursive: true, force: true });
  }
  const [frontDeep, frontStaticSame, frontRobots] = Object.values(behindFront);
  const frontRatio = frontDeep.rps / frontStaticSame.rps;
  const tbtGap = lh['Deep step (11 answers in)'].tbtMs - lhBare.tbtMs;
  const frameworkRatio = frameworkDeep.rps / frameworkStatic.rps;
  const frameworkCpuRatio = frameworkStatic.cpuUs / frameworkDeep.cpuUs;
  const bytesAlone = server['The deep step’s HTML as a static file'].rps / server['The landing page’s HTML as a static file'].rps;

  // Our own deep route with nothing of a step page in it: the landing page's
  // exact HTML in place of the deepest prerendered step on the deep step's
  // way, on a second server (the first keeps the real page in memory).
  const answers = deep.split('/').slice(1);
  let carrierAnswers = answers.length;
  while (carrierAnswers > 1 && !existsSync(`.next/server/app${canonicalHref(stateFromSegments(answers.slice(0, carrierAnswers)))}.html`)) carrierAnswers--;
  const carrierPath = canonicalHref(stateFromSegments(answers.slice(0, carrierAnswers)));
  const carried = await withPlantedPage(carrierPath, await readFile(copies.landing, 'utf8'), async (second) => ({
    'Landing page (prerendered)': await serverLoad(`${second.url}/`, second.pid),
    [`The landing page’s HTML at a ${carrierAnswers}-answer step’s address`]: await serverLoad(`${second.url}${carrierPath}`, second.pid),
  }));
  const [carriedLanding, carriedDeep] = Object.values(carried);
  const routeAlone = carriedDeep.rps / carriedLanding.rps;
  const routeAloneCpu = carriedLanding.cpuUs / carriedDeep.cpuUs;
  const landingRps = server['Landing page (prerendered)'].rps;
  const deepServer = server['Deep step page'];

  const date = new Date().toISOString().slice(0, 10);
  const stepPages = ['Deep step (11 answers in)'];
  const lhOk = Object.values(lh).every((r) => r.accessibility === 100 && r.bestPractices === 100 && r.seo === 100 && r.performance >= 95);
  const jsOk = stepPages.every((p) => js[p].gzip - floor.gzip <= 20 * 1024);

  const report = `# Benchmark, ${date}

Measured on this machine (${(await import('node:os')).cpus().length} cores), Next.js production build served by \`next start\` on loopback, Chromium ${browser.version()}.

## Targets

| target | result | |
| --- | --- | --- |
| Lighthouse 100 for accessibility, best practices and SEO, ≥ 95 for performance, every page | ${Object.entries(lh)
    .map(([n, r]) => `${n}: ${r.performance}/${r.accessibility}/${r.bestPractices}/${r.seo}`)
    .join('; ')} | ${met(lhOk)} |
| Step pages ≤ 20 KiB gzip of script beyond the bare Next.js floor | deep step: +${kib(js['Deep step (11 answers in)'].gzip - floor.gzip)} | ${met(jsOk)} |
| Step-to-step median < 50 ms with JavaScript | ${ms(withJs.medianMs)} | ${met(withJs.medianMs < 50)} |
| Step-to-step median < 300 ms without JavaScript | ${ms(withoutJs.medianMs)} | ${met(withoutJs.medianMs < 300)} |
| Through the shipped Nginx front: deep step at ≥ 0.9× the rate of a static file of the same bytes served by the same nginx, 50 connections | ${frontRatio.toFixed(2)}× (${Math.round(frontDeep.rps)} against ${Math.round(frontStaticSame.rps)} requests/s; against robots.txt ${(frontDeep.rps / frontRobots.rps).toFixed(2)}×; see section 5) | ${met(frontRatio >= 0.9)} |
| Through the shipped Nginx front: deep step p99 < 20 ms at 50 connections, same run | ${ms(frontDeep.p99Ms)} | ${met(frontDeep.p99Ms < 20)} |
| The app alone: deep step p99 < 100 ms at 50 connections | ${ms(deepServer.p99Ms)} | ${met(deepServer.p99Ms < 100)} |
| On a phone: the deep step’s Total Blocking Time within 100 ms of the bare Next.js page’s, same Lighthouse run, median of three | ${ms(lh['Deep step (11 answers in)'].tbtMs)} against ${ms(lhBare.tbtMs)} (${tbtGap >= 0 ? '+' : ''}${ms(tbtGap)}) | ${met(tbtGap <= 100)} |
| Retired (issue 13): deep step at ≥ 0.8× the landing page’s rate through \`next start\` alone | ${(deepServer.rps / landingRps).toFixed(2)}×, by CPU per request ${(server['Landing page (prerendered)'].cpuUs / deepServer.cpuUs).toFixed(2)}× (the landing page’s own HTML at a ${carrierAnswers}-answer step’s address: ${routeAlone.toFixed(2)}×, by CPU ${routeAloneCpu.toFixed(2)}×; a bare Next.js page at the deep step’s path against itself at a static route: ${frameworkRatio.toFixed(2)}×, by CPU ${frameworkCpuRatio.toFixed(2)}×; see section 4); its floor is Next.js’s own route handling | retired |

## 1. Lighthouse

Lighthouse 12.2.3, default mobile settings (emulated phone, simulated slow 4G, 4× CPU slowdown), Debian’s Chromium, three runs per page after a warm-up request; each row is the median run, picked as Lighthouse’s own tools pick it (closest to the median first paint and time to interactive), since one run can swing by several points on a busy machine. “Host speed” is Lighthouse’s own benchmark index of the machine during that run: TBT, and with it the performance score, rises when it falls, because Lighthouse simulates a phone as four times slower than the host.

| page | performance | accessibility | best practices | SEO | LCP | TBT | CLS | host speed |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${Object.entries(lh)
  .map(
    ([n, r]) =>
      `| ${n} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ${ms(r.lcpMs)} | ${ms(r.tbtMs)} | ${r.cls.toFixed(3)} | ${Math.round(r.benchmarkIndex)} |${r.runtimeError ? ` Lighthouse could not measure the page: ${r.runtimeError}` : ''}`,
  )
  .join('\n')}
| Bare Next.js page (TBT floor, not a target) | ${lhBare.performance} | ${lhBare.accessibility} | ${lhBare.bestPractices} | ${lhBare.seo} | ${ms(lhBare.lcpMs)} | ${ms(lhBare.tbtMs)} | ${lhBare.cls.toFixed(3)} | ${Math.round(lhBare.benchmarkIndex)} |

## 2. JavaScript shipped

Every response of type “script” Chromium received while loading the page and for 3 s after, raw as served and gzip-compressed (level 9). The floor is a bare App Router page (one heading) built with the same Next.js and React in the same run.

| page | files | raw | gzip | gzip beyond the floor | ratio to the floor |
| --- | --- | --- | --- | --- | --- |
| Bare Next.js page (floor) | ${floor.files} | ${kib(floor.raw)} | ${kib(floor.gzip)} | | 1.00 |
${Object.entries(js)
  .map(([n, r]) => `| ${n} | ${r.files} | ${kib(r.raw)} | ${kib(r.gzip)} | ${kib(r.gzip - floor.gzip)} | ${(r.gzip / floor.gzip).toFixed(2)} |`)
  .join('\n')}

## 3. Step-to-step time

Journeys through the wizard in Chromium (390×844), clicking answers in turn. With JavaScript: from the click event to the new heading being in the page, measured in the page, after 500 ms on each step (less than anyone takes to read one) for the prefetch of the next steps to finish. Without: from the click to the new page’s heading being visible (a full page load), measured by the driver.

| | answers | median | p95 |
| --- | --- | --- | --- |
| JavaScript on | ${withJs.samples} | ${ms(withJs.medianMs)} | ${ms(withJs.p95Ms)} |
| JavaScript off | ${withoutJs.samples} | ${ms(withoutJs.medianMs)} | ${ms(withoutJs.p95Ms)} |

## 4. Server

autocannon, 10 s, 50 connections, one URL at a time, against the same server in the same run; “CPU per request” is the time the server’s main thread (where Next.js serves every request) spent, divided by the requests answered. The deep step page is ${kib(pageBytes.deep)} of HTML, the landing page ${kib(pageBytes.landing)} (uncompressed, as autocannon asks for them). The last two rows serve those exact bytes as files from \`public/\`, with no rendering or cache lookup: their ratio, ${bytesAlone.toFixed(2)}×, is what the difference in size alone costs on this machine.

${serverTable(server, server['Landing page (prerendered)'], 'landing')}

**Compressed, as browsers ask for it.** The same two pages with \`Accept-Encoding: gzip, deflate, br\`: Next.js compresses each response again on every request, so the deep step falls from ${Math.round(deepServer.rps)} to ${Math.round(compressedDeep.rps)} requests/s, and to ${(compressedDeep.rps / compressedLanding.rps).toFixed(2)}× of the landing page. A cache in front that keeps compressed pages takes this away (section 5).

${serverTable(compressed, compressedLanding, 'landing, gzip')}

**Our route, without our page.** A second server, with the landing page’s exact HTML put in place of a prerendered ${carrierAnswers}-answer step’s cached HTML (for this measurement only). The ratio, ${routeAlone.toFixed(2)}× (${routeAloneCpu.toFixed(2)}× by CPU), is what a step’s address costs on its own in this app, with the same bytes as the landing page. Requests/s in this section move by up to a tenth from run to run on this machine; the CPU time per request leaves out the load generator, which shares the machine, and is what limits a server busy on one core.

${serverTable(carried, carriedLanding, 'landing')}

**The framework’s floor.** The bare Next.js page of section 2 (one heading), served by its own \`next start\` at a static route and, unchanged, behind an optional catch-all route at the deep step’s path, cached on first visit as our deep steps are. Their ratio, ${frameworkRatio.toFixed(2)}× (${frameworkCpuRatio.toFixed(2)}× by CPU), is what Next.js’s handling of such a route and path costs per request before a page holds anything (a CPU profile puts it in building the route’s pattern, reading the parameters and parsing the longer URL). Where this ratio is near 0.8×, no step page, however small, can meet the 0.8× target; our own headers and proxy rules, which the bare app lacks, cost a little more (the row above).

${serverTable(framework, frameworkStatic, 'static route')}

## 5. Through the Nginx front

Debian’s nginx ${nginxVersion()} with the shipped \`deploy/nginx/502-troubleshooter.conf\` (only its port, upstream and cache path changed), \`worker_processes auto\`, access log off, in front of the same \`next start\` as section 4; a second server block in the same nginx serves files from disk. ApacheBench (\`ab -k\`, keep-alive), 50 connections, one URL at a time, the three URLs in turn for three rounds of 5 s each (mean rate; p50 and p99 of the worst round), on the same machine, which it shares with nginx: autocannon, used above, tops out below nginx’s rate here (about 4,000 requests/s for these pages), so its own event loop would set both the rate and the p99. The step page is warmed first, so every request is a cache hit (\`X-Cache-Status: ${frontCacheStatus}\` before the run) and Node.js is not involved. “CPU per request” is the time nginx’s workers spent, divided by the requests answered: a cache hit costs nginx more than a file (it looks the key up, reads and parses the stored headers, and checks \`Vary\`), and the rate ratio, which moves by a third from run to run on this shared machine, is best read beside it. Compressed pages are kept compressed in the cache (the app compresses each once), but they are stored without a length, and ApacheBench, an HTTP/1.0 client, then needs a new connection per request, so they are not measured here.

${serverTable(behindFront, frontStaticSame, 'same bytes')}

## 6. Build

| | |
| --- | --- |
| \`next build\` time | ${buildSeconds.toFixed(1)} s |
| JavaScript in .next/static | ${kib(shippedJs)} |
| CSS in .next/static | ${kib(shippedCss)} |

## 7. Answers needed

${answersReport()}`;

  await mkdir('bench', { recursive: true });
  await writeFile(`bench/${date}.md`, report);
  await writeFile('bench/latest.md', report);
  console.log(report);
} finally {
  await browser.close();
  await app.stop();
  await bare.stop();
  await rm(bareDir, { recursive: true, force: true });
  for (const copy of Object.values(copies)) await rm(copy, { force: true });
}
