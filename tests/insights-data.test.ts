import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { machineVersion } from '@/machines/version';
import { type Insights, insightsFor } from '@/outcomes/aggregate';
import { csvCell, exportCsv } from '@/outcomes/csv';
import { isDay, lastDays, periodFrom, weekOf } from '@/outcomes/period';
import { openPostgresStore } from '@/outcomes/postgres-store';
import { helpfulRow, rowsForPath } from '@/outcomes/record';
import { openSqliteStore } from '@/outcomes/sqlite-store';
import type { OutcomeRow, Row, Store } from '@/outcomes/types';
import { Writer } from '@/outcomes/writer';
import { journeyPages, threeEndings } from './support/journeys';
import { postgresAvailable, startPostgres, type PostgresServer } from './support/postgres';

describe('the period asked for', () => {
  test('only real days are days', () => {
    assert.ok(isDay('2026-12-01'));
    assert.ok(isDay('2028-02-29'));
    for (const bad of ['2026-02-30', '2027-02-29', '2026-13-01', '26-12-01', '2026-12-1', '', 20261201, undefined, '0000-01-01', '9999-12-01']) {
      assert.ok(!isDay(bad), String(bad));
    }
  });

  test('no dates means the last 28 days; bad, reversed or too long periods fall back to them with a reason', () => {
    const today = '2026-12-01';
    assert.deepEqual(periodFrom(undefined, undefined, today), { period: { from: '2026-11-04', to: today } });
    assert.deepEqual(periodFrom('2026-11-01', '2026-11-30', today), { period: { from: '2026-11-01', to: '2026-11-30' } });
    for (const [from, to, reason] of [
      ['2026-11-31', '2026-12-01', /not days we can read/],
      ['<script>', '2026-12-01', /not days we can read/],
      // Years that date arithmetic would carry out of four digits (where a week's loop would never end).
      ['9999-12-01', '9999-12-31', /not days we can read/],
      ['0000-01-01', '0000-01-31', /not days we can read/],
      ['2026-12-01', '2026-11-01', /first day comes after the last/],
      ['2025-01-01', '2026-12-01', /at most 366 days/],
    ] as const) {
      const result = periodFrom(from, to, today);
      assert.deepEqual(result.period, lastDays(28, today), `${from}..${to}`);
      assert.match(result.problem ?? '', reason);
    }
    assert.equal(periodFrom('2025-12-01', '2026-12-01', today).problem, undefined, '366 days, counting both ends, is allowed');
  });

  test('weeks start on Monday', () => {
    assert.equal(weekOf('2026-12-01'), '2026-11-30'); // a Tuesday
    assert.equal(weekOf('2026-11-30'), '2026-11-30');
    assert.equal(weekOf('2026-12-06'), '2026-11-30'); // a Sunday
    assert.equal(weekOf('2027-01-01'), '2026-12-28');
  });
});

/** The rows the messages of every page of a journey give. */
function journeyRows(href: string, day: string): Row[] {
  return journeyPages(href).flatMap((page) => rowsForPath(page, day) ?? assert.fail(`${page} is refused`));
}

const period = { from: '2026-05-18', to: '2026-05-31' };
const journeys = threeEndings();
const leftAtServerHealth = journeys.fixed.slice(0, journeys.fixed.lastIndexOf('/server-health=broken'));
const outcomeOf = (rows: Row[]) => rows.find((r): r is OutcomeRow => r.kind === 'outcome');

function fixture(): Row[] {
  const fixed = journeyRows(journeys.fixed, '2026-05-20');
  const handoff = journeyRows(journeys.handoff, '2026-05-20');
  const visitor = journeyRows(journeys.visitor, '2026-05-26');
  const early = journeyRows(journeys.fixed, '2026-05-17');
  // Someone who stopped at the server's health, and never answered it.
  const partial = journeyRows(leftAtServerHealth, '2026-05-21');
  const votes = [
    helpfulRow(journeys.fixed, 'yes', '2026-05-20'),
    helpfulRow(journeys.handoff, 'no', '2026-05-21'),
    helpfulRow(journeys.fixed, 'no', '2026-06-01'),
  ];
  return [...fixed, ...handoff, ...visitor, ...early, ...partial, ...votes.map((v) => v ?? assert.fail('a vote is refused'))];
}

