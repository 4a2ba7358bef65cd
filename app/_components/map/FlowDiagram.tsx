import Link from 'next/link';
import type { FlowLayout, MapNode, Point } from '@/app/map/flow-layout';
import { planNode } from '@/machines/graph';
import { stepHref } from '@/machines/url-state';

/** Whole pixels: the map is drawn at its natural size, and every decimal is sent twice. */
function path(points: Point[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${Math.round(p.x)},${Math.round(p.y)}`).join(' ');
}

/** A box's words, one line per tspan; each line but the last keeps a trailing space, so the link's name reads as the title does. */
function Box({ n }: { n: MapNode }) {
  return (
    <>
      <rect x={Math.round(n.x - n.width / 2)} y={Math.round(n.y - n.height / 2)} width={n.width} height={n.height} rx={8} />
      <text x={Math.round(n.x)} y={Math.round(n.y - ((n.lines.length - 1) * 16) / 2)}>
        {n.lines.map((line, i) => (
          // A title's lines differ from one another, so each is its own key.
          <tspan key={line} x={Math.round(n.x)} dy={i ? 16 : 0}>
            {i < n.lines.length - 1 ? `${line} ` : line}
          </tspan>
        ))}
      </text>
    </>
  );
}

/**
 * The decision machine drawn as boxes and arrows; every step's box opens
 * the step, and the plan's box goes to the table of which fix comes first.
 */
export function FlowDiagram({ layout, planHref }: { layout: FlowLayout; planHref: string }) {
  return (
    <div
      className="overflow-x-auto rounded-lg border border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-950"
      tabIndex={0}
      role="region"
      aria-label="Flow map, scrollable"
    >
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
        {/* Styled in globals.css (.flow-edges, .flow-node): a hundred arrows and three dozen boxes. */}
        <g aria-hidden className="flow-edges">
          {layout.edges.map((e) => (
            <path
              key={e.id}
              d={path(e.points)}
              className={[e.conditional && 'flow-edge-conditional', e.trunk && 'flow-edge-trunk'].filter(Boolean).join(' ') || undefined}
            />
          ))}
        </g>
        <g aria-hidden className="flow-labels">
          {layout.labels.map((l) => (
            <text key={l.text} x={Math.round(l.x)} y={Math.round(l.y)} textAnchor={l.anchor}>
              {l.text}
            </text>
          ))}
        </g>
        {layout.nodes.map((n) =>
          n.id === planNode ? (
            <a key={n.id} href={planHref} data-plan-node="" className="flow-node flow-plan">
              <Box n={n} />
            </a>
          ) : (
            <Link key={n.id} href={stepHref(n.id)} data-step={n.id} className={`flow-node flow-${n.stage}`}>
              <Box n={n} />
            </Link>
          ),
        )}
      </svg>
    </div>
  );
}
