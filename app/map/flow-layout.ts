import { Graph, layout, type EdgeLabel, type NodeLabel } from '@dagrejs/dagre';
import { flowEdges, planFixes, planNode } from '@/machines/graph';
import type { Stage } from '@/machines/meta';
import { stepIds, stepMeta } from '@/machines/steps';

export interface MapNode {
  id: string;
  /** `plan` is the node that picks the plan's next fix; every other node is a step. */
  stage: Stage | 'plan';
  lines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Point = { x: number; y: number };

export interface MapEdge {
  id: string;
  /** True when the edge is taken only for some setups or some evidence. */
  conditional: boolean;
  /** The plan's trunk, which carries no arrowhead of its own: its drops onto the fixes do. */
  trunk?: boolean;
  points: Point[];
}

export interface MapLabel {
  text: string;
  x: number;
  y: number;
  /** Where the text sits against its point, as SVG's text-anchor says it. */
  anchor: 'start' | 'middle';
}

export interface FlowLayout {
  width: number;
  height: number;
  nodes: MapNode[];
  edges: MapEdge[];
  labels: MapLabel[];
}

/** Words on the drawing itself. */
export interface FlowWords {
  /** The plan node's box. */
  plan: string;
  /** Beside the trunk that drops onto every fix the plan can pick. */
  planSays: string;
  /** Beside the trunk's last arrow, to where the journey goes once every fix is tried. */
  allTried: string;
}

const nodeWidth = 188;
const lineHeight = 16;
const charsPerLine = 24;
const margin = 12;
/** The plan's fixes hang in rows of this many. */
const columns = 4;
const columnGap = 36;
/** From the trunk to the first column. */
const trunkGap = 28;
/** Above each row: its rail, then the drops onto its boxes. */
const railAbove = 20;
const rowGap = 30;

function wrap(text: string): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= charsPerLine) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

const heightOf = (lines: string[]) => lines.length * lineHeight + 20;

/**
 * Lays the machine out top to bottom. The questions and quick fixes are
 * drawn by dagre and flow into the plan node. Under it hang the fixes the
 * plan can pick, each drawn once, in rows off one trunk ("when the plan
 * says"), then the fixes that lead from one to another, then the endings.
 * Two kinds of arrow are left out, and the page's legend says so: every fix
 * leads to `omitTarget` ("fixed") when it works, and back to the plan node
 * when it does not.
 */
