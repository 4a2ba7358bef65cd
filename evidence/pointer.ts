import type { ServerFix } from '@/machines/fixes';

/**
 * What one piece of evidence says about the fixes: which to try first, which
 * it proves cannot help, and whether it leaves room for something between
 * the visitor and the server blocking the way (the only case in which the
 * firewall-off test is worth its risk).
 */
export interface Pointer {
  /** Fixes to try, the likeliest first. */
  fixes: readonly ServerFix[];
  /** Fixes this evidence proves cannot help: they leave the path (the step library still has them). */
  rulesOut?: readonly ServerFix[];
  /** Requests may be stopped before they reach the web server. */
  blockedPath?: boolean;
}

/** A page or answer written by the site's own web server: the request got through every firewall, and DNS led to the server. */
export const reachedTheServer = ['firewall', 'bans', 'dns', 'cloudflare-status'] as const satisfies readonly ServerFix[];
