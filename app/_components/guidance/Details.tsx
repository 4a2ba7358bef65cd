import type { ReactNode } from 'react';

/** A native disclosure: works without JavaScript and with every screen reader. */
export function Details({ summary = 'Show details', children }: { summary?: string; children: ReactNode }) {
  return (
    <details className="not-prose disclosure">
      <summary className="disclosure-summary">
        {summary}
      </summary>
      <div className="disclosure-body prose prose-slate max-w-none dark:prose-invert">
        {children}
      </div>
    </details>
  );
}

/** Steps for one browser, folded so a reader opens only the one they use. */
export function Browser({ name, children }: { name: string; children: ReactNode }) {
  return <Details summary={name}>{children}</Details>;
}
