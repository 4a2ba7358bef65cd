import { initialTransition, transition } from 'xstate';
import { siteFacts } from '@/content/site-facts';
import { checkOutcomes } from '@/evidence/check-outcomes';
import { recognisers } from '@/evidence/log-lines';
import { describeToken } from '@/live-check/outcome';
import type { WizardContext } from './facts';
import type { StepMeta } from './meta';
import { legacySteps } from './legacy';
import { findAnswer, isStep, stepIds, stepMeta } from './steps';
import { troubleshooter, type AnswerId } from './troubleshooter';

/**
 * The URL is the state. A wizard URL is `/fix` followed by one segment per
 * answer, `step=answer`, for example `/fix/role=owner/reach=everyone`.
 *
 * The answers form a set keyed by step, not a script: replaying starts at the
 * first step and, while the current step has an answer, takes it. So an
 * answer for a later step waits until its step comes up. That one rule gives
 * three features: going back or changing an earlier answer keeps every later
 * answer that still fits; a support agent can pre-answer questions in a link;
 * and a link stays readable, each segment saying what was asked and answered.
 *
 * Two more segments steer the replay. `at=step` stops it at that step even
 * though it has an answer: that is how "back" and "change" reopen a question
 * while remembering the answer given before and everything after it.
 * `start=step` begins at that step instead of the first question: a support
 * agent's link straight to one fix.
 */

export const basePath = '/fix';

export interface Answer {
  step: string;
  answer: string;
}

export interface Rejected {
  segment: string;
  reason: string;
}

export interface WizardState {
  step: string;
  /** Where the journey began, when a link jumped straight to a step. */
  start?: string;
  /** Ids of the error-log findings the person brought in (from the log explainer). */
  found: string[];
  /** What a live check of the site saw, as outcome tokens (from the live check). */
  checked: string[];
  meta: StepMeta;
  context: WizardContext;
  /** Answers the replay used, in the order they were given. */
  path: Answer[];
  /** Remembered answers for steps not reached (yet), or reopened. */
  pending: Answer[];
  /** The answer given before to this step, when it was reopened with `at=`. */
  earlier?: string;
  /** Parts of the URL that could not be used, and why. */
  rejected: Rejected[];
  /** Old step names in the link that were understood. */
  notes: string[];
}

/** No journey answers more steps than there are, so longer URLs are cut here. */
const maxSegments = stepIds.length + 5; // every step once, plus at=, start=, php=, found= and check=
const maxSegmentLength = 80;
/** A list of log findings names up to 20 ids. */
const maxEvidenceLength = 800;
const segmentPattern = /^([a-z0-9-]+)=([a-z0-9.+-]+)$/;

/**
 * Evidence no question asks for, carried in links: from a log line, the PHP
 * version (a fact guidance uses) and the ids of the log findings; from a
 * live check, what it saw. Both for the summary and the hand-off. Never the
 * log text or the address checked.
 */
const evidencePatterns = {
  php: /^\d{1,2}\.\d{1,2}$/,
  found: /^[a-z0-9-]+(?:\+[a-z0-9-]+){0,19}$/,
  check: /^[a-z0-9-]+(?:\+[a-z0-9-]+){0,7}$/,
} as const;
type EvidenceName = keyof typeof evidencePatterns;
const evidenceNames: Record<EvidenceName, string> = { php: 'PHP version', found: 'list of log findings', check: 'live check result' };
const isEvidence = (name: string): name is EvidenceName => Object.hasOwn(evidencePatterns, name);
/**
 * Lists name only findings and outcomes we know, each once, in one order
 * (the tables' own): any other spelling would be a new link for the same page.
 * The rank of a token, or -1 for one we do not know.
 */
const findingOrder = new Map(recognisers.map((r, i) => [r.id, i]));
const checkKinds = ['http', 'page', 'cdn', 'lb', 'cache', 'server'];
const tokenRank: Record<'found' | 'check', (token: string) => number> = {
  found: (token) => findingOrder.get(token) ?? -1,
  check: (token) => {
    if (describeToken(token) === undefined) return -1;
    const kind = checkKinds.indexOf(token.split('-')[0]);
    // Outcomes first, then the status, who wrote the page, who sits in front and who answered.
    return kind < 0 || Object.hasOwn(checkOutcomes, token) ? 0 : kind + 1;
  },
};

