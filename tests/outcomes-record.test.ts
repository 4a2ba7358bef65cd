import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { machineVersion } from '@/machines/version';
import { canonicalHref } from '@/machines/url-state';
import { helpfulRow, maxPathBytes, rowsForPath, stateOfPath } from '@/outcomes/record';
import { openHref as open, walk } from './support/journeys';

const day = '2026-05-20';
/** The example journey from the design note: a Cloudflare 522 on WordPress behind nginx, fixed by more PHP workers. */
const example =
  '/fix/role=owner/evidence=skip/reach=everyone/error-page=cloudflare-52x/cf-code=522/reload=broken/access=ssh/platform=debian-12/cms=wordpress/server=nginx/server-health=broken/php-workers=fixed';

describe('which paths are counted', () => {
  test('the start of the wizard and a canonical mid-journey path are accepted', () => {
    assert.equal(stateOfPath('/fix')?.step, 'role');
    assert.equal(stateOfPath('/fix/role=owner')?.step, open('/fix/role=owner').step);
  });

  test('unknown steps, unknown answers, tampered and non-canonical paths are refused', () => {
    const refused = [
      undefined,
      42,
      { p: '/fix' },
      '',
      '/',
      '/fixed',
      '/fix/',
      '/step/reload',
      '/fix/role=owner/made-up=yes',
      '/fix/role=owner/reach=sideways',
      '/fix/role=admin',
      '/fix/role=owner/role=visitor',
      '/fix/Role=Owner',
      '/fix/role=owner?x=1',
      '/fix/role%3Downer',
      '/fix/role=owner//reach=everyone',
      '/fix/role=owner/found=not-a-finding',
      // The same answers in another order: a real link, but not the canonical spelling.
      '/fix/reach=everyone/role=owner',
      `${example}/x=`,
      `${example.replace('php-workers=fixed', 'php-workers=fixed/php-workers=broken')}`,
      `/fix/${'role=owner/'.repeat(400)}`,
    ];
    for (const p of refused) assert.equal(rowsForPath(p, day), undefined, `accepted ${JSON.stringify(p)?.slice(0, 80)}`);
  });

  test(`a path over ${maxPathBytes} bytes is refused before it is replayed`, () => {
    assert.equal(stateOfPath(`/fix/found=${'a'.repeat(maxPathBytes)}`), undefined);
  });
});

describe('the rows a journey gives', () => {
  test('the first page counts a view and a start; a later question counts a view only', () => {
    assert.deepEqual(rowsForPath('/fix', day), [{ kind: 'view', day, step: 'role', from_step: '', machine_version: machineVersion, views: 1, starts: 1 }]);
    const rows = rowsForPath('/fix/role=owner', day);
    assert.equal(rows?.length, 1);
    assert.equal(rows?.[0].kind, 'view');
    assert.equal(rows?.[0].kind === 'view' && rows[0].starts, 0);
    assert.equal(rows?.[0].kind === 'view' && rows[0].from_step, 'role', 'the step whose answer led here');
  });

  test('a link straight to one fix counts a start of that fix', () => {
    const [view] = rowsForPath('/fix/start=restart', day) ?? [];
    assert.deepEqual(view, { kind: 'view', day, step: 'restart', from_step: '', machine_version: machineVersion, views: 1, starts: 1 });
  });

  test('the example journey: a view of “fixed” and one outcome row naming the fix, the fixes tried and the evidence', () => {
    const state = open(example);
    assert.equal(state.step, 'fixed', 'the example journey no longer reaches “fixed”');
    assert.equal(canonicalHref(state), example);
    const rows = rowsForPath(example, day);
    assert.deepEqual(rows, [
      { kind: 'view', day, step: 'fixed', from_step: 'php-workers', machine_version: machineVersion, views: 1, starts: 0 },
      {
        kind: 'outcome',
        day,
        machine_version: machineVersion,
        ending: 'fixed',
        fixed_by: 'php-workers',
        tried: 'reload=broken/server-health=broken/php-workers=fixed',
        tried_count: 3,
        path: example.slice('/fix/'.length),
        error_page: 'cloudflare-52x',
        cf_code: '522',
        found: '',
        checked: '',
      },
    ]);
  });

  test('a row holds nothing but the day, ids and tokens the machine knows', () => {
    for (const row of rowsForPath(example, day) ?? []) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === 'number') continue;
        assert.match(value, /^[a-z0-9=+/.-]*$/, `${column} holds ${value}`);
      }
    }
  });

  test('evidence brought from the log explainer and the live check is recorded as its tokens', () => {
    const state = walk('/fix/role=owner/evidence=skip/reach=everyone/found=fpm-max-children/check=http-502', ['fixed']);
    const p = canonicalHref(state);
    const outcome = rowsForPath(p, day)?.find((r) => r.kind === 'outcome');
    assert.ok(outcome && outcome.kind === 'outcome', `no outcome for ${p}`);
    assert.equal(outcome.found, 'fpm-max-children');
    assert.equal(outcome.checked, 'http-502');
    assert.equal(outcome.ending, 'fixed');
    assert.ok(outcome.fixed_by, 'a fixed ending names its fix');
    assert.ok(!outcome.path.includes('found='), 'evidence has its own columns, not the path');
  });

  test('a journey where nothing worked ends in a hand-off with every fix tried and no fix named', () => {
    const state = walk('/fix/role=owner/evidence=skip/reach=everyone/error-page=not-sure', [
      'broken',
      'cannot',
      'ssh',
      'nginx',
      'wordpress',
      'debian-12',
      'no',
    ]);
    const outcome = rowsForPath(canonicalHref(state), day)?.find((r) => r.kind === 'outcome');
    assert.ok(outcome?.kind === 'outcome');
    assert.equal(outcome.ending, 'handoff');
    assert.equal(outcome.fixed_by, '');
    assert.ok(outcome.tried_count >= 2, outcome.tried);
    assert.equal(outcome.tried.split('/').length, outcome.tried_count);
    assert.ok(!/=fixed/.test(outcome.tried));
  });

  test('a visitor ends at the visitor ending', () => {
    const state = walk('/fix/role=visitor', ['everyone', 'broken']);
    const outcome = rowsForPath(canonicalHref(state), day)?.find((r) => r.kind === 'outcome');
    assert.ok(outcome?.kind === 'outcome');
    assert.equal(outcome.ending, 'visitor-end');
  });

  test('“Did this help?” counts one vote on an ending, and nothing elsewhere', () => {
    assert.deepEqual(helpfulRow(example, 'yes', day), {
      kind: 'helpful',
      day,
      ending: 'fixed',
      fixed_by: 'php-workers',
      machine_version: machineVersion,
      answer: 'yes',
      votes: 1,
    });
    assert.equal(helpfulRow(example, 'maybe', day), undefined);
    assert.equal(helpfulRow(example, undefined, day), undefined);
    assert.equal(helpfulRow('/fix/role=owner', 'yes', day), undefined);
    assert.equal(helpfulRow(`${example}/x=1`, 'no', day), undefined);
  });
});
