import { stages } from '@/machines/meta';
import { isStep, stepIds, stepMeta } from '@/machines/steps';
import { type Period, addDays, weekOf } from './period';
import { type Ending, endingIds, isEnding, type Store } from './types';

export { endingIds };

/**
 * What the insights page shows for a period, worked out from the store.
 * The queries are plain GROUP BYs that read the same in SQLite and
 * PostgreSQL; everything else (weeks, evidence tokens, ranking) is shaped
 * here, so both stores give the same answer.
 */

export type EndingCounts = Record<Ending, number>;

/** What a link said before the journey ended: the error page, Cloudflare's number, a log finding, a live-check result, or nothing. */
export type EvidenceKind = 'page' | 'cloudflare' | 'log' | 'check' | 'none';

export interface EvidenceLine {
  kind: EvidenceKind;
  /** The answer or token as links carry it; '' for `none`. */
  token: string;
  total: number;
  endings: EndingCounts;
  /** The fix that most often ended these journeys as fixed. */
  topFix?: { step: string; count: number };
}

export interface StepCount {
  step: string;
  views: number;
  /** Views of the pages this step's answers led to. */
  onward: number;
  /** Views that went no further: where people left. Endings have none (they are where journeys stop). */
  left: number;
}

export interface HelpfulLine {
  ending: Ending;
  fixedBy: string;
  yes: number;
  no: number;
}

export interface WeekLine {
  /** The Monday that starts the week. */
  week: string;
  started: number;
  endings: EndingCounts;
}

export interface Insights {
  period: Period;
  started: number;
  ended: number;
  endings: EndingCounts;
  /** Fixes that ended journeys as fixed, most first. */
  fixes: { step: string; count: number }[];
  /** Fixes tried, on average, in journeys that ended fixed. */
  triedBeforeFixed?: number;
  /** Views of each step shown in the period, in the journey's order. */
  steps: StepCount[];
  evidence: EvidenceLine[];
  helpful: HelpfulLine[];
  weeks: WeekLine[];
  /** The machine versions that recorded anything in the period. */
  versions: string[];
}

const noEndings = (): EndingCounts => ({ fixed: 0, handoff: 0, 'visitor-end': 0 });

/** Steps in the order a journey meets them: by stage, then as the machine lists them. */
const stageRank = new Map<string, number>(stages.map((s, i) => [s.id, i]));
const stepRank = (step: string) => (isStep(step) ? (stageRank.get(stepMeta(step).stage) ?? 0) * 1000 + stepIds.indexOf(step) : Number.MAX_SAFE_INTEGER);

const evidenceOrder: EvidenceKind[] = ['page', 'cloudflare', 'log', 'check', 'none'];

interface OutcomeGroup {
  ending: string;
  fixed_by: string;
  error_page: string;
  cf_code: string;
  found: string;
  checked: string;
  n: number;
}

/** The evidence one group of outcomes carried, one entry per token. */
function tokensOf(g: OutcomeGroup): { kind: EvidenceKind; token: string }[] {
  const tokens: { kind: EvidenceKind; token: string }[] = [];
  if (g.error_page) tokens.push({ kind: 'page', token: g.error_page });
  if (g.cf_code) tokens.push({ kind: 'cloudflare', token: g.cf_code });
  for (const t of g.found.split('+').filter(Boolean)) tokens.push({ kind: 'log', token: t });
  for (const t of g.checked.split('+').filter(Boolean)) tokens.push({ kind: 'check', token: t });
  return tokens.length ? tokens : [{ kind: 'none', token: '' }];
}

