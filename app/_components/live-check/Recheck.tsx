'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { type RecheckOffer, recheckOffer, sessionStore, storedAddress } from './recheck';
import { streamCheck } from './stream-check';

/**
 * At the end of a fix: check the site again, from our server, at the
 * address this tab checked before, and offer the answer the result
 * supports. Needs JavaScript and an earlier check in this tab; without
 * either it shows nothing, and the page's own answers do the job.
 */
export function Recheck({ fixedHref, brokenHref }: { fixedHref?: string; brokenHref?: string }) {
  // Read after the first render: the server and a browser without JavaScript never see it.
  const [address, setAddress] = useState<string>();
  useEffect(() => setAddress(storedAddress(sessionStore())), []);
  const [checking, setChecking] = useState(false);
  const [offer, setOffer] = useState<RecheckOffer>();
  // Leaving the page cancels a check still running, on the server too.
  const running = useRef<AbortController>(undefined);
  useEffect(() => () => running.current?.abort(), []);
  if (!address) return null;

  const check = async () => {
    if (running.current) return; // a second press while it runs is ignored
    const controller = new AbortController();
    running.current = controller;
    setChecking(true);
    setOffer(undefined);
    const ended = await streamCheck({ url: address, context: '' }, { signal: controller.signal });
    running.current = undefined;
    if (!ended) return;
    setChecking(false);
    setOffer(recheckOffer('state' in ended ? { state: ended.state } : { problem: ended.problem }, { fixedHref, brokenHref }));
  };
  const host = hostOf(address);

  return (
    <section aria-labelledby="recheck-heading" className="mt-8 rounded-lg border-2 border-blue-700 p-4 print:hidden dark:border-blue-400">
      <h2 id="recheck-heading" className="text-lg font-semibold">
        Check your site from outside
      </h2>
      <p className="mt-1 [overflow-wrap:anywhere]">We can open {host} again from our server and tell you whether it works now.</p>
      <p className="mt-3">
        {/* Not disabled while it runs, so focus stays on it. */}
        <button type="button" className="button aria-disabled:opacity-60" aria-disabled={checking || undefined} onClick={check}>
          {checking ? 'Checking…' : offer ? 'Check again' : 'Check my site again'}
        </button>
      </p>
      <div role="status" className="mt-3">
        {checking && <p>Checking {host}. This takes up to 8 seconds.</p>}
        {offer && (
          <p>
            {offer.line}{' '}
            {offer.href && (
              <Link href={offer.href} className="link font-medium">
                {offer.action}
              </Link>
            )}
          </p>
        )}
      </div>
    </section>
  );
}

function hostOf(address: string): string {
  try {
    return new URL(address).host;
  } catch {
    return 'your site';
  }
}
