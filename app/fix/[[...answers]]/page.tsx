import type { Metadata } from 'next';
import Link from 'next/link';
import { backHref, basePath, canonicalHref, stateFromSegments } from '../../../machines/url-state';
import { Answers } from '../../_components/step/Answers';
import { Journey } from '../../_components/step/Journey';
import { LinkNotice } from '../../_components/step/LinkNotice';
import { Progress } from '../../_components/step/Progress';
import { StepFacts } from '../../_components/step/StepFacts';
import { guidanceComponents } from '../../_components/guidance';
import { loadGuidance } from '../../_lib/guidance';
import { prerenderedAnswers } from '../../_lib/prerender';

interface Props {
  params: Promise<{ answers?: string[] }>;
}

// Every step URL is a pure function of its path, so pages are built once and
// cached: the first few answers at build time, deeper ones on first visit.
export const dynamicParams = true;

export function generateStaticParams() {
  return prerenderedAnswers(8).map((answers) => ({ answers }));
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
    alternates: { canonical: canonicalHref(state) },
    // Links with parts we could not read are answered, but not indexed.
    robots: state.rejected.length ? { index: false } : undefined,
  };
}

export default async function StepPage({ params }: Props) {
  const { state, guidance } = await resolve(params);
  const { Content, frontmatter } = guidance;
  const back = backHref(state);

  return (
    <>
      <LinkNotice rejected={state.rejected} />
      <Progress stage={state.meta.stage} stepNumber={state.path.length + 1} />
      <h1 id="step-title" tabIndex={-1} className="text-3xl font-bold tracking-tight text-balance sm:text-4xl">
        {frontmatter.title}
      </h1>
      <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">{frontmatter.summary}</p>
      <StepFacts meta={state.meta} frontmatter={frontmatter} />

      <article className="prose prose-slate mt-6 max-w-none dark:prose-invert prose-a:text-blue-800 dark:prose-a:text-blue-300 prose-code:before:content-none prose-code:after:content-none">
        <Content components={guidanceComponents(state.context.facts)} />
      </article>

      <Answers state={state} />

      <nav aria-label="Wizard" className="mt-8 flex flex-wrap gap-x-6 gap-y-2 text-sm">
        {back && (
          <Link href={back} className="text-blue-800 underline underline-offset-4 dark:text-blue-300">
            <span aria-hidden="true">← </span>Back to the previous step
          </Link>
        )}
        {state.path.length > 0 && (
          <Link href={basePath} className="text-blue-800 underline underline-offset-4 dark:text-blue-300">
            Start over
          </Link>
        )}
      </nav>

      <Journey state={state} />
    </>
  );
}
