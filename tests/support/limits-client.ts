/** Requests that spend the app's per-client limits, for the limit tests. */

/**
 * Starts a check of 127.0.0.1 through /api/check: admitted (so it counts
 * against the limits), then refused for its address, so nothing leaves
 * the machine. Returns the status.
 */
export async function checkStatus(base: string, forwardedFor?: string): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (forwardedFor !== undefined) headers['x-forwarded-for'] = forwardedFor;
  const res = await fetch(`${base}/api/check`, { method: 'POST', headers, body: JSON.stringify({ url: '127.0.0.1' }), signal: AbortSignal.timeout(15_000) });
  await res.arrayBuffer();
  return res.status;
}

/** The statuses of `count` checks in a row, each with its own made-up X-Forwarded-For unless `forwardedFor` says. */
export async function checkStatuses(base: string, count: number, forwardedFor: (i: number) => string | undefined): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push(await checkStatus(base, forwardedFor(i)));
  return statuses;
}

/**
 * Posts a paste to the log explainer the way a browser without JavaScript
 * does (the form's own hidden fields, multipart), and returns the page.
 */
export async function explainPage(base: string, log: string, forwardedFor?: string): Promise<string> {
  const form = await fetch(`${base}/explain`).then((r) => r.text());
  const body = new FormData();
  for (const [, name, value] of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)) {
    body.append(name, (value ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&'));
  }
  body.set('log', log);
  const headers: Record<string, string> = {};
  if (forwardedFor !== undefined) headers['x-forwarded-for'] = forwardedFor;
  const res = await fetch(`${base}/explain`, { method: 'POST', body, headers, signal: AbortSignal.timeout(15_000) });
  if (res.status !== 200) throw new Error(`explain answered ${res.status}`);
  return res.text();
}
