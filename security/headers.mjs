// Security headers for every response, shared by next.config.js (static
// pages) and proxy.ts (pages that show what a person typed). Plain
// JavaScript so that next.config.js can import it.

const dev = process.env.NODE_ENV === 'development';

/**
 * Origins allowed to frame the wizard (a team's help centre), from
 * EMBED_ORIGINS, separated by spaces. Anything that is not a bare http(s)
 * origin stops the server with a clear message.
 * @returns {string[]}
 */
export function embedOrigins() {
  const list = (process.env.EMBED_ORIGINS ?? '').split(/\s+/).filter(Boolean);
  for (const origin of list) {
    if (!/^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin)) {
      throw new Error(`EMBED_ORIGINS: “${origin}” is not an origin like https://help.example.com`);
    }
  }
  return list;
}

/**
 * The Content-Security-Policy. With a nonce: a strict script policy, for
 * pages rendered per request. Without: inline scripts are allowed, because
 * Next.js 16 cannot yet put hashes on the inline scripts of prerendered pages
 * (vercel/next.js issue 95354, pull request 95696), and a nonce would make
 * every step page render per request. Those pages show only our own content.
 * @param {string} [nonce]
 */
export function contentSecurityPolicy(nonce) {
  const frames = embedOrigins();
  const script = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}` : `'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`;
  return [
    "default-src 'self'",
    `script-src ${script}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frames.length ? `'self' ${frames.join(' ')}` : "'none'"}`,
  ].join('; ');
}

/**
 * Every header but the CSP. X-Frame-Options only when nobody may frame us:
 * it cannot list origins, and frame-ancestors does that job.
 * @returns {{ key: string, value: string }[]}
 */
export function baseHeaders() {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    ...(embedOrigins().length ? [] : [{ key: 'X-Frame-Options', value: 'DENY' }]),
  ];
}

/** HSTS, sent only when the request came over HTTPS (directly or via a proxy). */
export const hsts = { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' };

/** Pages rendered per request (what a person typed or pasted, and the team's insights): strict, per-request policy. */
export const strictRoutes = ['/message', '/explain', '/check', '/steps/link', '/repaired', '/insights'];

/** The most a server action may be sent (a pasted log), in megabytes: next.config.js and proxy.ts both read it. */
export const actionBodyLimitMb = 2;