async function filled(store: Store): Promise<Store> {
  await store.migrate();
  await new Writer(store, { log: () => {} }).enqueue(fixture());
  return store;
}

function checkInsights(insights: Insights): void {
  const fixedOutcome = outcomeOf(journeyRows(journeys.fixed, '2026-05-20'));
  const visitorOutcome = outcomeOf(journeyRows(journeys.visitor, '2026-05-26'));
  assert.ok(fixedOutcome && visitorOutcome);

  assert.equal(insights.started, 4, 'four journeys started in the period (the fifth was the day before)');
  assert.equal(insights.ended, 3);
  assert.deepEqual(insights.endings, { fixed: 1, handoff: 1, 'visitor-end': 1 });
  assert.deepEqual(insights.fixes, [{ step: 'php-workers', count: 1 }]);
  assert.equal(insights.triedBeforeFixed, fixedOutcome.tried_count);

  const views = new Map(insights.steps.map((s) => [s.step, s.views]));
  assert.equal(views.get('role'), 4, 'every journey passed the first question');
  const expected = new Map<string, number>();
  for (const r of fixture()) if (r.kind === 'view' && r.day >= period.from && r.day <= period.to) expected.set(r.step, (expected.get(r.step) ?? 0) + r.views);
  assert.deepEqual(views, expected, 'each step’s views are the pages shown in the period');
  assert.equal(views.get('fixed'), 1);
  assert.equal(views.get('handoff'), 1);
  assert.equal(insights.steps[0].step, 'role', 'the funnel starts at the first question');
  const left = insights.steps.filter((s) => s.left > 0).map((s) => [s.step, s.left]);
  assert.deepEqual(left, [['server-health', 1]], 'only the person who stopped left, and where they stopped');
  const role = insights.steps.find((s) => s.step === 'role');
  assert.equal(role?.onward, 4, 'everyone answered the first question');
  const order = insights.steps.map((s) => s.step);
  assert.ok(order.indexOf('reload') < order.indexOf('php-workers'), 'quick fixes come before server fixes');
  assert.ok(order.indexOf('php-workers') < order.indexOf('fixed'), 'the endings come last');

  const line = (kind: string, token: string) => insights.evidence.find((e) => e.kind === kind && e.token === token);
  assert.deepEqual(line('page', 'cloudflare-52x'), {
    kind: 'page',
    token: 'cloudflare-52x',
    total: 1,
    endings: { fixed: 1, handoff: 0, 'visitor-end': 0 },
    topFix: { step: 'php-workers', count: 1 },
  });
  assert.deepEqual(line('cloudflare', '522')?.endings, { fixed: 1, handoff: 0, 'visitor-end': 0 });
  assert.deepEqual(line('page', 'not-sure')?.endings, { fixed: 0, handoff: 1, 'visitor-end': 0 });
  assert.equal(line('page', 'not-sure')?.topFix, undefined, 'a hand-off names no fix');
  const visitorLine = visitorOutcome.error_page ? line('page', visitorOutcome.error_page) : line('none', '');
  assert.equal(visitorLine?.endings['visitor-end'], 1);
  assert.deepEqual(
    insights.evidence.map((e) => e.kind),
    [...insights.evidence.map((e) => e.kind)].sort(
      (a, b) => ['page', 'cloudflare', 'log', 'check', 'none'].indexOf(a) - ['page', 'cloudflare', 'log', 'check', 'none'].indexOf(b),
    ),
    'evidence is grouped by kind',
  );

  assert.deepEqual(insights.helpful, [
    { ending: 'fixed', fixedBy: 'php-workers', yes: 1, no: 0 },
    { ending: 'handoff', fixedBy: '', yes: 0, no: 1 },
  ]);
  assert.deepEqual(
    insights.weeks.map((w) => [w.week, w.started, w.endings.fixed, w.endings.handoff, w.endings['visitor-end']]),
    [
      ['2026-05-18', 3, 1, 1, 0],
      ['2026-05-25', 1, 0, 0, 1],
    ],
  );
  assert.deepEqual(insights.versions, [machineVersion]);
}

