import { readCapped, sameOrigin } from '@/security/request-body';

/**
 * What `POST /api/check` accepts before it reads a byte of the body: a small
 * JSON body sent by this site's own pages. A refusal is the route's usual
 * `{ state: { error } }`, never cached.
 */

/** Far more than an address and a wizard path need; anything bigger is not from our form. */
export const maxBodyBytes = 4 * 1024;

export function refusal(status: number, error: string): Response {
  return Response.json({ state: { error } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

const isJson = (type: string | null) => type?.split(';')[0].trim().toLowerCase() === 'application/json';

/** The request's JSON object, or the response that refuses it. */
export async function readCheckRequest(request: Request): Promise<Record<string, unknown> | Response> {
  if (!sameOrigin(request.headers)) return refusal(403, 'Checks can only be started from this site’s own pages.');
  if (!isJson(request.headers.get('content-type'))) return refusal(415, 'Send the address to check as JSON, with Content-Type: application/json.');
  const declared = Number(request.headers.get('content-length') ?? 0);
  const tooLarge = `That request is too large: a check needs an address and a page path, under ${maxBodyBytes / 1024} KB.`;
  if (!(declared <= maxBodyBytes)) return refusal(413, tooLarge);
  const text = await readCapped(request.body, maxBodyBytes);
  if (text === undefined) return refusal(413, tooLarge);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return refusal(400, 'Send the address to check as JSON: { "url": "example.com" }.');
  }
  return body as Record<string, unknown>;
}
