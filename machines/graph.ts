import { checkOutcomes, type CheckOutcomeToken } from '@/evidence/check-outcomes';
import { cloudflareCodeNumbers } from '@/evidence/cloudflare';
import { errorPageIds, errorPages, type ErrorPage } from '@/evidence/error-pages';
import { recognisers } from '@/evidence/log-lines';
import type { Access, Evidence, Facts } from './facts';
import type { ServerFix } from './fixes';
import { plan, type Plan } from './plan';
import { stepIds } from './steps';
import { troubleshooter } from './troubleshooter';

/**
 * The machine's transitions as a plain list of edges, for the flow map and
 * its outline, and the plan's choices for representative evidence. Both are
 * read from the machine and from `plan()`, so the map can never drift from
 * what the wizard does.
 */

export interface Condition {
  type: string;
  params?: Record<string, unknown>;
}

export interface FlowEdge {
  /** A step, or `plan` (the node that picks the plan's next fix). */
  from: string;
  /** The answer that leads along this edge; `''` for a step skipped without one (its fact is known) and for the plan's choice. */
  answer: string;
  /** A step, or `plan`. */
  to: string;
  /** What must hold for this edge to be taken (the edges listed before it for the same answer did not apply). */
  when: Condition[];
}

/**
 * The machine's transient `plan` state: not a step (no page, no meta), but
 * where every fix that did not help, and the last question, lead. The map
 * draws it as one node.
 */
export const planNode = 'plan';
export const planTitle = 'The next fix in your plan';

type GuardLike = string | Condition | ({ guards?: GuardLike[] } & ((...args: never[]) => unknown)) | undefined;
type TransitionLike = { target?: { key: string }[]; guard?: GuardLike };
type NodeLike = { transitions: Map<string, TransitionLike[]>; always?: TransitionLike[] };

function conditions(guard: GuardLike): Condition[] {
  if (!guard) return [];
  if (typeof guard === 'string') return [{ type: guard }];
  if (typeof guard === 'function') return (guard.guards ?? []).flatMap(conditions);
  return [guard];
}

function push(edges: FlowEdge[], from: string, answer: string, candidates: readonly TransitionLike[]) {
  for (const t of candidates) {
    const when = conditions(t.guard);
    for (const target of t.target ?? []) {
      // The same step can be reached for several reasons; list it once, under the first.
      if (!edges.some((e) => e.from === from && e.answer === answer && e.to === target.key)) edges.push({ from, answer, to: target.key, when });
    }
    // Candidates after an unconditional one can never be taken.
    if (!when.length) break;
  }
}

/** Every transition of every step, and of the plan node: answers first, then the moves made without an answer. */
export function flowEdges(): FlowEdge[] {
  const edges: FlowEdge[] = [];
  for (const from of [...stepIds, planNode]) {
    const node = troubleshooter.states[from] as unknown as NodeLike;
    for (const [answer, candidates] of node.transitions) if (answer) push(edges, from, answer, candidates);
    push(edges, from, '', node.always ?? []);
  }
  return edges;
}

/** The fixes the plan node can pick, in the machine's order. */
export function planFixes(): ServerFix[] {
  return flowEdges()
    .filter((e) => e.from === planNode && e.when.some((c) => c.type === 'planSays'))
    .map((e) => e.to as ServerFix);
}

const reachWords: Record<string, string> = { 'only-me': 'only you see it', 'not-sure': 'you’re not sure who sees it', everyone: 'everyone sees it' };
/** "when … is already known", for the facts a step can be skipped for. */
const knownWords: Record<string, string> = {
  cdn: 'when it is already known whether a CDN is in front',
  server: 'when the web server is already known',
  app: 'when what runs behind the web server is already known',
};

