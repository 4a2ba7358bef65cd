import type { EvidenceKind, PlanCase } from '@/machines/graph';
import { accessLevels } from '@/machines/graph';
import type { Access } from '@/machines/facts';
import { stepHref } from '@/machines/url-state';

/** How many of the plan's fixes each cell names. */
const shown = 3;

const accessWords: Record<Access, string> = {
  ssh: 'With SSH',
  'server-panel': 'With a server panel',
  panel: 'With a control panel',
  none: 'With no access',
};

export interface PlanRowWords {
  /** The heading of each group of rows. */
  groups: Record<EvidenceKind, string>;
  /** The words for one row's evidence. */
  evidence: (c: PlanCase) => string;
}

/**
 * Which fixes a site owner meets first for one piece of evidence, with each
 * kind of access, and which the evidence rules out. Plain links: three
 * hundred prefetching links would cost more than the page.
 */
export function PlanTable({ cases, titles, words }: { cases: PlanCase[]; titles: Record<string, string>; words: PlanRowWords }) {
  const kinds = [...new Set(cases.map((c) => c.kind))];
  return (
    <div
      className="mt-4 overflow-x-auto lg:mx-[calc(50%-30rem)] xl:mx-[calc(50%-36rem)]"
      tabIndex={0}
      role="region"
      aria-label="Which fix comes first, scrollable"
    >
      <table className="plan-table">
        <colgroup>
          <col className="w-[19%]" />
          {accessLevels.map((a) => (
            <col key={a} className="w-[20%]" />
          ))}
          <col className="w-[21%]" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Evidence</th>
            {accessLevels.map((a) => (
              <th key={a} scope="col">
                {accessWords[a]}
              </th>
            ))}
            <th scope="col">Ruled out</th>
          </tr>
        </thead>
        {kinds.map((kind) => (
          <tbody key={kind}>
            <tr>
              <th scope="colgroup" colSpan={accessLevels.length + 2} className="plan-table-group">
                {words.groups[kind]}
              </th>
            </tr>
            {cases
              .filter((c) => c.kind === kind)
              .map((c) => (
                <tr key={`${c.kind}-${c.value}`} data-plan-case={`${c.kind}:${c.value}`}>
                  <th scope="row">{words.evidence(c)}</th>
                  {accessLevels.map((a) => (
                    <td key={a} data-access={a}>
                      <ol>
                        {c.plans[a].order.slice(0, shown).map((step) => (
                          <li key={step}>
                            <a href={stepHref(step)} className="link">
                              {titles[step] ?? step}
                            </a>
                          </li>
                        ))}
                      </ol>
                    </td>
                  ))}
                  <td>
                    {c.ruledOut.length ? (
                      <ul>
                        {c.ruledOut.map((step) => (
                          <li key={step}>{titles[step] ?? step}</li>
                        ))}
                      </ul>
                    ) : (
                      'Nothing'
                    )}
                  </td>
                </tr>
              ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
