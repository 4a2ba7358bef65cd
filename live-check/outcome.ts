import { cdns, errorPageWriters, servers } from './signatures';

/**
 * A live check's outcome as short tokens, carried in wizard links as
 * `check=http-502+cdn-cloudflare+page-nginx`, so the summary and the
 * hand-off message can say what the check saw without carrying the site's
 * address or anything else the person typed.
 */
const failures: Record<string, string> = {
  up: 'the site loaded normally',
  'no-dns': 'the site’s name does not exist in DNS',
  'dns-error': 'the site’s name could not be looked up',
  refused: 'the server refused the connection (nothing listening, or a firewall)',
  unreachable: 'the server could not be reached',
  timeout: 'the site did not answer in time',
  reset: 'the server closed the connection without answering',
  'tls-error': 'the secure (HTTPS) connection failed',
  'cert-invalid': 'the site loaded, but its security certificate is not valid, so browsers show a warning',
  'bad-answer': 'the server’s answer was not valid HTTP',
  'redirect-loop': 'the site redirected too many times',
  'bad-redirect': 'the site redirected to an address that is not a website',
  'refused-address': 'the site redirected to a private network address',
};

export function describeToken(token: string): string | undefined {
  if (Object.hasOwn(failures, token)) return failures[token];
  const status = /^http-([1-5]\d\d)$/.exec(token);
  if (status) return `the site answered with HTTP status ${status[1]}`;
  const [kind, id] = token.split(/-(.*)/s);
  if (kind === 'cdn') {
    const cdn = cdns.find((c) => c.id === id);
    return cdn && `${cdn.name} sits in front of the site`;
  }
  if (kind === 'server') {
    const server = servers.find((s) => s.id === id);
    return server && `the web server is ${server.name}`;
  }
  if (kind === 'page') {
    if (id === 'edge') return 'the error came from the CDN’s own servers';
    const writer = errorPageWriters.find((w) => w.id === id);
    return writer && `the error page is ${writer.name}’s own`;
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
