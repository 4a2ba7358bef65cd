import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getAdjacencyMap } from 'xstate/graph';
import type { WizardContext } from '@/machines/facts';
import { stepIds, stepMeta } from '@/machines/steps';
import { troubleshooter, type AnswerId } from '@/machines/troubleshooter';

/**
 * Path tests over the machine's whole reachable graph. A node is a step, the
 * facts learned so far and the steps already tried (how they went does not
 * change where one can go). Which platform a person named changes the words
 * of a step, never where it leads, so a node keeps only whether it was named.
 */
type Snap = { value: unknown; status: string; context: WizardContext };
const serialize = (s: unknown) => {
  const { value, context } = s as Snap;
  const facts = { ...context.facts, platform: context.facts.platform && 'named' };
  return JSON.stringify([value, facts, context.tried.map((t) => t.step).sort()]);
};

const adjacency = getAdjacencyMap(troubleshooter, {
  events: (s) => stepMeta((s as Snap).value as string).answers.map((a) => ({ type: a.id as AnswerId })),
  serializeState: serialize,
});

type Edge = { event: { type: string }; state: unknown };

const nodes = Object.entries(adjacency).map(([key, { state, transitions }]) => ({
  key,
  step: (state as Snap).value as string,
  facts: (state as Snap).context.facts,
  final: (state as Snap).status === 'done',
  next: (Object.values(transitions) as Edge[]).map((t) => serialize(t.state)),
  edges: (Object.values(transitions) as Edge[]).map((t) => ({ answer: t.event.type, to: (t.state as Snap).value as string })),
}));
const byKey = new Map(nodes.map((n) => [n.key, n]));

const serverSteps = stepIds.filter((id) => ['panel', 'server', 'ssh'].includes(stepMeta(id).needs ?? ''));
const endings = stepIds.filter((id) => stepMeta(id).kind === 'ending');

