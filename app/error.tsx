'use client';

import Link from 'next/link';

/** Shown if rendering a page fails: no details leave the server, only a way on. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="prose prose-slate dark:prose-invert">
      <h1>Something went wrong on our side</h1>
      <p>This page didn’t load properly. Your answers are safe in the address bar, so trying again usually works.</p>
      <p>
        <button type="button" onClick={reset} className="button">
          Try again
        </button>
      </p>
      <p>
        Or <Link href="/fix">start the troubleshooter from the beginning</Link>.
      </p>
    </div>
  );
}
