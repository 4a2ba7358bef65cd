import { site } from './site';

/**
 * Which address (scheme, host and port) the links people share start with.
 *
 * `siteUrl` (from `SITE_URL`) always wins. Without it, a page rendered per
 * request may use the host the request came to, but only when that host is
 * listed in `ALLOWED_HOSTS`: the origin is then built from the listed entry,
 * never from the header's own text, so `Host: evil.example` changes no link.
 * Otherwise there is no origin, and the pages show path-only links that the
 * browser completes from the address it is really at. Never localhost.
 */

export interface AllowedHost {
  /** `host` or `host:port`, lower-case, as `URL#host` spells it. */
  host: string;
  /** Given when the entry was written with one, e.g. `https://help.example.com`. */
  scheme?: 'http' | 'https';
}

/**
 * Reads `ALLOWED_HOSTS`: host names, with ports or schemes if wanted,
 * separated by commas or spaces. Entries that are not host names are left
 * out here and named by `checkOriginSettings` at start.
 */
export function parseAllowedHosts(value: string | undefined): { hosts: AllowedHost[]; invalid: string[] } {
  const hosts: AllowedHost[] = [];
  const invalid: string[] = [];
  for (const entry of (value ?? '').split(/[\s,]+/).filter(Boolean)) {
    const withScheme = /^https?:\/\//i.test(entry);
    const url = asUrl(withScheme ? entry : `http://${entry}`);
    if (!url || url.username || url.password || url.pathname !== '/' || url.search || url.hash || entry.endsWith('/')) {
      invalid.push(entry);
      continue;
    }
    hosts.push({ host: url.host, scheme: withScheme ? (url.protocol.slice(0, -1) as 'http' | 'https') : undefined });
  }
  return { hosts, invalid };
}

/** Only what may appear in a Host header: letters, digits, dots, dashes, brackets and a port. */
const hostHeader = /^[a-z0-9.\-[\]:]{1,255}$/i;

/**
 * The origin for one request's links, or undefined when it cannot be known.
 * `X-Forwarded-Host` (its first entry), then `Host`: the first that is
 * listed. The scheme is the entry's own, else `X-Forwarded-Proto`'s when it
 * says http or https, else http (what the app itself serves).
 */
export function chooseOrigin({ siteUrl, allowed, headers }: { siteUrl?: string; allowed: AllowedHost[]; headers?: Headers }): string | undefined {
  if (siteUrl) return siteUrl;
  if (!headers || allowed.length === 0) return undefined;
  const candidates = [headers.get('x-forwarded-host')?.split(',')[0], headers.get('host')];
  for (const candidate of candidates) {
    const value = candidate?.trim();
    if (!value || !hostHeader.test(value)) continue;
    const host = asUrl(`http://${value}`)?.host;
    const entry = allowed.find((a) => a.host === host);
    if (!entry) continue;
    const forwarded = headers.get('x-forwarded-proto')?.split(',')[0].trim().toLowerCase();
    const scheme = entry.scheme ?? (forwarded === 'https' || forwarded === 'http' ? forwarded : 'http');
    return `${scheme}://${entry.host}`;
  }
  return undefined;
}

/** The origin for pages built once (steps, summaries, the library): the site's address, or none. */
export function staticOrigin(): string | undefined {
  return site.siteUrl;
}

/** The origin for a page rendered per request, from its request headers. */
export function requestOrigin(headers: Headers): string | undefined {
  checkOriginSettings();
  return chooseOrigin({ siteUrl: site.siteUrl, allowed: parseAllowedHosts(process.env.ALLOWED_HOSTS).hosts, headers });
}

/**
 * What is wrong with the origin settings of a production server, as one log
 * line each, or nothing. In `next dev` nothing is: links on localhost are right there.
 */
export function originSettingProblems({ siteUrl, env }: { siteUrl?: string; env: NodeJS.ProcessEnv }): string[] {
  if (env.NODE_ENV !== 'production' || env.NEXT_PHASE === 'phase-production-build') return [];
  const { hosts, invalid } = parseAllowedHosts(env.ALLOWED_HOSTS);
  const problems = invalid.length
    ? [`ALLOWED_HOSTS: ignoring ${invalid.map((e) => `“${e}”`).join(', ')}: not a host name (e.g. help.example.com or help.example.com:8443).`]
    : [];
  if (!siteUrl && hosts.length === 0) {
    problems.push(
      'SITE_URL and ALLOWED_HOSTS are both unset, so shared links and hand-off messages cannot name this site’s address (they show paths the browser completes). Set SITE_URL to the public address, e.g. https://help.example.com, or ALLOWED_HOSTS to the host names people use.',
    );
  }
  return problems;
}

/**
 * Logs the origin settings' problems once per process. Call it when the
 * server starts (instrumentation.ts); per-request pages call it too, so it
 * is said at the latest on the first such request.
 */
export function checkOriginSettings(log: (line: string) => void = console.warn): void {
  // Once per process, not per module copy: instrumentation.ts and the pages are bundled apart.
  const said = Symbol.for('502-troubleshooter.origin-settings-checked');
  const store = globalThis as unknown as Record<symbol, boolean | undefined>;
  if (store[said]) return;
  store[said] = true;
  for (const line of originSettingProblems({ siteUrl: site.siteUrl, env: process.env })) log(line);
}

function asUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
