/**
 * Answers needed: how many answers each real-world case (tests/cases/cases.ts)
 * gives before the wizard shows the step that fixes it, skipping the tools
 * and using them (the live check, the log explainer). Reports, never fails;
 * the goal is a median of 6 or fewer with evidence.
 *
 * Usage: npx tsx scripts/bench/answers.ts (npm run bench includes it)
 */
import { pathToFileURL } from 'node:url';
import { cases } from '@/tests/cases/cases';
import { walk, type Walk } from '@/tests/cases/walk';

export const goal = 6;

function median(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

type Outcome = { walk?: Walk; error?: string };

function tryWalk(...args: Parameters<typeof walk>): Outcome {
  try {
    return { walk: walk(...args) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function cell({ walk: w, error }: Outcome): string {
  if (error) return `error: ${error.replace(/\|/g, '\\|').slice(0, 80)}`;
  if (!w) return '';
  return w.ok ? String(w.clicks) : `not reached (stopped at \`${w.step}\`)`;
}

export interface AnswersFigures {
  table: string;
  withoutMedian?: number;
  withMedian?: number;
  reachedWithout: number;
  reachedWith: number;
  withEvidence: number;
}

export function answersFigures(): AnswersFigures {
  const rows = cases.map((c) => ({ c, without: tryWalk(c, false), with: c.evidence ? tryWalk(c, true) : undefined }));
  const reached = (o?: Outcome) => (o?.walk?.ok ? [o.walk.clicks] : []);
  const withoutClicks = rows.flatMap((r) => reached(r.without));
  const withClicks = rows.flatMap((r) => reached(r.with));
  const evidenceOf = (r: (typeof rows)[number]) => [r.c.evidence?.check && 'check', r.c.evidence?.log && 'log'].filter(Boolean).join(' + ');
  const table = [
    '| case | platform | fix | evidence | answers without | answers with |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.c.id} | ${r.c.platform.replace(/\|/g, '/')} | \`${r.c.fix}\` | ${evidenceOf(r) || '–'} | ${cell(r.without)} | ${r.with ? cell(r.with) : '–'} |`,
    ),
  ].join('\n');
  return {
    table,
    withoutMedian: median(withoutClicks),
    withMedian: median(withClicks),
    reachedWithout: withoutClicks.length,
    reachedWith: withClicks.length,
    withEvidence: rows.filter((r) => r.with).length,
  };
}

/** The markdown section for the benchmark report. */
export function answersReport(): string {
  const f = answersFigures();
  const show = (n?: number) => (n === undefined ? 'none reached' : String(n));
  return `Each case of \`tests/cases/cases.ts\` walked through the wizard from \`/fix\`, answering as its person would and “still broken” at every fix that is not the case’s own; a number is the answers the person gave before the fix appeared. “With” uses the tools at the evidence step: the live check’s and the log explainer’s result links supply answers, which are not counted; following the link counts as one. Medians are over the walks that reached their fix.

| | cases | reached their fix | median answers |
| --- | --- | --- | --- |
| Without evidence | ${cases.length} | ${f.reachedWithout} | ${show(f.withoutMedian)} |
| With evidence (goal: ${goal} or fewer) | ${f.withEvidence} | ${f.reachedWith} | ${show(f.withMedian)}${f.withMedian !== undefined ? (f.withMedian <= goal ? ' (met)' : ' (**not met**)') : ''} |

${f.table}
`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(answersReport());
}
