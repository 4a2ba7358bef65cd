import type { Metadata } from 'next';
import { stepIds, stepMeta } from '@/machines/steps';
import { FlowDiagram } from '@/app/_components/map/FlowDiagram';
import { FlowOutline } from '@/app/_components/map/FlowOutline';
import { layoutFlow } from './flow-layout';
import { loadTitle } from '@/content/guidance';

export const metadata: Metadata = {
  title: 'Flow map',
  description: 'Every step of the troubleshooter and where each answer leads, drawn from the decision machine itself.',
};

export default async function MapPage() {
  const titles = Object.fromEntries(await Promise.all(stepIds.map(async (id) => [id, await loadTitle(stepMeta(id).guidance)])));
  const layout = layoutFlow(titles, 'fixed');
  return (
    <>
      <h1 className="page-title">Flow map</h1>
      <p className="lede">
        Every step, and where each answer leads. Dashed arrows are taken only for some setups (for example, only with SSH access).
        Every fix also leads to “{titles.fixed}” when it works; those arrows are left out. Select a step to open it.
      </p>
      <div className="mt-6 -mx-4 sm:mx-0">
        <FlowDiagram layout={layout} titles={titles} />
      </div>
      <section aria-labelledby="outline-heading" className="mt-12">
        <h2 id="outline-heading" className="text-2xl font-semibold">
          The same flow, step by step
        </h2>
        <FlowOutline titles={titles} />
      </section>
    </>
  );
}
