import Link from 'next/link';
import { answerHref, type WizardState } from '@/machines/url-state';
import { PictureAnswers } from './PictureAnswers';
import { PrefetchAnswers } from './PrefetchAnswers';

/** Answers a tool's result gives (the live check's "use what it found") are not buttons. */
export const offeredAnswers = (state: WizardState) => state.meta.answers.filter((a) => !a.fromTool);

const headings = { question: 'Choose your answer', fix: 'Did it work?' } as const;

/**
 * The answers are plain links to the next step's URL: they work without
 * JavaScript; with it, the steps they lead to are fetched as soon as this
 * one shows, so the next step appears the moment an answer is chosen.
 */
export function Answers({ state, labels }: { state: WizardState; labels: Readonly<Record<string, string>> }) {
  if (state.meta.kind === 'ending') return null;
  const prefetch = <PrefetchAnswers />;
  if (state.meta.pictures)
    return (
      <>
        {prefetch}
        <PictureAnswers state={state} labels={labels} />
      </>
    );
  return (
    <section id="answers" aria-labelledby="answers-heading" className="mt-10">
      {prefetch}
      <h2 id="answers-heading" className="mb-3 text-lg font-semibold">
        {headings[state.meta.kind]}
      </h2>
      <ul className="grid gap-3" role="list">
        {offeredAnswers(state).map((answer) => {
          const earlier = answer.id === state.earlier;
          return (
            <li key={answer.id}>
              <Link href={answerHref(state, answer.id)} prefetch className={earlier ? 'answer answer-earlier' : 'answer'}>
                {labels[answer.id]}
                {earlier && (
                  <span className="rounded-full bg-blue-700 px-2 py-0.5 text-xs font-semibold text-white dark:bg-blue-300 dark:text-slate-950">
                    <span className="sr-only">: </span>your answer before
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
