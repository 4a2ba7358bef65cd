import { checkOutcome } from '@/evidence/check-outcomes';
import { cloudflareCode } from '@/evidence/cloudflare';
import { errorPages } from '@/evidence/error-pages';
import { recognisers, severities } from '@/evidence/log-lines';
import type { Pointer } from '@/evidence/pointer';
import { hasAccess, runsCms, runsPhp, type Access, type Facts, type WizardContext } from './facts';
import { needsOf, type ServerFix } from './fixes';

/**
 * The plan: which server fixes a person is offered, in which order. The
 * evidence they gave (log findings, the Cloudflare number, the live check,
 * the error page, who sees the error) puts the fixes it points to first and
 * removes those it proves cannot help; the usual order for their access
 * follows. A pure function of the machine's context, so the machine's
 * guards, the flow map and the tests all read the same plan.
 */

/** The usual order when nothing points elsewhere: how often each fix turns out to be the answer. */
const usualOrder: Record<Access, readonly ServerFix[]> = {
  // What the web server passes requests to, and whether PHP-FPM runs, settle most 502s on a server of one's own.
  ssh: [
    'proxy',
    'restart',
    'logs',
    'php-workers',
    'app-server',
    'hops',
    'server-health',
    'php-limits',
    'plugins',
    'php-version',
    'bans',
    'dns',
    'contact-host',
  ],
  // A server panel restarts PHP and sets its workers in the browser; the log still comes first.
  'server-panel': ['logs', 'php-workers', 'restart', 'plugins', 'server-health', 'php-limits', 'php-version', 'bans', 'dns', 'contact-host'],
  // The error log names the cause; busy PHP workers and plugins are the commonest on hosted sites.
  panel: ['logs', 'php-workers', 'plugins', 'server-health', 'php-limits', 'php-version', 'bans', 'dns', 'contact-host'],
  none: ['dns', 'contact-host'],
};

/** Fixes for PHP sites only. */
const phpOnly: readonly ServerFix[] = ['php-workers', 'php-limits', 'php-version', 'plugins'];

const findingsById = new Map(recognisers.map((r) => [r.id, r]));
const severityRank = (id: string) => severities.indexOf(findingsById.get(id)!.severity);

/** What the error log showed, most severe first. A line from the server's own software proves requests reach it. */
function logPointer(found: readonly string[]): Pointer & { named: ServerFix[] } {
  const known = found.filter((id) => findingsById.has(id)).sort((a, b) => severityRank(a) - severityRank(b));
  const named = [...new Set(known.map((id) => findingsById.get(id)!.step))];
  const fromServer = known.some((id) => findingsById.get(id)!.source !== 'cloudflare');
  return {
    fixes: named,
    named,
    rulesOut: fromServer ? ['dns', 'cloudflare-status', 'bans', 'firewall'] : [],
    blockedPath: named.includes('firewall'),
  };
}

/** "Only me", with no page from the site: a ban on the person's address, or their DNS. */
function reachPointer(facts: Facts): Pointer | undefined {
  if (facts.reach !== 'only-me') return undefined;
  const noPage = facts.page === undefined || facts.page === 'browser' || facts.page === 'not-sure';
  return { fixes: ['bans', 'dns'], blockedPath: noPage };
}

/** An app other than PHP: look at it first, and skip the PHP fixes. */
function appPointer(facts: Facts): Pointer | undefined {
  if (facts.app === 'node' || facts.app === 'python' || facts.app === 'docker') return { fixes: ['app-server', 'hops'], rulesOut: phpOnly };
  if (facts.app === 'php' || (facts.cms && runsCms(facts))) return { fixes: [], rulesOut: ['app-server'] };
  return undefined;
}

/** May this person be offered this fix at all, whatever the evidence? */
function offered(step: ServerFix, facts: Facts): boolean {
  const needs = needsOf(step);
  if ((needs === 'panel' || needs === 'server' || needs === 'ssh') && !hasAccess(facts, needs)) return false;
  if (step === 'plugins' && !runsCms(facts)) return false;
  if (phpOnly.includes(step) && !runsPhp(facts)) return false;
  // Cloudflare's own steps only for sites behind Cloudflare, or not known not to be.
  if ((step === 'cloudflare-ssl' || step === 'cloudflare-status') && facts.cdn === 'no') return false;
  return true;
}

export interface Plan {
  /** Every fix on the path, in order, tried or not. */
  order: ServerFix[];
  /** Fixes the evidence proved cannot help. */
  ruledOut: ServerFix[];
}

export function plan({ facts, evidence }: Pick<WizardContext, 'facts' | 'evidence'>): Plan {
  const log = logPointer(evidence.found);
  const code = facts.page === 'cloudflare-52x' && facts.cfCode && facts.cfCode !== 'other' ? cloudflareCode(facts.cfCode) : undefined;
  const app = appPointer(facts);
  // An app that is not PHP: the log's lines about it are the app's to fix.
  const appFirst = facts.app === 'node' || facts.app === 'python' || facts.app === 'docker';
  const pointers = [appFirst && app, log, code, ...evidence.checked.map(checkOutcome), app, facts.page && errorPages[facts.page], reachPointer(facts)].filter(
    (p): p is Pointer => Boolean(p),
  );

  // A fix a log line names is never ruled out by weaker evidence.
  const ruledOut = new Set(pointers.flatMap((p) => p.rulesOut ?? []).filter((f) => !log.named.includes(f)));
  const mayBeBlocked = pointers.some((p) => p.blockedPath);
  const access = facts.access ?? 'ssh';
  // Asking the host comes last: after it, the journey ends with the hand-off.
  const candidates: ServerFix[] = [...new Set([...pointers.flatMap((p) => p.fixes), ...usualOrder[access]])].filter((f) => f !== 'contact-host');
  candidates.push('contact-host');
  const order = candidates.filter((step) => {
    if (!offered(step, facts) || ruledOut.has(step)) return false;
    // The firewall-off test opens the server to everyone: only where something may block the way.
    if (step === 'firewall') return mayBeBlocked;
    return true;
  });
  return { order, ruledOut: [...ruledOut] };
}

/** Steps that count as tried for a fix: switching the firewall back on is the firewall step's second half. */
const alsoCounts: Partial<Record<ServerFix, string>> = { firewall: 'firewall-back-on' };

/** The machine asks once per fix (one guard each) with the same context; the plan is worked out once. */
const nextFixOf = new WeakMap<object, ServerFix | null>();

/** The first fix of the plan not tried yet; `undefined` when every fix has been tried. */
export function nextFix(context: Pick<WizardContext, 'facts' | 'evidence' | 'tried'>): ServerFix | undefined {
  if (!nextFixOf.has(context)) {
    const tried = new Set(context.tried.map((t) => t.step));
    nextFixOf.set(context, plan(context).order.find((step) => !tried.has(step) && !tried.has(alsoCounts[step] ?? '')) ?? null);
  }
  return nextFixOf.get(context) ?? undefined;
}