export function layoutFlow(titles: Record<string, string>, words: FlowWords, omitTarget?: string): FlowLayout {
  const linesOf = (id: string) => wrap(id === planNode ? words.plan : (titles[id] ?? id));
  const edges = flowEdges();
  const picked = planFixes();

  // One arrow per pair of steps, however many answers lead along it.
  const pairs = new Map<string, { from: string; to: string; conditional: boolean }>();
  for (const e of edges) {
    if (e.to === omitTarget || e.from === planNode) continue;
    if (e.to === planNode && stepMeta(e.from).kind === 'fix') continue;
    const key = `${e.from}>${e.to}`;
    const known = pairs.get(key);
    pairs.set(key, { from: e.from, to: e.to, conditional: (known?.conditional ?? true) && e.when.length > 0 });
  }

  // The plan's part: the fixes it picks, everything they lead to, and the endings.
  const finish = edges.find((e) => e.from === planNode && e.when.length === 0)?.to;
  const below = new Set<string>([...picked, ...(finish ? [finish] : []), ...(omitTarget ? [omitTarget] : [])]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of pairs.values())
      if (below.has(p.from) && !below.has(p.to)) {
        below.add(p.to);
        grew = true;
      }
  }

  // Above the plan: dagre.
  const g = new Graph({ multigraph: false });
  g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 44, marginx: margin, marginy: margin });
  g.setDefaultEdgeLabel(() => ({}));
  const upper = [...stepIds.filter((id) => !below.has(id)), planNode];
  for (const id of upper) g.setNode(id, { width: nodeWidth, height: heightOf(linesOf(id)) });
  const upperPairs = [...pairs.values()].filter((p) => !below.has(p.from) && !below.has(p.to));
  for (const { from, to } of upperPairs) g.setEdge(from, to);
  layout(g);

  const nodes = new Map<string, MapNode>();
  for (const id of upper) {
    const n = g.node(id) as NodeLabel & Point & { width: number; height: number };
    nodes.set(id, { id, stage: id === planNode ? 'plan' : stepMeta(id).stage, lines: linesOf(id), x: n.x, y: n.y, width: n.width, height: n.height });
  }
  const drawn: MapEdge[] = upperPairs.map(({ from, to, conditional }) => ({
    id: `${from}>${to}`,
    conditional,
    points: (g.edge(from, to) as EdgeLabel & { points?: Point[] }).points ?? [],
  }));

  // Below the plan: rows of fixes. Fixes that lead to one another share a row, in the order they lead.
  const plan = nodes.get(planNode) as MapNode;
  const inner = [...pairs.values()].filter((p) => below.has(p.from) && below.has(p.to));
  const isEnding = (id: string) => stepMeta(id).kind === 'ending';
  const chained = new Set(inner.filter((p) => !isEnding(p.to)).flatMap((p) => [p.from, p.to]));
  const chain = [...chained].filter((id) => !inner.some((p) => p.to === id && chained.has(p.from)));
  for (let i = 0; i < chain.length; i++) {
    for (const p of inner) if (p.from === chain[i] && chained.has(p.to) && !chain.includes(p.to)) chain.push(p.to);
  }
  const rows: string[][] = [];
  const loose = picked.filter((id) => !chained.has(id));
  for (let i = 0; i < loose.length; i += columns) rows.push(loose.slice(i, i + columns));
  for (let i = 0; i < chain.length; i += columns) rows.push(chain.slice(i, i + columns));

  const trunkX = plan.x;
  const columnX = (c: number) => trunkX + trunkGap + c * (nodeWidth + columnGap) + nodeWidth / 2;
  const place = (id: string, column: number, top: number) => {
    const lines = linesOf(id);
    const node: MapNode = { id, stage: stepMeta(id).stage, lines, x: columnX(column), y: top + heightOf(lines) / 2, width: nodeWidth, height: heightOf(lines) };
    nodes.set(id, node);
    return node;
  };
  let top = plan.y + plan.height / 2 + 34 + railAbove;
  const rails: { y: number; drops: MapNode[] }[] = [];
  const column = new Map<string, number>();
  for (const row of rows) {
    const placed = row.map((id, c) => {
      column.set(id, c);
      return place(id, c, top);
    });
    rails.push({ y: top - railAbove, drops: placed.filter((n) => (picked as string[]).includes(n.id)) });
    top += Math.max(...placed.map((n) => n.height)) + railAbove + rowGap;
  }
  // The endings: each under the fix that leads to it, the rest in the columns left over.
  const endings = [...below].filter(isEnding);
  const taken = new Set<number>();
  for (const id of endings) {
    const from = inner.find((p) => p.to === id && column.has(p.from))?.from;
    const c = from === undefined ? undefined : column.get(from);
    if (c !== undefined && !taken.has(c)) {
      taken.add(c);
      column.set(id, c);
    }
  }
  for (const id of endings.filter((id) => !column.has(id))) {
    let c = columns - 1;
    while (taken.has(c) && c > 0) c--;
    taken.add(c);
    column.set(id, c);
  }
  for (const id of endings) place(id, column.get(id) ?? 0, top - railAbove);

  // The trunk and its drops, dashed: the plan picks one of them for each person.
  const node = (id: string) => nodes.get(id) as MapNode;
  const end = finish ? node(finish) : undefined;
  const trunkEnd = end ? end.y : (rails.at(-1)?.y ?? plan.y);
  drawn.push({
    id: 'trunk',
    conditional: true,
    trunk: true,
    points: [
      { x: trunkX, y: plan.y + plan.height / 2 },
      { x: trunkX, y: trunkEnd },
    ],
  });
  for (const rail of rails) {
    for (const n of rail.drops) {
      drawn.push({
        id: `${planNode}>${n.id}`,
        conditional: true,
        points: [
          { x: trunkX, y: rail.y },
          { x: n.x, y: rail.y },
          { x: n.x, y: n.y - n.height / 2 },
        ],
      });
    }
  }
  if (end) {
    drawn.push({
      id: `${planNode}>${end.id}`,
      conditional: false,
      points: [
        { x: trunkX, y: end.y },
        { x: end.x - end.width / 2, y: end.y },
      ],
    });
  }

  // Between fixes: across to the next box in a row, or down to the box beneath.
  for (const p of inner) {
    const a = node(p.from);
    const b = node(p.to);
    const points =
      Math.abs(a.y - b.y) < 1 && b.x > a.x
        ? [
            { x: a.x + a.width / 2, y: a.y },
            { x: b.x - b.width / 2, y: b.y },
          ]
        : Math.abs(a.x - b.x) < 1 && b.y > a.y
          ? [
              { x: a.x, y: a.y + a.height / 2 },
              { x: b.x, y: b.y - b.height / 2 },
            ]
          : [
              { x: a.x, y: a.y + a.height / 2 },
              { x: a.x, y: b.y - b.height / 2 - railAbove / 2 },
              { x: b.x, y: b.y - b.height / 2 - railAbove / 2 },
              { x: b.x, y: b.y - b.height / 2 },
            ];
    drawn.push({ id: `${p.from}>${p.to}`, conditional: p.conditional, points });
  }

  const labels: MapLabel[] = [{ text: words.planSays, x: trunkX + 8, y: plan.y + plan.height / 2 + 17, anchor: 'start' }];
  if (end) labels.push({ text: words.allTried, x: (trunkX + end.x - end.width / 2) / 2, y: end.y - 12, anchor: 'middle' });

  const all = [...nodes.values()];
  const width = Math.max(g.graph().width ?? 0, ...all.map((n) => n.x + n.width / 2 + margin));
  const height = Math.max(g.graph().height ?? 0, ...all.map((n) => n.y + n.height / 2 + margin));
  // Steps in the machine's order, the plan node after the questions that lead to it.
  const order = [...upper, ...stepIds.filter((id) => below.has(id))];
  return { width: Math.ceil(width), height: Math.ceil(height), nodes: order.map(node), edges: drawn, labels };
}
