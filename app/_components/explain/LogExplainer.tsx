'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { explainAction, type ExplainState } from '@/app/explain/actions';
import { CopyButton } from '@/app/_components/guidance/CopyButton';

const severityLabel: Record<string, string> = { critical: 'Serious', error: 'Error', warning: 'Warning', info: 'Note' };
const severityStyle: Record<string, string> = {
  critical: 'bg-red-700 text-white dark:bg-red-400 dark:text-slate-950',
  error: 'bg-orange-700 text-white dark:bg-orange-300 dark:text-slate-950',
  warning: 'bg-amber-300 text-slate-950',
  info: 'bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-100',
};

/**
 * Paste log lines, get each recognised line explained. A form with a server
 * action: without JavaScript it posts and the page comes back with the
 * result; with it, the result appears in place.
 */
export function LogExplainer({ context }: { context: string }) {
  const [state, action, pending] = useActionState<ExplainState, FormData>(explainAction, {});
  const result = state.result;

  return (
    <>
      <form action={action} className="mt-6 grid gap-4">
        <input type="hidden" name="context" value={context} />
        <div>
          <label htmlFor="log" className="font-medium">
            Lines from your error log
          </label>
          <p id="log-hint" className="hint">
            Paste as much as you like, up to about 200 KB: lines we don’t recognise are only counted. Nothing you paste is stored or logged.
          </p>
          <textarea
            id="log"
            name="log"
            rows={10}
            required
            maxLength={1_000_000}
            spellCheck={false}
            defaultValue={state.log}
            aria-describedby={state.error ? 'log-hint log-error' : 'log-hint'}
            aria-invalid={state.error ? true : undefined}
            className="field font-mono text-sm"
          />
          {state.error && (
            <p id="log-error" role="alert" className="mt-1 font-medium text-red-700 dark:text-red-300">
              {state.error}
            </p>
          )}
        </div>
        <div className="flex items-start gap-2">
          <input id="include" name="include" type="checkbox" className="mt-1 h-5 w-5" />
          <label htmlFor="include">Include the matching lines in the text for my host (they may contain addresses or file paths)</label>
        </div>
        <p>
          <button type="submit" disabled={pending} className="button">
            {pending ? 'Reading…' : 'Explain these lines'}
          </button>
        </p>
      </form>

      <div aria-live="polite">
        {result && (
          <section aria-labelledby="findings-heading" className="mt-10">
            <h2 id="findings-heading" className="text-2xl font-semibold">
              {result.findings.length === 0
                ? 'We didn’t recognise any of these lines'
                : result.findings.length === 1
                  ? 'One thing stands out'
                  : `${result.findings.length} things stand out, most serious first`}
            </h2>
            <p className="mt-2 hint">
              We read {result.total} {result.total === 1 ? 'line' : 'lines'}; {result.unmatched} matched nothing we know.
              {result.truncated && ' The text was long, so only the first 200 KB were read.'}
              {result.unexamined > 0 &&
                ` There were so many lines that the last ${result.unexamined} were not looked at: paste only the lines from when the error happened.`}
              {result.platform && ` Its file paths are ${result.platform}’s, so the steps below show ${result.platform}’s screens and commands.`}
            </p>
            {result.findings.length === 0 && (
              <p className="mt-3">
                Try lines from the moment the error happened, from the web server’s error log rather than its access log. Or carry on with the fixes: they don’t
                need the log.
              </p>
            )}
            <ol className="mt-4 space-y-6" role="list">
              {result.findings.map((f) => (
                <li key={f.id} className="rounded-lg border border-slate-300 p-4 dark:border-slate-700" data-finding={f.id}>
                  <h3 className="text-lg font-semibold">
                    <span className={`mr-2 rounded px-2 py-0.5 align-middle text-xs font-semibold ${severityStyle[f.severity] ?? severityStyle.info}`}>
                      {severityLabel[f.severity] ?? f.severity}
                    </span>
                    {f.title}
                  </h3>
                  <p className="hint mt-1">Seen {f.count === 1 ? 'once' : `${f.count} times`}</p>
                  <p className="mt-2">
                    <strong>What it means:</strong> {f.meaning}
                  </p>
                  <p className="mt-2">
                    <strong>Likely cause:</strong> {f.cause}
                  </p>
                  <p className="mt-3">
                    <Link href={f.href} className="link font-medium">
                      Go to the fix: {f.stepTitle}
                    </Link>
                  </p>
                </li>
              ))}
            </ol>
            {result.forHost && (
              <div data-copy-scope className="mt-8">
                <label htmlFor="for-host" className="font-medium">
                  For your host or developer
                </label>
                <textarea id="for-host" data-copy readOnly rows={6} value={result.forHost} className="field font-mono text-sm" />
                <CopyButton label="Copy" what="text for your host" className="button-outline mt-2 text-sm" />
              </div>
            )}
          </section>
        )}
      </div>
    </>
  );
}
