/**
 * The outcome messages the load script sends: canonical `/fix/...` paths,
 * as a step page sends its own, found by walking the machine. About five
 * journeys reach each ending, and a few paths stop midway. Each one is
 * checked at start against what the server accepts (outcomes/record.ts), so
 * a change to the machine that moves a journey off its ending stops the run
 * at once instead of filling it with refused messages.
 */
import assert from 'node:assert/strict';
import { isStep, stepMeta } from '@/machines/steps';
import { answerHref, canonicalHref, hrefFor, type WizardState } from '@/machines/url-state';
import { rowsForPath } from '@/outcomes/record';
import type { Ending } from '@/outcomes/types';
import { openHref as open } from '@/tests/support/journeys';

/** Links in the form the app keeps (a link in any other form may be redirected to it), without `/fix`. */
export const canonical = (answers: string) => canonicalHref(open(answers)).slice('/fix'.length);

/** An SSH owner on Debian 12, Nginx and WordPress who has tried every fix before the plugins step. */
export const deep = canonical(
  'role=owner/evidence=skip/reach=everyone/error-page=not-sure/reload=broken/access=ssh/platform=debian-12/cdn=no/cms=wordpress/server=nginx/proxy=broken/restart=broken/logs=broken/php-workers=broken/hops=broken/server-health=broken/php-limits=broken',
);

/** Walks from `href`, taking the first of `prefer` each step offers (else its first answer), until an ending. */
function walk(href: string, prefer: string[]): WizardState {
  let state = open(href);
  for (let i = 0; i < 60 && state.meta.kind !== 'ending'; i++) {
    const offered = state.meta.answers.filter((a) => !a.fromTool).map((a) => a.id);
    const answer = prefer.find((p) => offered.includes(p)) ?? offered[0];
    state = open(answerHref(state, answer));
  }
  return state;
}

/** The same journey, ended by answering "fixed" at its `n`-th fix. */
function fixedAt(journey: WizardState, n: number): WizardState {
  const fixes = journey.path.flatMap((a, i) => (isStep(a.step) && stepMeta(a.step).kind === 'fix' ? [i] : []));
  assert.ok(fixes.length >= n, `${canonicalHref(journey)} has fewer than ${n} fixes`);
  const before = open(hrefFor(journey.path.slice(0, fixes[n - 1]), { start: journey.start }));
  return open(answerHref(before, 'fixed'));
}

const owner = '/fix/role=owner/evidence=skip';
const nothingWorks = ['broken', 'cannot'];
const handoff = [
  walk(`${owner}/reach=everyone/error-page=not-sure`, [...nothingWorks, 'ssh', 'debian-12', 'no', 'wordpress', 'nginx']),
  walk(`${owner}/reach=everyone/error-page=not-sure`, [...nothingWorks, 'panel', 'cpanel', 'no', 'other', 'apache']),
  walk(`${owner}/reach=everyone/error-page=not-sure`, [...nothingWorks, 'none']),
  walk(`${owner}/reach=only-me/error-page=nginx`, [...nothingWorks, 'ssh', 'debian-12', 'yes', 'none', 'php']),
  walk(`${owner}/reach=everyone/error-page=cloudflare-502`, ['cannot', 'broken', 'server-panel', 'not-sure']),
];

/** Each ending's journeys, and their final states. */
const journeys: Record<Ending, WizardState[]> = {
  fixed: [
    // A Cloudflare 522 on WordPress behind Nginx, fixed by more PHP workers (the design note's example).
    open(
      '/fix/role=owner/evidence=skip/reach=everyone/error-page=cloudflare-52x/cf-code=522/reload=broken/access=ssh/platform=debian-12/cms=wordpress/server=nginx/server-health=broken/php-workers=fixed',
    ),
    open(`/fix${deep}/plugins=fixed`),
    // A link straight to one fix, as the step index gives it.
    walk('/fix/start=restart/role=owner/server=apache', ['fixed']),
    // Evidence brought from the log explainer and the live check.
    walk(`${owner}/reach=everyone/found=fpm-max-children/check=http-502`, ['fixed']),
    fixedAt(handoff[1], 3),
  ],
  handoff,
  'visitor-end': [
    walk('/fix/role=visitor/reach=everyone/error-page=cloudflare-plain', ['broken']),
    walk('/fix/role=visitor/reach=everyone/error-page=nginx', ['broken']),
    walk('/fix/role=visitor/reach=only-me/error-page=browser', ['broken']),
    walk('/fix/role=visitor/reach=only-me/error-page=host', ['broken']),
    walk('/fix/role=visitor/reach=not-sure/error-page=not-sure', ['broken']),
  ],
};

/** Pages before any ending: the first question, a start by a direct link, and questions midway. */
const midway = [
  '/fix',
  '/fix/role=owner',
  '/fix/start=restart',
  `/fix${canonical('role=owner/evidence=skip/reach=everyone/error-page=not-sure/reload=broken/access=ssh')}`,
  `/fix${deep}`,
];

export interface OutcomeMessage {
  /** The page's canonical path, the whole message: `{"p": ...}`. */
  p: string;
  /** What the server stores for it: one view, and at an ending one outcome. */
  views: number;
  outcomes: number;
}

function message(p: string): OutcomeMessage {
  const rows = rowsForPath(p);
  assert.ok(rows, `the server would refuse ${p}`);
  return {
    p,
    views: rows.reduce((sum, r) => sum + (r.kind === 'view' ? r.views : 0), 0),
    outcomes: rows.filter((r) => r.kind === 'outcome').length,
  };
}

/** Every message, checked: accepted by the server, each journey at its ending, the midway paths at none, no path twice. */
export function outcomeMessages(): OutcomeMessage[] {
  const messages: OutcomeMessage[] = [];
  for (const [ending, states] of Object.entries(journeys)) {
    for (const state of states) {
      const p = canonicalHref(state);
      assert.equal(state.step, ending, `${p} ends at ${state.step}, not ${ending}`);
      const m = message(p);
      assert.equal(m.outcomes, 1, `${p} gives no outcome row`);
      messages.push(m);
    }
  }
  for (const p of midway) {
    const m = message(p);
    assert.equal(m.outcomes, 0, `${p} was meant to stop before an ending`);
    messages.push(m);
  }
  const paths = messages.map((m) => m.p);
  assert.equal(new Set(paths).size, paths.length, 'two journeys give the same path');
  return messages;
}
