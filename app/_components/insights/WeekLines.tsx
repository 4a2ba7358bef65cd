import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';

export interface Series {
  key: string;
  label: string;
  /** Tailwind stroke classes, light and dark. */
  tone: string;
  /** An SVG dash pattern, so lines differ by more than colour. */
  dash?: string;
  values: number[];
}

const height = 160;
const top = 18;

/**
 * Lines over weeks. The plot is drawn in a 100-wide box stretched to the
 * page's width (strokes keep their width), and the words around it are
 * placed in percentages, so the chart fits a phone without a script and
 * its text never shrinks.
 */
export function WeekLines({ weeks, series, weekLabel }: { weeks: string[]; series: Series[]; weekLabel: (week: string) => string }) {
  const x = scalePoint<number>()
    .domain(weeks.map((_, i) => i))
    .range([0, 100])
    .padding(weeks.length === 1 ? 0.5 : 0);
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const y = scaleLinear().domain([0, max]).range([height, top]).nice();
  const ticks = y.ticks(4);
  const labelEvery = Math.ceil(weeks.length / 6);
  const drawn = (values: number[]) =>
    line<number>()
      .x((_, i) => x(i) ?? 0)
      .y((v) => y(v))(values) ?? '';
  return (
    <>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" role="list">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <svg aria-hidden="true" width="24" height="12">
              <line x1="0" x2="24" y1="6" y2="6" strokeWidth="2.5" strokeDasharray={s.dash} className={s.tone} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <svg aria-hidden="true" width="100%" height={height + 28} className="mt-2 block overflow-visible text-slate-600 dark:text-slate-400">
        {ticks.map((t) => (
          <g key={t}>
            <line x1="0" x2="100%" y1={y(t)} y2={y(t)} className="stroke-slate-200 dark:stroke-slate-800" />
            <text x="0" y={y(t) - 4} className="fill-current text-xs">
              {t.toLocaleString('en')}
            </text>
          </g>
        ))}
        <svg aria-hidden="true" x="0" y="0" width="100%" height={height} viewBox={`0 0 100 ${height}`} preserveAspectRatio="none" className="overflow-visible">
          {series.map((s) => (
            <path
              key={s.key}
              d={drawn(s.values)}
              fill="none"
              strokeWidth="2.5"
              strokeDasharray={s.dash}
              vectorEffect="non-scaling-stroke"
              strokeLinejoin="round"
              className={s.tone}
            />
          ))}
        </svg>
        {weeks.map((w, i) =>
          // Every few weeks, and the last one, without crowding the one before it.
          (i % labelEvery === 0 && weeks.length - 1 - i >= labelEvery / 2) || i === weeks.length - 1 ? (
            <text
              key={w}
              x={`${x(i)}%`}
              y={height + 20}
              textAnchor={weeks.length === 1 ? 'middle' : i === 0 ? 'start' : i === weeks.length - 1 ? 'end' : 'middle'}
              className="fill-current text-xs"
            >
              {weekLabel(w)}
            </text>
          ) : null,
        )}
      </svg>
    </>
  );
}
