/**
 * Load script (not a test): 60 s at 100 connections over a mix of step
 * pages, summaries, hand-off messages, the log explainer and live checks
 * (of a site on loopback, with the production limits, so most are turned
 * away with 429), against the production build on loopback. Reports
 * errors, unexpected statuses and the server's memory before and after.
 *
 * Usage: npm run build && npm run load [-- seconds connections]
 */
import autocannon from 'autocannon';
import { loopbackAllowed, startCheckFixtures } from '@/tests/support/check-fixtures';
import { serve } from './serve';

const [seconds = 60, connections = 100] = process.argv.slice(2).map(Number);

const deep =
  '/role=owner/reach=everyone/error-page=not-sure/reload=broken/access=ssh/cdn=no/cms=wordpress/server=nginx/server-health=broken/proxy=broken/firewall=broken/dns=broken';
const paths = [
  '/',
  '/fix',
  `/fix${deep}`,
  `/fix${deep}/plugins=broken`,
  `/fix${deep}/plugins=fixed`,
  '/fix/role=owner/reach=only-me/error-page=browser/reload=broken/clear-cache=broken',
  '/fix/start=restart/role=owner/server=apache',
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
const server = await serve({ env: loopbackAllowed });
const check = {
  method: 'POST' as const,
  path: '/api/check',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ url: `${fixtures.url}/healthy` }),
};
const before = server.rssMiB();
// One pass first, so the figures are about serving, not first renders.
for (const path of paths) await fetch(`${server.url}${path}`);

const result = await autocannon({
  url: server.url,
  connections,
  duration: seconds,
  requests: [...paths.map((path) => ({ method: 'GET' as const, path })), check],
});
const after = server.rssMiB();
await server.stop();
await fixtures.stop();

// 429 and 503 come only from the live check's limits (per client, and at once).
const unexpected = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => !/^[23]/.test(code) && code !== '429' && code !== '503');
console.log(`# Load: ${seconds} s, ${connections} connections, ${paths.length} URLs and a live check in rotation

| figure | value |
| --- | --- |
| requests | ${result.requests.total} (${result.requests.average.toFixed(0)}/s) |
| latency p50 / p99 | ${result.latency.p50} ms / ${result.latency.p99} ms |
| errors (connection, timeout) | ${result.errors} (${result.timeouts} timeouts) |
| non-2xx/3xx other than the live check's 429 and 503 | ${unexpected.length ? unexpected.map(([c, s]) => `${c}: ${(s as { count: number }).count}`).join(', ') : 0} |
| status codes | ${Object.entries(result.statusCodeStats ?? {})
  .map(([c, s]) => `${c}: ${(s as { count: number }).count}`)
  .join(', ')} |
| server memory (RSS) at start / end | ${before.toFixed(0)} MiB / ${after.toFixed(0)} MiB |
`);
process.exit(result.errors || unexpected.length ? 1 : 0);
