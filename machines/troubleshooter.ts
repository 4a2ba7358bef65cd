import { and, assign, setup } from 'xstate';
import { checkSawItFail } from '@/evidence/check-outcomes';
import { cloudflareCodeNumbers } from '@/evidence/cloudflare';
import { errorPageIds, errorPages, type ErrorPageEvidence } from '@/evidence/error-pages';
import { panelIds, systemIds } from '@/platforms/types';
import { hasAccess, knows, runsCms, type AccessNeed, type FactName, type Facts, type WizardContext } from './facts';
import { fixes, needsOf, serverFixes, type FixId, type ServerFix } from './fixes';
import type { AnswerMeta, StepMeta } from './meta';
import { nextFix } from './plan';

/**
 * The decision machine: every state is a step, every event an answer.
 * The questions come first; then the fixes, in the order the plan gives
 * (machines/plan.ts), which the evidence decides. No step is visited twice
 * in a journey, which keeps every path finite and lets a URL name each
 * answer by its step. The words of every step and answer live in its MDX.
 */

type Outcome = 'fixed' | 'broken' | 'cannot';
type QuestionAnswer = NonNullable<Facts[Exclude<FactName, 'php'>]>;
export type AnswerId = QuestionAnswer | Outcome | 'checked' | 'skip' | 'switched-off' | 'works' | 'not-firewall' | 'only-off';
export type AnswerEvent = { type: AnswerId };

const record = (step: string, answer: string) => ({ type: 'record', params: { step, answer } }) as const;
const learn = (step: string, facts: Partial<Facts>) => ({ type: 'learn', params: { step, facts } }) as const;

/** After a fix: the next one in the plan (the transient `plan` state picks it once the answer is recorded). */
const toPlan = (step: string, answer: string) => ({ target: 'plan', actions: record(step, answer) }) as const;

/** A question sets its fact to the answer's id. */
function question<A extends string>(step: string, fact: FactName, ids: readonly A[], extra: Partial<StepMeta> = {}) {
  const meta: StepMeta = { kind: 'question', stage: 'finding-out', guidance: step, fact, answers: ids.map((id) => ({ id })), ...extra };
  return { meta, ids, learn: (id: A) => learn(step, { [fact]: id }) };
}

/** A fix with the usual answers; "I can't do this" only where it needs access the person may lack. */
function fixMeta(step: FixId, answers: AnswerMeta[] = outcomeAnswers(step)): StepMeta {
  return { kind: 'fix', stage: fixes[step].stage, guidance: step, needs: needsOf(step), answers };
}

function outcomeAnswers(step: FixId): AnswerMeta[] {
  return [{ id: 'fixed' }, { id: 'broken' }, ...(needsOf(step) ? [{ id: 'cannot' as const }] : [])];
}

/** A server fix: fixed ends the journey; otherwise the plan's next fix. */
function serverFix(step: ServerFix) {
  return {
    meta: fixMeta(step),
    on: {
      fixed: { target: 'fixed', actions: record(step, 'fixed') },
      broken: toPlan(step, 'broken'),
      cannot: toPlan(step, 'cannot'),
    },
  };
}

/** Where the local, on-this-device fixes lead when they did not help. */
const afterLocalFixes = (step: string, answer: string) =>
  [
    { target: 'visitor-end', guard: 'isVisitor', actions: record(step, answer) },
    { target: 'access', actions: record(step, answer) },
  ] as const;

function ending(step: string) {
  return { type: 'final', meta: { kind: 'ending', stage: 'ending', guidance: step, answers: [] } satisfies StepMeta } as const;
}

const role = question('role', 'role', ['owner', 'visitor']);
const reach = question('reach', 'reach', ['everyone', 'only-me', 'not-sure']);
const errorPage = question('error-page', 'page', errorPageIds, { pictures: true });
const cfCode = question('cf-code', 'cfCode', [...cloudflareCodeNumbers.map((n) => `${n}` as const), 'other']);
const access = question('access', 'access', ['ssh', 'server-panel', 'panel', 'none']);
// Panels first, then systems, each group ending with "another".
const platform = question('platform', 'platform', [...panelIds, 'other-panel', ...systemIds, 'other-system', 'not-sure'] as const);
const cdn = question('cdn', 'cdn', ['yes', 'no', 'not-sure']);
const cms = question('cms', 'cms', ['wordpress', 'other', 'none', 'not-sure']);
const server = question('server', 'server', ['nginx', 'apache', 'not-sure']);
const app = question('app', 'app', ['php', 'node', 'python', 'docker', 'not-sure']);

/** Each answer of a question, and where it leads. */
function answered<A extends string, T>(q: { ids: readonly A[] }, next: (id: A) => T) {
  return Object.fromEntries(q.ids.map((id) => [id, next(id)])) as Record<A, T>;
}

