/**
 * The live check as the wizard uses it: admit a check (read what was typed,
 * apply the limits), run it, and present the result with links that carry
 * its answers into the wizard. Shared by the form's server action and the
 * streaming route.
 */
import { answerLabel } from '@/content/answers';
import { loadTitle } from '@/content/guidance';
import { findAnswer, stepMeta } from '@/machines/steps';
import { canonicalHref, evidenceList, hrefFor, stateFromSegments, type Answer } from '@/machines/url-state';
import { maxInputLength, parseTarget } from './input';
import { interpret, type Finding, type Interpretation, type Tone } from './interpret';
import { clientAddress, clientKey } from '@/security/client-address';
import { refusalMessage, sharedLimits } from './limits';
import type { CheckReport, Progress } from './report';
import { runCheck } from './run-check';
import { checkSettings, type CheckSettings } from './settings';

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
  /** What the check saw, as the outcome tokens its links carry (`up` when the site loads). */
  tokens: string[];
  /** The wizard with the suggested answers and the result carried over. */
  useHref: string;
  /** Back where the person was, without them. */
  returnHref: string;
}

export type CheckState = { view?: CheckView; error?: string; input?: string };

/** A check that will not run, and the HTTP status that says why. */
export type Refusal = { status: 400 | 429 | 503; state: CheckState; retryAfter?: number };

/**
 * Reads and vets what was typed and takes a place in the limits, counted
 * against the client the request `headers` say is asking (TRUST_PROXY).
 * Returns either a message to show (with the HTTP status it deserves) or
 * the URL to check and the function that gives the place back.
 */
export async function admit(input: unknown, headers: Headers): Promise<Refusal | { url: URL; release: () => void }> {
  const read = readTarget(input);
  if ('state' in read) return read;
  const { settings, url } = read;
  let client: string;
  try {
    client = clientKey(clientAddress(headers));
  } catch (error) {
    return notSetUp(input, error);
  }
  const admission = await sharedLimits(settings.perMinute, settings.maxConcurrent).admit(client);
  if (!admission.ok)
    return {
      status: admission.reason === 'rate' ? 429 : 503,
      retryAfter: admission.retryAfter,
      state: { input: typedOf(input), error: refusalMessage(admission) },
    };
  return { url, release: admission.release };
}

const typedOf = (input: unknown) => (typeof input === 'string' ? input.slice(0, maxInputLength) : '');

function notSetUp(input: unknown, error: unknown): Refusal {
  console.error(error);
  return {
    status: 503,
    state: {
      input: typedOf(input),
      error: 'The live check is not set up correctly on this server, so it is switched off. Carry on with the questions: they work without it.',
    },
  };
}

/** What was typed, read and vetted as an address, before any limit is counted. */
function readTarget(input: unknown): Refusal | { url: URL; settings: CheckSettings } {
  let settings: CheckSettings;
  try {
    settings = checkSettings();
  } catch (error) {
    return notSetUp(input, error);
  }
  const target = parseTarget(input, settings);
  if (!target.ok) return { status: 400, state: { input: typedOf(input), error: target.problem } };
  return { url: target.url, settings };
}

/** The message for an address no check would be run for (not a web address, or checks switched off); none for one that would be checked. */
export function refusalOf(input: unknown): CheckState | undefined {
  const read = readTarget(input);
  return 'state' in read ? read.state : undefined;
}

/**
 * Admits and runs one check, start to end, for the pages that run it on the
 * server (the form's action without JavaScript, and `/check/…?url=`). Any
 * refusal becomes its message, as does a check that broke: never an error page.
 */
export async function checkNow(input: unknown, headers: Headers, context: string[]): Promise<CheckState> {
  const admitted = await admit(input, headers);
  if ('state' in admitted) return admitted.state;
  try {
    return await check(admitted.url, String(input), context);
  } catch (error) {
    console.error(error);
    return { input: String(input).slice(0, maxInputLength), error: 'The check stopped unexpectedly. Please try again.' };
  } finally {
    admitted.release();
  }
}

/** Runs an admitted check. A check refused for its address becomes a message, like bad input. */
export async function check(
  url: URL,
  input: string,
  context: string[],
  options: { signal?: AbortSignal; onProgress?: (p: Progress) => void } = {},
): Promise<CheckState> {
  const report = await runCheck(url, checkSettings(), options);
  if (report.failure?.kind === 'refused-address' && report.hops.length === 1) {
    return { input, error: `We only check sites on the public internet. ${report.failure.detail.replace(/: /, ' is ')}.` };
  }
  return { input, view: await present(report, context) };
}

/** The step that asks for evidence first; the check's result answers it. */
const evidenceStep = { step: 'evidence', answer: 'checked' } as const;

/**
 * Where a result leads, from the wizard answers the person came with
 * (`context`, the check page's path): `useHref` takes the suggested answers
 * (replacing earlier ones to the same questions) and the result as
 * `check=`; `returnHref` goes back without them. Sent from the evidence
 * step, `useHref` answers that step too, so the wizard moves on past it.
 */
export function resultLinks(reading: Pick<Interpretation, 'suggestions' | 'tokens'>, context: string[]) {
  const state = stateFromSegments(context);
  const own = [...state.path, ...state.pending];
  // Only answers the wizard knows: a question it does not ask would only be left out of the link with a note.
  const suggestions = reading.suggestions.filter(({ step, answer }) => findAnswer(step, answer));
  const suggested: Answer[] = suggestions.map(({ step, answer }) => ({ step, answer }));
  const kept = own.filter((a) => a.step !== 'check' && !suggested.some((s) => s.step === a.step));
  const answered: Answer[] = state.step === evidenceStep.step && findAnswer(evidenceStep.step, evidenceStep.answer) ? [evidenceStep] : [];
  const tokens = evidenceList('check', reading.tokens.slice(0, 8));
  const evidence: Answer[] = tokens ? [{ step: 'check', answer: tokens }] : [];
  return {
    suggestions,
    own,
    useHref: hrefFor([...kept, ...answered, ...suggested, ...evidence], { start: state.start }),
    returnHref: canonicalHref(state),
  };
}

async function present(report: CheckReport, context: string[]): Promise<CheckView> {
  const reading = interpret(report);
  const { suggestions: known, own, useHref, returnHref } = resultLinks(reading, context);
  const suggestions = await Promise.all(
    known.map(async ({ step, answer, because }) => {
      const earlier = own.find((a) => a.step === step)?.answer;
      return {
        question: await titleOf(step),
        answer: await labelOf(step, answer),
        because,
        earlier: earlier && earlier !== answer ? await labelOf(step, earlier) : undefined,
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
    tokens: reading.tokens,
    useHref,
    returnHref,
  };
}

// A step whose guidance cannot be read still gets its result shown, under its id.
async function titleOf(step: string): Promise<string> {
  try {
    return await loadTitle(stepMeta(step).guidance);
  } catch (error) {
    console.error(error);
    return step;
  }
}

async function labelOf(step: string, answer: string): Promise<string> {
  try {
    return await answerLabel(step, answer);
  } catch (error) {
    console.error(error);
    return answer;
  }
}

/** The wizard answers a form or request came with (the page's path), bounded. */
export function contextOf(value: unknown): string[] {
  // Cut before splitting: splitting a huge string would build a huge array first.
  return String(value ?? '')
    .slice(0, 4096)
    .split('/')
    .filter(Boolean)
    .slice(0, 64);
}
