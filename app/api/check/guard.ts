import { jsonObject, mediaType, readBody, sameOrigin } from '@/security/request-body';

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

/** The request's JSON object, or the response that refuses it. */
export async function readCheckRequest(request: Request): Promise<Record<string, unknown> | Response> {
  if (!sameOrigin(request.headers)) return refusal(403, 'Checks can only be started from this site’s own pages.');
  if (mediaType(request.headers) !== 'application/json') return refusal(415, 'Send the address to check as JSON, with Content-Type: application/json.');
  const text = await readBody(request, maxBodyBytes);
  if (text === undefined) return refusal(413, `That request is too large: a check needs an address and a page path, under ${maxBodyBytes / 1024} KB.`);
  return jsonObject(text) ?? refusal(400, 'Send the address to check as JSON: { "url": "example.com" }.');
}
