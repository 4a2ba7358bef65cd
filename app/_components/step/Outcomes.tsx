'use client';

import { type FormEvent, useEffect } from 'react';

/**
 * Counts this step for the team that runs the site (outcomes/, README
 * "Outcomes"): the page sends its own link and nothing else, once per link
 * in this tab's life. Global Privacy Control sends nothing. The server adds
 * the day, so the page itself stays one cached page per link. Without
 * JavaScript, StepView's <noscript> pixel does the same.
 */

const sent = new Set<string>();
/** The first page of this tab's document: a reload or a return with Back was counted when it was first shown. */
let firstView = true;

/** What the component needs of `navigator`; tests pass their own. */
export type Beacons = Pick<Navigator, 'sendBeacon'> & { globalPrivacyControl?: boolean };

const optedOut = (nav: Beacons) => nav.globalPrivacyControl === true;
const canSend = (nav: Beacons) => !optedOut(nav) && typeof nav.sendBeacon === 'function';

/**
 * Sends the view of `path` unless it was sent before in this tab, the page
 * was reloaded or returned to with Back (it counted when first shown, as the
 * pixel does without JavaScript), or the browser asks not to be tracked;
 * true when sent.
 */
export function sendView(path: string, nav: Beacons = navigator, arrival = 'navigate'): boolean {
  if (sent.has(path)) return false;
  if (arrival === 'reload' || arrival === 'back_forward') {
    sent.add(path);
    return false;
  }
  // The JSON goes as a string (text/plain): a Blob of application/json would not be sent by Chrome.
  const went = canSend(nav) && nav.sendBeacon('/api/outcomes', JSON.stringify({ p: path }));
  // A beacon the browser refused (its queue full) may go when the page is shown again.
  if (went) sent.add(path);
  return went;
}

/** How this tab's document was reached (`navigate`, `reload`, `back_forward`): it tells only of the first page shown in it. */
function arrivalOfFirstView(): string {
  if (!firstView) return 'navigate';
  firstView = false;
  return (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.type ?? 'navigate';
}

/** Sends a "Did this help?" answer; true when it is taken care of (sent, or not to be sent), false when the form should post itself. */
export function sendHelpful(path: string, helpful: string, nav: Beacons = navigator): boolean {
  if (optedOut(nav)) return true;
  return typeof nav.sendBeacon === 'function' && nav.sendBeacon('/api/outcomes/helpful', new URLSearchParams({ p: path, helpful }));
}

export function Outcomes({ path }: { path: string }) {
  useEffect(() => {
    sendView(path, navigator, arrivalOfFirstView());
  }, [path]);
  return null;
}

/**
 * "Did this help?" on an ending: a plain form that posts to
 * /api/outcomes/helpful and comes back to `#thanks`, where CSS `:target`
 * shows the thank-you. With JavaScript the answer goes as a beacon instead
 * and the page is not loaded again.
 */
export function Helpful({ path }: { path: string }) {
  const answer = (event: FormEvent<HTMLFormElement>) => {
    const button = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (!button?.value) return;
    // Sent, or not to be sent: show the thank-you here. Otherwise the form posts as it does without JavaScript.
    if (sendHelpful(path, button.value)) {
      event.preventDefault();
      window.location.hash = 'thanks';
      document.getElementById('thanks-text')?.focus();
    }
  };
  return (
    <section id="thanks" aria-labelledby="helpful-heading" className="group mt-8 rounded-lg border border-slate-300 p-4 print:hidden dark:border-slate-700">
      <h2 id="helpful-heading" className="text-lg font-semibold">
        Did this help?
      </h2>
      <form method="post" action="/api/outcomes/helpful" onSubmit={answer} className="mt-3 flex flex-wrap gap-3 group-target:hidden">
        <input type="hidden" name="p" value={path} />
        <button type="submit" name="helpful" value="yes" className="button-outline">
          Yes, it helped
        </button>
        <button type="submit" name="helpful" value="no" className="button-outline">
          No, it did not
        </button>
      </form>
      <p className="hint mt-2 group-target:hidden">One click, counted for the people who run this site. Nothing about you is kept.</p>
      <p id="thanks-text" tabIndex={-1} className="mt-3 hidden group-target:block">
        Thank you for answering.
      </p>
    </section>
  );
}
