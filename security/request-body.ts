/**
 * What a route taking a body from this site's own pages checks before it
 * reads much of it: where the request came from, and how long the body is
 * (`/api/check`, `/api/outcomes`).
 */

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

/** The body, at most `max` bytes: `undefined` when it says it is longer (nothing is read then) or turns out longer. */
export async function readBody(request: Request, max: number): Promise<string | undefined> {
  if (!(Number(request.headers.get('content-length') ?? 0) <= max)) return undefined;
  return readCapped(request.body, max);
}

/** The media type alone, lowercased: `text/plain;charset=UTF-8` is `text/plain`. */
export function mediaType(headers: Headers): string {
  return headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? '';
}

/** The JSON object a body holds, or `undefined` for anything else: a list, a string, broken JSON. */
export function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
