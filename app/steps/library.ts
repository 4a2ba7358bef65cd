import { stages } from '@/machines/meta';
import { stepIds, stepMeta } from '@/machines/steps';
import { contextFacts, type BuilderOptions } from './context-link';
import { loadGuidance } from '@/content/guidance';

/** Every step with its guidance's frontmatter, grouped by stage, in journey order. */
export async function stepLibrary() {
  const steps = await Promise.all(stepIds.map(async (id) => ({ id, meta: stepMeta(id), ...(await loadGuidance(stepMeta(id).guidance)).frontmatter })));
  return stages.map((stage) => ({ ...stage, steps: steps.filter((s) => s.meta.stage === stage.id) }));
}

/** What the link builder offers: fixes to start at, and the setup questions. */
export async function builderOptions(): Promise<BuilderOptions> {
  const library = (await stepLibrary()).flatMap((g) => g.steps);
  const starts = library.filter((s) => s.meta.kind === 'fix').map((s) => ({ id: s.id, title: s.title }));
  const facts = contextFacts.map((fact) => {
    const question = library.find((s) => s.meta.fact === fact)!;
    return { fact, question: question.title, answers: question.meta.answers.map(({ id }) => ({ id, label: question.answers?.[id] ?? id })) };
  });
  return { starts, facts };
}
