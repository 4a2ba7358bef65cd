/**
 * Walks one case through the wizard the way its person would, without a
 * browser: from /fix with no answers, replaying the URL at every step with
 * `stateFromSegments`, exactly as the pages do.
 *
 * At a question the person answers from the case's setup ("not sure" or
 * "skip" where the setup is silent). At a fix that is not the case's fix,
 * they say it is still broken. The walk stops at the case's fix (reached)
 * or at an ending (not reached).
 *
 * With evidence, at the `evidence` step the person uses the tools and
 * follows their result link: the live check's is built by live-check/for-wizard.ts
 * `resultLinks` itself (its suggested answers and `check=<tokens>`), the log
 * explainer adds `found=<ids>` and what the log revealed (`server=`, `php=`,
 * as log-explainer/for-wizard.ts does), and the link answers
 * `evidence=checked`. Answers the tools gave are not the person's clicks.
 */
import { resultLinks } from '@/live-check/for-wizard';
import { interpret } from '@/live-check/interpret';
import { explainLog } from '@/log-explainer/explain';
import { findAnswer } from '@/machines/steps';
import { hrefFor, parseSegments, segmentsFor, stateFromSegments, type Answer, type WizardState } from '@/machines/url-state';
import type { Case } from './cases';

export interface Walk {
  caseId: string;
  withEvidence: boolean;
  /** The case's fix was reached. */
  ok: boolean;
  /** Where the walk stopped. */
  step: string;
  kind: WizardState['meta']['kind'];
  /** The URL of that step. */
  href: string;
  /** Answers the person gave themselves: every answer used on the way, less those the tools supplied. */
  clicks: number;
  /** Every answer used on the way, in order. */
  path: Answer[];
  /** Fixes the person tried and answered "still broken" (or the like) before stopping. */
  tried: string[];
  /** Answers the tools supplied (suggested answers, the web server a log revealed). */
  fromTools: Answer[];
  /** The person reached the evidence step with evidence in hand and used it. */
  usedEvidence: boolean;
  state: WizardState;
  /** Why the walk did not reach the fix. */
  problem?: string;
}

/** What a setup says for the question on screen, or the answer a person says when they don't know. */
function questionAnswer(c: Case, state: WizardState): { answer?: string; problem?: string } {
  const { fact, answers } = state.meta;
  const has = (id: string) => answers.some((a) => a.id === id && !a.fromTool);
  const given = fact ? (c.setup as Record<string, string | undefined>)[fact] : undefined;
  if (given !== undefined) {
    return has(given) ? { answer: given } : { problem: `the case answers “${given}” to “${state.step}”, which offers ${answers.map((a) => a.id).join(', ')}` };
  }
  const fallback = ['not-sure', 'skip', 'other'].find(has);
  return fallback ? { answer: fallback } : { problem: `the case says nothing for “${state.step}”, which has no “not sure” answer` };
}

/** "Still broken", in the words of this fix's answers. */
function notFixed(state: WizardState): string | undefined {
  const ids = state.meta.answers.filter((a) => !a.fromTool).map((a) => a.id);
  return ['broken', 'not-firewall'].find((id) => ids.includes(id)) ?? ids.find((id) => id !== 'fixed' && id !== 'works');
}

/** What the tools' result links carry into the wizard, replacing the person's own answers where they overlap. */
function applyTools(c: Case, answers: Answer[], fromTools: Answer[]): Answer[] {
  let next = answers;
  const check = c.evidence?.check;
  if (check) {
    // Exactly the link the check's result page offers.
    const links = resultLinks(interpret(check), segmentsFor(next));
    next = parseSegments(links.useHref.split('/').slice(2)).answers;
    fromTools.push(...links.suggestions.map(({ step, answer }) => ({ step, answer })));
  }
  const log = c.evidence?.log;
  if (log) {
    const explanation = explainLog(log);
    const own = next.filter((a) => a.step !== 'php' && a.step !== 'found');
    const added: Answer[] = [];
    const { server, php } = explanation.reveals;
    if (server && !own.some((a) => a.step === 'server')) {
      added.push({ step: 'server', answer: server });
      fromTools.push({ step: 'server', answer: server });
    }
    if (php) added.push({ step: 'php', answer: php });
    const ids = explanation.findings.map((f) => f.recogniser.id);
    if (ids.length) added.push({ step: 'found', answer: ids.slice(0, 20).join('+') });
    next = [...own, ...added];
  }
  return [...next.filter((a) => a.step !== 'evidence'), { step: 'evidence', answer: 'checked' }];
}

const maxAnswers = 80;

export function walk(c: Case, withEvidence = false): Walk {
  let answers: Answer[] = [];
  const fromTools: Answer[] = [];
  let usedEvidence = false;

  const result = (state: WizardState, ok: boolean, problem?: string): Walk => {
    const byTool = (a: Answer) => fromTools.some((t) => t.step === a.step && t.answer === a.answer);
    return {
      caseId: c.id,
      withEvidence,
      ok,
      step: state.step,
      kind: state.meta.kind,
      href: hrefFor(answers),
      clicks: state.path.filter((a) => !byTool(a)).length,
      path: state.path,
      tried: state.context.tried.map((t) => t.step),
      fromTools,
      usedEvidence,
      state,
      problem,
    };
  };

  for (let i = 0; i < maxAnswers; i++) {
    const state = stateFromSegments(segmentsFor(answers));
    if (state.rejected.length) {
      return result(state, false, `the wizard left out part of the link: ${state.rejected.map((r) => `${r.segment} (${r.reason})`).join('; ')}`);
    }
    const { step, meta } = state;
    if (meta.kind === 'ending') return result(state, false, `ended at “${step}” without offering “${c.fix}”`);
    if (meta.kind === 'fix' && step === c.fix) return result(state, true);

    let answer: string | undefined;
    if (meta.kind === 'fix') {
      answer = notFixed(state);
      if (!answer) return result(state, false, `“${step}” has no answer for “still broken”`);
    } else if (step === 'evidence' && withEvidence && c.evidence) {
      answers = applyTools(c, [...state.path, ...state.pending], fromTools);
      usedEvidence = true;
    } else if (step === 'evidence') {
      answer = 'skip';
    } else {
      const picked = questionAnswer(c, state);
      if (!picked.answer) return result(state, false, picked.problem);
      answer = picked.answer;
    }
    if (answer !== undefined) {
      if (!findAnswer(step, answer)) return result(state, false, `“${answer}” is not an answer to “${step}”`);
      answers = [...state.path, ...state.pending.filter((a) => a.step !== step), { step, answer }];
    }

    const next = stateFromSegments(segmentsFor(answers));
    if (next.path.length <= state.path.length && next.step === step) {
      return result(next, false, `the answer at “${step}” did not move the wizard on`);
    }
  }
  return result(stateFromSegments(segmentsFor(answers)), false, `no fix or ending after ${maxAnswers} answers`);
}

/** One line saying where a walk went, for test failures and the benchmark. */
export function describeWalk(w: Walk): string {
  const trail = w.path.map((a) => `${a.step}=${a.answer}`).join(' → ');
  return `${w.ok ? 'reached' : 'stopped at'} “${w.step}” (${w.kind}) after ${w.clicks} answers${w.problem ? `: ${w.problem}` : ''}\n    ${trail}\n    ${w.href}`;
}
