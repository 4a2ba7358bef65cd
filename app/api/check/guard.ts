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

/**
 * A browser says where a request came from (`Sec-Fetch-Site`, or failing
 * that `Origin`); either must be this site. A request with neither is not
 * from a browser page (curl, a script) and cannot be forged by one.
 */
export function sameOrigin(headers: Headers): boolean {
  const site = headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin';
  const origin = headers.get('origin');
  if (origin === null) return true;
  try {
    return new URL(origin).host === headers.get('host');
  } catch {
    return false; // `null` and other opaque origins
  }
}

const isJson = (type: string | null) => type?.split(';')[0].trim().toLowerCase() === 'application/json';

/** Reads at most `max` bytes of a body; `undefined` when it is longer. */
export async function readCapped(body: ReadableStream<Uint8Array> | null, max: number): Promise<string | undefined> {
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > max) {
      reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

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
