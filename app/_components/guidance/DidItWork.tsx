import type { ReactNode } from 'react';

/**
 * The check that ends every fix: what to run or look at, and what a yes
 * looks like. One good page load proves little when the error comes and
 * goes, so the text inside says how long to keep watching.
 *
 * A plain h2, like the `##` headings in guidance, so the prose styles give
 * it the same look. Each step page has one, so the fixed id is unique.
 */
export function DidItWork({ children }: { children: ReactNode }) {
  return (
    <section aria-labelledby="did-it-work">
      <h2 id="did-it-work">How to tell it worked</h2>
      {children}
    </section>
  );
}
