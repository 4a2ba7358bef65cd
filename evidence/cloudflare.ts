import { reachedTheServer, type Pointer } from './pointer';

/**
 * Cloudflare's own error numbers, as its documentation describes them
 * (developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/).
 * The error-page question, the live check and the log explainer all read
 * this table, so a code means the same thing and leads to the same fix
 * wherever it is seen.
 */
export interface CloudflareCode extends Pointer {
  /** The heading Cloudflare's page shows. */
  name: string;
  /** What it says about the person's server, in a clause that follows "Cloudflare says". */
  says: string;
}

export const cloudflareCodes = {
  520: {
    name: 'Web server is returning an unknown error',
    says: 'your server sent back an answer it could not use: empty, cut short or malformed, often because the app crashed mid-page',
    fixes: ['logs', 'restart', 'php-limits', 'php-workers'],
    rulesOut: reachedTheServer,
  },
  521: {
    name: 'Web server is down',
    says: 'your server refused the connection: the web server is not running, or a firewall turns Cloudflare away',
    fixes: ['restart', 'server-health', 'firewall', 'dns'],
    blockedPath: true,
  },
  522: {
    name: 'Connection timed out',
    says: 'your server did not answer its connection in time: the server is overloaded or offline, or a firewall drops Cloudflare silently',
    fixes: ['server-health', 'php-workers', 'firewall', 'restart', 'dns'],
    blockedPath: true,
  },
  523: {
    name: 'Origin is unreachable',
    says: 'it found no route to your server: the address in your Cloudflare DNS records is probably wrong or out of date',
    fixes: ['dns'],
    rulesOut: ['firewall', 'bans', 'php-workers', 'php-limits'],
  },
  524: {
    name: 'A timeout occurred',
    says: 'your server accepted the connection but took more than 100 seconds to answer: a page is too slow',
    fixes: ['php-limits', 'php-workers', 'plugins', 'logs'],
    rulesOut: reachedTheServer,
  },
  525: {
    name: 'SSL handshake failed',
    says: 'the secure connection between Cloudflare and your server could not be set up: the SSL/TLS mode does not fit your server',
    fixes: ['cloudflare-ssl'],
    rulesOut: reachedTheServer,
  },
  526: {
    name: 'Invalid SSL certificate',
    says: 'your server’s certificate is not valid for Cloudflare’s “Full (strict)” mode: expired, self-signed or for another name',
    fixes: ['cloudflare-ssl'],
    rulesOut: reachedTheServer,
  },
  530: {
    name: 'Origin DNS error',
    says: 'it could not find your server; a second number on the page (1016 is the usual one) says the DNS record it relies on leads nowhere',
    fixes: ['dns'],
    rulesOut: ['firewall', 'bans'],
  },
} as const satisfies Record<number, CloudflareCode>;

export type CloudflareCodeNumber = keyof typeof cloudflareCodes;
export const cloudflareCodeNumbers = Object.keys(cloudflareCodes).map(Number) as CloudflareCodeNumber[];

export function cloudflareCode(status: number | string): CloudflareCode | undefined {
  const n = Number(status);
  return Object.hasOwn(cloudflareCodes, n) ? cloudflareCodes[n as CloudflareCodeNumber] : undefined;
}
