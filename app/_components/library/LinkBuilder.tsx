'use client';

import { useEffect, useState } from 'react';
import { contextPath, type BuilderOptions, type ContextChoice, type ContextFact } from '@/app/steps/context-link';
import { CopyButton } from '@/app/_components/guidance/CopyButton';

/**
 * Builds a link that answers a customer's setup questions in advance. A plain
 * GET form (the server builds the link without JavaScript); with JavaScript
 * the link updates as you choose. `origin` is this site's, if the server
 * knows it; the browser's own replaces it, and without either the link is
 * a path, with a note saying what to put in front.
 */
export function LinkBuilder({ options, initial, origin: known }: { options: BuilderOptions; initial: ContextChoice; origin: string | undefined }) {
  const [choice, setChoice] = useState(initial);
  const [live, setLive] = useState(false);
  const [origin, setOrigin] = useState(known);
  useEffect(() => setOrigin(window.location.origin), []);
  const href = `${origin ?? ''}${contextPath(choice)}`;

  const set = (key: 'start' | ContextFact, value: string) => {
    setLive(true);
    setChoice((c) => (key === 'start' ? { ...c, start: value || undefined } : { ...c, facts: { ...c.facts, [key]: value || undefined } }));
  };

  return (
    <form method="get" action="/steps/link" className="grid gap-4">
      <div>
        <label htmlFor="builder-start" className="font-medium">
          Open at
        </label>
        <select id="builder-start" name="start" value={choice.start ?? ''} onChange={(e) => set('start', e.target.value)} className="field">
          <option value="">The beginning</option>
          {options.starts.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      {options.facts.map(({ fact, question, answers }) => (
        <div key={fact}>
          <label htmlFor={`builder-${fact}`} className="font-medium">
            {question}
          </label>
          <select id={`builder-${fact}`} name={fact} value={choice.facts[fact] ?? ''} onChange={(e) => set(fact, e.target.value)} className="field">
            <option value="">Let the customer answer</option>
            {answers.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <p>
        <button type="submit" className="button">
          Make the link
        </button>
      </p>
      {(live || initial.start || Object.values(initial.facts).some(Boolean)) && (
        <div data-copy-scope>
          <label htmlFor="built-link" className="font-medium">
            Link for your customer
          </label>
          {!origin && (
            <p id="built-link-hint" className="hint">
              The link starts with “/”: put this site’s address from your browser’s address bar in front of it.
            </p>
          )}
          <div className="mt-1 flex gap-2">
            <input
              id="built-link"
              data-copy
              readOnly
              value={href}
              aria-describedby={origin ? undefined : 'built-link-hint'}
              onFocus={(e) => e.currentTarget.select()}
              className="field mt-0 min-w-0 flex-1 font-mono text-sm"
            />
            <CopyButton label="Copy" what="link for your customer" className="button-outline shrink-0 text-sm" />
          </div>
        </div>
      )}
    </form>
  );
}
