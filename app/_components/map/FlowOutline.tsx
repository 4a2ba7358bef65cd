import Link from 'next/link';
import { describeCondition, flowEdges } from '@/machines/graph';
import { stages } from '@/machines/meta';
import { stepIds, stepMeta } from '@/machines/steps';
import { stepHref } from '@/machines/url-state';

/** The same flow as nested lists: for screen readers, keyboards and print. */
export function FlowOutline({ titles }: { titles: Record<string, string> }) {
  const edges = flowEdges();
  return (
    <ol className="mt-4 space-y-6" role="list">
      {stages.map((stage) => (
        <li key={stage.id}>
          <h3 className="text-lg font-semibold">{stage.label}</h3>
          <ul className="mt-2 space-y-4" role="list">
            {stepIds
              .filter((id) => stepMeta(id).stage === stage.id)
              .map((id) => (
                <li key={id} data-outline-step={id}>
                  <Link href={stepHref(id)} className="link font-medium">
                    {titles[id]}
                  </Link>
                  {stepMeta(id).answers.length > 0 ? (
                    <ul className="mt-1 list-disc space-y-1 pl-6 text-sm">
                      {stepMeta(id).answers.map((answer) => {
                        const next = edges.filter((e) => e.from === id && e.answer === answer.id);
                        return (
                          <li key={answer.id}>
                            “{answer.label}” leads to{' '}
                            {next.map((e, i) => (
                              <span key={e.to}>
                                {i > 0 && ', otherwise '}
                                {titles[e.to]}
                                {e.when.some((c) => c.type !== 'notTried') && ` (${e.when.filter((c) => c.type !== 'notTried').map(describeCondition).join(' and ')})`}
                              </span>
                            ))}
                          </li>
                        );
                      })}
                    </ul>
                  ) : (
                    <p className="hint">An ending.</p>
                  )}
                </li>
              ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
