import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { recognisers } from '@/evidence/log-lines';
import { explainLog, maxExaminedLines, maxInputBytes, shortestLine } from '@/log-explainer/explain';
import { shortestMatch } from '@/log-explainer/shortest-match';

/**
 * Counts how often the recognisers' own patterns run, by watching
 * RegExp.prototype.exec (which `test` calls too) for those objects only.
 */
const own = new Set<RegExp>(recognisers.map((r) => r.pattern));
const originalExec = RegExp.prototype.exec;
let runs = 0;
function countRuns() {
  runs = 0;
  RegExp.prototype.exec = function (this: RegExp, text: string) {
    if (own.has(this)) runs++;
    return originalExec.call(this, text);
  };
}
afterEach(() => {
  RegExp.prototype.exec = originalExec;
});

describe('the shortest line a pattern can match', () => {
  test('is read from the pattern', () => {
    assert.equal(shortestMatch(String.raw`\bAH01102\b`), 7);
    assert.equal(shortestMatch('a(?:bc|d)?e{2,3}[xyz]+.{0,200}?'), 4);
    assert.equal(shortestMatch(String.raw`connect\(\)(?: to (?!unix:)\S{1,512})? failed`), 16);
    assert.equal(shortestMatch('ab|c'), 1);
    assert.throws(() => shortestMatch(String.raw`(a)\1`));
  });

  test('is no longer than any recogniser’s sample match, and lines shorter than it are never matched', () => {
    for (const r of recognisers) {
      const match = r.pattern.exec(r.sample);
      assert.ok(match, r.id);
      assert.ok(match[0].length >= shortestLine, `${r.id} matched ${match[0].length} characters`);
    }
    assert.equal(shortestLine, 7, 'the shortest pattern is an Apache message number like AH01102');
    assert.deepEqual(ids(explainLog('AH0110\nAH01102')), ['apache-status-line']);
  });
});

const ids = (result: ReturnType<typeof explainLog>) => result.findings.map((f) => f.recogniser.id);

describe('work per paste is bounded', () => {
  test('200 KB of one-character lines runs no recogniser at all', () => {
    const text = 'x\n'.repeat(maxInputBytes / 2);
    countRuns();
    const result = explainLog(text);
    RegExp.prototype.exec = originalExec;
    assert.equal(runs, 0);
    assert.equal(result.total, 102_400);
    assert.equal(result.unmatched, 102_400);
    assert.equal(result.unexamined, 0);
  });

  test('200 KB of lines that match nothing runs no recogniser: one combined pattern turns them away', () => {
    countRuns();
    const result = explainLog('xxxxxxx\n'.repeat(maxInputBytes / 8));
    RegExp.prototype.exec = originalExec;
    assert.equal(runs, 0);
    assert.equal(result.unmatched, maxExaminedLines);
    assert.equal(result.unexamined, 25_600 - maxExaminedLines, 'the lines past the limit are counted, and said not to be read');
  });

  test('200 KB of matching lines runs the recognisers on at most the first 5,000', () => {
    const line = 'AH01102 x';
    const text = `${line}\n`.repeat(Math.floor(maxInputBytes / (line.length + 1)));
    countRuns();
    const result = explainLog(text);
    RegExp.prototype.exec = originalExec;
    assert.ok(runs <= maxExaminedLines * recognisers.length, `${runs} runs`);
    assert.equal(result.findings[0].count, maxExaminedLines);
    assert.equal(result.unexamined, result.total - maxExaminedLines);
  });

  test('lines past the limit are neither matched nor forgotten', () => {
    const text = `${'filler line\n'.repeat(maxExaminedLines)}AH01102\n`;
    const result = explainLog(text);
    assert.deepEqual(ids(result), []);
    assert.equal(result.unexamined, 1);
    assert.equal(result.total, maxExaminedLines + 1);
  });
});
