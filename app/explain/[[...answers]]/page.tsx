import type { Metadata } from 'next';
import { canonicalHref, stateFromSegments } from '@/machines/url-state';
import { WhereLogsAre } from '@/app/_components/explain/WhereLogsAre';
import { BackToWizard } from '@/app/_components/layout/BackToWizard';
import { LogExplainer } from '@/app/_components/explain/LogExplainer';

interface Props {
  params: Promise<{ answers?: string[] }>;
}

export const metadata: Metadata = {
  title: 'Explain my error log',
  description: 'Paste lines from your web server, PHP-FPM or system logs and get each one explained in plain words, with the fix that addresses it.',
};

// Rendered per request: the page shows what a person pasted, so it carries
// a strict, per-request script policy (see proxy.ts). The path carries the
// person's wizard answers, so the fixes it links to keep them.
export const dynamic = 'force-dynamic';

export default async function ExplainPage({ params }: Props) {
  const state = stateFromSegments((await params).answers ?? []);
  const context = canonicalHref(state, '');
  return (
    <>
      <h1 className="page-title">Explain my error log</h1>
      <p className="lede">
        Paste lines from your logs, or the text of the error page, and we’ll say what each recognised line means and which fix addresses it.
      </p>
      <details className="mt-4 rounded border border-slate-300 dark:border-slate-700">
        <summary className="cursor-pointer px-4 py-3 font-medium">Where do I find my error log?</summary>
        <div className="border-t border-slate-200 px-4 py-3 text-sm dark:border-slate-800">
          <WhereLogsAre facts={state.context.facts} />
        </div>
      </details>
      <BackToWizard state={state} />
      <LogExplainer context={context} />
    </>
  );
}
