import Link from 'next/link';
import type { Stage } from '../../../machines/meta';
import { stepHref } from '../../../machines/url-state';
import type { FlowLayout } from '../../_lib/flow-layout';

const stageStyle: Record<Stage, string> = {
  'finding-out': 'fill-sky-100 stroke-sky-700 dark:fill-sky-950 dark:stroke-sky-400',
  'quick-fixes': 'fill-emerald-100 stroke-emerald-700 dark:fill-emerald-950 dark:stroke-emerald-400',
  'server-fixes': 'fill-amber-100 stroke-amber-700 dark:fill-amber-950 dark:stroke-amber-400',
  advanced: 'fill-rose-100 stroke-rose-700 dark:fill-rose-950 dark:stroke-rose-400',
  ending: 'fill-slate-200 stroke-slate-700 dark:fill-slate-800 dark:stroke-slate-300',
};

function path(points: { x: number; y: number }[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
}

/** The decision machine drawn as boxes and arrows; every box opens its step. */
export function FlowDiagram({ layout, titles }: { layout: FlowLayout; titles: Record<string, string> }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-950" tabIndex={0} role="region" aria-label="Flow map, scrollable">
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
        className="mx-auto block max-w-none"
        aria-labelledby="map-title"
        role="group"
      >
        <title id="map-title">Every step of the troubleshooter and where each answer leads</title>
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="fill-slate-500" />
          </marker>
        </defs>
        <g aria-hidden="true">
          {layout.edges.map((e) => (
            <path
              key={`${e.from}>${e.to}`}
              d={path(e.points)}
              fill="none"
              markerEnd="url(#arrow)"
              strokeWidth={1.5}
              strokeDasharray={e.conditional ? '5 4' : undefined}
              className="stroke-slate-500"
            />
          ))}
        </g>
        {layout.nodes.map((n) => (
          <Link key={n.id} href={stepHref(n.id)} aria-label={titles[n.id]} data-step={n.id} className="group">
            <rect
              x={n.x - n.width / 2}
              y={n.y - n.height / 2}
              width={n.width}
              height={n.height}
              rx={8}
              strokeWidth={1.5}
              className={`${stageStyle[n.stage]} group-hover:stroke-[3px] group-focus-visible:stroke-[4px]`}
            />
            <text x={n.x} y={n.y - ((n.lines.length - 1) * 16) / 2} textAnchor="middle" dominantBaseline="middle" className="fill-slate-900 text-[13px] dark:fill-slate-100">
              {n.lines.map((line, i) => (
                <tspan key={i} x={n.x} dy={i ? 16 : 0}>
                  {line}
                </tspan>
              ))}
            </text>
          </Link>
        ))}
      </svg>
    </div>
  );
}
