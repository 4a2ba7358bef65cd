import Link from 'next/link';
import { canonicalHref, type WizardState } from '@/machines/url-state';

/** On the tools the wizard sends people to: the way back to their step, when they came from one. */
export function BackToWizard({ state }: { state: WizardState }) {
  if (state.path.length === 0 && !state.start) return null;
  return (
    <p className="mt-4">
      <Link href={canonicalHref(state)} className="link">
        <span aria-hidden="true">← </span>Back to where you were
      </Link>
    </p>
  );
}
