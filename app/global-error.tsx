'use client';

/** The last resort, if even the page frame fails: plain HTML, no details, a way back. */
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '40rem', margin: '3rem auto', padding: '0 1rem', lineHeight: 1.5 }}>
        <h1>Something went wrong on our side</h1>
        <p>Your answers are safe in the address bar, so trying again usually works.</p>
        <p>
          <button type="button" onClick={reset}>
            Try again
          </button>{' '}
          or <a href="/fix">start the troubleshooter from the beginning</a>.
        </p>
      </body>
    </html>
  );
}
