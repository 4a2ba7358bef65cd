import type { FactName, Facts } from '../../machines/facts';
import { stepIds, stepMeta } from '../../machines/steps';

/** Short names for what each question found out, in the order they are asked. */
const factNames: Record<FactName, [you: string, me: string]> = {
  role: ['Your role', 'My role'],
  reach: ['Who sees the error', 'Who sees the error'],
  access: ['Your access', 'My access'],
  cdn: ['CDN in front', 'CDN in front'],
  cms: ['CMS', 'CMS'],
  server: ['Web server', 'Web server'],
};

/** The question step that sets each fact, and so the labels of its values. */
function questionFor(fact: FactName) {
  return stepIds.find((id) => stepMeta(id).fact === fact);
}

export interface KnownFact {
  fact: FactName;
  name: string;
  /** The same name as the person would write it in a message. */
  ownName: string;
  value: string;
  /** The question step, for a "change" link. */
  step: string;
}

export function knownFacts(facts: Facts): KnownFact[] {
  return (Object.keys(factNames) as FactName[]).flatMap((fact) => {
    const value = facts[fact];
    const step = questionFor(fact);
    if (!value || !step) return [];
    const label = stepMeta(step).answers.find((a) => a.id === value)?.label ?? value;
    const [name, ownName] = factNames[fact];
    return [{ fact, name, ownName, value: label, step }];
  });
}

/** "Not sure" counts as unknown wherever guidance adapts to a fact. */
export function knows(facts: Facts, fact: FactName): boolean {
  const value = facts[fact];
  return value !== undefined && value !== 'not-sure';
}
