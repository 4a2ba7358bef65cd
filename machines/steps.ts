import type { AnswerMeta, StepMeta } from './meta';
import { troubleshooter } from './troubleshooter';

/** Read-only views of the machine's states, for pages, tests and tools. */

const nodes = troubleshooter.states as Record<string, { meta?: StepMeta }>;

export const stepIds: readonly string[] = Object.keys(nodes);

export function isStep(id: string): boolean {
  return Object.hasOwn(nodes, id);
}

export function stepMeta(id: string): StepMeta {
  const meta = nodes[id]?.meta;
  if (!meta) throw new Error(`Unknown step: ${id}`);
  return meta;
}

export function findAnswer(step: string, answer: string): AnswerMeta | undefined {
  return isStep(step) ? stepMeta(step).answers.find((a) => a.id === answer) : undefined;
}
