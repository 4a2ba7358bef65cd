'use client';

import { useMachine } from '@xstate/react';
import { useActionState, useEffect, useRef } from 'react';
import { checkAction } from '@/app/check/actions';
import type { CheckState } from '@/live-check/for-wizard';
import { liveCheckMachine } from './check-machine';
import { CheckReport } from './CheckReport';
import { rememberAddress, sessionStore } from './recheck';

/**
 * The live check form. Without JavaScript it posts to a server action and
 * the page comes back with the result. With it, the machine in
 * check-machine.ts runs the check, shows progress, and lets the person
 * cancel.
 *
 * Opened with an address (`/check/…?url=`, from the wizard's evidence
 * step), the form is filled in and, with JavaScript, the check starts at
 * once; `served` is a result the server already has (the same link without
 * JavaScript).
 */
export function LiveCheck({
  context,
  address,
  served: fromServer,
  autoStart = false,
}: {
  context: string;
  address?: string;
  served?: CheckState;
  autoStart?: boolean;
}) {
  const [served, action] = useActionState<CheckState, FormData>(checkAction, fromServer ?? {});
  const [snapshot, send] = useMachine(liveCheckMachine);
  const checking = snapshot.matches('checking');
  // Without JavaScript the server action's state; with it, the machine's (nothing while a check runs).
  const shown: CheckState = snapshot.matches('idle') ? served : checking ? {} : (snapshot.context.result ?? {});
  const input = useRef<HTMLInputElement>(null);
  const verdict = useRef<HTMLHeadingElement>(null);

  // When a result arrives in place, take the reader to it; when a check is
  // cancelled, back to the address.
  useEffect(() => {
    if (snapshot.matches('result')) (shown.view ? verdict.current : input.current)?.focus();
    if (snapshot.matches('idle') && snapshot.context.cancelled) input.current?.focus();
  }, [snapshot, shown.view]);

  // Opened with an address: check it now. The address then leaves the
  // address bar, so it stays out of the history and a reload does not
  // check again.
  const started = useRef(false);
  useEffect(() => {
    if (!autoStart || !address || started.current) return;
    started.current = true;
    send({ type: 'CHECK', url: address, context });
    const here = new URL(window.location.href);
    here.searchParams.delete('url');
    here.searchParams.delete('run');
    window.history.replaceState(null, '', `${here.pathname}${here.search}`);
    return () => {
      started.current = false;
    };
  }, [autoStart, address, context, send]);

  // The fix pages offer to check the same address again (Recheck.tsx).
  const checked = shown.view?.url;
  useEffect(() => {
    if (checked) rememberAddress(sessionStore(), checked);
  }, [checked]);

  const error = shown.error;
  return (
    <>
      <form
        action={action}
        onSubmit={(event) => {
          event.preventDefault();
          const url = new FormData(event.currentTarget).get('url');
          send({ type: 'CHECK', url: typeof url === 'string' ? url : '', context });
        }}
        className="mt-6 grid gap-4"
        noValidate
      >
        <input type="hidden" name="context" value={context} />
        <div>
          <label htmlFor="url" className="font-medium">
            Your site’s address
          </label>
          <p id="url-hint" className="hint">
            The page that shows the error, for example example.com or example.com/shop.
          </p>
          <input
            ref={input}
            id="url"
            name="url"
            type="text"
            inputMode="url"
            autoComplete="url"
            autoCapitalize="none"
            spellCheck={false}
            required
            defaultValue={shown.input ?? served.input ?? address}
            aria-describedby={error ? 'url-hint url-error' : 'url-hint'}
            aria-invalid={error ? true : undefined}
            className="field"
          />
          {error && (
            <p id="url-error" role="alert" className="error-text mt-1">
              {error}
            </p>
          )}
        </div>
        <p className="flex flex-wrap gap-3">
          <button type="submit" disabled={checking} className="button">
            {checking ? 'Checking…' : shown.view ? 'Check again' : 'Check my site'}
          </button>
          {checking && (
            <button type="button" onClick={() => send({ type: 'CANCEL' })} className="button-outline">
              Cancel
            </button>
          )}
        </p>
      </form>

      <div aria-live="polite" className="mt-4">
        {checking && (
          <div className="rounded-lg border border-slate-300 p-4 dark:border-slate-700">
            <p className="font-medium">Checking your site. This takes up to 8 seconds.</p>
            <ol className="mt-2 list-disc space-y-1 pl-5 text-sm" role="list">
              {snapshot.context.progress.map((step, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: progress only grows, and its messages may repeat
                <li key={i}>{step}…</li>
              ))}
            </ol>
          </div>
        )}
        {snapshot.matches('idle') && snapshot.context.cancelled && <p>Check cancelled. Change the address or start it again when you’re ready.</p>}
        {snapshot.matches('failed') && (
          <p role="alert" className="error-text text-base">
            {snapshot.context.problem} Try again in a moment, or carry on with the questions: they work without the check.
          </p>
        )}
      </div>

      {shown.view && !checking && <CheckReport view={shown.view} headingRef={verdict} />}
    </>
  );
}
