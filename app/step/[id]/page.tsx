import type { Metadata } from 'next';
import { site } from '@/content/site';
import { permanentRedirect } from 'next/navigation';
import { legacySteps } from '@/machines/legacy';
import { stepIds } from '@/machines/steps';
import { stateFromSegments, stepHref } from '@/machines/url-state';
import { StepView } from '@/app/_components/step/StepView';
import { loadGuidance } from '@/content/guidance';

interface Props {
  params: Promise<{ id: string }>;
}

// The short, stable link to one step, as support agents paste it into
// tickets. Old names redirect to the current ones; unknown steps get the
// not-found page.
export const dynamicParams = false;

export function generateStaticParams() {
  return [...stepIds, ...Object.keys(legacySteps)].map((id) => ({ id }));
}

async function resolve(params: Props['params']) {
  const { id } = await params;
  if (Object.hasOwn(legacySteps, id)) permanentRedirect(stepHref(legacySteps[id].now));
  const state = stateFromSegments([`start=${id}`]);
  return { id, state, guidance: await loadGuidance(state.meta.guidance) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, guidance } = await resolve(params);
  return {
    title: guidance.frontmatter.title,
    description: guidance.frontmatter.summary,
    alternates: site.siteUrl ? { canonical: stepHref(id) } : undefined,
  };
}

export default async function JumpInStep({ params }: Props) {
  const { state, guidance } = await resolve(params);
  return <StepView state={state} guidance={guidance} />;
}
