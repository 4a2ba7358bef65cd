import Link from 'next/link';
import { canonicalHref, type WizardState } from '../../../machines/url-state';

/** On the steps that send people to their error log: a way to have it read for them. */
export function ExplainLink({ state }: { state: WizardState }) {
  return (
    <aside aria-labelledby="explain-heading" className="mt-8 rounded-lg border-2 border-dashed border-blue-700 p-4 dark:border-blue-400">
      <h2 id="explain-heading" className="text-lg font-semibold">
        Found lines you don’t understand?
      </h2>
      <p className="mt-1">Paste them in and we’ll explain each one and point you to the fix that addresses it. Nothing you paste is stored.</p>
      <p className="mt-2">
        <Link href={canonicalHref(state, '/explain')} className="link font-medium">
          Explain my error log
        </Link>
      </p>
    </aside>
  );
}
