import { NextResponse, type NextRequest } from 'next/server';
import { actionBodyLimitMb, baseHeaders, contentSecurityPolicy, hsts, strictRoutes } from '@/security/headers.mjs';
import { judgeLink } from '@/security/canonical-links';

/**
 * A link cut in the middle of a percent-escape (`%E0%A4%A`) cannot be decoded,
 * and Next.js answers such a path with a bare 500 (a rewrite does not help:
 * it still decodes the original). Redirect to the path with the stray `%`
 * escaped, so the page can show that segment and say it was not understood.
 */
function repairEscapes(pathname: string): string | null {
  let repaired = false;
  const segments = pathname.split('/').map((segment) => {
    try {
      decodeURIComponent(segment);
      return segment;
    } catch {
      repaired = true;
      return segment.replace(/%(?![0-9a-f]{2})/gi, '%25').replace(/%([89a-f][0-9a-f])/gi, '%25$1');
    }
  });
  return repaired ? segments.join('/') : null;
}

/**
 * A post declaring a body over the server actions' limit (`bodySizeLimit`,
 * `actionBodyLimitMb`) gets 413, not the 500 Next.js answers when the body
 * passes its limit. Next.js reads a body sent through the proxy to its end
 * before it answers, keeping at most `proxyClientMaxBodySize` (the same
 * limit), so the proxy runs only for the pages in its matcher and for
 * server-action posts, not for other bodies.
 */
const maxActionBytes = actionBodyLimitMb * 1024 * 1024;
function refuseOversized(request: NextRequest): Response | null {
  if (!(Number(request.headers.get('content-length')) > maxActionBytes)) return null;
  return new Response(`That is too much to send at once: the limit is ${actionBodyLimitMb} MB. Paste a shorter part of the log.\n`, {
    status: 413,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' },
  });
}

export function proxy(request: NextRequest) {
  const oversized = refuseOversized(request);
  if (oversized) return oversized;
  const repaired = repairEscapes(request.nextUrl.pathname);
  if (repaired !== null) {
    const url = request.nextUrl.clone();
    url.pathname = repaired;
    return NextResponse.redirect(url, 308);
  }
  const link = judgeLink(request.nextUrl.pathname, request.nextUrl.searchParams);
  if (link.kind === 'redirect') return NextResponse.redirect(new URL(link.location, request.nextUrl), 308);
  if (link.kind === 'repaired') {
    const url = request.nextUrl.clone();
    url.pathname = link.rewrite;
    return strict(request, url);
  }
  if (!strictRoutes.some((route) => request.nextUrl.pathname.startsWith(route))) return NextResponse.next();
  return strict(request);
}

/**
 * Pages that show what a person typed or pasted get a strict script policy
 * with a fresh nonce on every request; Next.js reads the nonce from the
 * request's policy header and puts it on its own scripts.
 */
function strict(request: NextRequest, rewrite?: URL) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce);

  const forwarded = new Headers(request.headers);
  forwarded.set('Content-Security-Policy', policy);
  const response = rewrite ? NextResponse.rewrite(rewrite, { request: { headers: forwarded } }) : NextResponse.next({ request: { headers: forwarded } });

  response.headers.set('Content-Security-Policy', policy);
  for (const { key, value } of baseHeaders()) response.headers.set(key, value);
  if (request.headers.get('x-forwarded-proto') === 'https' || request.nextUrl.protocol === 'https:') {
    response.headers.set(hsts.key, hsts.value);
  }
  return response;
}

// The strict routes (keep in step with `strictRoutes`; a test checks), the
// wizard links, which may need their canonical form, any path with a percent
// sign, which may need repairing, and server-action posts. The wizard links
// are judged here rather than by their pages, though running the proxy costs
// a cached page about as much again (bench/latest.md): a page that redirects
// while it is rendered sends its Location header twice (Next.js 16.4).
export const config = {
  matcher: [
    '/message/:path*',
    '/explain/:path*',
    '/check/:path*',
    '/steps/link',
    '/repaired/:path*',
    '/insights/:path*',
    '/fix/:path*',
    '/summary/:path*',
    '/(.*%.*)',
    // A server action may be posted to any page: those posts, and only those, elsewhere.
    { source: '/:path*', has: [{ type: 'header', key: 'next-action' }] },
  ],
};
