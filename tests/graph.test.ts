import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cloudflareCodeNumbers } from '@/evidence/cloudflare';
import { errorPageIds } from '@/evidence/error-pages';
import { describeCondition, flowEdges, planCases, planFixes, planNode } from '@/machines/graph';
import { stepIds, stepMeta } from '@/machines/steps';

/** The flow map's reading of the machine: what /map and its outline draw. */

describe('the flow map’s edges', () => {
  const edges = flowEdges();

  test('every condition on an edge has words, not a guard’s name', () => {
    for (const e of edges) {
      for (const c of e.when) assert.notEqual(describeCondition(c), c.type, `${e.from} → ${e.to}: ${c.type} has no words`);
    }
  });

  test('every step can be reached from the first question, through the plan node', () => {
    const seen = new Set(['role']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const e of edges)
        if (seen.has(e.from) && !seen.has(e.to)) {
          seen.add(e.to);
          grew = true;
        }
    }
    assert.deepEqual(
      stepIds.filter((id) => !seen.has(id)),
      [],
    );
  });

  test('a fix the plan picked goes back to the plan node when it did not help', () => {
    for (const fix of planFixes()) {
      const next = edges.filter((e) => e.from === fix && e.answer === 'broken').map((e) => e.to);
      // Asking the host comes last; after it, the hand-off.
      assert.deepEqual(next, [fix === 'contact-host' ? 'handoff' : planNode], fix);
    }
  });

  test('the plan node picks each fix once, and hands off once every fix is tried', () => {
    const picks = edges.filter((e) => e.from === planNode);
    assert.equal(new Set(picks.map((e) => e.to)).size, picks.length);
    assert.ok(planFixes().every((id) => stepIds.includes(id) && stepMeta(id).kind === 'fix'));
    assert.deepEqual(
      picks.filter((e) => e.when.length === 0).map((e) => e.to),
      ['handoff'],
    );
  });
});

describe('which fix comes first', () => {
  const cases = planCases();

  test('has a row for every error page and every Cloudflare number', () => {
    assert.deepEqual(
      cases.filter((c) => c.kind === 'page').map((c) => c.value),
      errorPageIds,
    );
    assert.deepEqual(
      cases.filter((c) => c.kind === 'cloudflare').map((c) => c.value),
      cloudflareCodeNumbers.map(String),
    );
    assert.ok(cases.some((c) => c.kind === 'log' && c.alike.includes('fpm-max-children')));
    for (const token of ['refused', 'slow', 'redirect-loop'])
      assert.ok(
        cases.some((c) => c.kind === 'check' && c.value === token),
        token,
      );
  });

  test('no row offers a fix its access cannot reach, or one its evidence rules out', () => {
    for (const c of cases) {
      for (const [access, p] of Object.entries(c.plans)) {
        for (const step of p.order) {
          const needs = stepMeta(step).needs;
          if (access === 'none') assert.ok(needs !== 'panel' && needs !== 'ssh', `${c.kind}:${c.value} offers ${step} with no access`);
          if (access === 'panel') assert.notEqual(needs, 'ssh', `${c.kind}:${c.value} offers ${step} with a panel`);
          assert.ok(!c.ruledOut.includes(step), `${c.kind}:${c.value} offers ${step}, which it rules out`);
        }
      }
    }
  });

  test('evidence changes what comes first: a redirect loop starts with Cloudflare’s SSL mode, a refused connection with a restart', () => {
    const row = (kind: string, value: string) => cases.find((c) => c.kind === kind && c.value === value)!;
    assert.equal(row('check', 'redirect-loop').plans.ssh.order[0], 'cloudflare-ssl');
    assert.equal(row('check', 'refused').plans.ssh.order[0], 'restart');
    assert.notDeepEqual(row('none', '').plans.ssh.order.slice(0, 3), row('cloudflare', '524').plans.ssh.order.slice(0, 3));
  });

  test('log lines that lead the same way share a row', () => {
    const logs = cases.filter((c) => c.kind === 'log');
    for (let i = 0; i < logs.length; i++)
      for (let j = i + 1; j < logs.length; j++) assert.notDeepEqual(logs[i].plans, logs[j].plans, `${logs[i].value} and ${logs[j].value}`);
  });
});
