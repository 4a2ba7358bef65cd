import type { Metadata } from 'next';
import { summaryBase } from '@/security/canonical-links';
import { SummaryView } from '@/app/_components/summary/SummaryView';
import { repairedState, type RepairedProps } from '@/app/repaired/state';

export const metadata: Metadata = { title: 'Check your answers', robots: { index: false } };

/** A summary reached from a link with parts left out. */
export default async function RepairedSummaryPage(props: RepairedProps) {
  return <SummaryView state={await repairedState(summaryBase, props)} />;
}
