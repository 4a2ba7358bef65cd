import { stages } from '@/machines/meta';
import { isStep, stepMeta } from '@/machines/steps';
import { endingLabels, evidenceKindLabels, type Labels } from './labels';
import { endingIds, type Insights } from '@/outcomes/aggregate';
import { Bars } from './Bars';
import { DataTable, Figure } from './Figure';
import { type Part, StackedBars } from './StackedBars';
import { WeekLines } from './WeekLines';

const endingParts: Part[] = [
  { key: 'fixed', label: endingLabels.fixed, tone: 'fill-emerald-700 dark:fill-emerald-400' },
  { key: 'handoff', label: endingLabels.handoff, tone: 'fill-amber-600 dark:fill-amber-300' },
  { key: 'visitor-end', label: endingLabels['visitor-end'], tone: 'fill-slate-500 dark:fill-slate-400' },
];
const voteParts: Part[] = [
  { key: 'yes', label: 'Yes', tone: 'fill-emerald-700 dark:fill-emerald-400' },
  { key: 'no', label: 'No', tone: 'fill-rose-700 dark:fill-rose-400' },
];
const stageLabel = new Map<string, string>(stages.map((s) => [s.id, s.label]));

const share = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '–');
const dayLabel = (day: string, year?: 'numeric') =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year, timeZone: 'UTC' });

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className="text-2xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Tiles({ insights }: { insights: Insights }) {
  const { started, ended, endings, triedBeforeFixed } = insights;
  const tiles: [string, string][] = [
    ['Journeys started', started.toLocaleString('en')],
    ['Journeys ended', ended.toLocaleString('en')],
    [endingLabels.fixed, `${endings.fixed.toLocaleString('en')} (${share(endings.fixed, ended)})`],
    [endingLabels.handoff, `${endings.handoff.toLocaleString('en')} (${share(endings.handoff, ended)})`],
    ['Left before an ending', Math.max(0, started - ended).toLocaleString('en')],
    ['Fixes tried per “fixed” journey, the one that worked included', triedBeforeFixed === undefined ? '–' : triedBeforeFixed.toFixed(1)],
  ];
  return (
    <dl className="stat-tiles">
      {tiles.map(([term, value]) => (
        <div key={term} className="rounded-lg border border-slate-300 p-3 dark:border-slate-700">
          <dt className="text-sm text-slate-700 dark:text-slate-300">{term}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function InsightsReport({ insights, labels, exportHref }: { insights: Insights; labels: Labels; exportHref: (table: string) => string }) {
  const { started, ended, endings, fixes, steps, evidence, helpful, weeks } = insights;
  const fixedTotal = endings.fixed;
  const kinds = [...new Set(evidence.map((e) => e.kind))];
  const leftAt = steps.filter((s) => s.left > 0).sort((a, b) => b.left - a.left);

  return (
    <>
      <Tiles insights={insights} />
      <p className="hint mt-3">
        A journey starts on the first question (or a link that opens a step directly) and ends on one of the three endings. A person who left partway, or who is
        still working through the steps, is “left before an ending”.
      </p>

      <Section id="endings" title="How journeys ended">
        <Figure
          id="endings-chart"
          caption={`${ended.toLocaleString('en')} journeys ended`}
          chart={<Bars bars={endingIds.map((e) => ({ label: endingLabels[e], value: endings[e], note: share(endings[e], ended) }))} />}
          table={
            <DataTable
              caption="Journeys by ending"
              columns={[{ label: 'Ending' }, { label: 'Journeys', numeric: true }, { label: 'Share', numeric: true }]}
              rows={endingIds.map((e) => [endingLabels[e], endings[e], share(endings[e], ended)])}
            />
          }
        />
      </Section>

      <Section id="fixes" title="The fixes that worked">
        {fixes.length ? (
          <Figure
            id="fixes-chart"
            caption="Journeys that ended “fixed”, by the fix that was answered “it worked”, most first"
            chart={
              <Bars
                tone="fill-emerald-700 dark:fill-emerald-400"
                bars={fixes.map((f) => ({ label: labels.step(f.step), value: f.count, note: share(f.count, fixedTotal) }))}
              />
            }
            table={
              <DataTable
                caption="Fixes that ended journeys as fixed"
                columns={[{ label: 'Fix' }, { label: 'Journeys fixed', numeric: true }, { label: 'Share of fixed', numeric: true }]}
                rows={fixes.map((f) => [labels.step(f.step), f.count, share(f.count, fixedTotal)])}
              />
            }
          />
        ) : (
          <p className="mt-3">No journey ended “fixed” in this period.</p>
        )}
      </Section>

      <Section id="steps" title="Where people stopped">
        <p className="mt-2">
          A step someone saw and answered counts as going on; a step they saw and did not answer is where they left, whether they gave up, closed the page or
          are still reading.
        </p>
        {leftAt.length ? (
          <Figure
            id="left-chart"
            caption="Where people left, most first"
            chart={
              <Bars
                tone="fill-rose-700 dark:fill-rose-400"
                bars={leftAt.map((s) => ({ label: labels.step(s.step), value: s.left, note: `(${share(s.left, s.views)} of its views)` }))}
              />
            }
            table={
              <DataTable
                caption="Where people left"
                columns={[
                  { label: 'Step' },
                  { label: 'Left here', numeric: true },
                  { label: 'Views', numeric: true },
                  { label: 'Share of its views', numeric: true },
                ]}
                rows={leftAt.map((s) => [labels.step(s.step), s.left, s.views, share(s.left, s.views)])}
              />
            }
          />
        ) : (
          <p className="mt-3">Nobody left partway in this period.</p>
        )}
        {steps.length ? (
          <Figure
            id="steps-chart"
            caption="Every step shown, in the order a journey meets them, with its share of the journeys started"
            chart={
              <Bars
                bars={steps.map((s) => ({
                  label: labels.step(s.step),
                  value: s.views,
                  note: `(${share(s.views, started)} of starts${s.left ? `; ${s.left.toLocaleString('en')} left here` : ''})`,
                }))}
              />
            }
            table={
              <DataTable
                caption="Views of each step"
                columns={[
                  { label: 'Step' },
                  { label: 'Stage' },
                  { label: 'Views', numeric: true },
                  { label: 'Share of starts', numeric: true },
                  { label: 'Went on', numeric: true },
                  { label: 'Left here', numeric: true },
                ]}
                rows={steps.map((s) => [
                  labels.step(s.step),
                  isStep(s.step) ? (stageLabel.get(stepMeta(s.step).stage) ?? '') : '',
                  s.views,
                  share(s.views, started),
                  s.onward,
                  s.left,
                ])}
              />
            }
          />
        ) : (
          <p className="mt-3">No step was shown in this period.</p>
        )}
      </Section>

      <Section id="evidence" title="What the evidence said, and where it led">
        <p className="mt-2">
          For the journeys that ended: what their link already knew (the error page, Cloudflare’s number, a line from the error log, the live check), and how
          those journeys ended. A journey with two pieces of evidence counts under each.
        </p>
        {kinds.length ? (
          kinds.map((kind) => {
            const lines = evidence.filter((e) => e.kind === kind);
            const fixedBy = (e: (typeof lines)[number]) => (e.topFix ? `${labels.step(e.topFix.step)} (${e.topFix.count.toLocaleString('en')})` : '–');
            return (
              <Figure
                key={kind}
                id={`evidence-${kind}`}
                caption={evidenceKindLabels[kind]}
                chart={
                  <StackedBars
                    parts={endingParts}
                    rows={lines.map((e) => ({
                      label: labels.evidence(kind, e.token),
                      values: e.endings,
                      note: e.topFix ? `most often fixed by ${labels.step(e.topFix.step)}` : undefined,
                    }))}
                  />
                }
                table={
                  <DataTable
                    caption={`${evidenceKindLabels[kind]}, and how those journeys ended`}
                    columns={[
                      { label: 'Evidence' },
                      { label: 'Journeys', numeric: true },
                      ...endingParts.map((p) => ({ label: p.label, numeric: true })),
                      { label: 'Most often fixed by' },
                    ]}
                    rows={lines.map((e) => [labels.evidence(kind, e.token), e.total, ...endingIds.map((id) => e.endings[id]), fixedBy(e)])}
                  />
                }
              />
            );
          })
        ) : (
          <p className="mt-3">No journey ended in this period.</p>
        )}
      </Section>

      <Section id="helpful" title="Did this help?">
        <p className="mt-2">The answers people gave on an ending’s page. Answering is optional, so these are a sample.</p>
        {helpful.length ? (
          <Figure
            id="helpful-chart"
            caption="Answers to “Did this help?”, by ending"
            chart={
              <StackedBars
                parts={voteParts}
                rows={helpful.map((h) => ({
                  label: h.fixedBy ? `${endingLabels[h.ending]}: ${labels.step(h.fixedBy)}` : endingLabels[h.ending],
                  values: { yes: h.yes, no: h.no },
                }))}
              />
            }
            table={
              <DataTable
                caption="Answers to “Did this help?”"
                columns={[{ label: 'Ending' }, { label: 'Yes', numeric: true }, { label: 'No', numeric: true }, { label: 'Share yes', numeric: true }]}
                rows={helpful.map((h) => [
                  h.fixedBy ? `${endingLabels[h.ending]}: ${labels.step(h.fixedBy)}` : endingLabels[h.ending],
                  h.yes,
                  h.no,
                  share(h.yes, h.yes + h.no),
                ])}
              />
            }
          />
        ) : (
          <p className="mt-3">Nobody answered in this period.</p>
        )}
      </Section>

      <Section id="weeks" title="Week by week">
        <Figure
          id="weeks-chart"
          caption="Journeys started and ended, each week (weeks start on Monday; the first and last may be partial)"
          chart={
            <WeekLines
              weeks={weeks.map((w) => w.week)}
              weekLabel={(week) => dayLabel(week)}
              series={[
                { key: 'started', label: 'Started', tone: 'stroke-blue-700 dark:stroke-blue-400', values: weeks.map((w) => w.started) },
                {
                  key: 'fixed',
                  label: endingLabels.fixed,
                  tone: 'stroke-emerald-700 dark:stroke-emerald-400',
                  dash: '6 3',
                  values: weeks.map((w) => w.endings.fixed),
                },
                {
                  key: 'handoff',
                  label: endingLabels.handoff,
                  tone: 'stroke-amber-600 dark:stroke-amber-300',
                  dash: '2 3',
                  values: weeks.map((w) => w.endings.handoff),
                },
                {
                  key: 'visitor-end',
                  label: endingLabels['visitor-end'],
                  tone: 'stroke-slate-500 dark:stroke-slate-400',
                  dash: '10 3 2 3',
                  values: weeks.map((w) => w.endings['visitor-end']),
                },
              ]}
            />
          }
          table={
            <DataTable
              caption="Journeys each week"
              columns={[{ label: 'Week starting' }, { label: 'Started', numeric: true }, ...endingParts.map((p) => ({ label: p.label, numeric: true }))]}
              rows={weeks.map((w) => [dayLabel(w.week, 'numeric'), w.started, ...endingIds.map((id) => w.endings[id])])}
            />
          }
        />
      </Section>

      <Section id="export" title="Download the figures">
        <p className="mt-2">
          The stored rows for this period, as CSV files for a spreadsheet. They hold days, step ids, answers and evidence ids: nothing about a person.
        </p>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>
            <a className="link" href={exportHref('outcomes')}>
              Journeys that ended (CSV)
            </a>
          </li>
          <li>
            <a className="link" href={exportHref('steps')}>
              Step views per day (CSV)
            </a>
          </li>
          <li>
            <a className="link" href={exportHref('helpful')}>
              “Did this help?” answers per day (CSV)
            </a>
          </li>
        </ul>
        <p className="hint mt-3">
          {insights.versions.length
            ? `Recorded by ${insights.versions.length === 1 ? 'machine version' : 'machine versions'} ${insights.versions.join(', ')}. A new version means steps or answers changed.`
            : 'Nothing was recorded in this period.'}
        </p>
      </Section>
    </>
  );
}
