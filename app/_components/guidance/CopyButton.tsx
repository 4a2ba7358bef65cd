'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * Copies the code of the figure it sits in. Hidden until the page is
 * interactive: without JavaScript the code stays selectable instead.
 */
export function CopyButton() {
  const ref = useRef<HTMLButtonElement>(null);
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState(false);

  useEffect(() => setReady(Boolean(navigator.clipboard)), []);

  async function copy() {
    const code = ref.current?.closest('figure')?.querySelector('pre')?.textContent ?? '';
    try {
      await navigator.clipboard.writeText(code.trimEnd());
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  }

  return (
    <button
      ref={ref}
      type="button"
      hidden={!ready}
      onClick={copy}
      className="absolute right-2 top-2 rounded border border-slate-500 bg-slate-800 px-2 py-1 text-xs font-medium text-white hover:bg-slate-700"
    >
      <span aria-live="polite">{copied ? 'Copied' : 'Copy'}</span>
    </button>
  );
}
