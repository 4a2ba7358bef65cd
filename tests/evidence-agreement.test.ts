import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkOutcome } from '@/evidence/check-outcomes';
import { cloudflareCodeNumbers, cloudflareCodes } from '@/evidence/cloudflare';
import { errorPages } from '@/evidence/error-pages';
import { recognisers } from '@/evidence/log-lines';
import { explainLog } from '@/log-explainer/explain';
import { interpret } from '@/live-check/interpret';
import type { CheckReport } from '@/live-check/report';
import { plan } from '@/machines/plan';
import { isStep } from '@/machines/steps';
import { stateFromSegments } from '@/machines/url-state';
import { oneAnswer } from './support/check-reports';

/**
 * One home for each fact: the evidence tables say what each error page,
 * Cloudflare number and log finding points to; the machine, the live
 * check and the log explainer all read them. These tests prove that the
 * three send a person to the same fix for every row.
 */

/** Where an SSH owner with a WordPress site lands once the questions are done, given these answers. */
function firstFix(answers: string[]): string {
  const rest = ['reload=broken', 'access=ssh', 'platform=debian-12', 'cdn=yes', 'cms=wordpress', 'server=nginx'];
  const given = new Set(answers.map((a) => a.split('=')[0]));
  return stateFromSegments(['role=owner', 'evidence=checked', 'reach=everyone', ...answers, ...rest.filter((a) => !given.has(a.split('=')[0]))]).step;
}

const ssh = { facts: { role: 'owner', access: 'ssh', cms: 'wordpress', server: 'nginx', cdn: 'yes' }, evidence: { found: [], checked: [] } } as const;
/** The first fix of a pointer's list that an SSH owner of a WordPress site is offered. */
const expected = (fixes: readonly string[], extra: Parameters<typeof plan>[0]) => fixes.find((f) => plan(extra).order.includes(f as never));

function cloudflareReport(status: number, body = '<div id="cf-error-details">Cloudflare Ray ID: 8f1a</div>'): CheckReport {
  return oneAnswer({ status, headers: { server: 'cloudflare', 'cf-ray': '8f1a-LHR' }, body });
}

/** The answers and evidence token a live-check result link carries into the wizard. */
function fromCheck(report: CheckReport): string[] {
  const reading = interpret(report);
  return [...reading.suggestions.map((s) => `${s.step}=${s.answer}`), ...(reading.tokens.length ? [`check=${reading.tokens.slice(0, 8).join('+')}`] : [])];
}

describe('Cloudflare’s numbers mean the same everywhere', () => {
  for (const code of cloudflareCodeNumbers) {
    const row = cloudflareCodes[code];
    test(`${code} ${row.name}`, () => {
      const context = { ...ssh, facts: { ...ssh.facts, page: 'cloudflare-52x' as const, cfCode: `${code}` as const } };
      const want = expected(row.fixes, context);
      assert.ok(want, 'an SSH owner is offered one of its fixes');

      // The question: the person reads the number off the page.
      assert.equal(firstFix(['error-page=cloudflare-52x', `cf-code=${code}`]), want, 'the machine');

      // The live check: it sees the number and suggests the same answers.
      const answers = fromCheck(cloudflareReport(code));
      assert.ok(answers.includes(`cf-code=${code}`), `the live check suggests cf-code=${code}: ${answers}`);
      assert.equal(firstFix(answers), want, 'the live check');

      // The log explainer: a pasted page names the number.
      const finding = explainLog(`Error ${code}\n${row.name}`).findings.map((f) => f.recogniser.id);
      assert.deepEqual(finding, [`cloudflare-${code}`]);
      assert.equal(firstFix(['error-page=not-sure', `found=cloudflare-${code}`]), want, 'the log explainer');
    });
  }
});

describe('error pages mean the same to the question and the live check', () => {
  const samples: Partial<Record<keyof typeof errorPages, CheckReport>> = {
    'cloudflare-502': cloudflareReport(502),
    'cloudflare-plain': cloudflareReport(
      502,
      '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body></html>',
    ),
    nginx: oneAnswer({
      status: 502,
      headers: { server: 'nginx/1.26.3' },
      body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.26.3</center></body></html>',
    }),
    apache: oneAnswer({
      status: 502,
      headers: { server: 'Apache/2.4.66 (Debian)' },
      body: '<html><head><title>502 Proxy Error</title></head><body><h1>Proxy Error</h1><address>Apache/2.4.66 (Debian) Server at example.com Port 443</address></body></html>',
    }),
  };
  for (const [page, report] of Object.entries(samples) as [keyof typeof errorPages, CheckReport][]) {
    test(page, () => {
      const answers = fromCheck(report);
      assert.ok(answers.includes(`error-page=${page}`), `the live check recognises the page: ${answers}`);
      const want = expected(errorPages[page].fixes, { ...ssh, facts: { ...ssh.facts, page } });
      assert.equal(firstFix([`error-page=${page}`]), want, 'the question');
      assert.equal(firstFix(answers), want, 'the live check');
    });
  }
});

describe('every live-check outcome and log finding points to a real fix', () => {
  test('every token the live check can carry is described', () => {
    for (const kind of ['no-dns', 'refused', 'unreachable', 'timeout', 'reset', 'tls', 'bad-answer', 'too-many-redirects', 'bad-redirect'] as const) {
      const reading = interpret({
        url: 'https://example.com/',
        checkedAt: '2026-12-01T09:00:00.000Z',
        totalMs: 10,
        hops: [{ url: 'https://example.com/' }],
        failure: { kind, detail: 'test' },
      });
      for (const token of reading.tokens) assert.ok(checkOutcome(token), `${kind} gives ${token}, which the table lacks`);
    }
  });

  for (const r of recognisers) {
    test(`log finding ${r.id} leads to ${r.step}`, () => {
      assert.ok(isStep(r.step), `${r.step} is a step`);
      // An SSH owner who knows nothing else, with this finding, is offered its fix first.
      const state = stateFromSegments(['start=logs', 'access=ssh', 'cms=wordpress', 'server=nginx', `found=${r.id}`, 'logs=broken']);
      if (r.step !== 'logs') assert.equal(state.step, r.step);
    });
  }
});
