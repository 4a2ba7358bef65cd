import type { ErrorPage } from './error-pages';

/**
 * Who sent an answer, as the answer itself gives it away: a service in
 * front of the site (from its headers), the web server (its Server header),
 * and who wrote an error page (from the page's own words). The live check
 * reads these tables (live-check/signatures.ts holds the detection), and
 * its links carry the ids as `cdn-…`, `lb-…`, `cache-…`, `server-…` and
 * `page-…`, which the summary and the hand-off turn back into names here.
 * Order matters: the first row that matches wins.
 */

/** A header that gives a sender away: present at all, or matching. */
export interface HeaderClue {
  header: string;
  pattern?: RegExp;
}

export type FrontKind = 'cdn' | 'load-balancer' | 'cache';

export interface Front {
  id: string;
  name: string;
  /** A CDN answers the wizard's “CDN in front?” question; a load balancer or a cache on the server does not. */
  kind: FrontKind;
  clues: readonly HeaderClue[];
}

/** The token prefix each kind travels under in `check=` links. */
export const frontTokenPrefix: Record<FrontKind, string> = { cdn: 'cdn', 'load-balancer': 'lb', cache: 'cache' };

export const fronts: readonly Front[] = [
  { id: 'cloudflare', name: 'Cloudflare', kind: 'cdn', clues: [{ header: 'cf-ray' }, { header: 'server', pattern: /^cloudflare/i }] },
  { id: 'fastly', name: 'Fastly', kind: 'cdn', clues: [{ header: 'x-fastly-request-id' }, { header: 'x-served-by', pattern: /^cache-/i }] },
  { id: 'cloudfront', name: 'Amazon CloudFront', kind: 'cdn', clues: [{ header: 'x-amz-cf-id' }, { header: 'via', pattern: /cloudfront/i }] },
  { id: 'akamai', name: 'Akamai', kind: 'cdn', clues: [{ header: 'server', pattern: /akamai/i }, { header: 'akamai-grn' }] },
  { id: 'sucuri', name: 'Sucuri', kind: 'cdn', clues: [{ header: 'x-sucuri-id' }, { header: 'server', pattern: /sucuri/i }] },
  { id: 'bunny', name: 'Bunny CDN', kind: 'cdn', clues: [{ header: 'server', pattern: /bunnycdn/i }, { header: 'cdn-pullzone' }] },
  { id: 'azure', name: 'Azure Front Door', kind: 'cdn', clues: [{ header: 'x-azure-ref' }] },
  { id: 'vercel', name: 'Vercel', kind: 'cdn', clues: [{ header: 'x-vercel-id' }] },
  { id: 'netlify', name: 'Netlify', kind: 'cdn', clues: [{ header: 'x-nf-request-id' }] },
  // An Application Load Balancer names itself in the Server header of the answers it writes itself (its error pages).
  { id: 'aws-alb', name: 'AWS Application Load Balancer', kind: 'load-balancer', clues: [{ header: 'server', pattern: /^awselb\//i }] },
  // After Fastly, which runs Varnish and says so in Via too.
  { id: 'varnish', name: 'Varnish', kind: 'cache', clues: [{ header: 'x-varnish' }, { header: 'via', pattern: /varnish/i }] },
];

export interface WebServer {
  id: string;
  name: string;
  pattern: RegExp;
}

/** Web servers the Server header names; the wizard's “which web server?” question knows the first and the third. */
export const webServers: readonly WebServer[] = [
  { id: 'nginx', name: 'Nginx', pattern: /^nginx/i },
  { id: 'openresty', name: 'OpenResty (built on Nginx)', pattern: /^openresty/i },
  { id: 'apache', name: 'Apache', pattern: /^apache/i },
  { id: 'litespeed', name: 'LiteSpeed', pattern: /litespeed/i },
  { id: 'iis', name: 'Microsoft IIS', pattern: /^microsoft-iis/i },
  { id: 'caddy', name: 'Caddy', pattern: /^caddy/i },
];

export interface PageWriter {
  id: string;
  /** Who wrote the page. */
  name: string;
  /** The page, after “the error page is”, for the summary and the hand-off. */
  page: string;
  pattern: RegExp;
  /** The error-page answer this page always is; Cloudflare's branded page depends on its status, so has none. */
  errorPage?: ErrorPage;
}

/** Who wrote an error page, read from its HTML (the first 64 KiB). */
export const pageWriters: readonly PageWriter[] = [
  // Error 1033, sent with status 530: the site goes through a Cloudflare Tunnel and
  // Cloudflare cannot reach it. Before the branded page, which it also is.
  {
    id: 'cloudflare-tunnel',
    name: 'Cloudflare',
    page: 'Cloudflare’s “Cloudflare Tunnel error” page (1033): Cloudflare could not reach the tunnel to the server',
    pattern: /Cloudflare Tunnel error|Argo Tunnel error|configured as an? (?:Cloudflare|Argo) Tunnel/i,
  },
  {
    id: 'cloudflare',
    name: 'Cloudflare',
    page: 'Cloudflare’s branded error page',
    pattern: /cf-error-details|cf-wrapper|Cloudflare Ray ID|cloudflare\.com\/5xx-error-landing/i,
  },
  // Cloudflare's own failures come as a bare page with only its name under the
  // heading, in the same shape as Nginx's (older ones said “cloudflare-nginx”).
  {
    id: 'cloudflare-plain',
    name: 'Cloudflare',
    page: 'Cloudflare’s own plain page, without its branding: Cloudflare itself failed',
    pattern: /<center>\s*cloudflare(?:-nginx)?\s*<\/center>/i,
    errorPage: 'cloudflare-plain',
  },
  {
    id: 'aws-alb',
    name: 'AWS Application Load Balancer',
    page: 'the AWS load balancer’s own',
    pattern: /<center>\s*awselb\/[\d.]+\s*<\/center>/i,
  },
  // Varnish's built-in error page: “Error 503 Backend fetch failed”, “Guru
  // Meditation:”, “Varnish cache server”. Fastly's says “Guru Mediation”.
  {
    id: 'varnish',
    name: 'Varnish',
    page: 'the Varnish cache’s own',
    pattern: /Backend fetch failed|Guru Medi(?:t)?ation|Varnish cache server/i,
  },
  { id: 'nginx', name: 'Nginx', page: 'Nginx’s own', pattern: /<center>\s*(?:nginx|openresty)\b/i, errorPage: 'nginx' },
  { id: 'apache', name: 'Apache', page: 'Apache’s own', pattern: /<address>\s*Apache|<title>\s*\d{3} Proxy Error\s*<\/title>/i, errorPage: 'apache' },
  // “Proudly powered by LiteSpeed Web Server”, with a link to its error-page notice.
  {
    id: 'litespeed',
    name: 'LiteSpeed',
    page: 'LiteSpeed’s own',
    pattern: /Proudly (?:powered|served) by\s+LiteSpeed Web Server|litespeedtech\.com\/error-page/i,
  },
];
