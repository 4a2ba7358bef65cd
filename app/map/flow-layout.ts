import { Graph, layout, type EdgeLabel, type NodeLabel } from '@dagrejs/dagre';
import { flowEdges } from '@/machines/graph';
import { stepIds, stepMeta } from '@/machines/steps';
import type { Stage } from '@/machines/meta';

export interface MapNode {
  id: string;
  stage: Stage;
  lines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapEdge {
  from: string;
  to: string;
  /** True when the edge is taken only for some answers to earlier questions. */
  conditional: boolean;
  points: { x: number; y: number }[];
}

export interface FlowLayout {
  width: number;
  height: number;
  nodes: MapNode[];
  edges: MapEdge[];
}

const nodeWidth = 180;
const lineHeight = 16;
const charsPerLine = 24;

function wrap(text: string): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= charsPerLine) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Lays the machine out as a top-to-bottom graph with dagre. */
export function layoutFlow(titles: Record<string, string>, omitTarget?: string): FlowLayout {
  const g = new Graph({ multigraph: false });
  g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 48, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));

  for (const id of stepIds) {
    const lines = wrap(titles[id] ?? id);
    g.setNode(id, { width: nodeWidth, height: lines.length * lineHeight + 20, lines });
  }

  // One arrow per pair of steps, however many answers lead along it. Every
  // fix can end at `omitTarget` ("fixed"); drawing those arrows would only tangle
  // the map, so the legend says it instead.
  const pairs = new Map<string, { from: string; to: string; conditional: boolean }>();
  for (const e of flowEdges().filter((e) => e.to !== omitTarget)) {
    const key = `${e.from}>${e.to}`;
    const known = pairs.get(key);
    pairs.set(key, { from: e.from, to: e.to, conditional: (known?.conditional ?? true) && e.when.length > 0 });
  }
  for (const { from, to } of pairs.values()) g.setEdge(from, to);

  layout(g);

  const nodes = stepIds.map((id) => {
    const n = g.node(id) as NodeLabel & { x: number; y: number; width: number; height: number; lines: string[] };
    return { id, stage: stepMeta(id).stage, lines: n.lines, x: n.x, y: n.y, width: n.width, height: n.height };
  });
  const edges = [...pairs.values()].map(({ from, to, conditional }) => ({
    from,
    to,
    conditional,
    points: (g.edge(from, to) as EdgeLabel & { points?: { x: number; y: number }[] }).points ?? [],
  }));
  const { width = 0, height = 0 } = g.graph();
  return { width: Math.ceil(width), height: Math.ceil(height), nodes, edges };
}