function csvSuite(open: () => Promise<Store>) {
  test('the CSV export holds the period’s rows, sorted by day and fields, and nothing else', async () => {
    const store = await open();
    const outcomes = (await exportCsv(store, 'outcomes', period)).split('\r\n');
    assert.equal(outcomes[0], 'day,machine_version,ending,fixed_by,tried,tried_count,path,error_page,cf_code,found,checked');
    assert.equal(outcomes.at(-1), '', 'the file ends with a line break');
    const rows = outcomes.slice(1, -1);
    assert.equal(rows.length, 3);
    assert.deepEqual(
      rows.map((r) => r.split(',').slice(0, 3)),
      [
        ['2026-05-20', machineVersion, 'fixed'],
        ['2026-05-20', machineVersion, 'handoff'],
        ['2026-05-26', machineVersion, 'visitor-end'],
      ],
    );
    assert.ok(rows[0].includes(journeys.fixed.slice('/fix/'.length)), 'the journey’s answers are there');
    const steps = (await exportCsv(store, 'steps', period)).split('\r\n');
    assert.equal(steps[0], 'day,step,from_step,machine_version,views,starts');
    assert.ok(!steps.some((r) => r.startsWith('2026-05-17')), 'a day outside the period is left out');
    const helpful = (await exportCsv(store, 'helpful', period)).split('\r\n').slice(1, -1);
    assert.deepEqual(helpful, [`2026-05-20,fixed,php-workers,yes,1,${machineVersion}`, `2026-05-21,handoff,,no,1,${machineVersion}`]);
  });
}

describe('the insights of a period, from SQLite', () => {
  let dir = '';
  let store: Store;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'insights-'));
    store = await filled(openSqliteStore(join(dir, 'outcomes.sqlite')));
  });
  after(async () => {
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('counts journeys, endings, fixes, step views, evidence, votes and weeks', async () => {
    checkInsights(await insightsFor(store, period));
  });

  test('an empty period shows zeros and every week in it, not an error', async () => {
    const empty = await insightsFor(store, { from: '2026-01-05', to: '2026-01-18' });
    assert.equal(empty.started, 0);
    assert.equal(empty.ended, 0);
    assert.deepEqual(empty.steps, []);
    assert.equal(empty.triedBeforeFixed, undefined);
    assert.deepEqual(
      empty.weeks.map((w) => w.week),
      ['2026-01-05', '2026-01-12'],
    );
  });

  csvSuite(async () => store);
});

describe('the insights of a period, from PostgreSQL', { skip: postgresAvailable() ? false : 'PostgreSQL is not installed' }, () => {
  let server: PostgresServer;
  let store: Store;
  before(async () => {
    server = await startPostgres();
    store = await filled(openPostgresStore(server.url));
  });
  after(async () => {
    await store?.close();
    await server?.stop();
  });

  test('gives the same figures as SQLite, numbers as numbers', async () => {
    const insights = await insightsFor(store, period);
    checkInsights(insights);
    const dir = await mkdtemp(join(tmpdir(), 'insights-'));
    const sqlite = await filled(openSqliteStore(join(dir, 'outcomes.sqlite')));
    try {
      assert.deepEqual(insights, await insightsFor(sqlite, period));
      assert.equal(await exportCsv(store, 'outcomes', period), await exportCsv(sqlite, 'outcomes', period));
    } finally {
      await sqlite.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a database that cannot be read fails the query rather than hanging', async () => {
    const unreachable = openPostgresStore(`postgres://postgres@127.0.0.1:${server.port + 1}/outcomes_test`);
    try {
      await assert.rejects(insightsFor(unreachable, period));
    } finally {
      await unreachable.close();
    }
  });

  csvSuite(async () => store);
});

describe('CSV cells', () => {
  test('are quoted when they must be, and never start a spreadsheet formula', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell(3), '3');
    assert.equal(csvCell(''), '');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    for (const risky of ['=HYPERLINK("x")', '+1', '-1', '@SUM(A1)']) assert.ok(csvCell(risky).replace(/^"/, '').startsWith("'"), risky);
  });
});
