import type { ReactNode } from 'react';

/**
 * A native disclosure: works without JavaScript and with every screen reader.
 * `fold` names what kind of fold it is (`data-fold`), so tests can tell the
 * SSH fold from other technical depth.
 */
export function Details({ summary = 'Show details', fold, children }: { summary?: ReactNode; fold?: string; children: ReactNode }) {
  return (
    <details className="not-prose disclosure" data-fold={fold}>
      <summary className="disclosure-summary">{summary}</summary>
      <div className="disclosure-body prose prose-slate max-w-none dark:prose-invert">{children}</div>
    </details>
  );
}

/** Steps for one browser, folded so a reader opens only the one they use. */
export function Browser({ name, children }: { name: string; children: ReactNode }) {
  return <Details summary={name}>{children}</Details>;
}
