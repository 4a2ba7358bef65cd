import { stepMeta } from '../../machines/steps';
import type { WizardState } from '../../machines/url-state';
import { knownFacts, type KnownFact } from './facts';
import { loadTitle } from './guidance';

export interface TriedStep {
  step: string;
  title: string;
  answer: string;
  outcome: string;
}

export interface JourneyRecord {
  facts: KnownFact[];
  tried: TriedStep[];
}

/** What the wizard knows and what was tried, in words a person reads. */
export async function describeJourney(state: WizardState): Promise<JourneyRecord> {
  const tried = await Promise.all(
    state.context.tried.map(async ({ step, answer }) => ({
      step,
      answer,
      title: await loadTitle(stepMeta(step).guidance),
      outcome: stepMeta(step).answers.find((a) => a.id === answer)?.label ?? answer,
    })),
  );
  return { facts: knownFacts(state.context.facts), tried };
}
