import type { Stage } from './meta';

/**
 * Every fix the wizard can offer, with the access it needs. The machine
 * builds one state per entry; the evidence tables and the plan name fixes
 * by these ids, so a typo there is a type error.
 */
export const fixes = {
  // On the person's own device
  reload: { stage: 'quick-fixes' },
  'clear-cache': { stage: 'quick-fixes' },
  'flush-dns': { stage: 'quick-fixes', needs: 'device' },
  'other-network': { stage: 'quick-fixes', needs: 'device' },
  // At Cloudflare
  'cloudflare-status': { stage: 'quick-fixes' },
  'cloudflare-ssl': { stage: 'server-fixes', needs: 'domain' },
  // On the server
  logs: { stage: 'server-fixes', needs: 'panel' },
  'php-workers': { stage: 'server-fixes', needs: 'panel' },
  proxy: { stage: 'server-fixes', needs: 'ssh' },
  restart: { stage: 'server-fixes', needs: 'server' },
  hops: { stage: 'server-fixes', needs: 'ssh' },
  'app-server': { stage: 'server-fixes', needs: 'ssh' },
  'server-health': { stage: 'server-fixes', needs: 'panel' },
  plugins: { stage: 'server-fixes', needs: 'panel' },
  bans: { stage: 'server-fixes', needs: 'panel' },
  firewall: { stage: 'server-fixes', needs: 'panel' },
  'firewall-back-on': { stage: 'server-fixes', needs: 'panel' },
  dns: { stage: 'server-fixes', needs: 'domain' },
  'php-version': { stage: 'advanced', needs: 'panel' },
  'php-limits': { stage: 'advanced', needs: 'panel' },
  'contact-host': { stage: 'advanced' },
} as const satisfies Record<string, { stage: Stage; needs?: Needs }>;

type Needs = 'panel' | 'server' | 'ssh' | 'domain' | 'device';
export type FixId = keyof typeof fixes;

/** Fixes a plan never picks: the quick fixes come before the questions, and switching a firewall back on only follows the firewall step. */
const notPlanned = ['reload', 'clear-cache', 'flush-dns', 'other-network', 'firewall-back-on'] as const;

/** The fixes that come after the questions, which a plan may pick. */
export type ServerFix = Exclude<FixId, (typeof notPlanned)[number]>;

export function isServerFix(step: string): step is ServerFix {
  return Object.hasOwn(fixes, step) && !(notPlanned as readonly string[]).includes(step);
}

export const serverFixes = (Object.keys(fixes) as FixId[]).filter(isServerFix);

/** The access a fix asks for, if any. */
export function needsOf(step: FixId): Needs | undefined {
  return (fixes[step] as { needs?: Needs }).needs;
}
