import Link from 'next/link';
import type { Ref } from 'react';
import type { Tone } from '@/live-check/interpret';
import type { CheckView } from '@/live-check/for-wizard';

const toneLabel: Record<Tone, string> = { good: 'Fine', bad: 'Problem', unsure: 'Note' };
const toneStyle: Record<Tone, string> = {
  good: 'bg-green-800 text-white dark:bg-green-300 dark:text-slate-950',
  bad: 'bg-red-700 text-white dark:bg-red-400 dark:text-slate-950',
  unsure: 'bg-amber-300 text-slate-950',
};

function Badge({ tone }: { tone: Tone }) {
  return <span className={`mr-2 inline-block rounded px-2 py-0.5 align-middle text-xs font-semibold ${toneStyle[tone]}`}>{toneLabel[tone]}</span>;
}

const timeOf = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** What a live check found: a verdict, the findings with their raw detail, and the answers it supports. */
export function CheckReport({ view, headingRef }: { view: CheckView; headingRef?: Ref<HTMLHeadingElement> }) {
  const changes = view.suggestions.some((s) => s.earlier);
  return (
    <section aria-labelledby="verdict" className="mt-8" data-check-tone={view.tone}>
      <p className="hint [overflow-wrap:anywhere]">
        We checked {view.url} on {timeOf(view.checkedAt)} UTC, from our server, in{' '}
        {view.totalMs < 1000 ? 'under a second' : `${(view.totalMs / 1000).toFixed(1)} seconds`}.
      </p>
      <h2 id="verdict" ref={headingRef} tabIndex={-1} className="mt-2 text-2xl font-semibold text-balance">
        {view.verdict}
      </h2>
      <p className="mt-2">{view.explanation}</p>

      <h3 className="mt-6 text-lg font-semibold">What we found</h3>
      <ul className="rows" role="list">
        {view.findings.map((f) => (
          <li key={f.id} className="py-3" data-finding={f.id}>
            <p>
              <Badge tone={f.tone} />
              {f.title}
            </p>
            {f.detail.length > 0 && (
              <details className="mt-1">
                <summary className="hint cursor-pointer">Technical detail</summary>
                <pre className="code mt-2 pr-4 text-xs">{f.detail.join('\n')}</pre>
              </details>
            )}
          </li>
        ))}
      </ul>

      <div className="mt-8 rounded-lg border-2 border-blue-700 p-4 dark:border-blue-400">
        <h3 className="text-lg font-semibold">{view.suggestions.length ? 'What this tells the wizard' : 'Carry on with the wizard'}</h3>
        {view.suggestions.length > 0 ? (
          <>
            <p className="mt-1">We can answer these questions for you. Check they sound right:</p>
            <dl className="mt-3 space-y-3">
              {view.suggestions.map((s) => (
                <div key={s.question}>
                  <dt className="font-medium">{s.question}</dt>
                  <dd>
                    <strong>{s.answer}</strong>, because {s.because}.
                    {s.earlier && <span className="block hint">You answered “{s.earlier}” before; this replaces it.</span>}
                  </dd>
                </div>
              ))}
            </dl>
          </>
        ) : (
          <p className="mt-1">The check doesn’t answer any of the wizard’s questions, but the result goes into your summary and any message to your host.</p>
        )}
        <p className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-3">
          <Link href={view.useHref} className="button no-underline">
            {view.suggestions.length ? (changes ? 'Use these answers instead' : 'Use these answers') : 'Keep the result and carry on'}
          </Link>
          <Link href={view.returnHref} className="link">
            {view.suggestions.length ? 'Carry on without them' : 'Carry on without the result'}
          </Link>
        </p>
      </div>
    </section>
  );
}
