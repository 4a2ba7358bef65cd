import { scaleLinear } from 'd3-scale';
import { stack, stackOffsetExpand } from 'd3-shape';
import { labelled } from './Figure';

export interface Part {
  key: string;
  label: string;
  /** Tailwind fill classes, light and dark. */
  tone: string;
}

export interface StackedRow {
  label: string;
  values: Record<string, number>;
  /** Said after the parts, such as the fix that ended most of them. */
  note?: string;
}

/**
 * One bar per row, split into its parts as shares of the row (d3's stack
 * with the expand offset), so rows of different sizes compare. The words
 * above each bar say every part's count: the colours are never the only
 * way to tell the parts apart.
 */
export function StackedBars({ parts, rows }: { parts: Part[]; rows: StackedRow[] }) {
  const keys = parts.map((p) => p.key);
  const series = stack<StackedRow, string>()
    .keys(keys)
    .value((row, key) => row.values[key] ?? 0)
    .offset(stackOffsetExpand)(rows);
  const x = scaleLinear().domain([0, 1]).range([0, 100]);
  return (
    <>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" role="list">
        {parts.map((p) => (
          <li key={p.key} className="flex items-center gap-1.5">
            <svg aria-hidden="true" width="12" height="12">
              <rect width="12" height="12" className={p.tone} />
            </svg>
            {p.label}
          </li>
        ))}
      </ul>
      <ul className="mt-3 space-y-2" role="list">
        {rows.map((row, i) => {
          const total = keys.reduce((sum, k) => sum + (row.values[k] ?? 0), 0);
          return (
            <li key={row.label}>
              <span className="text-sm">
                <span className="font-medium">{labelled(row.label)}</span>
                {parts
                  .filter((p) => row.values[p.key])
                  .map((p) => `${row.values[p.key].toLocaleString('en')} ${p.label.toLowerCase()}`)
                  .join(', ') || 'none'}
                {row.note ? <span className="text-slate-600 dark:text-slate-400"> · {row.note}</span> : null}
              </span>
              <svg aria-hidden="true" width="100%" height="12" className="block">
                <rect x="0" y="0" height="12" width="100%" className="fill-slate-100 dark:fill-slate-800" />
                {total > 0
                  ? series.map((s, k) => {
                      const [from, to] = s[i];
                      if (!(to > from)) return null;
                      // A hairline gap between parts, in the page's own colour, so neighbours never merge.
                      return (
                        <rect
                          key={s.key}
                          x={`${x(from)}%`}
                          y="0"
                          height="12"
                          width={`${x(to - from)}%`}
                          className={`${parts[k].tone} stroke-white dark:stroke-slate-950`}
                          strokeWidth={1}
                        />
                      );
                    })
                  : null}
              </svg>
            </li>
          );
        })}
      </ul>
    </>
  );
}