function evidenceLines(groups: OutcomeGroup[]): EvidenceLine[] {
  const lines = new Map<string, EvidenceLine & { fixes: Map<string, number> }>();
  for (const g of groups) {
    if (!isEnding(g.ending)) continue;
    for (const { kind, token } of tokensOf(g)) {
      const key = `${kind}:${token}`;
      const line = lines.get(key) ?? { kind, token, total: 0, endings: noEndings(), fixes: new Map<string, number>() };
      lines.set(key, line);
      line.total += g.n;
      line.endings[g.ending] += g.n;
      if (g.ending === 'fixed' && g.fixed_by) line.fixes.set(g.fixed_by, (line.fixes.get(g.fixed_by) ?? 0) + g.n);
    }
  }
  return [...lines.values()]
    .map(({ fixes, ...line }) => {
      const [top] = [...fixes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      return top ? { ...line, topFix: { step: top[0], count: top[1] } } : line;
    })
    .sort((a, b) => evidenceOrder.indexOf(a.kind) - evidenceOrder.indexOf(b.kind) || b.total - a.total || a.token.localeCompare(b.token));
}

/** Each step's views, what went on from it and what did not, in the journey's order. */
function stepCounts(views: { step: string; views: number }[], onward: { step: string; views: number }[]): StepCount[] {
  const next = new Map(onward.map((o) => [o.step, o.views]));
  return views
    .filter((v) => v.views > 0)
    .map((v) => {
      const went = next.get(v.step) ?? 0;
      // A person who goes back and answers again is counted going on twice but shown the step once: never below zero.
      return { step: v.step, views: v.views, onward: went, left: isEnding(v.step) ? 0 : Math.max(0, v.views - went) };
    })
    .sort((a, b) => stepRank(a.step) - stepRank(b.step) || a.step.localeCompare(b.step));
}

/** Every week the period touches, empty ones too, so a line over them has no gaps. */
function weeksOf(period: Period): string[] {
  const weeks: string[] = [];
  // Bounded as well as checked: a period is at most 366 days, so at most 54 weeks.
  for (let w = weekOf(period.from); w <= period.to && weeks.length < 60; w = addDays(w, 7)) weeks.push(w);
  return weeks;
}

export async function insightsFor(store: Store, period: Period): Promise<Insights> {
  const range = [period.from, period.to];
  const [views, onward, startsByDay, byDay, groups, votes, tried, versions] = await Promise.all([
    store.query<{ step: string; views: number }>('SELECT step, SUM(views) AS views FROM step_views WHERE day BETWEEN ? AND ? GROUP BY step', range),
    store.query<{ step: string; views: number }>(
      "SELECT from_step AS step, SUM(views) AS views FROM step_views WHERE day BETWEEN ? AND ? AND from_step <> '' GROUP BY from_step",
      range,
    ),
    store.query<{ day: string; starts: number }>('SELECT day, SUM(starts) AS starts FROM step_views WHERE day BETWEEN ? AND ? GROUP BY day', range),
    store.query<{ day: string; ending: string; fixed_by: string; n: number }>(
      'SELECT day, ending, fixed_by, COUNT(*) AS n FROM outcomes WHERE day BETWEEN ? AND ? GROUP BY day, ending, fixed_by',
      range,
    ),
    store.query<OutcomeGroup>(
      'SELECT ending, fixed_by, error_page, cf_code, found, checked, COUNT(*) AS n FROM outcomes WHERE day BETWEEN ? AND ? GROUP BY ending, fixed_by, error_page, cf_code, found, checked',
      range,
    ),
    store.query<{ ending: string; fixed_by: string; answer: string; votes: number }>(
      'SELECT ending, fixed_by, answer, SUM(votes) AS votes FROM helpful WHERE day BETWEEN ? AND ? GROUP BY ending, fixed_by, answer',
      range,
    ),
    store.query<{ tried: number | null }>("SELECT AVG(tried_count) AS tried FROM outcomes WHERE day BETWEEN ? AND ? AND ending = 'fixed'", range),
    store.query<{ machine_version: string }>(
      'SELECT DISTINCT machine_version FROM step_views WHERE day BETWEEN ? AND ? UNION SELECT DISTINCT machine_version FROM outcomes WHERE day BETWEEN ? AND ?',
      [...range, ...range],
    ),
  ]);

  const endings = noEndings();
  const fixes = new Map<string, number>();
  const weeks = new Map(weeksOf(period).map((week) => [week, { week, started: 0, endings: noEndings() }]));
  for (const r of byDay) {
    if (!isEnding(r.ending)) continue;
    endings[r.ending] += r.n;
    if (r.ending === 'fixed' && r.fixed_by) fixes.set(r.fixed_by, (fixes.get(r.fixed_by) ?? 0) + r.n);
    const week = weeks.get(weekOf(r.day));
    if (week) week.endings[r.ending] += r.n;
  }
  let started = 0;
  for (const r of startsByDay) {
    started += r.starts;
    const week = weeks.get(weekOf(r.day));
    if (week) week.started += r.starts;
  }

  const helpful = new Map<string, HelpfulLine>();
  for (const v of votes) {
    if (!isEnding(v.ending) || (v.answer !== 'yes' && v.answer !== 'no')) continue;
    const key = `${v.ending}:${v.fixed_by}`;
    const line = helpful.get(key) ?? { ending: v.ending, fixedBy: v.fixed_by, yes: 0, no: 0 };
    helpful.set(key, line);
    line[v.answer] += v.votes;
  }

  const average = tried[0]?.tried;
  return {
    period,
    started,
    ended: endings.fixed + endings.handoff + endings['visitor-end'],
    endings,
    fixes: [...fixes].map(([step, count]) => ({ step, count })).sort((a, b) => b.count - a.count || a.step.localeCompare(b.step)),
    triedBeforeFixed: average === null || average === undefined ? undefined : Number(average),
    steps: stepCounts(views, onward),
    evidence: evidenceLines(groups),
    helpful: [...helpful.values()].sort(
      (a, b) => endingIds.indexOf(a.ending) - endingIds.indexOf(b.ending) || b.yes + b.no - (a.yes + a.no) || a.fixedBy.localeCompare(b.fixedBy),
    ),
    weeks: [...weeks.values()],
    versions: versions.map((v) => v.machine_version).sort(),
  };
}
