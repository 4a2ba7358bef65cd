import type { CheckSettings } from './settings';

export const maxInputLength = 2000;

export type ParsedTarget = { ok: true; url: URL } | { ok: false; problem: string };

/**
 * Reads the address a person typed. A bare domain is fine (https is
 * assumed); anything that is not a public web address gets a message saying
 * what is wrong. Odd spellings of IP addresses (2130706433, 0x7f.1, 127.1)
 * are turned into the plain form here by the URL parser, so the address
 * check that follows sees what a connection would really reach.
 */
export function parseTarget(input: unknown, settings: Pick<CheckSettings, 'ports'>): ParsedTarget {
  const raw = typeof input === 'string' ? input.trim() : '';
  if (!raw) return { ok: false, problem: 'Type your site’s address first, for example example.com.' };
  if (raw.length > maxInputLength)
    return {
      ok: false,
      problem: `That is longer than any web address we check (${maxInputLength} characters). Paste just the address of the page that fails.`,
    };
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(raw))
    return { ok: false, problem: 'A web address has no spaces or line breaks in it. Check what you typed, for example example.com/shop.' };

  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1]?.toLowerCase();
  const looksLikeHostPort = scheme !== undefined && /^[a-z0-9.-]+:\d+(?:[/?#]|$)/i.test(raw);
  if (scheme && !looksLikeHostPort && scheme !== 'http' && scheme !== 'https') {
    return { ok: false, problem: `We can only check web addresses (http:// or https://), not “${scheme}:” ones.` };
  }

  let url: URL;
  try {
    url = new URL(scheme && !looksLikeHostPort ? raw : `https://${raw.replace(/^\/\//, '')}`);
  } catch {
    return { ok: false, problem: `“${shorten(raw)}” is not a web address we can read. It should look like example.com or https://example.com/shop.` };
  }
  if (url.username || url.password) {
    return { ok: false, problem: 'Leave out any user name or password (the part before @). We only check what anyone on the internet would see.' };
  }
  const host = url.hostname;
  if (!host) return { ok: false, problem: 'The address has no site name in it. It should look like example.com.' };
  if (!host.startsWith('[') && !/^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.?$/.test(host)) {
    return { ok: false, problem: `“${shorten(host)}” is not a site name we can look up. Check for typing mistakes.` };
  }
  if (!host.startsWith('[') && !host.includes('.') && host !== 'localhost') {
    return { ok: false, problem: `“${host}” is missing its ending, like .com or .org. Type the whole address, for example ${host}.com.` };
  }
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  if (!settings.ports(port)) {
    return { ok: false, problem: `We only check websites on the usual ports (80 and 443), not port ${port}.` };
  }
  url.hash = '';
  return { ok: true, url };
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
