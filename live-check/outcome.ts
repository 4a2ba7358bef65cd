import { checkOutcome } from '@/evidence/check-outcomes';
import { frontTokenPrefix, fronts, pageWriters, webServers } from '@/evidence/senders';

/**
 * A live check's outcome as short tokens, carried in wizard links as
 * `check=http-502+cdn-cloudflare+page-nginx`, so the summary and the
 * hand-off message can say what the check saw without carrying the site's
 * address or anything else the person typed. The words come from the
 * evidence tables: outcomes from check-outcomes.ts, senders from senders.ts.
 */
export function describeToken(token: string): string | undefined {
  const outcome = checkOutcome(token);
  if (outcome) return outcome.meaning;
  const status = /^http-([1-5]\d\d)$/.exec(token);
  if (status) return `the site answered with HTTP status ${status[1]}`;
  const [kind, id] = token.split(/-(.*)/s);
  const front = fronts.find((f) => frontTokenPrefix[f.kind] === kind && f.id === id);
  if (front) {
    if (front.kind === 'cdn') return `${front.name} sits in front of the site`;
    if (front.kind === 'load-balancer') return `a load balancer (${front.name}) sits in front of the site`;
    return `a cache (${front.name}) sits in front of the web server`;
  }
  if (kind === 'server') {
    const server = webServers.find((s) => s.id === id);
    return server && `the web server is ${server.name}`;
  }
  if (kind === 'page') {
    // Older links: a CDN's page nobody could place.
    if (id === 'edge') return 'the error came from the CDN’s own servers';
    const writer = pageWriters.find((w) => w.id === id);
    return writer && `the error page is ${writer.page}`;
  }
  return undefined;
}

/** One sentence for the summary and the hand-off; tokens nobody knows are left out. */
export function describeCheck(tokens: readonly string[]): string | undefined {
  const parts = tokens.flatMap((t) => describeToken(t) ?? []);
  if (!parts.length) return undefined;
  const sentence = parts.join('; ');
  return `${sentence[0].toUpperCase()}${sentence.slice(1)}.`;
}
