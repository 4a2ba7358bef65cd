import { and, assign, setup } from 'xstate';
import { hasAccess, runsCms, type Facts, type FactName, type WizardContext } from './facts';
import type { AnswerMeta, StepMeta } from './meta';

/**
 * The decision machine: every state is a step, every event an answer.
 * It is a directed acyclic graph (no step is visited twice), which keeps
 * every path finite and lets a URL name each answer by its step.
 */

/**
 * The helpers below assemble plain transition objects; XState validates them
 * (guard and action names included) when the machine is built and the path
 * tests walk every one, so they are typed loosely here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Transitions = Record<string, any>;

type Guard =
  | { type: 'isVisitor' }
  | { type: 'reachIs'; params: { reach: Facts['reach'][] } }
  | { type: 'hasAccess'; params: { level: 'panel' | 'ssh' } }
  | { type: 'runsCms' };

const outcome = {
  fixed: { id: 'fixed', label: 'That fixed it: the site works' },
  broken: { id: 'broken', label: 'Still broken' },
  cannot: { id: 'cannot', label: 'I can’t do this' },
} satisfies Record<string, AnswerMeta>;

/**
 * The fixes after the finding-out questions, simplest first. A person is
 * offered a fix only when its guards hold, so nobody without server access
 * ever sees a server step, and the CMS step appears only for CMS sites.
 */
const serverFixes: { step: string; when: Guard[] }[] = [
  { step: 'server-health', when: [{ type: 'hasAccess', params: { level: 'panel' } }] },
  { step: 'proxy', when: [{ type: 'hasAccess', params: { level: 'ssh' } }] },
  { step: 'firewall', when: [{ type: 'hasAccess', params: { level: 'panel' } }] },
  { step: 'dns', when: [] },
  { step: 'plugins', when: [{ type: 'hasAccess', params: { level: 'panel' } }, { type: 'runsCms' }] },
  { step: 'logs', when: [{ type: 'hasAccess', params: { level: 'panel' } }] },
  { step: 'restart', when: [{ type: 'hasAccess', params: { level: 'ssh' } }] },
  { step: 'php-limits', when: [{ type: 'hasAccess', params: { level: 'panel' } }] },
  { step: 'contact-host', when: [] },
];

const record = (step: string, answer: string) => ({ type: 'record', params: { step, answer } }) as const;
const learn = (fact: FactName, value: string) => ({ type: 'learn', params: { fact, value } }) as const;

type Action = ReturnType<typeof record> | ReturnType<typeof learn>;

/** Guarded transitions to the first server fix after `after` that applies. */
function nextServerFix(after: string | null, action: Action) {
  const from = after === null ? 0 : serverFixes.findIndex((f) => f.step === after) + 1;
  return serverFixes.slice(from).map(({ step: target, when }) => ({
    target,
    ...(when.length ? { guard: and(when) } : {}),
    actions: action,
  }));
}

/** Where the local, on-this-device fixes lead when they did not help. */
function afterLocalFixes(step: string, answer: string) {
  return [
    { target: 'visitor-end', guard: 'isVisitor' as const, actions: record(step, answer) },
    { target: 'access', actions: record(step, answer) },
  ];
}

function question(fact: FactName, answers: AnswerMeta[], next: (value: string) => unknown) {
  return {
    meta: { kind: 'question', stage: 'finding-out', guidance: fact, fact, answers } satisfies StepMeta,
    on: Object.fromEntries(answers.map((a) => [a.id, next(a.id)])) as Transitions,
  };
}

function fix(step: string, meta: Omit<StepMeta, 'kind' | 'guidance'>, on: Transitions) {
  return { meta: { kind: 'fix', guidance: step, ...meta } satisfies StepMeta, on };
}

const fixedBy = (step: string) => ({ target: 'fixed', actions: record(step, 'fixed') });

