/**
 * How a response gives away what sent it: the CDN in front (from headers),
 * the web server (its Server header), and who wrote an error page (from
 * the page itself). Each is a table, so adding one is adding a row.
 */

type Headers = Record<string, string>;

export interface Cdn {
  id: string;
  name: string;
  /** Which header told us, for the report's detail. */
  clue: (h: Headers) => string | undefined;
}

const has = (h: Headers, name: string) => (name in h ? `the ${name} header` : undefined);
const matches = (h: Headers, name: string, pattern: RegExp) => (pattern.test(h[name] ?? '') ? `${name}: ${h[name]}` : undefined);

export const cdns: Cdn[] = [
  { id: 'cloudflare', name: 'Cloudflare', clue: (h) => has(h, 'cf-ray') ?? matches(h, 'server', /^cloudflare/i) },
  { id: 'fastly', name: 'Fastly', clue: (h) => has(h, 'x-fastly-request-id') ?? matches(h, 'x-served-by', /^cache-/i) },
  { id: 'cloudfront', name: 'Amazon CloudFront', clue: (h) => has(h, 'x-amz-cf-id') ?? matches(h, 'via', /cloudfront/i) },
  { id: 'akamai', name: 'Akamai', clue: (h) => matches(h, 'server', /akamai/i) ?? has(h, 'akamai-grn') },
  { id: 'sucuri', name: 'Sucuri', clue: (h) => has(h, 'x-sucuri-id') ?? matches(h, 'server', /sucuri/i) },
  { id: 'bunny', name: 'Bunny CDN', clue: (h) => matches(h, 'server', /bunnycdn/i) ?? has(h, 'cdn-pullzone') },
  { id: 'azure', name: 'Azure Front Door', clue: (h) => has(h, 'x-azure-ref') },
  { id: 'vercel', name: 'Vercel', clue: (h) => has(h, 'x-vercel-id') },
  { id: 'netlify', name: 'Netlify', clue: (h) => has(h, 'x-nf-request-id') },
];

export function detectCdn(headers: Headers = {}): { cdn: Cdn; clue: string } | undefined {
  for (const cdn of cdns) {
    const clue = cdn.clue(headers);
    if (clue) return { cdn, clue };
  }
  return undefined;
}

/** Web servers the Server header names; the wizard asks about the first two. */
export const servers = [
  { id: 'nginx', name: 'Nginx', pattern: /^nginx/i },
  { id: 'openresty', name: 'OpenResty (built on Nginx)', pattern: /^openresty/i },
  { id: 'apache', name: 'Apache', pattern: /^apache/i },
  { id: 'litespeed', name: 'LiteSpeed', pattern: /litespeed/i },
  { id: 'iis', name: 'Microsoft IIS', pattern: /^microsoft-iis/i },
  { id: 'caddy', name: 'Caddy', pattern: /^caddy/i },
] as const;

export function detectServer(headers: Headers = {}) {
  return servers.find((s) => s.pattern.test(headers.server ?? ''));
}

/** Who wrote an error page, read from its HTML. */
export const errorPageWriters = [
  { id: 'cloudflare', name: 'Cloudflare', pattern: /cf-error-details|cf-wrapper|Cloudflare Ray ID|cloudflare\.com\/5xx-error-landing/i },
  { id: 'nginx', name: 'Nginx', pattern: /<center>\s*(?:nginx|openresty)\b/i },
  { id: 'apache', name: 'Apache', pattern: /<address>\s*Apache|<title>\s*\d{3} Proxy Error\s*<\/title>/i },
  { id: 'litespeed', name: 'LiteSpeed', pattern: /LiteSpeed Web Server/i },
] as const;

export function detectErrorPage(body = '') {
  return errorPageWriters.find((w) => w.pattern.test(body));
}
