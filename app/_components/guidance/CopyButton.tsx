'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * Copies the text of the `[data-copy]` element in the same `[data-copy-scope]`
 * (a field's value, or an element's text). Hidden until the page is
 * interactive: without JavaScript the text stays selectable instead.
 */
export function CopyButton({ label = 'Copy', what, className = '' }: { label?: string; what?: string; className?: string }) {
  const ref = useRef<HTMLButtonElement>(null);
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState(false);

  useEffect(() => setReady(Boolean(navigator.clipboard)), []);

  async function copy() {
    const source = ref.current?.closest('[data-copy-scope]')?.querySelector<HTMLElement>('[data-copy]');
    const text = source instanceof HTMLInputElement || source instanceof HTMLTextAreaElement ? source.value : (source?.textContent ?? '');
    try {
      await navigator.clipboard.writeText(text.trimEnd());
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  }

  return (
    <button ref={ref} type="button" hidden={!ready} onClick={copy} className={className}>
      <span aria-live="polite">{copied ? 'Copied' : label}</span>
      {what && <span className="sr-only"> {what}</span>}
    </button>
  );
}