function serverFix(step: string, stage: StepMeta['stage'], needs: StepMeta['needs']) {
  return fix(step, { stage, needs, answers: [outcome.fixed, outcome.broken, outcome.cannot] }, {
    fixed: fixedBy(step),
    broken: nextServerFix(step, record(step, 'broken')),
    cannot: nextServerFix(step, record(step, 'cannot')),
  });
}

function ending(step: string) {
  return { type: 'final' as const, meta: { kind: 'ending', stage: 'ending', guidance: step, answers: [] } satisfies StepMeta };
}

export const troubleshooter = setup({
  types: {
    context: {} as WizardContext,
    events: {} as { type: string },
  },
  guards: {
    isVisitor: ({ context }) => context.facts.role === 'visitor',
    reachIs: ({ context }, params: { reach: Facts['reach'][] }) => params.reach.includes(context.facts.reach),
    hasAccess: ({ context }, params: { level: 'panel' | 'ssh' }) => hasAccess(context.facts, params.level),
    runsCms: ({ context }) => runsCms(context.facts),
  },
  actions: {
    learn: assign(({ context }, params: { fact: FactName; value: string }) => ({
      facts: { ...context.facts, [params.fact]: params.value },
    })),
    record: assign(({ context }, params: { step: string; answer: string }) => ({
      tried: [...context.tried, { step: params.step, answer: params.answer }],
    })),
  },
}).createMachine({
  id: 'troubleshooter',
  initial: 'role',
  context: { facts: {}, tried: [] },
  states: {
    // Finding out
    role: question(
      'role',
      [
        { id: 'owner', label: 'It’s my site, or I look after it' },
        { id: 'visitor', label: 'I’m visiting someone else’s site' },
      ],
      (value) => ({ target: 'reach', actions: learn('role', value) }),
    ),
    reach: question(
      'reach',
      [
        { id: 'everyone', label: 'It’s down for everyone' },
        { id: 'only-me', label: 'It works elsewhere, only I see the error' },
        { id: 'not-sure', label: 'I’m not sure' },
      ],
      (value) => ({ target: 'reload', actions: learn('reach', value) }),
    ),

    // Quick fixes, on the person's own device
    reload: fix('reload', { stage: 'quick-fixes', answers: [outcome.fixed, outcome.broken] }, {
      fixed: fixedBy('reload'),
      broken: [
        { target: 'clear-cache', guard: { type: 'reachIs', params: { reach: ['only-me', 'not-sure'] } }, actions: record('reload', 'broken') },
        ...afterLocalFixes('reload', 'broken'),
      ],
    }),
    'clear-cache': fix('clear-cache', { stage: 'quick-fixes', answers: [outcome.fixed, outcome.broken] }, {
      fixed: fixedBy('clear-cache'),
      broken: [
        { target: 'flush-dns', guard: { type: 'reachIs', params: { reach: ['only-me'] } }, actions: record('clear-cache', 'broken') },
        ...afterLocalFixes('clear-cache', 'broken'),
      ],
    }),
    'flush-dns': fix('flush-dns', { stage: 'quick-fixes', needs: 'device', answers: [outcome.fixed, outcome.broken, outcome.cannot] }, {
      fixed: fixedBy('flush-dns'),
      broken: { target: 'other-network', actions: record('flush-dns', 'broken') },
      cannot: { target: 'other-network', actions: record('flush-dns', 'cannot') },
    }),
    'other-network': fix('other-network', { stage: 'quick-fixes', needs: 'device', answers: [outcome.fixed, outcome.broken, outcome.cannot] }, {
      fixed: fixedBy('other-network'),
      broken: afterLocalFixes('other-network', 'broken'),
      cannot: afterLocalFixes('other-network', 'cannot'),
    }),

    // Finding out about the owner's setup, once the quick fixes are spent
    access: question(
      'access',
      [
        { id: 'ssh', label: 'I can log in to the server (SSH)' },
        { id: 'panel', label: 'Only a hosting control panel' },
        { id: 'none', label: 'Neither' },
      ],
      (value) => ({ target: 'cdn', actions: learn('access', value) }),
    ),
    cdn: question(
      'cdn',
      [
        { id: 'yes', label: 'Yes, for example Cloudflare' },
        { id: 'no', label: 'No' },
        { id: 'not-sure', label: 'I’m not sure' },
      ],
      (value) => ({ target: 'cms', actions: learn('cdn', value) }),
    ),
    cms: question(
      'cms',
      [
        { id: 'wordpress', label: 'WordPress' },
        { id: 'other', label: 'Another CMS (Joomla, Drupal…)' },
        { id: 'none', label: 'No, it’s custom code or plain pages' },
        { id: 'not-sure', label: 'I’m not sure' },
      ],
      // Which web server only matters to someone who can act on the server.
      (value) => [
        { target: 'server', guard: { type: 'hasAccess', params: { level: 'panel' } }, actions: learn('cms', value) },
        { target: 'dns', actions: learn('cms', value) },
      ],
    ),
    server: question(
      'server',
      [
        { id: 'nginx', label: 'Nginx' },
        { id: 'apache', label: 'Apache' },
        { id: 'not-sure', label: 'I don’t know' },
      ],
      (value) => nextServerFix(null, learn('server', value)),
    ),

    // Fixes on the server, simplest first
    'server-health': serverFix('server-health', 'server-fixes', 'panel'),
    proxy: serverFix('proxy', 'server-fixes', 'ssh'),
    firewall: fix('firewall', {
      stage: 'server-fixes',
      needs: 'panel',
      answers: [outcome.fixed, outcome.broken, { id: 'switched-off', label: 'I switched the firewall off to test' }, outcome.cannot],
    }, {
      fixed: fixedBy('firewall'),
      broken: nextServerFix('firewall', record('firewall', 'broken')),
      'switched-off': { target: 'firewall-back-on', actions: record('firewall', 'switched-off') },
      cannot: nextServerFix('firewall', record('firewall', 'cannot')),
    }),
    // A firewall switched off to test must never stay off: every answer here starts "it's back on".
    'firewall-back-on': fix('firewall-back-on', {
      stage: 'server-fixes',
      needs: 'panel',
      answers: [
        { id: 'works', label: 'It’s back on, and the site works' },
        { id: 'not-firewall', label: 'It’s back on; switching it off changed nothing' },
        { id: 'only-off', label: 'It’s back on, but the site only worked with it off' },
      ],
    }, {
      works: fixedBy('firewall-back-on'),
      'not-firewall': nextServerFix('firewall', record('firewall-back-on', 'not-firewall')),
      'only-off': { target: 'contact-host', actions: record('firewall-back-on', 'only-off') },
    }),
    dns: serverFix('dns', 'server-fixes', 'domain'),
    plugins: serverFix('plugins', 'server-fixes', 'panel'),
    logs: serverFix('logs', 'server-fixes', 'panel'),
    restart: serverFix('restart', 'advanced', 'ssh'),
    'php-limits': serverFix('php-limits', 'advanced', 'panel'),
    'contact-host': fix('contact-host', {
      stage: 'advanced',
      answers: [
        { id: 'fixed', label: 'They fixed it: the site works' },
        { id: 'broken', label: 'Still broken after their help' },
        { id: 'cannot', label: 'I can’t reach them, or I host it myself' },
      ],
    }, {
      fixed: fixedBy('contact-host'),
      broken: { target: 'handoff', actions: record('contact-host', 'broken') },
      cannot: { target: 'handoff', actions: record('contact-host', 'cannot') },
    }),

    // Endings
    fixed: ending('fixed'),
    handoff: ending('handoff'),
    'visitor-end': ending('visitor-end'),
  },
});

export type TroubleshooterMachine = typeof troubleshooter;
