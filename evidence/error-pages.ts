import { reachedTheServer, type Pointer } from './pointer';

/**
 * The error pages a person can pick from pictures, what each proves, and
 * the fixes it points to. The machine reads the pointers; the live check
 * suggests the page it recognised; the question's wording lives in
 * content/steps/error-page.mdx.
 */
export interface ErrorPageEvidence extends Pointer {
  /** What seeing this page tells us, in one sentence for the summary and the hand-off. */
  meaning: string;
  /** Facts the page gives away, so their questions are skipped. */
  derive?: { cdn?: 'yes'; server?: 'nginx' | 'apache' };
}

/** What sits behind the web server answered badly: look there first. */
const behindTheWebServer = ['proxy', 'restart', 'logs', 'php-workers', 'app-server', 'hops'] as const;

export const errorPages = {
  'cloudflare-502': {
    meaning: 'Cloudflare’s branded “Bad gateway” page: Cloudflare reached the server, and the server answered with a 502 of its own.',
    derive: { cdn: 'yes' },
    fixes: behindTheWebServer,
    rulesOut: reachedTheServer,
  },
  'cloudflare-plain': {
    meaning: 'Cloudflare’s own plain page, without its branding: Cloudflare itself failed, not the server.',
    derive: { cdn: 'yes' },
    fixes: ['cloudflare-status', 'logs', 'hops'],
    rulesOut: ['firewall', 'bans', 'dns'],
  },
  'cloudflare-52x': {
    meaning: 'A Cloudflare page with an error number from 520 to 530: the number says which part failed.',
    derive: { cdn: 'yes' },
    fixes: [],
  },
  nginx: {
    meaning: 'Nginx’s own plain 502 page: the web server answered, and what runs behind it (PHP-FPM or an app) did not.',
    derive: { server: 'nginx' },
    fixes: behindTheWebServer,
    rulesOut: reachedTheServer,
  },
  apache: {
    meaning: 'Apache’s “Proxy Error” page: the web server answered, and the app behind it failed or was too slow.',
    derive: { server: 'apache' },
    fixes: behindTheWebServer,
    rulesOut: reachedTheServer,
  },
  host: {
    meaning: 'An error page from the hosting company: their servers answered, often because the account hit a limit.',
    fixes: ['logs', 'server-health', 'php-workers', 'contact-host'],
    rulesOut: ['firewall', 'dns', 'cloudflare-status'],
  },
  browser: {
    meaning: 'The browser’s own error page: no page came back from the site at all.',
    // Behind Cloudflare, a browser's "too many redirects" page is usually its SSL/TLS mode.
    fixes: ['dns', 'cloudflare-ssl', 'firewall', 'restart', 'server-health'],
    blockedPath: true,
  },
  'not-sure': {
    meaning: 'No page the person recognised.',
    fixes: [],
  },
} as const satisfies Record<string, ErrorPageEvidence>;

export type ErrorPage = keyof typeof errorPages;
export const errorPageIds = Object.keys(errorPages) as ErrorPage[];
