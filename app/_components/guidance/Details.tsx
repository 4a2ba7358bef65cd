import type { ReactNode } from 'react';

/** A native disclosure: works without JavaScript and with every screen reader. */
export function Details({ summary = 'Show details', children }: { summary?: string; children: ReactNode }) {
  return (
    <details className="not-prose group my-4 rounded border border-slate-300 dark:border-slate-700">
      <summary className="cursor-pointer px-4 py-3 font-medium text-blue-800 marker:text-slate-500 dark:text-blue-300">
        {summary}
      </summary>
      <div className="prose prose-slate max-w-none border-t border-slate-200 px-4 py-2 dark:prose-invert dark:border-slate-800">
        {children}
      </div>
    </details>
  );
}

/** Steps for one browser, folded so a reader opens only the one they use. */
export function Browser({ name, children }: { name: string; children: ReactNode }) {
  return <Details summary={name}>{children}</Details>;
}
