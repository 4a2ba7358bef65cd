import Link from 'next/link';
import { canonicalHref, changeHref, type WizardState } from '../../../machines/url-state';
import { loadTitle } from '../../_lib/guidance';
import { describeJourney } from '../../_lib/journey';
import { stepMeta } from '../../../machines/steps';


/** GOV.UK-style "check your answers": each answer with a link to change it. */
export async function CheckAnswers({ state }: { state: WizardState }) {
  const { facts, tried, findings } = await describeJourney(state);
  // Facts with no question of their own (the PHP version read from a log) are listed by name.
  const questions = await Promise.all(
    facts.map(async (f) => ({ ...f, question: f.step && stepMeta(f.step).fact === f.fact ? await loadTitle(stepMeta(f.step).guidance) : f.name })),
  );
  const current = await loadTitle(state.meta.guidance);

  return (
    <>
      <section aria-labelledby="setup-heading" className="mt-8">
        <h2 id="setup-heading" className="text-xl font-semibold">
          About your site
        </h2>
        {questions.length ? (
          <dl className="rows">
            {questions.map((q) => (
              <div key={q.fact} className="grid gap-1 py-3 sm:grid-cols-[1fr_1fr_auto] sm:gap-4">
                <dt className="font-medium">{q.question}</dt>
                <dd>{q.value}</dd>
                <dd className="print:hidden">
                  {q.step && (
                    <Link href={changeHref(state, q.step)} className="link">
                      Change<span className="sr-only"> your answer to “{q.question}”</span>
                    </Link>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="mt-2">No questions answered yet.</p>
        )}
      </section>

      {findings.length > 0 && (
        <section aria-labelledby="log-heading" className="mt-10">
          <h2 id="log-heading" className="text-xl font-semibold">
            What your error log shows
          </h2>
          <ul className="mt-3 space-y-2">
            {findings.map((f) => (
              <li key={f.title}>
                <strong>{f.title}:</strong> {f.meaning}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="tried-heading" className="mt-10">
        <h2 id="tried-heading" className="text-xl font-semibold">
          What you tried
        </h2>
        {tried.length ? (
          <dl className="rows">
            {tried.map((t, i) => (
              <div key={t.step} className="grid gap-1 py-3 sm:grid-cols-[1fr_1fr_auto] sm:gap-4">
                <dt className="font-medium">
                  {i + 1}. {t.title}
                </dt>
                <dd>{t.outcome}</dd>
                <dd className="print:hidden">
                  <Link href={changeHref(state, t.step)} className="link">
                    Change<span className="sr-only"> what happened with “{t.title}”</span>
                  </Link>
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="mt-2">No fixes tried yet.</p>
        )}
      </section>

      <section aria-labelledby="now-heading" className="mt-10 print:hidden">
        <h2 id="now-heading" className="text-xl font-semibold">
          Where you are now
        </h2>
        <p className="mt-2">
          {state.meta.kind === 'ending' ? 'You reached the end: ' : 'Your next step: '}
          <Link href={canonicalHref(state)} className="link">
            {current}
          </Link>
        </p>
      </section>
    </>
  );
}