describe('the decision machine', () => {
  test('every step is reachable', () => {
    const reached = new Set(nodes.map((n) => n.step));
    assert.deepEqual(
      stepIds.filter((id) => !reached.has(id)),
      [],
    );
  });

  test('no step is a dead end: every answer moves on, and only endings have no answers', () => {
    for (const n of nodes) {
      if (n.final) {
        assert.ok(endings.includes(n.step), `${n.step} is final but not an ending`);
        assert.equal(n.edges.length, 0);
        continue;
      }
      assert.ok(n.edges.length > 0, `${n.step} has no way out`);
      assert.equal(n.edges.length, stepMeta(n.step).answers.length, `${n.step}: an answer does nothing`);
      for (const e of n.edges) assert.notEqual(e.to, n.step, `${n.step} --${e.answer}--> itself`);
    }
  });

  test('every path ends in an ending (the graph has no cycles)', () => {
    const state = new Map<string, 'open' | 'done'>();
    const visit = (key: string, trail: string[]) => {
      if (state.get(key) === 'done') return;
      assert.notEqual(state.get(key), 'open', `cycle: ${[...trail, key].join(' → ')}`);
      state.set(key, 'open');
      for (const next of byKey.get(key)!.next) visit(next, [...trail, byKey.get(key)!.step]);
      state.set(key, 'done');
    };
    for (const n of nodes) visit(n.key, []);
  });

  test('a visitor never reaches a server step or the owner’s questions', () => {
    const offLimits = [
      ...serverSteps,
      'evidence',
      'cf-code',
      'access',
      'cdn',
      'cms',
      'server',
      'app',
      'dns',
      'cloudflare-ssl',
      'cloudflare-status',
      'contact-host',
      'handoff',
    ];
    const reached = nodes.filter((n) => n.facts.role === 'visitor' && offLimits.includes(n.step));
    assert.deepEqual(
      reached.map((n) => n.step),
      [],
    );
    assert.ok(nodes.some((n) => n.facts.role === 'visitor' && n.step === 'visitor-end'));
  });

  test('nobody without server access is offered a step that needs it', () => {
    const reached = nodes.filter((n) => n.facts.access === 'none' && serverSteps.includes(n.step));
    assert.deepEqual(
      reached.map((n) => n.step),
      [],
    );
    assert.ok(
      nodes.some((n) => n.facts.access === 'none' && n.step === 'handoff'),
      'no access leads to the hand-off',
    );
  });

  test('SSH-only steps are never offered to people with only a panel, of either kind', () => {
    const sshOnly = stepIds.filter((id) => stepMeta(id).needs === 'ssh');
    assert.deepEqual(
      nodes.filter((n) => (n.facts.access === 'panel' || n.facts.access === 'server-panel') && sshOnly.includes(n.step)).map((n) => n.step),
      [],
    );
  });

  test('restarting services is offered to a server panel, never to an account panel', () => {
    const serverOnly = stepIds.filter((id) => stepMeta(id).needs === 'server');
    assert.ok(serverOnly.includes('restart'));
    assert.ok(nodes.some((n) => n.facts.access === 'server-panel' && serverOnly.includes(n.step)));
    assert.deepEqual(
      nodes.filter((n) => n.facts.access === 'panel' && serverOnly.includes(n.step)).map((n) => n.step),
      [],
    );
  });

  test('the platform is asked once, only of people with access, and only after the access question', () => {
    const asked = nodes.filter((n) => n.step === 'platform');
    assert.ok(asked.length > 0);
    for (const n of asked) {
      assert.notEqual(n.facts.access, 'none');
      assert.ok(n.facts.access, 'access is known when the platform is asked');
      assert.equal(n.facts.platform, undefined, 'never asked twice');
    }
  });

  test('the CMS step is offered only for sites on a CMS', () => {
    const plugins = nodes.filter((n) => n.step === 'plugins');
    assert.ok(plugins.length > 0);
    for (const n of plugins) assert.ok(['wordpress', 'other'].includes(n.facts.cms!), `plugins offered for cms=${n.facts.cms}`);
  });

  test('the web-server question is asked only of people who can act on the server', () => {
    for (const n of nodes.filter((n) => n.step === 'server')) assert.notEqual(n.facts.access, 'none');
  });

  test('“only me” goes through every local fix before anything about the server', () => {
    const localOrder = ['reload', 'clear-cache', 'flush-dns', 'other-network'];
    for (const n of nodes.filter((n) => n.facts.reach === 'only-me')) {
      for (const e of n.edges) {
        if (localOrder.includes(n.step) && !localOrder.includes(e.to) && e.to !== 'fixed') {
          assert.equal(n.step, 'other-network', `${n.step} leaves the local fixes early for ${e.to}`);
        }
      }
    }
  });

  test('every fix offers “fixed” and “still broken”, and “I can’t” when it needs access', () => {
    for (const id of stepIds.filter((s) => stepMeta(s).kind === 'fix')) {
      const answers = stepMeta(id).answers.map((a) => a.id);
      if (id === 'firewall-back-on') {
        // Every answer here means "it's back on"; none lets a firewall stay off.
        assert.deepEqual(answers, ['works', 'not-firewall', 'only-off']);
        continue;
      }
      assert.ok(answers.includes('fixed') && answers.includes('broken'), `${id}: ${answers}`);
      if (stepMeta(id).needs) assert.ok(answers.includes('cannot'), `${id} needs access but has no “I can’t do this”`);
    }
  });

  test('a firewall switched off to test always leads to switching it back on', () => {
    const edges = nodes.filter((n) => n.step === 'firewall').flatMap((n) => n.edges);
    assert.ok(edges.length > 0);
    for (const e of edges.filter((e) => e.answer === 'switched-off')) assert.equal(e.to, 'firewall-back-on');
  });

  test('“that fixed it” always ends at the fixed ending', () => {
    for (const n of nodes) for (const e of n.edges) if (e.answer === 'fixed' || e.answer === 'works') assert.equal(e.to, 'fixed');
  });
});

