import Link from 'next/link';
import { canonicalHref, type WizardState } from '../../../machines/url-state';

/** On "everyone or only you?" and after each fix: let us look at the site from outside. */
export function LiveCheckLink({ state }: { state: WizardState }) {
  const asking = state.step === 'reach';
  return (
    <aside aria-labelledby="live-check-heading" className="mt-8 rounded-lg border-2 border-dashed border-blue-700 p-4 print:hidden dark:border-blue-400">
      <h2 id="live-check-heading" className="text-lg font-semibold">
        {asking ? 'Let us check it for you' : 'Checking whether it worked?'}
      </h2>
      <p className="mt-1">
        {asking
          ? 'We can open your site from our server and tell you what we see: whether it’s down for everyone, and which part of it sends the error.'
          : 'We can open your site from our server and tell you whether it still fails, and which part of it sends the error.'}
      </p>
      <p className="mt-2">
        <Link href={canonicalHref(state, '/check')} className="link font-medium">
          Check my site now
        </Link>
      </p>
    </aside>
  );
}
