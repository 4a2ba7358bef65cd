import { stepMeta } from '@/machines/steps';
import type { WizardState } from '@/machines/url-state';
import { knownFacts, type KnownFact } from './known-facts';
import { answerLabel } from '@/content/answers';
import { loadTitle } from '@/content/guidance';
import { describeCheck } from '@/live-check/outcome';
import { recognisers } from '@/evidence/log-lines';

export interface TriedStep {
  step: string;
  title: string;
  answer: string;
  outcome: string;
}

export interface LogFinding {
  title: string;
  meaning: string;
}

export interface JourneyRecord {
  facts: KnownFact[];
  tried: TriedStep[];
  /** What the person's error log showed (the meanings, never the lines). */
  findings: LogFinding[];
  /** What a live check of the site saw, in one sentence. */
  liveCheck?: string;
}

/** What the wizard knows and what was tried, in words a person reads. */
export async function describeJourney(state: WizardState): Promise<JourneyRecord> {
  const tried = await Promise.all(
    state.context.tried.map(async ({ step, answer }) => ({
      step,
      answer,
      title: await loadTitle(stepMeta(step).guidance),
      outcome: await answerLabel(step, answer),
    })),
  );
  const findings = state.found.flatMap((id) => {
    const r = recognisers.find((r) => r.id === id);
    return r ? [{ title: r.title, meaning: r.meaning }] : [];
  });
  return { facts: await knownFacts(state.context, Boolean(state.start)), tried, findings, liveCheck: describeCheck(state.checked) };
}
