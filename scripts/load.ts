/**
 * Load script (not a test): 60 s at 100 connections over a mix of step
 * pages, summaries, hand-off messages and the log explainer, against the
 * production build on loopback. Reports errors, unexpected statuses and the
 * server's memory before and after.
 *
 * Usage: npm run build && npm run load [-- seconds connections]
 */
import autocannon from 'autocannon';
import { serve } from './serve';

const [seconds = 60, connections = 100] = process.argv.slice(2).map(Number);

const deep = '/role=owner/reach=everyone/error-page=not-sure/reload=broken/access=ssh/cdn=no/cms=wordpress/server=nginx/server-health=broken/proxy=broken/firewall=broken/dns=broken';
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
  '/steps',
  '/map',
  '/fix/banana/role=owner',
];

const server = await serve();
const before = server.rssMiB();
// One pass first, so the figures are about serving, not first renders.
for (const path of paths) await fetch(`${server.url}${path}`);

const result = await autocannon({
  url: server.url,
  connections,
  duration: seconds,
  requests: paths.map((path) => ({ method: 'GET' as const, path })),
});
const after = server.rssMiB();
await server.stop();

const unexpected = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => !/^[23]/.test(code) && code !== '429');
console.log(`# Load: ${seconds} s, ${connections} connections, ${paths.length} URLs in rotation

| figure | value |
| --- | --- |
| requests | ${result.requests.total} (${result.requests.average.toFixed(0)}/s) |
| latency p50 / p99 | ${result.latency.p50} ms / ${result.latency.p99} ms |
| errors (connection, timeout) | ${result.errors} (${result.timeouts} timeouts) |
| non-2xx/3xx other than 429 | ${unexpected.length ? unexpected.map(([c, s]) => `${c}: ${(s as { count: number }).count}`).join(', ') : 0} |
| status codes | ${Object.entries(result.statusCodeStats ?? {}).map(([c, s]) => `${c}: ${(s as { count: number }).count}`).join(', ')} |
| server memory (RSS) at start / end | ${before.toFixed(0)} MiB / ${after.toFixed(0)} MiB |
`);
process.exit(result.errors || unexpected.length ? 1 : 0);
