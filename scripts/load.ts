/**
 * Load script (not a test): 60 s at 100 connections over a mix of step
 * pages, summaries, hand-off messages, the log explainer and live checks
 * (of a site on loopback, with the production limits, so most are turned
 * away with 429), against the production build on loopback, set up as
 * deploy/ ships it: the shipped Nginx front before two `next start`
 * instances sharing one redis-server (REDIS_URL, TRUST_PROXY=1). Reports
 * errors, unexpected statuses and each instance's memory before and after.
 * `--direct` runs one instance alone, with nothing in front.
 *
 * Usage: npm run build && npm run load [-- seconds connections] [-- --direct]
 */
import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { createClient } from 'redis';
import { canonicalHref, stateFromSegments } from '@/machines/url-state';
import { loopbackAllowed, startCheckFixtures } from '@/tests/support/check-fixtures';
import { startFront } from '@/tests/support/nginx-front';
import { startRedis } from '@/tests/support/redis';
import { serve } from './serve';

const direct = process.argv.includes('--direct');
const [seconds = 60, connections = 100] = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--'))
  .map(Number);

// Links in the form the app keeps (a link in any other form may be redirected to it).
const canonical = (answers: string) => canonicalHref(stateFromSegments(answers.split('/').filter(Boolean))).slice('/fix'.length);
// An SSH owner on Debian 12, Nginx and WordPress who has tried every fix before the plugins step.
const deep = canonical(
  'role=owner/evidence=skip/reach=everyone/error-page=not-sure/reload=broken/access=ssh/platform=debian-12/cdn=no/cms=wordpress/server=nginx/proxy=broken/restart=broken/logs=broken/php-workers=broken/hops=broken/server-health=broken/php-limits=broken',
);
const paths = [
  '/',
  '/fix',
  `/fix${deep}`,
  `/fix${canonical(`${deep}/plugins=broken`)}`,
  `/fix${canonical(`${deep}/plugins=fixed`)}`,
  `/fix${canonical('role=owner/evidence=skip/reach=only-me/error-page=browser/reload=broken/clear-cache=broken')}`,
  `/fix${canonical('start=restart/role=owner/server=apache')}`,
  '/step/php-limits',
  `/summary${deep}`,
  `/message${deep}?site=shop.example.com&since=today`,
  '/explain',
  '/check/role=owner',
  '/steps',
  '/map',
  '/fix/banana/role=owner',
];

const fixtures = await startCheckFixtures();
const redis = direct ? undefined : await startRedis();
const env = { ...loopbackAllowed, ...(redis ? { REDIS_URL: redis.url, TRUST_PROXY: '1' } : {}) };
const instances = await Promise.all((direct ? [1] : [1, 2]).map(() => serve({ env })));
const front = direct ? undefined : await startFront({ upstreams: instances.map((i) => new URL(i.url).host), workers: 'auto' });
const target = front?.url ?? instances[0].url;
const check = {
  method: 'POST' as const,
  path: '/api/check',
  // Its own origin, as the page's script sends it (the route refuses others).
  headers: { 'content-type': 'application/json', origin: target },
  body: JSON.stringify({ url: `${fixtures.url}/healthy` }),
};
const before = instances.map((i) => i.rssMiB());
// One pass first (two through the front, which shares the requests out), so
// the figures are about serving, not first renders.
for (const instance of instances) for (const path of paths) await fetch(`${instance.url}${path}`);

const result = await autocannon({
  url: target,
  connections,
  duration: seconds,
  requests: [...paths.map((path) => ({ method: 'GET' as const, path })), check],
});
const after = instances.map((i) => i.rssMiB());
let redisMemory = '';
if (redis) {
  const client = createClient({ url: redis.url });
  await client.connect();
  redisMemory = /used_memory_human:(\S+)/.exec(await client.info('memory'))?.[1] ?? '?';
  await client.quit();
}
const cacheSize = front ? execFileSync('du', ['-sh', front.cacheDir], { encoding: 'utf8' }).split('\t')[0] : '';
await front?.stop();
await Promise.all(instances.map((i) => i.stop()));
await redis?.stop();
await fixtures.stop();

// 429 and 503 come only from the live check's limits (per client, and at
// once) and, through the front, nginx's own rate limit on /api/check.
const unexpected = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => !/^[23]/.test(code) && code !== '429' && code !== '503');
const setup = front ? `the shipped Nginx front before ${instances.length} instances sharing one redis-server` : 'one instance, nothing in front';
console.log(`# Load: ${seconds} s, ${connections} connections, ${paths.length} URLs and a live check in rotation; ${setup}

| figure | value |
| --- | --- |
| requests | ${result.requests.total} (${result.requests.average.toFixed(0)}/s) |
| latency p50 / p99 | ${result.latency.p50} ms / ${result.latency.p99} ms |
| errors (connection, timeout) | ${result.errors} (${result.timeouts} timeouts) |
| non-2xx/3xx other than the live check's (or nginx's) 429 and 503 | ${unexpected.length ? unexpected.map(([c, s]) => `${c}: ${(s as { count: number }).count}`).join(', ') : 0} |
| status codes | ${Object.entries(result.statusCodeStats ?? {})
  .map(([c, s]) => `${c}: ${(s as { count: number }).count}`)
  .join(', ')} |
${instances.map((_, i) => `| instance ${i + 1} memory (RSS) at start / end | ${before[i].toFixed(0)} MiB / ${after[i].toFixed(0)} MiB |`).join('\n')}
${redis ? `| redis-server memory in use at the end | ${redisMemory} |\n` : ''}${front ? `| nginx cache on disk at the end | ${cacheSize} |\n` : ''}`);
process.exit(result.errors || unexpected.length ? 1 : 0);
