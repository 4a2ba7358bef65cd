import Link from 'next/link';
import { canonicalHref, changeHref, type WizardState } from '@/machines/url-state';
import { loadTitle } from '@/content/guidance';
import { describeJourney } from '@/handoff/journey';
import { stepMeta } from '@/machines/steps';

/** One line of the record: what, the answer, and a link to change it. */
function Row({ term, value, change, changeLabel }: { term: React.ReactNode; value: string; change?: string; changeLabel: string }) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-[1fr_1fr_auto] sm:gap-4">
      <dt className="font-medium">{term}</dt>
      <dd>{value}</dd>
      <dd className="print:hidden">
        {change && (
          <Link href={change} className="link">
            Change<span className="sr-only"> {changeLabel}</span>
          </Link>
        )}
      </dd>
    </div>
  );
}

/** GOV.UK-style "check your answers": each answer with a link to change it. */
export async function CheckAnswers({ state }: { state: WizardState }) {
  const { facts, tried, findings, liveCheck } = await describeJourney(state);
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
              <Row key={q.fact} term={q.question} value={q.value} change={q.step && changeHref(state, q.step)} changeLabel={`your answer to “${q.question}”`} />
            ))}
          </dl>
        ) : (
          <p className="mt-2">No questions answered yet.</p>
        )}
      </section>

      {liveCheck && (
        <section aria-labelledby="live-check-heading" className="mt-10">
          <h2 id="live-check-heading" className="text-xl font-semibold">
            What the live check saw
          </h2>
          <p className="mt-3">{liveCheck}</p>
        </section>
      )}

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
              <Row
                key={t.step}
                term={`${i + 1}. ${t.title}`}
                value={t.outcome}
                change={changeHref(state, t.step)}
                changeLabel={`what happened with “${t.title}”`}
              />
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
