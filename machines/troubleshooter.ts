import { and, assign, setup } from 'xstate';
import { hasAccess, knows, runsCms, type ErrorPage, type FactName, type Facts, type WizardContext } from './facts';
import type { AnswerMeta, StepMeta } from './meta';

/**
 * The decision machine: every state is a step, every event an answer.
 * No step is visited twice in a journey, which keeps every path finite and
 * lets a URL name each answer by its step.
 */

/**
 * The helpers below assemble plain transition objects, typed loosely here;
 * the path tests take every transition, so a misspelt guard or target fails them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Transitions = Record<string, any>;

type Guard =
  | { type: 'isVisitor' }
  | { type: 'reachIs'; params: { reach: Facts['reach'][] } }
  | { type: 'hasAccess'; params: { level: 'panel' | 'ssh' } }
  | { type: 'runsCms' }
  | { type: 'knows'; params: { fact: FactName } }
  | { type: 'pageIs'; params: { pages: ErrorPage[] } }
  | { type: 'notTried'; params: { steps: string[] } };

const panel: Guard = { type: 'hasAccess', params: { level: 'panel' } };
const ssh: Guard = { type: 'hasAccess', params: { level: 'ssh' } };

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
const serverFixes: { step: string; when: Guard[]; alias?: string }[] = [
  { step: 'server-health', when: [panel] },
  { step: 'proxy', when: [ssh] },
  // Someone who has been through "switch it back on" has done the firewall step.
  { step: 'firewall', when: [panel], alias: 'firewall-back-on' },
  { step: 'dns', when: [] },
  { step: 'plugins', when: [panel, { type: 'runsCms' }] },
  { step: 'logs', when: [panel] },
  { step: 'restart', when: [ssh] },
  { step: 'php-limits', when: [panel] },
  { step: 'contact-host', when: [] },
];

/**
 * What the error page gives away picks the fix to try first; the others
 * follow in the usual order. No page from the site at all points at DNS;
 * Cloudflare's 52x pages at the origin refusing it; a bare web-server page
 * (or Cloudflare's own 502, which passes on the origin's) at what sits
 * behind the web server.
 */
const evidenceFirst: { pages: ErrorPage[]; step: string; when: Guard[] }[] = [
  { pages: ['browser'], step: 'dns', when: [] },
  { pages: ['cloudflare-52x'], step: 'firewall', when: [panel] },
  { pages: ['nginx', 'apache', 'cloudflare-502'], step: 'proxy', when: [ssh] },
  { pages: ['nginx', 'apache', 'cloudflare-502'], step: 'logs', when: [panel] },
];

const record = (step: string, answer: string) => ({ type: 'record', params: { step, answer } }) as const;
const learn = (step: string, facts: Partial<Record<FactName, string>>) => ({ type: 'learn', params: { step, facts } }) as const;
type Action = ReturnType<typeof record> | ReturnType<typeof learn>;

const when = (guards: Guard[]) => (guards.length ? { guard: and(guards) } : {});

/** Guarded transitions to the first server fix, other than `after`, not tried yet. */
function nextServerFix(after: string | null, action?: Action, also: Guard[] = []) {
  return serverFixes
    .filter((f) => f.step !== after)
    .map(({ step, when: guards, alias }) => ({
      target: step,
      ...when([...also, ...guards, { type: 'notTried', params: { steps: alias ? [step, alias] : [step] } }]),
      ...(action ? { actions: action } : {}),
    }));
}

/** After the questions: the fix the evidence points at, else the usual order. */
function firstServerFix(action?: Action, also: Guard[] = []) {
  return [
    ...evidenceFirst.map(({ pages, step, when: guards }) => ({
      target: step,
      ...when([...also, { type: 'pageIs', params: { pages } }, ...guards]),
      ...(action ? { actions: action } : {}),
    })),
    ...nextServerFix(null, action, also),
  ];
}

/** Where the local, on-this-device fixes lead when they did not help. */
function afterLocalFixes(step: string, answer: string) {
  return [
    { target: 'visitor-end', guard: 'isVisitor' as const, actions: record(step, answer) },
    { target: 'access', actions: record(step, answer) },
  ];
}