/** A list of log findings or check outcomes as links carry it: known tokens, each once, in order. */
export function evidenceList(step: 'found' | 'check', tokens: readonly string[]): string {
  const rank = tokenRank[step];
  const known = [...new Set(tokens)].filter((t) => rank(t) >= 0);
  return known.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)).join('+');
}

/** PHP versions as numbers: `08.1` and `8.01` are 8.1. */
function phpVersion(answer: string): string {
  const [major, minor] = answer.split('.').map(Number);
  return `${major}.${minor}`;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function shorten(text: string): string {
  return text.length > maxSegmentLength ? `${text.slice(0, maxSegmentLength)}…` : text;
}

export interface ParsedSegments {
  answers: Answer[];
  at?: string;
  start?: string;
  rejected: Rejected[];
  /** Old step names that were understood, with what they are now. */
  notes: string[];
}

export function parseSegments(segments: readonly string[]): ParsedSegments {
  const answers: Answer[] = [];
  let at: string | undefined;
  let start: string | undefined;
  const rejected: Rejected[] = [];
  const notes: string[] = [];
  const seen = new Set<string>();
  /** A step named in a link, under its current name. */
  const current = (name: string) => {
    if (!Object.hasOwn(legacySteps, name)) return name;
    const legacy = legacySteps[name];
    if (!notes.includes(legacy.note)) notes.push(legacy.note);
    return legacy.now;
  };

  segments.forEach((raw, index) => {
    const segment = decode(raw).trim();
    if (index >= maxSegments) {
      if (index === maxSegments) {
        rejected.push({ segment: shorten(segment), reason: `the link has more answers than any journey (${segments.length}); the rest were left out` });
      }
      return;
    }
    const match = segmentPattern.exec(segment.toLowerCase());
    if (!match) {
      rejected.push({ segment: shorten(segment), reason: 'it is not in the form step=answer' });
      return;
    }
    const long = isEvidence(match[1]) ? maxEvidenceLength : maxSegmentLength;
    const [, named, rawAnswer] = match.map((part) => (part.length > long ? shorten(part) : part));
    const step = current(named);
    const answer = named === 'at' || named === 'start' ? current(rawAnswer) : rawAnswer;
    if (segment.length > long) {
      rejected.push({ segment: shorten(segment), reason: 'it is longer than any answer' });
    } else if (step === 'at' || step === 'start') {
      const kept = step === 'at' ? at : start;
      if (!isStep(answer)) rejected.push({ segment, reason: `there is no step called “${answer}”` });
      else if (kept) rejected.push({ segment, reason: `the link has two “${step}” parts; the first was kept` });
      else if (step === 'at') at = answer;
      else start = answer;
    } else if (isEvidence(step)) {
      if (!evidencePatterns[step].test(answer)) rejected.push({ segment, reason: `“${answer}” is not a ${evidenceNames[step]}` });
      else if (seen.has(step)) rejected.push({ segment, reason: `the link has two “${step}” parts; the first was kept` });
      else {
        seen.add(step);
        if (step === 'php') {
          answers.push({ step, answer: phpVersion(answer) });
        } else {
          const unknown = [...new Set(answer.split('+'))].filter((t) => tokenRank[step](t) < 0);
          if (unknown.length) {
            const named = unknown.slice(0, 3).map((t) => `“${shorten(t).slice(0, 40)}”`);
            const more = unknown.length > 3 ? ` and ${unknown.length - 3} more` : '';
            rejected.push({ segment, reason: `${named.join(', ')}${more} ${unknown.length > 1 ? 'are' : 'is'} not in our ${evidenceNames[step]}` });
          }
          const kept = evidenceList(step, answer.split('+'));
          if (kept) answers.push({ step, answer: kept });
        }
      }
    } else if (!isStep(step)) {
      rejected.push({ segment, reason: `there is no step called “${step}”` });
    } else if (!findAnswer(step, answer)) {
      rejected.push({ segment, reason: `“${answer}” is not one of the answers to “${step}”` });
    } else if (seen.has(step)) {
      rejected.push({ segment, reason: `“${step}” was answered earlier in the link; the first answer was kept` });
    } else {
      seen.add(step);
      answers.push({ step, answer });
    }
  });

  return { answers, at, start, rejected, notes };
}

/**
 * Remembered answers are a set, so they are kept in one order, the steps'
 * own: two links that differ only in the order of those answers are the
 * same link, and the server keeps one copy of its page.
 */
const evidenceOrder = Object.keys(evidencePatterns);
function linkOrder(step: string): number {
  const index = stepIds.indexOf(step);
  return index >= 0 ? index : stepIds.length + evidenceOrder.indexOf(step);
}

/** Replays answers through the machine; see the comment at the top. */
export function replay(answers: readonly Answer[], { at, start }: { at?: string; start?: string } = {}): Omit<WizardState, 'rejected' | 'notes'> {
  const remaining = new Map(answers.map((a) => [a.step, a]));
  const path: Answer[] = [];
  let [snapshot] = initialTransition(troubleshooter);
  // Evidence is known from the outset. So are the answers to questions when
  // a link jumps past them (`start=`): a support agent's link to one fix
  // still carries the setup they put in it.
  const facts = Object.fromEntries(
    answers.flatMap((a) => {
      if (a.step === 'php') return [['php', a.answer]];
      const fact = isStep(a.step) ? stepMeta(a.step).fact : undefined;
      return start && fact ? [[fact, a.answer]] : [];
    }),
  );
  const listed = (name: string) => answers.find((a) => a.step === name)?.answer.split('+') ?? [];
  const evidence = { found: listed('found'), checked: listed('check') };
  snapshot = troubleshooter.resolveState({
    value: start ?? (snapshot.value as string),
    // The team's own settings come first (the questions they answer are skipped); a jump-in link's answers may still say otherwise.
    context: { ...snapshot.context, facts: { ...snapshot.context.facts, ...siteFacts, ...facts }, evidence },
  });

  for (let i = 0; i < maxSegments && snapshot.status === 'active'; i++) {
    const step = snapshot.value as string;
    const given = remaining.get(step);
    const skipWith = stepMeta(step).skipWith;
    if (!given && skipWith && step !== at && [...remaining.keys()].some(isStep)) {
      // Not the person's answer, so not in the path: the link stays as it was.
      snapshot = transition(troubleshooter, snapshot, { type: skipWith as AnswerId })[0];
      continue;
    }
    if (!given || step === at) break;
    // A validated answer is one of this step's answer ids.
    const [next] = transition(troubleshooter, snapshot, { type: given.answer as AnswerId });
    if (next.value === step) break; // cannot happen for a validated answer; never loop
    remaining.delete(step);
    path.push(given);
    snapshot = next;
  }

  const step = snapshot.value as string;
  return {
    step,
    start,
    found: [...evidence.found],
    checked: [...evidence.checked],
    meta: stepMeta(step),
    context: snapshot.context,
    path,
    pending: [...remaining.values()].sort((a, b) => linkOrder(a.step) - linkOrder(b.step)),
    earlier: remaining.get(step)?.answer,
  };
}

/** Turns the path segments of a `/fix/...` URL into the wizard's state. */
export function stateFromSegments(segments: readonly string[]): WizardState {
  const { answers, at, start, rejected, notes } = parseSegments(segments);
  return { ...replay(answers, { at, start }), rejected, notes };
}

export function segmentsFor(answers: readonly Answer[], { at, start }: { at?: string; start?: string } = {}): string[] {
  const segments = answers.map((a) => `${a.step}=${a.answer}`);
  if (start) segments.unshift(`start=${start}`);
  if (at) segments.push(`at=${at}`);
  return segments;
}

export function hrefFor(answers: readonly Answer[], options: { at?: string; start?: string } = {}, base = basePath): string {
  const segments = segmentsFor(answers, options);
  return segments.length ? `${base}/${segments.join('/')}` : base;
}

/** The URL this state is best known by: used answers first, then remembered ones. */
export function canonicalHref(state: WizardState, base = basePath): string {
  return hrefFor([...state.path, ...state.pending], { start: state.start, at: state.earlier ? state.step : undefined }, base);
}

/** Where choosing `answer` at the current step leads: as far as the remembered answers go. */
export function answerHref(state: WizardState, answer: string): string {
  const later = state.pending.filter((a) => a.step !== state.step);
  return hrefFor([...state.path, { step: state.step, answer }, ...later], { start: state.start });
}

/** One step back: reopen the previous question, remembering every answer. */
export function backHref(state: WizardState): string | null {
  const previous = state.path.at(-1);
  return previous ? hrefFor([...state.path, ...state.pending], { start: state.start, at: previous.step }) : null;
}

/** Reopens `step`'s question, remembering every answer for when it fits again. */
export function changeHref(state: WizardState, step: string): string {
  return hrefFor([...state.path, ...state.pending], { start: state.start, at: step });
}

/** The short link that opens one step directly, with nothing answered. */
export function stepHref(step: string): string {
  return `/step/${step}`;
}
