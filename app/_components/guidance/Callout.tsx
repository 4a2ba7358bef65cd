import type { ReactNode } from 'react';

const tones = {
  warning: {
    label: 'Warning',
    box: 'border-amber-500 bg-amber-50 dark:border-amber-400 dark:bg-amber-950/40',
    icon: '⚠',
  },
  note: {
    label: 'Tip',
    box: 'border-blue-600 bg-blue-50 dark:border-blue-400 dark:bg-blue-950/40',
    icon: 'ℹ',
  },
} as const;

function Callout({ tone, title, children }: { tone: keyof typeof tones; title?: string; children: ReactNode }) {
  const t = tones[tone];
  return (
    <aside className={`not-prose my-6 rounded-r border-l-4 px-4 py-3 ${t.box}`} aria-label={title ?? t.label}>
      <p className="m-0 font-semibold">
        <span aria-hidden="true" className="mr-1.5">
          {t.icon}
        </span>
        {title ?? t.label}
      </p>
      <div className="prose prose-slate max-w-none break-words dark:prose-invert [&>:first-child]:mt-1 [&>:last-child]:mb-0">{children}</div>
    </aside>
  );
}

export function Warning(props: { title?: string; children: ReactNode }) {
  return <Callout tone="warning" {...props} />;
}

export function Note(props: { title?: string; children: ReactNode }) {
  return <Callout tone="note" {...props} />;
}
