import { replay, type Answer } from '@/machines/url-state';

/**
 * The step URLs built ahead of time: every journey up to `depth` answers
 * (about 1,400 pages). Deeper URLs are rendered on first visit and then
 * served from the cache like these.
 */
export function prerenderedAnswers(depth: number): string[][] {
  const out: string[][] = [];
  const walk = (answers: Answer[]) => {
    out.push(answers.map((a) => `${a.step}=${a.answer}`));
    if (answers.length === depth) return;
    const state = replay(answers);
    for (const { id } of state.meta.answers) walk([...answers, { step: state.step, answer: id }]);
  };
  walk([]);
  return out;
}
