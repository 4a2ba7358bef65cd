import type { Metadata } from 'next';
import { FlowDiagram } from '@/app/_components/map/FlowDiagram';
import { FlowOutline } from '@/app/_components/map/FlowOutline';
import { PlanTable, type PlanRowWords } from '@/app/_components/map/PlanTable';
import { answerLabels } from '@/content/answers';
import { loadTitle } from '@/content/guidance';
import { checkOutcomes, type CheckOutcomeToken } from '@/evidence/check-outcomes';
import { cloudflareCode } from '@/evidence/cloudflare';
import { recognisers } from '@/evidence/log-lines';
import { planCases, planNode, planTitle } from '@/machines/graph';
import { stepIds, stepMeta } from '@/machines/steps';
import { layoutFlow } from './flow-layout';

export const metadata: Metadata = {
  title: 'Flow map',
  description:
    'Every step of the troubleshooter, where each answer leads, and which fix comes first for each kind of evidence, drawn from the decision machine itself.',
};

const planHref = '#which-first';
const findingTitles = new Map(recognisers.map((r) => [r.id, r.title]));
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export default async function MapPage() {
  const titles: Record<string, string> = {
    ...Object.fromEntries(await Promise.all(stepIds.map(async (id) => [id, await loadTitle(stepMeta(id).guidance)]))),
    [planNode]: planTitle,
  };
  const labels = Object.fromEntries(await Promise.all(stepIds.map(async (id) => [id, await answerLabels(id)])));
  const layout = layoutFlow(titles, { plan: planTitle, planSays: 'when the plan says', allTried: 'once every fix is tried' }, 'fixed');

  const rowWords: PlanRowWords = {
    groups: {
      none: 'Nothing to go on',
      page: 'The error page you see',
      cloudflare: 'The number on Cloudflare’s error page',
      log: 'A line in the server’s error log',
      check: 'What the live check found',
    },
    evidence: (c) => {
      switch (c.kind) {
        case 'none':
          return 'No page picked, no log line, no live check';
        case 'page':
          return labels['error-page']?.[c.value] ?? c.value;
        case 'cloudflare':
          return `${c.value}: ${cloudflareCode(c.value)?.name ?? ''}`;
        case 'log': {
          const more = c.alike.length - 1;
          return `${findingTitles.get(c.value) ?? c.value}${more ? ` (and ${more} more ${more === 1 ? 'line' : 'lines'} leading the same way)` : ''}`;
        }
        case 'check':
          return sentence(checkOutcomes[c.value as CheckOutcomeToken]?.meaning ?? c.value);
      }
    },
  };

  return (
    <>
      <h1 className="page-title">Flow map</h1>
      <p className="lede">
        Every step, and where each answer leads. The questions come first; then “{planTitle}” picks each fix in turn, in the order your evidence and access
        give. Select a step to open it.
      </p>
      <ul className="mt-3 list-disc space-y-1 pl-6">
        <li>Dashed arrows are taken only for some setups or some evidence (for example, only with SSH access).</li>
        <li>
          Every fix leads to “{titles.fixed}” when it works, and back to “{planTitle}” when it does not; those arrows are left out.
        </li>
      </ul>
      <div className="mt-6 -mx-4 sm:mx-0 lg:mx-[calc(50%-30rem)] xl:mx-[calc(50%-36rem)]">
        <FlowDiagram layout={layout} planHref={planHref} />
      </div>
      <section id="which-first" aria-labelledby="which-first-heading" className="mt-12 scroll-mt-4">
        <h2 id="which-first-heading" className="text-2xl font-semibold">
          Which fix comes first
        </h2>
        <p className="mt-2">
          The first three fixes a site owner meets for one piece of evidence, with each kind of access, and the fixes that evidence rules out. With several
          pieces of evidence, the plan puts the fixes they point to first and leaves out the fixes they rule out.
        </p>
        <PlanTable cases={planCases()} titles={titles} words={rowWords} />
      </section>
      <section aria-labelledby="outline-heading" className="mt-12">
        <h2 id="outline-heading" className="text-2xl font-semibold">
          The same flow, step by step
        </h2>
        <FlowOutline titles={titles} labels={labels} planHref={planHref} />
      </section>
    </>
  );
}
