import Link from 'next/link';
import { changeHref, type WizardState } from '@/machines/url-state';
import { describeJourney } from '@/handoff/journey';

/** What the wizard knows so far and what the person has tried: their record. */
export async function Journey({ state }: { state: WizardState }) {
  const { facts, tried } = await describeJourney(state);
  if (!facts.length && !tried.length) return null;

  return (
    <section aria-labelledby="journey-heading" className="mt-12 rounded-lg bg-slate-100 p-4 text-sm dark:bg-slate-900">
      <h2 id="journey-heading" className="mb-3 text-base font-semibold">
        Your answers so far
      </h2>
      {facts.length > 0 && (
        <dl className="answers-so-far">
          {facts.map((f) => (
            <div key={f.fact}>
              <dt>{f.name}</dt>
              <dd>{f.value}</dd>
              <dd>
                {f.step && (
                  <Link href={changeHref(state, f.step)} className="link">
                    Change<span className="sr-only"> {f.name.toLowerCase()}</span>
                  </Link>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {tried.length > 0 && (
        <>
          <h3 className="mb-1 mt-4 font-semibold">What you’ve tried</h3>
          <ol className="list-decimal pl-5">
            {tried.map((t) => (
              <li key={t.step}>
                {t.title}: <span className="text-slate-700 dark:text-slate-300">{t.outcome}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
