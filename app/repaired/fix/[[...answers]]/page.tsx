import type { Metadata } from 'next';
import { site } from '@/content/site';
import { basePath, canonicalHref } from '@/machines/url-state';
import { StepView } from '@/app/_components/step/StepView';
import { loadGuidance } from '@/content/guidance';
import { repairedState, type RepairedProps } from '@/app/repaired/state';

export async function generateMetadata(props: RepairedProps): Promise<Metadata> {
  const state = await repairedState(basePath, props);
  const { frontmatter } = await loadGuidance(state.meta.guidance);
  return {
    title: frontmatter.title,
    description: frontmatter.summary,
    alternates: site.siteUrl ? { canonical: canonicalHref(state) } : undefined,
    robots: { index: false },
  };
}

/** A step reached from a link with parts left out: the step, and what was left out. */
export default async function RepairedStepPage(props: RepairedProps) {
  const state = await repairedState(basePath, props);
  return <StepView state={state} guidance={await loadGuidance(state.meta.guidance)} />;
}
