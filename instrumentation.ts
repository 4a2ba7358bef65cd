/**
 * Runs once when the server starts. On Node.js (not the edge runtime, which
 * has no sockets) it stamps each request with its connection's address, so
 * per-client limits know who is asking even when `X-Forwarded-For` is made
 * up (`security/client-address.ts`), says at once if TRUST_PROXY is wrong
 * or if links would have no address to use (SITE_URL, ALLOWED_HOSTS), and
 * connects the limits to Redis when REDIS_URL is set. It also opens the
 * outcome store (SQLite under DATA_DIR, or DATABASE_URL) without waiting for
 * it, and writes what is queued when the server is stopped (outcomes/index.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { stampRequests } = await import('./security/stamp-requests');
  const { parseTrustProxy } = await import('./security/client-address');
  const { connectLimits } = await import('./security/limiter');
  const { checkOriginSettings } = await import('./content/site-origin');
  const { startOutcomes } = await import('./outcomes/index');
  stampRequests();
  startOutcomes();
  checkOriginSettings();
  try {
    parseTrustProxy(process.env.TRUST_PROXY);
  } catch (error) {
    // Not fatal: the pages still work; the limited forms say they are not set up correctly.
    console.error((error as Error).message);
  }
  await connectLimits();
}