/** A condition in words, for the outline and the map's descriptions. */
export function describeCondition({ type, params }: Condition): string {
  switch (type) {
    case 'isVisitor':
      return 'for visitors';
    case 'isOwner':
      return 'for site owners';
    case 'reachIs':
      return `if ${((params?.reach as string[]) ?? []).map((r) => reachWords[r] ?? r).join(' or ')}`;
    case 'hasAccess':
      return params?.level === 'ssh' ? 'with SSH access' : 'with a control panel or SSH';
    case 'asksApp':
      return 'with SSH access, unless the site runs WordPress or another CMS';
    case 'runsCms':
      return 'on a CMS site';
    case 'pageIs':
      return `if the error page was ${((params?.pages as string[]) ?? []).join(' or ')}`;
    case 'knows': {
      const fact = String(params?.fact);
      return knownWords[fact] ?? `when the ${fact} is already known`;
    }
    case 'checkSawItFail':
      return 'when the live check has just seen the site fail';
    case 'planSays':
      return 'when the plan says';
    case 'notTried':
      return 'if not tried yet';
    default:
      return type;
  }
}

/** The kinds of evidence that shape a plan, in the order the map shows them. */
export type EvidenceKind = 'none' | 'page' | 'cloudflare' | 'log' | 'check';

export interface PlanCase {
  kind: EvidenceKind;
  /** The error page's answer id, the Cloudflare number, the first log finding's id or the check's token; `''` for no evidence. */
  value: string;
  /** For log findings: every finding that gives the same plan as `value`, in the table's order. */
  alike: string[];
  facts: Facts;
  evidence: Evidence;
  /** The plan for each kind of access. */
  plans: Record<Access, Plan>;
  /** The fixes this evidence rules out, whatever the access. */
  ruledOut: ServerFix[];
}

export const accessLevels: readonly Access[] = ['ssh', 'server-panel', 'panel', 'none'];

const owner: Facts = { role: 'owner', reach: 'everyone' };
const noEvidence: Evidence = { found: [], checked: [] };

function planFor(kind: EvidenceKind, value: string, facts: Facts, evidence: Evidence = noEvidence): PlanCase {
  const plans = Object.fromEntries(accessLevels.map((access) => [access, plan({ facts: { ...facts, access }, evidence })])) as Record<Access, Plan>;
  const ruledOut = [...new Set(accessLevels.flatMap((a) => plans[a].ruledOut))];
  return { kind, value, alike: [value], facts, evidence, plans, ruledOut };
}

const pageFacts = (page: ErrorPage): Facts => ({ ...owner, page, ...(errorPages[page] as { derive?: Partial<Facts> }).derive });
const samePlans = (a: PlanCase, b: PlanCase) => JSON.stringify(a.plans) === JSON.stringify(b.plans);

/**
 * What the plan offers a site owner for one piece of evidence at a time,
 * with each kind of access: every error page, every Cloudflare number, each
 * distinct kind of line from the server's own logs (lines that give the
 * same plan share a row) and each live-check outcome that points somewhere.
 * Everything else about the setup is left unknown, as for someone who has
 * not said.
 */
export function planCases(): PlanCase[] {
  const cases: PlanCase[] = [planFor('none', '', owner)];
  for (const page of errorPageIds) cases.push(planFor('page', page, pageFacts(page)));
  for (const n of cloudflareCodeNumbers) cases.push(planFor('cloudflare', `${n}`, { ...pageFacts('cloudflare-52x'), cfCode: `${n}` }));
  const logs: PlanCase[] = [];
  // A Cloudflare line in a log is a Cloudflare number, which has its own rows.
  for (const r of recognisers.filter((r) => r.source !== 'cloudflare')) {
    const c = planFor('log', r.id, owner, { found: [r.id], checked: [] });
    const same = logs.find((l) => samePlans(l, c));
    if (same) same.alike.push(r.id);
    else logs.push(c);
  }
  cases.push(...logs);
  for (const token of Object.keys(checkOutcomes) as CheckOutcomeToken[]) {
    const pointer = checkOutcomes[token] as { fixes: readonly string[]; rulesOut?: readonly string[] };
    if (pointer.fixes.length || pointer.rulesOut?.length) cases.push(planFor('check', token, owner, { found: [], checked: [token] }));
  }
  return cases;
}
