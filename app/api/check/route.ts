import { admit, check, contextOf } from '@/live-check/for-wizard';
import { CheckCancelled } from '@/live-check/run-check';
import { readCheckRequest } from './guard';

/**
 * POST { url, context } → a stream of JSON lines: `{ progress }` while the
 * check runs, then `{ state }`. Refusals come back at once as one JSON
 * object with their status: 403 from another site's page, 413 for a body
 * over 4 KB, 415 for one that is not JSON, 400 for bad input, 429 (with
 * Retry-After) past the per-client limit, 503 when too many checks are running.
 */
export async function POST(request: Request) {
  const body = await readCheckRequest(request);
  if (body instanceof Response) return body;
  const admitted = await admit(body.url, request.headers);
  if ('state' in admitted) {
    const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
    if (admitted.retryAfter) headers['Retry-After'] = String(admitted.retryAfter);
    return Response.json({ state: admitted.state }, { status: admitted.status, headers });
  }

  const encoder = new TextEncoder();
  const stream = new ReadableStream({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const state = await check(admitted.url, String(body.url), contextOf(body.context), {
          signal: request.signal,
          onProgress: (progress) => send({ progress }),
        });
        send({ state });
      } catch (error) {
        if (!(error instanceof CheckCancelled)) {
          console.error(error);
          send({ state: { error: 'The check stopped unexpectedly. Please try again.' } });
        }
      } finally {
        admitted.release();
        try {
          controller.close();
        } catch {
          // the person went away
        }
      }
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' } });
}
