/**
 * The live check as the wizard uses it: admit a check (read what was typed,
 * apply the limits), run it, and present the result with links that carry
 * its answers into the wizard. Shared by the form's server action and the
 * streaming route.
 */
import { stepMeta } from '@/machines/steps';
import { canonicalHref, hrefFor, stateFromSegments, type Answer } from '@/machines/url-state';
import { loadTitle } from '@/content/guidance';
import { parseTarget } from './input';
import { interpret, type Finding, type Tone } from './interpret';
import { clientKey, refusalMessage, sharedLimits } from './limits';
import type { CheckReport, Progress } from './report';
import { runCheck } from './run-check';
import { checkSettings } from './settings';

/** What the live check page shows: meanings and links, and the address the person typed. */
export interface CheckView {
  url: string;
  checkedAt: string;
  totalMs: number;
  tone: Tone;
  verdict: string;
  explanation: string;
  findings: Finding[];
  suggestions: { question: string; answer: string; because: string; earlier?: string }[];
  /** The wizard with the suggested answers and the result carried over. */
  useHref: string;
  /** Back where the person was, without them. */
  returnHref: string;
}

export type CheckState = { view?: CheckView; error?: string; input?: string };

/** A check that will not run, and the HTTP status that says why. */
export type Refusal = { status: 400 | 429 | 503; state: CheckState; retryAfter?: number };

/**
 * Reads and vets what was typed and takes a place in the limits. Returns
 * either a message to show (with the HTTP status it deserves) or the URL
 * to check and the function that gives the place back.
 */
export function admit(input: unknown, forwardedFor: string | null): Refusal | { url: URL; release: () => void } {
  const typed = typeof input === 'string' ? input.slice(0, 2000) : '';
  let settings;
  try {
    settings = checkSettings();
  } catch (error) {
    console.error(error);
    return { status: 503, state: { input: typed, error: 'The live check is not set up correctly on this server, so it is switched off. Carry on with the questions: they work without it.' } };
  }
  const target = parseTarget(input, settings);
  if (!target.ok) return { status: 400, state: { input: typed, error: target.problem } };
  const admission = sharedLimits(settings.perMinute, settings.maxConcurrent).admit(clientKey(forwardedFor));
  if (!admission.ok) return { status: admission.reason === 'rate' ? 429 : 503, retryAfter: admission.retryAfter, state: { input: typed, error: refusalMessage(admission) } };
  return { url: target.url, release: admission.release };
}

/** Runs an admitted check. A check refused for its address becomes a message, like bad input. */
export async function check(url: URL, input: string, context: string[], options: { signal?: AbortSignal; onProgress?: (p: Progress) => void } = {}): Promise<CheckState> {
  const report = await runCheck(url, checkSettings(), options);
  if (report.failure?.kind === 'refused-address' && report.hops.length === 1) {
    return { input, error: `We only check sites on the public internet. ${report.failure.detail.replace(/: /, ' is ')}.` };
  }
  return { input, view: await present(report, context) };
}

async function present(report: CheckReport, context: string[]): Promise<CheckView> {
  const reading = interpret(report);
  const state = stateFromSegments(context);
  const own = [...state.path, ...state.pending];
  const suggested: Answer[] = reading.suggestions.map(({ step, answer }) => ({ step, answer }));
  const kept = own.filter((a) => a.step !== 'check' && !suggested.some((s) => s.step === a.step));
  const evidence: Answer[] = reading.tokens.length ? [{ step: 'check', answer: reading.tokens.slice(0, 8).join('+') }] : [];

  const labelOf = (step: string, answer?: string) => stepMeta(step).answers.find((a) => a.id === answer)?.label;
  const suggestions = await Promise.all(
    reading.suggestions.map(async ({ step, answer, because }) => {
      const earlier = own.find((a) => a.step === step)?.answer;
      return {
        question: await loadTitle(stepMeta(step).guidance),
        answer: labelOf(step, answer) ?? answer,
        because,
        earlier: earlier && earlier !== answer ? labelOf(step, earlier) : undefined,
      };
    }),
  );

  return {
    url: report.url,
    checkedAt: report.checkedAt,
    totalMs: report.totalMs,
    tone: reading.tone,
    verdict: reading.verdict,
    explanation: reading.explanation,
    findings: reading.findings,
    suggestions,
    useHref: hrefFor([...kept, ...suggested, ...evidence], { start: state.start }),
    returnHref: canonicalHref(state),
  };
}

/** The wizard answers a form or request came with (the page's path), bounded. */
export function contextOf(value: unknown): string[] {
  return String(value ?? '')
    .split('/')
    .filter(Boolean)
    .slice(0, 64);
}
