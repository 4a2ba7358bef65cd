import { stepIds } from './steps';
import { troubleshooter } from './troubleshooter';

/**
 * The machine's transitions as a plain list of edges, for the flow map and
 * its outline. Read from the machine itself, so the map can never drift
 * from what the wizard does.
 */

export interface Condition {
  type: string;
  params?: Record<string, unknown>;
}

export interface FlowEdge {
  from: string;
  answer: string;
  to: string;
  /** What must hold for this edge to be taken (the edges listed before it for the same answer did not apply). */
  when: Condition[];
}

type GuardLike = string | Condition | ({ guards?: GuardLike[] } & ((...args: never[]) => unknown)) | undefined;
type TransitionLike = { target?: { key: string }[]; guard?: GuardLike };
type NodeLike = { transitions: Map<string, TransitionLike[]> };

function conditions(guard: GuardLike): Condition[] {
  if (!guard) return [];
  if (typeof guard === 'string') return [{ type: guard }];
  if (typeof guard === 'function') return (guard.guards ?? []).flatMap(conditions);
  return [guard];
}

export function flowEdges(): FlowEdge[] {
  const edges: FlowEdge[] = [];
  for (const from of stepIds) {
    const node = troubleshooter.states[from] as unknown as NodeLike;
    for (const [answer, candidates] of node.transitions) {
      for (const t of candidates) {
        const when = conditions(t.guard);
        for (const target of t.target ?? []) {
          // The same fix can be reached for several reasons; list it once, under the first.
          if (!edges.some((e) => e.from === from && e.answer === answer && e.to === target.key)) edges.push({ from, answer, to: target.key, when });
        }
        // Candidates after an unconditional one can never be taken.
        if (!when.length) break;
      }
    }
  }
  return edges;
}

const reachWords: Record<string, string> = { 'only-me': 'only you see it', 'not-sure': 'you’re not sure who sees it', everyone: 'everyone sees it' };

/** A condition in words, for the outline and the map's descriptions. */
export function describeCondition({ type, params }: Condition): string {
  switch (type) {
    case 'isVisitor':
      return 'for visitors';
    case 'reachIs':
      return `if ${((params?.reach as string[]) ?? []).map((r) => reachWords[r] ?? r).join(' or ')}`;
    case 'hasAccess':
      return params?.level === 'ssh' ? 'with SSH access' : 'with a control panel or SSH';
    case 'runsCms':
      return 'on a CMS site';
    case 'pageIs':
      return `if the error page was ${((params?.pages as string[]) ?? []).join(' or ')}`;
    case 'knows':
      return `when the ${String(params?.fact)} is already known`;
    case 'notTried':
      return 'if not tried yet';
    default:
      return type;
  }
}
