import { jsonObject, mediaType, readBody, sameOrigin } from '@/security/request-body';
import { clientAddress, clientKey } from '@/security/client-address';
import { limiter, take } from '@/security/limiter';
import { outcomesEnabled, record } from './index';
import { helpfulRow, maxPathBytes, rowsForPath } from './record';
import type { Row } from './types';

/**
 * The logic of `POST /api/outcomes`, `GET /api/outcomes/pixel` and
 * `POST /api/outcomes/helpful`. A page
 * sends its own canonical path, `{"p":"/fix/…"}`; the rows come from the
 * replay (outcomes/record.ts). The answer is 204 only after the rows are
 * committed. The client's address is a short-lived rate-limit key in memory
 * (or Redis) and never reaches the store.
 */

export const maxBodyBytes = maxPathBytes;
const noStore = { 'Cache-Control': 'no-store' };

function perMinute(): number {
  const n = Number(process.env.OUTCOMES_RATE_LIMIT);
  return Number.isInteger(n) && n > 0 ? n : 120;
}

type Refusal = { status: number; retryAfter?: number };

/** Whether to store, and if not, why: the checks both routes share once the path is read. */
async function store(request: Request, rows: Row[] | undefined): Promise<Refusal | undefined> {
  if (!rows) return { status: 400 };
  // Global Privacy Control: the usual answer, and nothing stored.
  if (request.headers.get('sec-gpc')?.trim() === '1') return undefined;
  const wait = await take(limiter('outcomes-rate', perMinute(), 60), clientKey(clientAddress(request.headers)));
  if (wait !== undefined) return { status: 429, retryAfter: wait };
  const result = await record(rows);
  if (result === 'stored') return undefined;
  return { status: 503, retryAfter: 5 };
}

function headersFor(refusal: Refusal | undefined, extra: Record<string, string> = {}): Record<string, string> {
  return { ...noStore, ...extra, ...(refusal?.retryAfter ? { 'Retry-After': String(refusal.retryAfter) } : {}) };
}

/** POST /api/outcomes: 204 when stored (or GPC), 400 invalid, 403 cross-site, 404 off, 413 large, 415 type, 429 limit, 503 store down. */
export async function postOutcome(request: Request): Promise<Response> {
  if (!outcomesEnabled()) return new Response(null, { status: 404, headers: noStore });
  if (!sameOrigin(request.headers)) return new Response(null, { status: 403, headers: noStore });
  const type = mediaType(request.headers);
  if (!['text/plain', 'application/json', 'application/x-www-form-urlencoded'].includes(type)) {
    return new Response(null, { status: 415, headers: noStore });
  }
  const text = await readBody(request, maxBodyBytes);
  if (text === undefined) return new Response(null, { status: 413, headers: noStore });
  const p = type === 'application/x-www-form-urlencoded' ? (new URLSearchParams(text).get('p') ?? undefined) : jsonObject(text)?.p;
  const refusal = await store(request, rowsForPath(p));
  return new Response(null, { status: refusal?.status ?? 204, headers: headersFor(refusal) });
}

/** A transparent 1×1 GIF, 43 bytes. */
export const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

/**
 * GET /api/outcomes/pixel?p=/fix/…: the same, for pages without JavaScript;
 * always the GIF, with the status saying what happened. A counted pixel may
 * be kept by the browser itself for an hour (`private`: never by a shared
 * cache), so the same page shown again, such as the reload after "Did this
 * help?", does not count the same view and outcome twice. A refusal is never
 * kept, so the next page view tries again.
 */
export async function getPixel(request: Request): Promise<Response> {
  const image = { 'Content-Type': 'image/gif' };
  if (!outcomesEnabled()) return new Response(null, { status: 404, headers: noStore });
  const url = new URL(request.url);
  const refusal = url.search.length > maxBodyBytes ? { status: 413 } : await store(request, rowsForPath(url.searchParams.get('p') ?? undefined));
  const headers = headersFor(refusal, image);
  if (!refusal) headers['Cache-Control'] = 'private, max-age=3600';
  return new Response(new Uint8Array(gif), { status: refusal?.status ?? 200, headers });
}

const helpfulRefusals: Record<number, string> = {
  400: 'That answer does not belong to a page of this site.',
  403: 'Answers can only be sent from this site’s own pages.',
  413: 'That request is too large.',
  415: 'Send the answer as a form.',
  429: 'Too many answers from your connection just now. Wait a minute and try again.',
  503: 'Your answer could not be saved just now. Please try again later.',
};

function helpfulRefusal(status: number, retryAfter?: number): Response {
  const headers = { ...headersFor(retryAfter ? { status, retryAfter } : undefined), 'Content-Type': 'text/plain; charset=utf-8' };
  return new Response(`${helpfulRefusals[status] ?? 'Your answer was not saved.'}\n`, { status, headers });
}

/**
 * POST /api/outcomes/helpful: the "Did this help?" form on an ending,
 * `p=/fix/…&helpful=yes|no`, urlencoded. It works without JavaScript: the
 * answer is a 303 back to `${p}#thanks`, where CSS `:target` shows the
 * thank-you; the page's own beacon (not a navigation) gets 204. `p` must
 * reach an ending. With Global Privacy Control the same answers, and
 * nothing is stored. A refusal is a short plain-text page.
 */
export async function postHelpful(request: Request): Promise<Response> {
  if (!outcomesEnabled()) return new Response(null, { status: 404, headers: noStore });
  if (!sameOrigin(request.headers)) return helpfulRefusal(403);
  if (mediaType(request.headers) !== 'application/x-www-form-urlencoded') return helpfulRefusal(415);
  const text = await readBody(request, maxBodyBytes);
  if (text === undefined) return helpfulRefusal(413);
  const form = new URLSearchParams(text);
  const p = form.get('p') ?? undefined;
  const row = helpfulRow(p, form.get('helpful') ?? undefined);
  const refusal = await store(request, row && [row]);
  if (refusal) return helpfulRefusal(refusal.status, refusal.retryAfter);
  // The page's beacon has nothing to follow a redirect for: it would only fetch the whole page again.
  const mode = request.headers.get('sec-fetch-mode');
  if (mode !== null && mode !== 'navigate') return new Response(null, { status: 204, headers: noStore });
  // `p` is one of this site's own canonical /fix links (helpfulRow checked it), so this goes nowhere else.
  return new Response(null, { status: 303, headers: { ...noStore, Location: `${p}#thanks` } });
}