describe('jumping straight to a step (a support agent’s link)', () => {
  for (const start of stepIds) {
    test(`from ${start}, every answer leads on and every path ends in an ending`, () => {
      const fromState = troubleshooter.resolveState({ value: start, context: { facts: {}, sources: {}, tried: [], evidence: { found: [], checked: [] } } });
      const map = getAdjacencyMap(troubleshooter, {
        fromState,
        events: (s) => stepMeta((s as Snap).value as string).answers.map((a) => ({ type: a.id as AnswerId })),
        serializeState: serialize,
      });
      const seen = new Map<string, 'open' | 'done'>();
      const visit = (key: string) => {
        if (seen.get(key) === 'done') return;
        assert.notEqual(seen.get(key), 'open', `cycle through ${key}`);
        seen.set(key, 'open');
        const { state, transitions } = map[key as keyof typeof map];
        const step = (state as Snap).value as string;
        const edges = Object.values(transitions) as Edge[];
        if ((state as Snap).status === 'done') assert.ok(endings.includes(step));
        else assert.equal(edges.length, stepMeta(step).answers.length, `${step}: an answer does nothing`);
        for (const t of edges) visit(serialize(t.state));
        seen.set(key, 'done');
      };
      visit(serialize(fromState));
    });
  }
});

describe('evidence on the path', () => {
  const blockedPathPossible = (f: Snap['context']['facts']) =>
    f.page === 'browser' ||
    (f.page === 'cloudflare-52x' && ['521', '522'].includes(f.cfCode ?? '')) ||
    (f.reach === 'only-me' && [undefined, 'browser', 'not-sure'].includes(f.page));

  test('the firewall-off test is offered only where something may block the way', () => {
    const offered = nodes.filter((n) => n.step === 'firewall');
    assert.ok(offered.length > 0);
    for (const n of offered) assert.ok(blockedPathPossible(n.facts), `firewall offered for ${JSON.stringify(n.facts)}`);
  });

  test('a page from the site’s own web server keeps the firewall, bans and DNS off the path', () => {
    const reached = nodes.filter(
      (n) => ['nginx', 'apache', 'cloudflare-502'].includes(n.facts.page!) && ['firewall', 'bans', 'dns', 'firewall-back-on'].includes(n.step),
    );
    assert.deepEqual(
      reached.map((n) => `${n.facts.page} → ${n.step}`),
      [],
    );
  });

  test('sites that don’t run PHP are never sent to the PHP fixes', () => {
    const php = ['php-workers', 'php-limits', 'php-version', 'plugins'];
    const reached = nodes.filter((n) => ['node', 'python', 'docker'].includes(n.facts.app!) && php.includes(n.step));
    assert.deepEqual(
      reached.map((n) => `${n.facts.app} → ${n.step}`),
      [],
    );
  });

  test('what runs behind the web server is asked only of SSH users whose site is not a PHP CMS', () => {
    const asked = nodes.filter((n) => n.step === 'app');
    assert.ok(asked.length > 0);
    for (const n of asked) {
      assert.equal(n.facts.access, 'ssh');
      assert.ok(['none', 'not-sure'].includes(n.facts.cms!), `app asked for cms=${n.facts.cms}`);
    }
  });

  test('the Cloudflare number is asked only of owners who saw a numbered Cloudflare page', () => {
    for (const n of nodes.filter((n) => n.step === 'cf-code')) assert.deepEqual([n.facts.role, n.facts.page], ['owner', 'cloudflare-52x']);
  });

  test('what a page shows is not asked again', () => {
    assert.deepEqual(
      nodes.filter((n) => n.step === 'server' && ['nginx', 'apache'].includes(n.facts.page!)).map((n) => n.key),
      [],
    );
    assert.deepEqual(
      nodes.filter((n) => n.step === 'cdn' && n.facts.page?.startsWith('cloudflare')).map((n) => n.key),
      [],
    );
  });

  test('no step comes twice in a journey, whatever the evidence', () => {
    for (const n of nodes) {
      const tried = JSON.parse(n.key)[2] as string[];
      assert.equal(new Set(tried).size, tried.length, n.key);
      assert.ok(!tried.includes(n.step), `${n.step} offered again: ${n.key}`);
    }
  });
});