/**
 * A question sets its fact to the answer's id. `derive` adds what else an
 * answer tells us (an nginx error page says which web server runs the site).
 */
function question(
  fact: FactName,
  answers: (AnswerMeta & { derive?: Partial<Record<FactName, string>> })[],
  next: (action: Action) => unknown,
  extra: Transitions = {},
) {
  const step = fact === 'page' ? 'error-page' : fact;
  const meta: StepMeta = { kind: 'question', stage: 'finding-out', guidance: step, fact, answers: answers.map(({ derive: _, ...a }) => a) };
  if (fact === 'page') meta.pictures = true;
  return {
    meta,
    on: Object.fromEntries(answers.map((a) => [a.id, next(learn(step, { [fact]: a.id, ...a.derive }))])) as Transitions,
    ...extra,
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
    knows: ({ context }, params: { fact: FactName }) => knows(context.facts, params.fact),
    pageIs: ({ context }, params: { pages: ErrorPage[] }) => params.pages.includes(context.facts.page as ErrorPage),
    notTried: ({ context }, params: { steps: string[] }) => !context.tried.some((t) => params.steps.includes(t.step)),
  },
  actions: {
    learn: assign(({ context }, params: { step: string; facts: Partial<Record<FactName, string>> }) => ({
      // Only the machine's own answer ids arrive here, so the cast is safe.
      facts: { ...context.facts, ...params.facts } as Facts,
      sources: { ...context.sources, ...Object.fromEntries(Object.keys(params.facts).map((fact) => [fact, params.step])) },
    })),
    record: assign(({ context }, params: { step: string; answer: string }) => ({
      tried: [...context.tried, { step: params.step, answer: params.answer }],
    })),
  },
}).createMachine({
  id: 'troubleshooter',
  initial: 'role',
  context: { facts: {}, sources: {}, tried: [] },
  states: {
    // Finding out
    role: question(
      'role',
      [
        { id: 'owner', label: 'It’s my site, or I look after it' },
        { id: 'visitor', label: 'I’m visiting someone else’s site' },
      ],
      (action) => ({ target: 'reach', actions: action }),
    ),
    reach: question(
      'reach',
      [
        { id: 'everyone', label: 'It’s down for everyone' },
        { id: 'only-me', label: 'It works elsewhere, only I see the error' },
        { id: 'not-sure', label: 'I’m not sure' },
      ],
      (action) => ({ target: 'error-page', actions: action }),
    ),
    'error-page': question(
      'page',
      [
        { id: 'cloudflare-502', label: 'Cloudflare’s “Bad gateway” page', derive: { cdn: 'yes' } },
        { id: 'cloudflare-52x', label: 'A Cloudflare page with error 520 to 526', derive: { cdn: 'yes' } },
        { id: 'nginx', label: 'A plain “502 Bad Gateway” page with “nginx” under it', derive: { server: 'nginx' } },
        { id: 'apache', label: 'A “Proxy Error” page from Apache', derive: { server: 'apache' } },
        { id: 'host', label: 'A page from my hosting company' },
        { id: 'browser', label: 'My browser’s own error page' },
        { id: 'not-sure', label: 'None of these, or I’m not sure' },
      ],
      (action) => ({ target: 'reload', actions: action }),
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
      (action) => ({ target: 'cdn', actions: action }),
    ),
    cdn: question(
      'cdn',
      [
        { id: 'yes', label: 'Yes, for example Cloudflare' },
        { id: 'no', label: 'No' },
        { id: 'not-sure', label: 'I’m not sure' },
      ],
      (action) => ({ target: 'cms', actions: action }),
      // Skipped when the error page already showed a CDN.
      { always: { target: 'cms', guard: { type: 'knows', params: { fact: 'cdn' } } } },
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
      (action) => [
        { target: 'server', guard: panel, actions: action },
        ...firstServerFix(action),
      ],
    ),
    server: question(
      'server',
      [
        { id: 'nginx', label: 'Nginx' },
        { id: 'apache', label: 'Apache' },
        { id: 'not-sure', label: 'I don’t know' },
      ],
      (action) => firstServerFix(action),
      // Skipped when the error page already named the web server.
      { always: firstServerFix(undefined, [{ type: 'knows', params: { fact: 'server' } }]) },
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
