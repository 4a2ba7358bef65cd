import Link from 'next/link';
import { answerHref, type WizardState } from '@/machines/url-state';
import { errorPageDrawings } from '@/app/_components/error-pages/drawings';

/**
 * Answers people recognise rather than name: each a link holding a drawing,
 * with a visible label and a description that screen readers announce.
 */
export function PictureAnswers({ state, labels }: { state: WizardState; labels: Readonly<Record<string, string>> }) {
  return (
    <section id="answers" aria-labelledby="answers-heading" className="mt-10">
      <h2 id="answers-heading" className="mb-3 text-lg font-semibold">
        Which looks most like yours?
      </h2>
      <ul className="grid gap-4 sm:grid-cols-2" role="list">
        {state.meta.answers.map((answer) => {
          const picture = errorPageDrawings[answer.id];
          const descriptionId = `picture-${answer.id}`;
          return (
            <li key={answer.id}>
              <Link
                href={answerHref(state, answer.id)}
                prefetch
                aria-describedby={descriptionId}
                className={`block rounded-lg border-2 border-blue-700 p-2 font-medium text-blue-800 no-underline hover:bg-blue-50 dark:border-blue-400 dark:text-blue-200 dark:hover:bg-blue-950 ${answer.id === state.earlier ? 'bg-blue-50 dark:bg-blue-950' : ''}`}
              >
                {picture?.drawing}
                <span className="mt-2 block px-1">
                  {labels[answer.id]}
                  {answer.id === state.earlier && <span className="ml-2 text-sm font-semibold">(your answer before)</span>}
                </span>
              </Link>
              <p id={descriptionId} className="sr-only">
                {picture?.description}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
