import Link from 'next/link';
import { staticOrigin } from '@/content/site-origin';
import { answerHref, backHref, basePath, canonicalHref, hrefFor, stepHref, type WizardState } from '@/machines/url-state';
import { guidanceComponents } from '@/app/_components/guidance';
import { ExplainLink } from '@/app/_components/explain/ExplainLink';
import { HandoffPanel } from '@/app/_components/handoff/HandoffPanel';
import { LiveCheckLink } from '@/app/_components/live-check/LiveCheckLink';
import { Recheck } from '@/app/_components/live-check/Recheck';
import { machineVersion } from '@/machines/version';
import { SaveProgress } from '@/app/_components/progress/SaveProgress';
import { ShareLinks } from '@/app/_components/share/ShareLinks';
import type { Guidance } from '@/content/guidance';
import { Answers } from './Answers';
import { EvidenceForm } from './EvidenceForm';
import { Journey } from './Journey';
import { LinkNotice } from './LinkNotice';
import { Helpful } from './Outcomes';
import { Progress } from './Progress';
import { StepFacts } from './StepFacts';
import { CountView, outcomeParts } from './StepOutcomes';

/** The steps whose guidance sends people to an error log. */
const readsLogs = ['proxy', 'logs', 'php-limits', 'php-workers', 'php-version', 'hops', 'app-server'];

/** One step of the wizard: where you are, what to do, your answers, and links to share. */
export function StepView({ state, guidance }: { state: WizardState; guidance: Guidance }) {
  const { Content, frontmatter } = guidance;
  const back = backHref(state);
  // Every answer, without the reopened question's `at=`, so the summary shows the whole journey.
  const summary = hrefFor([...state.path, ...state.pending], { start: state.start }, '/summary');
  const outcomes = outcomeParts(state);

  return (
    <>
      <SaveProgress version={machineVersion} path={outcomes.path} title={frontmatter.title} finished={state.meta.kind === 'ending'} />
      {outcomes.count && <CountView path={outcomes.path} />}
      <LinkNotice rejected={state.rejected} notes={state.notes} />
      <Progress stage={state.meta.stage} stepNumber={state.path.length + 1} />
      <h1 id="step-title" tabIndex={-1} className="page-title">
        {frontmatter.title}
      </h1>
      <p className="lede">{frontmatter.summary}</p>
      <StepFacts meta={state.meta} frontmatter={frontmatter} />

      <article className="prose prose-slate mt-6 max-w-none dark:prose-invert prose-a:text-blue-800 dark:prose-a:text-blue-300 prose-code:before:content-none prose-code:after:content-none">
        <Content components={guidanceComponents(state.context.facts)} />
      </article>

      {state.step === 'evidence' && <EvidenceForm state={state} />}
      {readsLogs.includes(state.step) && <ExplainLink state={state} />}
      {(state.step === 'reach' || state.meta.kind === 'fix') && <LiveCheckLink state={state} />}

      {state.meta.kind === 'fix' && (
        <Recheck
          fixedHref={state.meta.answers.some((a) => a.id === 'fixed') ? answerHref(state, 'fixed') : undefined}
          brokenHref={state.meta.answers.some((a) => a.id === 'broken') ? answerHref(state, 'broken') : undefined}
        />
      )}
      <Answers state={state} labels={frontmatter.answers ?? {}} />

      {state.step === 'handoff' && <HandoffPanel state={state} />}
      {outcomes.ask && <Helpful path={outcomes.path} />}

      <nav aria-label="Wizard" className="mt-8 flex flex-wrap gap-x-6 gap-y-2 text-sm print:hidden">
        {back && (
          <Link href={back} className="link underline-offset-4">
            <span aria-hidden="true">← </span>Back to the previous step
          </Link>
        )}
        {(state.path.length > 0 || state.start) && (
          <Link href={basePath} className="link underline-offset-4">
            Start over
          </Link>
        )}
        {state.path.length > 0 && (
          <Link href={summary} className="link underline-offset-4">
            Check all your answers
          </Link>
        )}
      </nav>

      <Journey state={state} />

      <details className="mt-8 rounded-lg border border-slate-300 print:hidden dark:border-slate-700">
        <summary className="cursor-pointer px-4 py-3 font-medium">Share or save this step</summary>
        <div className="border-t border-slate-200 px-4 py-4 dark:border-slate-800">
          <ShareLinks origin={staticOrigin()} stepPath={stepHref(state.step)} progressPath={canonicalHref(state)} />
        </div>
      </details>
    </>
  );
}
