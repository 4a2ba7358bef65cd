/**
 * The proof table: every real-world case in tests/cases/cases.ts, walked
 * through the wizard from /fix the way its person would answer, must reach
 * the step that fixes it, and that step's guidance, rendered for what the
 * wizard knows by then, must say what the person needs (the case's words).
 * Cases with evidence are walked twice: skipping the tools, and using them.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { guidanceComponents } from '@/app/_components/guidance';
import { fixes } from '@/machines/fixes';
import { isStep } from '@/machines/steps';
import { evaluateGuidance } from '@/tests/mdx-compile';
import { cases, type Case } from './cases/cases';
import { describeWalk, walk, type Walk } from './cases/walk';

/** Lower-case text as a reader sees it: tags dropped, entities and typographic quotes made plain, spaces collapsed. */
function plainText(html: string): string {
  return normalise(
    html
      .replace(/<[^>]*>/g, ' ')
      .replace(/&nbsp;|&#160;/g, ' ')
      .replace(/&quot;|&#34;/g, '"')
      .replace(/&#x27;|&#39;|&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

function normalise(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').toLowerCase();
}

/** The guidance of the step a walk reached, rendered with the facts the wizard holds there. */
async function guidanceOf(w: Walk): Promise<string> {
  const file = `content/steps/${w.state.meta.guidance}.mdx`;
  assert.ok(existsSync(file), `${w.caseId}: “${w.step}” has no guidance file (${file})`);
  const { Content } = await evaluateGuidance(file);
  return plainText(renderToStaticMarkup(createElement(Content, { components: guidanceComponents(w.state.context.facts) })));
}

async function check(c: Case, withEvidence: boolean) {
  const w = walk(c, withEvidence);
  const label = `${c.id}${withEvidence ? ' (with evidence)' : ''}`;
  if (withEvidence) assert.ok(w.usedEvidence, `${label}: the evidence step never came up, so the tools were not used\n  ${describeWalk(w)}`);
  assert.ok(w.ok, `${label}: expected “${c.fix}”, ${describeWalk(w)}`);
  assert.equal(w.kind, 'fix');
  const text = await guidanceOf(w);
  const missing = c.words.filter((word) => !text.includes(normalise(word)));
  assert.deepEqual(
    missing,
    [],
    `${label}: the “${c.fix}” page (facts ${JSON.stringify(w.state.context.facts)}) lacks ${missing.map((m) => `“${m}”`).join(', ')}`,
  );
}

describe('the case table', () => {
  test('has at least 30 cases, with unique ids', () => {
    assert.ok(cases.length >= 30, `${cases.length} cases`);
    const ids = cases.map((c) => c.id);
    assert.deepEqual(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      [],
    );
  });

  test('covers at least 10 different fixes, each a step of the wizard', () => {
    const covered = new Set(cases.map((c) => c.fix));
    assert.ok(covered.size >= 10, `${covered.size} fixes: ${[...covered].join(', ')}`);
    for (const fix of covered) {
      assert.ok(Object.hasOwn(fixes, fix), `${fix} is not in machines/fixes.ts`);
      assert.ok(isStep(fix), `${fix} is not a step of the machine`);
    }
  });

  test('every case names a source, 2–4 lower-case phrases, and evidence only for owners', () => {
    for (const c of cases) {
      assert.ok(c.source.trim(), `${c.id}: no source`);
      assert.deepEqual(
        c.words,
        c.words.map((w) => w.toLowerCase()),
        `${c.id}: phrases are compared in lower case`,
      );
      assert.ok(c.words.length >= 2 && c.words.length <= 4, `${c.id}: ${c.words.length} phrases`);
      if (c.evidence) assert.equal(c.setup.role, 'owner', `${c.id}: only owners get the evidence step`);
    }
  });
});

describe('real-world cases reach their fix from /fix', () => {
  for (const c of cases) {
    test(`${c.id}: ${c.title} → ${c.fix}`, () => check(c, false));
    if (c.evidence) {
      const tools = [c.evidence.check && 'live check', c.evidence.log && 'log'].filter(Boolean).join(' and ');
      test(`${c.id}, with the ${tools} → ${c.fix}`, () => check(c, true));
    }
  }
});
