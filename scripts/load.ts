/**
 * Load script (not a test): 60 s at 100 connections over a mix of step
 * pages, summaries, hand-off messages, the log explainer, live checks (of a
 * site on loopback, with the production limits, so most are turned away
 * with 429) and outcome messages (scripts/load-journeys.ts), against the
 * production build on loopback, set up as deploy/ ships it: the shipped
 * Nginx front before two `next start` instances sharing one redis-server
 * (REDIS_URL, TRUST_PROXY=1) and one PostgreSQL (DATABASE_URL). Reports
 * errors, unexpected statuses, each instance's memory before and after, and
 * the outcome messages answered against what the store holds once the
 * instances have stopped. `--direct` runs one instance alone, with nothing
 * in front, storing outcomes in SQLite in a temp folder.
 *
 * The app's own outcome limit is lifted (OUTCOMES_RATE_LIMIT) so it refuses
 * nothing; through the front, nginx's own limit on /api/outcomes (120 a
 * minute per address, and every connection here comes from one) still turns
 * most of them away with 429, which store nothing.
 *
 * Usage: npm run build && npm run load [-- seconds connections] [-- --direct]
 */
import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { storeFromSettings } from '@/outcomes/index';
import { loopbackAllowed, startCheckFixtures } from '@/tests/support/check-fixtures';
import { startFront } from '@/tests/support/nginx-front';
import { startPostgres } from '@/tests/support/postgres';
import { startRedis } from '@/tests/support/redis';
import { canonical, deep, outcomeMessages } from './load-journeys';
import { serve } from './serve';

const direct = process.argv.includes('--direct');
const [seconds = 60, connections = 100] = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--'))
  .map(Number);

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

// Checked before anything starts: a journey the machine no longer ends stops the run here.
const messages = outcomeMessages();
// Outcome messages go out for `seconds`; then pages alone for `drain` more, so
// every message sent is answered before autocannon closes its connections
// (one cut off in flight may or may not have been stored).
const drain = 5;

const fixtures = await startCheckFixtures();
const redis = direct ? undefined : await startRedis();
const postgres = direct ? undefined : await startPostgres();
const dataDir = direct ? await mkdtemp(join(tmpdir(), 'load-outcomes-')) : undefined;
const storeEnv: Record<string, string> = postgres ? { DATABASE_URL: postgres.url } : { DATABASE_URL: '', DATA_DIR: dataDir as string };
const env = {
  ...loopbackAllowed,
  ...(redis ? { REDIS_URL: redis.url, TRUST_PROXY: '1' } : {}),
  ...storeEnv,
  OUTCOMES: 'on',
  OUTCOMES_RATE_LIMIT: '1000000',
};
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
// What each outcome message's answers came to; `sent` is counted as autocannon writes the request.
const tally = { sent: 0, acknowledged: 0, rateLimited: 0, unavailable: 0, unexpected: new Map<number, number>(), views: 0, outcomes: 0 };
let outcomesUntil = Number.POSITIVE_INFINITY;
// A falsy return makes autocannon skip to the top of the list (its types leave that out).
const skip = undefined as unknown as autocannon.Request;
const outcomeRequests: autocannon.Request[] = messages.map((m) => ({
  method: 'POST',
  path: '/api/outcomes',
  // What sendBeacon sends for a string, from the page's own origin.
  headers: { 'content-type': 'text/plain;charset=UTF-8', origin: target, 'sec-fetch-site': 'same-origin' },
  body: JSON.stringify({ p: m.p }),
  setupRequest: (request) => {
    if (Date.now() >= outcomesUntil) return skip;
    tally.sent++;
    return request;
  },
  onResponse: (status) => {
    if (status === 204) {
      tally.acknowledged++;
      tally.views += m.views;
      tally.outcomes += m.outcomes;
    } else if (status === 429) tally.rateLimited++;
    else if (status === 503) tally.unavailable++;
    else tally.unexpected.set(status, (tally.unexpected.get(status) ?? 0) + 1);
  },
}));
// autocannon writes the next request as soon as a response is complete, and
// when the server then closes the connection (nginx does after 1000 requests
// on one), that request stays in the client's queue on the new connection,
// where it takes the next response as its own. Every answer after that would
// be counted against the request before it. So the queue is emptied whenever
// a connection is replaced: those requests were never answered.
type Queued = { pipelinedRequests: { toArray(): unknown[]; clear(): void }; _connect(): void };
const setupClient = (client: autocannon.Client) => {
  const queued = client as unknown as Queued;
  const connect = queued._connect;
  queued._connect = function (this: Queued) {
    this.pipelinedRequests.clear();
    connect.call(this);
  };
};
const before = instances.map((i) => i.rssMiB());
// One pass first (two through the front, which shares the requests out), so
// the figures are about serving, not first renders.
for (const instance of instances) for (const path of paths) await fetch(`${instance.url}${path}`);

