import { scaleLinear } from 'd3-scale';
import { labelled } from './Figure';

export interface Bar {
  label: string;
  value: number;
  /** Said after the number, such as a share. */
  note?: string;
}

/**
 * Horizontal bars, in the order given, scaled to the largest. Each label is text above its bar,
 * so it wraps on a phone instead of being cut; each bar is SVG drawn in
 * percentages of the row, so it fits any width with no script.
 */
export function Bars({ bars, tone = 'fill-blue-700 dark:fill-blue-400' }: { bars: Bar[]; tone?: string }) {
  const x = scaleLinear()
    .domain([0, Math.max(1, ...bars.map((b) => b.value))])
    .range([0, 100]);
  return (
    <ul className="space-y-2" role="list">
      {bars.map((b) => (
        <li key={b.label}>
          <span className="text-sm">
            {labelled(b.label)}
            <span className="font-semibold tabular-nums">{b.value.toLocaleString('en')}</span>
            {b.note ? <span className="text-slate-600 dark:text-slate-400"> {b.note}</span> : null}
          </span>
          <svg aria-hidden="true" width="100%" height="12" className="block">
            <rect x="0" y="0" height="12" width="100%" className="fill-slate-100 dark:fill-slate-800" />
            {b.value > 0 ? <rect x="0" y="0" height="12" width={`${Math.max(0.5, x(b.value))}%`} className={tone} /> : null}
          </svg>
        </li>
      ))}
    </ul>
  );
}
