import { firstValue, type Query } from '@/app/query';

/**
 * Links with known context: a support agent who knows a customer's setup
 * builds a link that answers those questions in advance, optionally starting
 * at one step. Free of machine imports so the builder can run in the browser.
 */

export const contextFacts = ['access', 'platform', 'server', 'cms', 'cdn'] as const;
export type ContextFact = (typeof contextFacts)[number];

export interface ContextChoice {
  start?: string;
  facts: Partial<Record<ContextFact, string>>;
}

/** What the builder offers: fixes to start at, and the setup questions with their answers. */
export interface BuilderOptions {
  starts: { id: string; title: string }[];
  facts: { fact: ContextFact; question: string; answers: { id: string; label: string }[] }[];
}

/** Keeps only offered values; an agent's typo never reaches the customer's link. */
export function readChoice(query: Query, options: BuilderOptions): ContextChoice {
  const one = (v: Query[string]) => firstValue(v) ?? '';
  const start = one(query.start);
  const facts: ContextChoice['facts'] = {};
  for (const { fact, answers } of options.facts) {
    const value = one(query[fact]);
    if (answers.some((a) => a.id === value)) facts[fact] = value;
  }
  return { start: options.starts.some((s) => s.id === start) ? start : undefined, facts };
}

/** The customer is the site's owner, so the link answers that question too. */
export function contextPath({ start, facts }: ContextChoice): string {
  const segments = ['role=owner', ...contextFacts.flatMap((f) => (facts[f] ? [`${f}=${facts[f]}`] : []))];
  if (start) segments.unshift(`start=${start}`);
  return `/fix/${segments.join('/')}`;
}
