'use client';

import { useEffect, useState } from 'react';
import { CopyButton } from '@/app/_components/guidance/CopyButton';

interface Props {
  /** This site's origin if the server knows it, used until the browser knows better. */
  origin: string | undefined;
  stepPath: string;
  progressPath: string;
}

/**
 * The two links a support agent needs: one to this step alone, one with
 * every answer. Plain read-only fields, so they can be selected and copied
 * without JavaScript; with it, a copy button each, and the address this
 * page was really opened at. Without either, the links are paths, with a
 * note saying what to put in front.
 */
export function ShareLinks({ origin: known, stepPath, progressPath }: Props) {
  const [origin, setOrigin] = useState(known);
  useEffect(() => setOrigin(window.location.origin), []);

  const links = [
    { id: 'step-link', label: 'Link to this step', hint: 'Opens this step on its own, with no earlier answers.', path: stepPath },
    { id: 'progress-link', label: 'Link to my progress', hint: 'Opens this step with every answer you’ve given.', path: progressPath },
  ];

  return (
    <div className="grid gap-4">
      {!origin && <p className="hint">These links start with “/”: put this site’s address from your browser’s address bar in front of them.</p>}
      {links.map((link) => (
        <div key={link.id} data-copy-scope>
          <label htmlFor={link.id} className="block font-medium">
            {link.label}
          </label>
          <p id={`${link.id}-hint`} className="hint">
            {link.hint}
          </p>
          <div className="mt-1 flex gap-2">
            <input
              id={link.id}
              data-copy
              readOnly
              value={`${origin ?? ''}${link.path}`}
              aria-describedby={`${link.id}-hint`}
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded border border-slate-400 bg-white px-2 py-1.5 font-mono text-sm dark:border-slate-600 dark:bg-slate-900"
            />
            <CopyButton label="Copy" what={link.label.toLowerCase()} className="button-outline shrink-0 text-sm" />
          </div>
        </div>
      ))}
    </div>
  );
}