/** The plan's fixes, each behind the guard that picks it. */
const planTransitions = [
  ...serverFixes.map((step) => ({ target: step, guard: { type: 'planSays', params: { step } } }) as const),
  // Every fix tried, the hand-off included: the journey ends with the message for the host.
  { target: 'handoff' },
];

export const troubleshooter = setup({
  types: {
    context: {} as WizardContext,
    events: {} as AnswerEvent,
    meta: {} as StepMeta,
  },
  guards: {
    isVisitor: ({ context }) => context.facts.role === 'visitor',
    isOwner: ({ context }) => context.facts.role === 'owner',
    reachIs: ({ context }, params: { reach: NonNullable<Facts['reach']>[] }) => params.reach.includes(context.facts.reach!),
    hasAccess: ({ context }, params: { level: AccessNeed }) => hasAccess(context.facts, params.level),
    knows: ({ context }, params: { fact: FactName }) => knows(context.facts, params.fact),
    /** Only someone on the server can look at what runs behind the web server; a PHP CMS already says. */
    asksApp: ({ context: { facts } }) => facts.access === 'ssh' && !knows(facts, 'app') && !(facts.cms && runsCms(facts)),
    planSays: ({ context }, params: { step: ServerFix }) => nextFix(context) === params.step,
    checkSawItFail: ({ context }) => context.facts.role === 'owner' && checkSawItFail(context.evidence.checked),
  },
  actions: {
    learn: assign(({ context }, params: { step: string; facts: Partial<Facts> }) => ({
      facts: { ...context.facts, ...params.facts },
      sources: { ...context.sources, ...Object.fromEntries(Object.keys(params.facts).map((fact) => [fact, params.step])) },
    })),
    record: assign(({ context }, params: { step: string; answer: string }) => ({
      tried: [...context.tried, { step: params.step, answer: params.answer }],
    })),
  },
}).createMachine({
  id: 'troubleshooter',
  initial: 'role',
  context: { facts: {}, sources: {}, tried: [], evidence: { found: [], checked: [] } },
  states: {
    // Finding out
    role: {
      meta: role.meta,
      on: {
        owner: { target: 'evidence', actions: role.learn('owner') },
        visitor: { target: 'reach', actions: role.learn('visitor') },
      },
    },
    // The live check (or a pasted log) can answer the next questions; its result link answers `checked`.
    evidence: {
      meta: { kind: 'question', stage: 'finding-out', guidance: 'evidence', answers: [{ id: 'checked', fromTool: true }, { id: 'skip' }], skipWith: 'skip' },
      on: { checked: 'reach', skip: 'reach' },
    },
    reach: { meta: reach.meta, on: answered(reach, (id) => ({ target: 'error-page', actions: reach.learn(id) })) },
    'error-page': {
      meta: errorPage.meta,
      on: answered(errorPage, (id) => {
        // A page gives away the CDN or the web server (evidence/error-pages.ts), so their questions are skipped.
        const derived: ErrorPageEvidence['derive'] = (errorPages[id] as ErrorPageEvidence).derive;
        const actions = learn('error-page', { page: id, ...derived });
        return id === 'cloudflare-52x'
          ? [
              { target: 'cf-code', guard: 'isOwner', actions },
              { target: 'reload', actions },
            ]
          : { target: 'reload', actions };
      }),
    },
    'cf-code': { meta: cfCode.meta, on: answered(cfCode, (id) => ({ target: 'reload', actions: cfCode.learn(id) })) },

    // Quick fixes, on the person's own device
    reload: {
      meta: fixMeta('reload'),
      // The live check loaded the site just now and saw it fail: that was the reload.
      always: { target: 'access', guard: 'checkSawItFail' },
      on: {
        fixed: { target: 'fixed', actions: record('reload', 'fixed') },
        broken: [
          { target: 'clear-cache', guard: { type: 'reachIs', params: { reach: ['only-me', 'not-sure'] } }, actions: record('reload', 'broken') },
          ...afterLocalFixes('reload', 'broken'),
        ],
      },
    },
    'clear-cache': {
      meta: fixMeta('clear-cache'),
      on: {
        fixed: { target: 'fixed', actions: record('clear-cache', 'fixed') },
        broken: [
          { target: 'flush-dns', guard: { type: 'reachIs', params: { reach: ['only-me'] } }, actions: record('clear-cache', 'broken') },
          ...afterLocalFixes('clear-cache', 'broken'),
        ],
      },
    },
    'flush-dns': {
      meta: fixMeta('flush-dns'),
      on: {
        fixed: { target: 'fixed', actions: record('flush-dns', 'fixed') },
        broken: { target: 'other-network', actions: record('flush-dns', 'broken') },
        cannot: { target: 'other-network', actions: record('flush-dns', 'cannot') },
      },
    },
    'other-network': {
      meta: fixMeta('other-network'),
      on: {
        fixed: { target: 'fixed', actions: record('other-network', 'fixed') },
        broken: afterLocalFixes('other-network', 'broken'),
        cannot: afterLocalFixes('other-network', 'cannot'),
      },
    },

    // Finding out about the owner's setup, once the quick fixes are spent
    access: {
      meta: access.meta,
      // Commands and panel screens differ by platform, so whoever can act on the server is asked which one.
      on: answered(access, (id) => ({ target: id === 'none' ? 'cdn' : 'platform', actions: access.learn(id) })),
    },
    platform: {
      meta: platform.meta,
      on: answered(platform, (id) => ({ target: 'cdn', actions: platform.learn(id) })),
      // Skipped when the team's copy names its platform (content/site.ts) or a link already did.
      always: { target: 'cdn', guard: { type: 'knows', params: { fact: 'platform' } } },
    },
    cdn: {
      meta: cdn.meta,
      on: answered(cdn, (id) => ({ target: 'cms', actions: cdn.learn(id) })),
      // Skipped when the error page or the live check already showed a CDN.
      always: { target: 'cms', guard: { type: 'knows', params: { fact: 'cdn' } } },
    },
    cms: {
      meta: cms.meta,
      // Which web server only matters to someone who can act on the server.
      on: answered(cms, (id) => [
        { target: 'server', guard: { type: 'hasAccess', params: { level: 'panel' } }, actions: cms.learn(id) },
        { target: 'plan', actions: cms.learn(id) },
      ]),
    },
    server: {
      meta: server.meta,
      on: answered(server, (id) => [
        { target: 'app', guard: 'asksApp', actions: server.learn(id) },
        { target: 'plan', actions: server.learn(id) },
      ]),
      // Skipped when the error page or a log line already named the web server.
      always: [
        { target: 'app', guard: and([{ type: 'knows', params: { fact: 'server' } } as const, 'asksApp']) },
        { target: 'plan', guard: { type: 'knows', params: { fact: 'server' } } },
      ],
    },
    app: { meta: app.meta, on: answered(app, (id) => ({ target: 'plan', actions: app.learn(id) })) },

    /** Not a step: picks the plan's next fix once the last answer is recorded. */
    plan: { always: planTransitions },

    // Fixes, in the plan's order
    'cloudflare-status': serverFix('cloudflare-status'),
    'cloudflare-ssl': serverFix('cloudflare-ssl'),
    logs: serverFix('logs'),
    'php-workers': serverFix('php-workers'),
    proxy: serverFix('proxy'),
    restart: serverFix('restart'),
    hops: serverFix('hops'),
    'app-server': serverFix('app-server'),
    'server-health': serverFix('server-health'),
    plugins: serverFix('plugins'),
    bans: serverFix('bans'),
    firewall: {
      meta: fixMeta('firewall', [{ id: 'fixed' }, { id: 'broken' }, { id: 'switched-off' }, { id: 'cannot' }]),
      on: {
        fixed: { target: 'fixed', actions: record('firewall', 'fixed') },
        broken: toPlan('firewall', 'broken'),
        'switched-off': { target: 'firewall-back-on', actions: record('firewall', 'switched-off') },
        cannot: toPlan('firewall', 'cannot'),
      },
    },
    // A firewall switched off to test must never stay off: every answer here starts "it's back on".
    'firewall-back-on': {
      meta: fixMeta('firewall-back-on', [{ id: 'works' }, { id: 'not-firewall' }, { id: 'only-off' }]),
      on: {
        works: { target: 'fixed', actions: record('firewall-back-on', 'works') },
        'not-firewall': toPlan('firewall-back-on', 'not-firewall'),
        'only-off': { target: 'contact-host', actions: record('firewall-back-on', 'only-off') },
      },
    },
    dns: serverFix('dns'),
    'php-version': serverFix('php-version'),
    'php-limits': serverFix('php-limits'),
    'contact-host': {
      meta: fixMeta('contact-host', [{ id: 'fixed' }, { id: 'broken' }, { id: 'cannot' }]),
      on: {
        fixed: { target: 'fixed', actions: record('contact-host', 'fixed') },
        broken: { target: 'handoff', actions: record('contact-host', 'broken') },
        cannot: { target: 'handoff', actions: record('contact-host', 'cannot') },
      },
    },

    // Endings
    fixed: ending('fixed'),
    handoff: ending('handoff'),
    'visitor-end': ending('visitor-end'),
  },
});

export type TroubleshooterMachine = typeof troubleshooter;
