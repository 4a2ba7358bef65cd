import type { WizardState } from '@/machines/url-state';
import { HandoffPanel } from '@/app/_components/handoff/HandoffPanel';
import { LinkNotice } from '@/app/_components/step/LinkNotice';
import { CheckAnswers } from './CheckAnswers';

/** Everything answered and tried so far, with the hand-off message. */
export function SummaryView({ state }: { state: WizardState }) {
  return (
    <>
      <LinkNotice rejected={state.rejected} notes={state.notes} />
      <h1 className="page-title">Check your answers</h1>
      <p className="lede">Everything you’ve told us and tried so far. Change any answer: the ones after it are kept wherever they still fit.</p>
      <CheckAnswers state={state} />
      <HandoffPanel state={state} />
    </>
  );
}
