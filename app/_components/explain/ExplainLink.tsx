import { canonicalHref, type WizardState } from '@/machines/url-state';
import { Offer } from '@/app/_components/layout/Offer';

/** On the steps that send people to their error log: a way to have it read for them. */
export function ExplainLink({ state }: { state: WizardState }) {
  return (
    <Offer
      id="explain-heading"
      heading="Found lines you don’t understand?"
      text="Paste them in and we’ll explain each one and point you to the fix that addresses it. Nothing you paste is stored."
      href={canonicalHref(state, '/explain')}
      action="Explain my error log"
    />
  );
}
