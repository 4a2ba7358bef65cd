import { canonicalHref, type WizardState } from '@/machines/url-state';
import { Offer } from '@/app/_components/layout/Offer';

/** On "everyone or only you?" and after each fix: let us look at the site from outside. */
export function LiveCheckLink({ state }: { state: WizardState }) {
  const asking = state.step === 'reach';
  return (
    <Offer
      id="live-check-heading"
      heading={asking ? 'Let us check it for you' : 'Checking whether it worked?'}
      text={
        asking
          ? 'We can open your site from our server and tell you what we see: whether it’s down for everyone, and which part of it sends the error.'
          : 'We can open your site from our server and tell you whether it still fails, and which part of it sends the error.'
      }
      href={canonicalHref(state, '/check')}
      action="Check my site now"
    />
  );
}
