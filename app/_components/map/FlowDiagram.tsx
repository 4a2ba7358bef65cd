import Link from 'next/link';
import { stepHref } from '@/machines/url-state';
import type { FlowLayout } from '@/app/map/flow-layout';

/** Whole pixels: the map is drawn at its natural size, and every decimal is sent twice. */
function path(points: { x: number; y: number }[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${Math.round(p.x)},${Math.round(p.y)}`).join(' ');
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
        {/* Styled in globals.css (.flow-edges, .flow-node): a hundred arrows and two dozen boxes. */}
        <g aria-hidden="true" className="flow-edges">
          {layout.edges.map((e) => (
            <path key={`${e.from}>${e.to}`} d={path(e.points)} className={e.conditional ? 'flow-edge-conditional' : undefined} />
          ))}
        </g>
        {layout.nodes.map((n) => (
          <Link key={n.id} href={stepHref(n.id)} aria-label={titles[n.id]} data-step={n.id} className={`flow-node flow-${n.stage}`}>
            <rect x={n.x - n.width / 2} y={n.y - n.height / 2} width={n.width} height={n.height} rx={8} />
            <text x={n.x} y={n.y - ((n.lines.length - 1) * 16) / 2}>
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
