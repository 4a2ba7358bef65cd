import Link from 'next/link';
import { describeCondition, flowEdges, planNode, type Condition, type FlowEdge } from '@/machines/graph';
import { stages } from '@/machines/meta';
import { stepIds, stepMeta } from '@/machines/steps';
import { stepHref } from '@/machines/url-state';

const sameCondition = (a: Condition, b: Condition) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Where edges lead, in words: the first target, then each fallback after
 * "otherwise", with its condition. Conditions in `shared` were said before.
 */
function Targets({ edges, titles, shared = [] }: { edges: FlowEdge[]; titles: Record<string, string>; shared?: Condition[] }) {
  return edges.map((e, i) => {
    const when = e.when.filter((c) => c.type !== 'notTried' && !shared.some((s) => sameCondition(s, c)));
    return (
      <span key={e.to}>
        {i > 0 && ', otherwise '}
        {titles[e.to] ?? e.to}
        {when.length > 0 && ` (${when.map(describeCondition).join(' and ')})`}
      </span>
    );
  });
}

/** The conditions every one of these edges has. */
function common(edges: FlowEdge[]): Condition[] {
  return (edges[0]?.when ?? []).filter((c) => edges.every((e) => e.when.some((d) => sameCondition(c, d))));
}

/**
 * The same flow as nested lists: for screen readers, keyboards and print.
 * `titles` has every step's title and the plan node's; `labels` every
 * step's answer labels (an answer without one shows its id).
 */
export function FlowOutline({
  titles,
  labels,
  planHref,
}: {
  titles: Record<string, string>;
  labels: Record<string, Readonly<Record<string, string>>>;
  planHref: string;
}) {
  const edges = flowEdges();
  const planEdges = edges.filter((e) => e.from === planNode);
  const picks = planEdges.filter((e) => e.when.length > 0);
  const finish = planEdges.filter((e) => e.when.length === 0);
  const plan = (
    <li key={planNode} data-outline-plan="">
      <h3 className="text-lg font-semibold">{titles[planNode]}</h3>
      <p className="mt-2">
        Not a page of its own. After the last question, and after each fix that did not help, the plan picks the next fix from what you told it and what the
        evidence showed (see{' '}
        <a href={planHref} className="link">
          which fix comes first
        </a>
        ). It leads to one of:
      </p>
      <ul className="mt-1 list-disc space-y-1 pl-6 text-sm">
        {picks.map((e) => (
          <li key={e.to}>
            <Link href={stepHref(e.to)} className="link">
              {titles[e.to] ?? e.to}
            </Link>
          </li>
        ))}
      </ul>
      {finish.length > 0 && (
        <p className="mt-1 text-sm">
          Once every fix in the plan has been tried: <Targets edges={finish} titles={titles} />.
        </p>
      )}
    </li>
  );
  return (
    <ol className="mt-4 space-y-6" role="list">
      {stages.flatMap((stage) => [
        <li key={stage.id}>
          <h3 className="text-lg font-semibold">{stage.label}</h3>
          <ul className="mt-2 space-y-4" role="list">
            {stepIds
              .filter((id) => stepMeta(id).stage === stage.id)
              .map((id) => {
                const answers = stepMeta(id).answers;
                const skipped = edges.filter((e) => e.from === id && e.answer === '');
                const shared = common(skipped);
                return (
                  <li key={id} data-outline-step={id}>
                    <Link href={stepHref(id)} className="link font-medium">
                      {titles[id]}
                    </Link>
                    {answers.length > 0 ? (
                      <ul className="mt-1 list-disc space-y-1 pl-6 text-sm">
                        {answers.map((answer) => (
                          <li key={answer.id}>
                            “{labels[id]?.[answer.id] ?? answer.id}” leads to{' '}
                            <Targets edges={edges.filter((e) => e.from === id && e.answer === answer.id)} titles={titles} />
                          </li>
                        ))}
                        {skipped.length > 0 && (
                          <li>
                            {shared.length ? `Skipped ${shared.map(describeCondition).join(' and ')}` : 'Skipped without a question'}: on to{' '}
                            <Targets edges={skipped} titles={titles} shared={shared} />
                          </li>
                        )}
                      </ul>
                    ) : (
                      <p className="hint">An ending.</p>
                    )}
                  </li>
                );
              })}
          </ul>
        </li>,
        // The plan sits between the questions and the fixes it picks.
        ...(stage.id === 'finding-out' ? [plan] : []),
      ])}
    </ol>
  );
}
