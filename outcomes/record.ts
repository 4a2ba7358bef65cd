import { evidenceList, basePath, canonicalHref, segmentsFor, stateFromSegments, type WizardState } from '@/machines/url-state';
import { isStep, stepMeta } from '@/machines/steps';
import { machineVersion } from '@/machines/version';
import { type Ending, type HelpfulRow, isEnding, type OutcomeRow, type Row, type ViewRow } from './types';

/**
 * What one message from a page is worth. The page sends only its own
 * canonical path; the server replays it through the machine and works out
 * every row from the replay. So the client never names a step, an answer or
 * a token of its own choosing: anything the machine does not know, and any
 * other spelling of a known link, is refused.
 */

/** Far more than the longest journey's link; anything longer is not from our pages. */
export const maxPathBytes = 4 * 1024;

/** The day a row is counted under: UTC, so instances in different zones agree, and no time. */
export function dayOf(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The wizard state a canonical `/fix/...` path replays to, or `undefined` when it is not one. */
export function stateOfPath(p: unknown): WizardState | undefined {
  if (typeof p !== 'string' || Buffer.byteLength(p) > maxPathBytes) return undefined;
  let segments: string[];
  if (p === basePath) segments = [];
  else if (p.startsWith(`${basePath}/`)) segments = p.slice(basePath.length + 1).split('/');
  else return undefined;
  const state = stateFromSegments(segments);
  if (state.rejected.length > 0 || state.notes.length > 0) return undefined;
  return canonicalHref(state) === p ? state : undefined;
}

/** The ending a state shows and the fix that ended it, or `undefined` before an ending. */
function endingOf(state: WizardState): { ending: Ending; fixed_by: string } | undefined {
  if (state.meta.kind !== 'ending' || !isEnding(state.step)) return undefined;
  const ending: Ending = state.step;
  const fixed = ending === 'fixed' ? state.path.findLast((a) => a.answer === 'fixed') : undefined;
  return { ending, fixed_by: fixed?.step ?? '' };
}

/** The rows a page view gives: one view of its step, and at an ending, one outcome. */
export function rowsForState(state: WizardState, day: string = dayOf()): Row[] {
  const view: ViewRow = {
    kind: 'view',
    day,
    step: state.step,
    from_step: state.path.at(-1)?.step ?? '',
    machine_version: machineVersion,
    views: 1,
    starts: state.path.length === 0 ? 1 : 0,
  };
  const end = endingOf(state);
  if (!end) return [view];
  const tried = state.path.filter((a) => isStep(a.step) && stepMeta(a.step).kind === 'fix').map((a) => `${a.step}=${a.answer}`);
  const outcome: OutcomeRow = {
    kind: 'outcome',
    day,
    machine_version: machineVersion,
    ...end,
    tried: tried.join('/'),
    tried_count: tried.length,
    path: segmentsFor(state.path, { start: state.start }).join('/'),
    error_page: state.context.facts.page ?? '',
    cf_code: state.context.facts.cfCode ?? '',
    found: evidenceList('found', state.found),
    checked: evidenceList('check', state.checked),
  };
  return [view, outcome];
}

/** The rows for a page's canonical path, or `undefined` when the path is refused. */
export function rowsForPath(p: unknown, day: string = dayOf()): Row[] | undefined {
  const state = stateOfPath(p);
  return state && rowsForState(state, day);
}

/** One "Did this help?" vote on an ending's page, or `undefined` when the path is no ending or the answer is not yes or no. */
export function helpfulRow(p: unknown, answer: unknown, day: string = dayOf()): HelpfulRow | undefined {
  if (answer !== 'yes' && answer !== 'no') return undefined;
  const state = stateOfPath(p);
  const end = state && endingOf(state);
  if (!end) return undefined;
  return { kind: 'helpful', day, ...end, machine_version: machineVersion, answer, votes: 1 };
}
