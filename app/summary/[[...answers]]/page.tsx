import type { Metadata } from 'next';
import { stateFromSegments } from '@/machines/url-state';
import { HandoffPanel } from '@/app/_components/handoff/HandoffPanel';
import { LinkNotice } from '@/app/_components/step/LinkNotice';
import { CheckAnswers } from '@/app/_components/summary/CheckAnswers';

interface Props {
  params: Promise<{ answers?: string[] }>;
}

export const metadata: Metadata = {
  title: 'Check your answers',
  description: 'Everything you answered and tried so far, with a message ready for your host.',
};

// Like the steps, a summary is a pure function of its path: cached on first visit.
export const dynamicParams = true;

export function generateStaticParams() {
  return [{ answers: [] }];
}

export default async function SummaryPage({ params }: Props) {
  const state = stateFromSegments((await params).answers ?? []);
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
