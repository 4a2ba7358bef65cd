import type { Metadata } from 'next';
import { stateFromSegments } from '@/machines/url-state';
import { SummaryView } from '@/app/_components/summary/SummaryView';

interface Props {
  params: Promise<{ answers?: string[] }>;
}

export const metadata: Metadata = {
  title: 'Check your answers',
  description: 'Everything you answered and tried so far, with a message ready for your host.',
};

// Like the steps, a summary is a pure function of its path: cached on first
// visit. Only canonical links get here (proxy.ts redirects the others).
export const dynamicParams = true;

export function generateStaticParams() {
  return [{ answers: [] }];
}

export default async function SummaryPage({ params }: Props) {
  return <SummaryView state={stateFromSegments((await params).answers ?? [])} />;
}
