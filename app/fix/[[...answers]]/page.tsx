import type { Metadata } from 'next';
import { site } from '@/content/site';
import { canonicalHref, stateFromSegments } from '@/machines/url-state';
import { StepView } from '@/app/_components/step/StepView';
import { loadGuidance } from '@/content/guidance';
import { prerenderedAnswers } from '@/app/fix/prerender';

interface Props {
  params: Promise<{ answers?: string[] }>;
}

// Every step URL is a pure function of its path, so pages are built once and
// cached: the first answers at build time, deeper ones on first visit.
export const dynamicParams = true;

export function generateStaticParams() {
  return prerenderedAnswers(7).map((answers) => ({ answers }));
}

async function resolve(params: Props['params']) {
  const state = stateFromSegments((await params).answers ?? []);
  return { state, guidance: await loadGuidance(state.meta.guidance) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { state, guidance } = await resolve(params);
  return {
    title: guidance.frontmatter.title,
    description: guidance.frontmatter.summary,
    // Only an absolute canonical link helps: without SITE_URL there is none to give.
    alternates: site.siteUrl ? { canonical: canonicalHref(state) } : undefined,
    // Links with parts we could not read are answered, but not indexed.
    robots: state.rejected.length ? { index: false } : undefined,
  };
}

export default async function StepPage({ params }: Props) {
  const { state, guidance } = await resolve(params);
  return <StepView state={state} guidance={guidance} />;
}
