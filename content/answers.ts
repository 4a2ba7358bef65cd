import { stepMeta } from '@/machines/steps';
import { loadGuidance } from './guidance';

/** The words of a step's answers, from its MDX frontmatter (the machine keeps only their ids). */
export async function answerLabels(step: string): Promise<Readonly<Record<string, string>>> {
  return (await loadGuidance(stepMeta(step).guidance)).frontmatter.answers ?? {};
}

/** One answer's words; the id itself if the frontmatter lacks it (the content tests make sure it never does). */
export async function answerLabel(step: string, answer: string): Promise<string> {
  return (await answerLabels(step))[answer] ?? answer;
}
