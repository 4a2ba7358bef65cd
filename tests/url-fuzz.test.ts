import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { isStep, stepIds, stepMeta } from '@/machines/steps';
import { canonicalHref, replay, stateFromSegments, type Answer } from '@/machines/url-state';

/**
 * Links travel through tickets, chats and emails and come back cut, mangled
 * or hostile. Whatever arrives, the URL-to-state function answers with a
 * real step and says what it could not use; it never throws.
 */

/** A random real journey: a valid prefix to mutate. */
const journey = fc.array(fc.nat(), { maxLength: 24 }).map((choices) => {
  const answers: Answer[] = [];
  for (const choice of choices) {
    const state = replay(answers);
    const offered = state.meta.answers;
    if (!offered.length) break;
    answers.push({ step: state.step, answer: offered[choice % offered.length].id });
  }
  return answers.map((a) => `${a.step}=${a.answer}`);
});

const junk = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('..', '.', '%', '%E0%A4%A', '%2F', '%00', '=', '==', 'at=', 'start=', '<script>alert(1)</script>', 'role=', '=owner', 'ROLE=OWNER'),
  fc.constantFrom(...stepIds).chain((s) => fc.string({ maxLength: 12 }).map((a) => `${s}=${a}`)),
  fc.string({ maxLength: 12 }).map((s) => `${s}=${s}`),
  fc.string({ unit: 'grapheme', maxLength: 2000 }).map((s) => encodeURIComponent(s)),
  fc.tuple(fc.stringMatching(/^[a-z0-9-]{100,3000}$/), fc.stringMatching(/^[a-z0-9-]{1,3000}$/)).map(([a, b]) => `${a}=${b}`),
);

type Mutation = (segments: string[], extra: string, index: number) => string[];
const mutations: Mutation[] = [
  (s, extra, i) => s.map((seg, j) => (j === i % Math.max(s.length, 1) ? `${seg.split('=')[0]}=${extra}` : seg)), // one answer changed
  (s, _e, i) => s.filter((_, j) => j !== i % Math.max(s.length, 1)), // one dropped
  (s, _e, i) => (s.length ? [...s, s[i % s.length]] : s), // one repeated
  (s, extra) => [...s, extra], // something appended
  (s, extra, i) => [...s.slice(0, i % (s.length + 1)), extra, ...s.slice(i % (s.length + 1))], // something inserted
  (s) => s.map((seg) => encodeURIComponent(seg)), // percent-encoded
  (s) => s.map((seg) => seg.toUpperCase()), // shouted
  (s, _e, i) => s.slice(0, i % (s.length + 1)).concat(s.slice(0, i % (s.length + 1))), // pasted twice
  (s) => [...s, ...Array.from({ length: 300 }, () => 'role=owner')], // very long
];

const mangled = fc
  .tuple(journey, fc.array(fc.tuple(fc.nat(mutations.length - 1), junk, fc.nat()), { maxLength: 4 }))
  .map(([segments, steps]) => steps.reduce((s, [m, extra, i]) => mutations[m](s, extra, i), segments));

describe('every URL has an answer', () => {
  test('10,000 mangled links: never a throw, always a real step, and every left-out part explained', () => {
    fc.assert(
      fc.property(mangled, (segments) => {
        const state = stateFromSegments(segments);
        assert.ok(isStep(state.step), state.step);
        assert.ok(stepMeta(state.step));
        for (const r of state.rejected) {
          assert.equal(typeof r.segment, 'string');
          assert.ok(r.reason.length > 5);
          assert.ok(r.segment.length <= 200, 'a long part is shortened before it is shown');
          assert.ok(r.reason.length <= 300, 'and so is what we say about it');
        }
        // What we kept is a clean link to the same place.
        const again = stateFromSegments(canonicalHref(state).split('/').slice(2));
        assert.equal(again.step, state.step);
        assert.deepEqual(again.rejected, []);
      }),
      { numRuns: 10_000 },
    );
  });

  test('valid journeys replay exactly, with nothing left out', () => {
    fc.assert(
      fc.property(journey, (segments) => {
        const state = stateFromSegments(segments);
        assert.deepEqual(state.rejected, []);
        assert.equal(state.path.length, segments.length);
      }),
      { numRuns: 2_000 },
    );
  });
});
