'use client';

import { useEffect, useState } from 'react';

/**
 * Narrows the step library as you type. It hides list items in place, so the
 * full list is there without JavaScript. The box is in the page from the
 * start (nothing moves when scripts load) and hidden by CSS where scripts
 * don't run (`.needs-script` in globals.css).
 */
export function StepFilter({ listId }: { listId: string }) {
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState<number | null>(null);

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

  return (
    <div id="step-filter-box" className="needs-script mt-6">
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
        className="field"
      />
      <p id="step-filter-count" aria-live="polite" className="hint mt-1">
        {shown === null ? '' : shown === 1 ? '1 step matches' : `${shown} steps match`}
      </p>
    </div>
  );
}
