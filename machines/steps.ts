import type { AnswerMeta, StepMeta } from './meta';
import { troubleshooter } from './troubleshooter';

/** Read-only views of the machine's states, for pages, tests and tools. */

const nodes = troubleshooter.states as Record<string, { meta?: StepMeta }>;

/** Every step a person can be on; the machine's transient `plan` state, which has no page, is not one. */
export const stepIds: readonly string[] = Object.keys(nodes).filter((id) => nodes[id].meta);

export function isStep(id: string): boolean {
  return Object.hasOwn(nodes, id) && Boolean(nodes[id].meta);
}

export function stepMeta(id: string): StepMeta {
  const meta = nodes[id]?.meta;
  if (!meta) throw new Error(`Unknown step: ${id}`);
  return meta;
}

export function findAnswer(step: string, answer: string): AnswerMeta | undefined {
  return isStep(step) ? stepMeta(step).answers.find((a) => a.id === answer) : undefined;
}
