import { reachedTheServer, type Pointer } from './pointer';

/**
 * What a live check of the site can end with, beyond a status code and the
 * answers it suggests: the meaning the summary and hand-off show, and the
 * fixes it points to. Carried in links as `check=<token>+…`.
 */
export interface CheckOutcome extends Pointer {
  meaning: string;
  /** The check saw the site fail: it was itself the reload the quick fix asks for. */
  failed?: true;
}

export const checkOutcomes = {
  up: { meaning: 'the site loaded normally', fixes: [] },
  'no-dns': { failed: true, meaning: 'the site’s name does not exist in DNS', fixes: ['dns'], rulesOut: ['firewall', 'bans'] },
  'dns-error': { meaning: 'the site’s name could not be looked up', fixes: [] },
  refused: {
    failed: true,
    meaning: 'the server refused the connection (nothing listening, or a firewall)',
    fixes: ['restart', 'firewall', 'dns'],
    blockedPath: true,
  },
  unreachable: { failed: true, meaning: 'the server could not be reached', fixes: ['dns', 'firewall', 'server-health'], blockedPath: true },
  timeout: { failed: true, meaning: 'the server did not accept a connection in time', fixes: ['dns', 'server-health', 'firewall'], blockedPath: true },
  slow: {
    failed: true,
    meaning: 'the server accepted the connection but had not answered after 8 seconds: a page that slow ends in a timeout',
    fixes: ['php-workers', 'php-limits', 'server-health', 'plugins'],
    rulesOut: reachedTheServer,
  },
  reset: { failed: true, meaning: 'the server closed the connection without answering', fixes: ['restart', 'logs'], rulesOut: ['dns'] },
  'tls-error': { failed: true, meaning: 'the secure (HTTPS) connection failed', fixes: ['cloudflare-ssl', 'contact-host'] },
  'cert-invalid': { meaning: 'the site loaded, but its security certificate is not valid, so browsers show a warning', fixes: ['contact-host'] },
  'bad-answer': { failed: true, meaning: 'the server’s answer was not valid HTTP', fixes: ['proxy', 'restart'], rulesOut: ['dns'] },
  'redirect-loop': { failed: true, meaning: 'the site redirected too many times', fixes: ['cloudflare-ssl'], rulesOut: reachedTheServer },
  'bad-redirect': { meaning: 'the site redirected to an address that is not a website', fixes: [] },
  'refused-address': { meaning: 'the site redirected to a private network address', fixes: [] },
  // Who wrote the error page, where it says more than the status does.
  'page-cloudflare-tunnel': {
    meaning: 'Cloudflare could not reach the site through its tunnel (cloudflared)',
    fixes: ['app-server', 'hops', 'dns'],
    rulesOut: ['firewall', 'bans'],
  },
  'lb-aws-alb': {
    meaning: 'an AWS load balancer sits in front of the site',
    fixes: ['app-server', 'hops', 'server-health'],
    rulesOut: ['dns', 'cloudflare-status'],
  },
  'page-aws-alb': {
    meaning: 'the error page is the AWS load balancer’s own: the servers behind it failed its request',
    fixes: ['app-server', 'hops', 'server-health'],
    rulesOut: ['dns', 'cloudflare-status'],
  },
  'cache-varnish': { meaning: 'a Varnish cache sits in front of the web server', fixes: ['hops', 'restart', 'proxy'] },
  'page-varnish': {
    meaning: 'the error page is Varnish’s own: the web server behind it did not answer it',
    fixes: ['hops', 'restart', 'proxy'],
    rulesOut: reachedTheServer,
  },
  'page-litespeed': {
    meaning: 'the error page is LiteSpeed’s own: the PHP behind it was unavailable',
    fixes: ['php-workers', 'php-limits', 'logs'],
    rulesOut: reachedTheServer,
  },
} as const satisfies Record<string, CheckOutcome>;

export type CheckOutcomeToken = keyof typeof checkOutcomes;

export function checkOutcome(token: string): CheckOutcome | undefined {
  return Object.hasOwn(checkOutcomes, token) ? checkOutcomes[token as CheckOutcomeToken] : undefined;
}

/** The live check saw the site fail just now: an error status or an outcome that means it is down. */
export function checkSawItFail(tokens: readonly string[]): boolean {
  return tokens.some((t) => /^http-5\d\d$/.test(t) || checkOutcome(t)?.failed);
}