outcomesUntil = Date.now() + seconds * 1000;
const result = await autocannon({
  url: target,
  setupClient,
  connections,
  duration: seconds + drain,
  // Outcome messages last: once they stop, each connection goes back to the top, so the pages keep their mix.
  requests: [...paths.map((path) => ({ method: 'GET' as const, path })), check, ...outcomeRequests],
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
// SIGTERM: each instance writes what it has queued before it exits.
await Promise.all(instances.map((i) => i.stop()));
await redis?.stop();
await fixtures.stop();
const store = storeFromSettings(storeEnv);
const [{ views: storedViews }] = await store.query<{ views: number | null }>('SELECT SUM(views) AS views FROM step_views');
const [{ outcomes: storedOutcomes }] = await store.query<{ outcomes: number }>('SELECT COUNT(*) AS outcomes FROM outcomes');
await store.close();
await postgres?.stop();
if (dataDir) await rm(dataDir, { recursive: true, force: true });
const stored = { views: Number(storedViews ?? 0), outcomes: Number(storedOutcomes) };
const answered = tally.acknowledged + tally.rateLimited + tally.unavailable + [...tally.unexpected.values()].reduce((a, b) => a + b, 0);
const unanswered = tally.sent - answered;
// Every acknowledged message is in the store, and nothing else is: a message
// refused stores nothing. Only a message left unanswered (cut off, or timed
// out) may or may not have been stored, and no more than one row of each kind.
const lost = stored.views < tally.views || stored.outcomes < tally.outcomes;
const extra = stored.views > tally.views + unanswered || stored.outcomes > tally.outcomes + unanswered;

// 429 and 503 come only from the live check's limits (per client, and at
// once), through the front from nginx's own limits on /api/check and
// /api/outcomes, and from a busy outcome store; the outcome messages' own
// answers are counted apart, in `tally`.
const unexpected = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => !/^[23]/.test(code) && code !== '429' && code !== '503');
const setup = front ? `the shipped Nginx front before ${instances.length} instances sharing one redis-server` : 'one instance, nothing in front';
const storeName = postgres ? 'PostgreSQL shared by both' : 'SQLite';
console.log(`# Load: ${seconds} s, ${connections} connections, ${paths.length} URLs, a live check and ${messages.length} outcome messages in rotation, then ${drain} s without outcome messages; ${setup}; outcomes in ${storeName}

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
${redis ? `| redis-server memory in use at the end | ${redisMemory} |\n` : ''}${front ? `| nginx cache on disk at the end | ${cacheSize} |\n` : ''}| outcome messages sent | ${tally.sent} (${unanswered} left unanswered: on a connection the server closed, or at the end) |
| outcome messages acknowledged (204) | ${tally.acknowledged} |
| outcome messages refused: 429 (${front ? 'nginx’s limit on /api/outcomes' : 'rate limit'}) / 503 (store busy or down) | ${tally.rateLimited} / ${tally.unavailable} |
| outcome messages answered otherwise | ${tally.unexpected.size ? [...tally.unexpected].map(([c, n]) => `${c}: ${n}`).join(', ') : 0} |
| views / outcomes the acknowledged messages are worth | ${tally.views} / ${tally.outcomes} |
| views / outcomes stored | ${stored.views} / ${stored.outcomes}${lost ? ' (**fewer than acknowledged**)' : extra ? ' (**more than sent**)' : ''} |
`);
process.exit(result.errors || unexpected.length || tally.unexpected.size || lost || extra ? 1 : 0);
