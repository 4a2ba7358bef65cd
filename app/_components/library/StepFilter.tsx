'use client';

import { useEffect, useState } from 'react';

/**
 * Narrows the step library as you type. It hides list items in place, so the
 * full list is there without JavaScript (when this box is not shown at all).
 */
export function StepFilter({ listId }: { listId: string }) {
  const [ready, setReady] = useState(false);
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState<number | null>(null);

  useEffect(() => setReady(true), []);

  useEffect(() => {
    const list = document.getElementById(listId);
    if (!list) return;
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    let count = 0;
    for (const item of list.querySelectorAll<HTMLElement>('[data-library-item]')) {
      const text = item.textContent?.toLowerCase() ?? '';
      const match = words.every((w) => text.includes(w));
      item.hidden = !match;
      if (match) count++;
    }
    for (const group of list.querySelectorAll<HTMLElement>('[data-library-group]')) {
      group.hidden = !group.querySelector('[data-library-item]:not([hidden])');
    }
    setShown(words.length ? count : null);
  }, [query, listId]);

  if (!ready) return null;
  return (
    <div className="mt-6">
      <label htmlFor="step-filter" className="font-medium">
        Filter steps
      </label>
      <input
        id="step-filter"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="e.g. firewall, PHP, cache"
        aria-describedby="step-filter-count"
        className="mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2 dark:bg-slate-900"
      />
      <p id="step-filter-count" aria-live="polite" className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        {shown === null ? '' : shown === 1 ? '1 step matches' : `${shown} steps match`}
      </p>
    </div>
  );
}
