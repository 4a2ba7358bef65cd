/**
 * "Explain my error log": finds the lines we recognise in pasted log text
 * and says what each means. Lines we don't recognise are only counted, never
 * kept, so nothing private a person pastes ends up in the result unless it
 * is a recognised log line.
 */
import { recognisers, severities, type Recogniser, type Reveals, type Severity } from '@/evidence/log-lines';
import { shortestMatch } from './shortest-match';

export const maxInputBytes = 200 * 1024;
/** Longer lines are cut to this many characters before matching, for speed. */
const maxLineChars = 8 * 1024;
/** How many matching lines a finding keeps, and how long each may be. */
const keptLines = 3;
const keptLineChars = 500;

export interface Finding {
  recogniser: Recogniser;
  /** How many lines matched it. */
  count: number;
  /** 1-based line number of the first match. */
  firstLine: number;
  /** Up to 3 raw matching lines, each cut to 500 characters. */
  lines: string[];
}

export interface Explanation {
  /** One per recogniser that matched: most severe first, then most frequent, then earliest. */
  findings: Finding[];
  /** Non-empty lines that matched nothing. */
  unmatched: number;
  /** Non-empty lines in the text read. */
  total: number;
  /** Non-empty lines past the first maxExaminedLines that could hold a message: counted, never matched. */
  unexamined: number;
  /** The input was longer than maxInputBytes, and only its start was looked at. */
  truncated: boolean;
  reveals: Reveals;
}

const severityRank = new Map<Severity, number>(severities.map((s, i) => [s, i]));

/** Nginx's error-log format: "[error] 123#123: ". */
const nginxFormat = /\[(?:emerg|alert|crit|error|warn|notice|info|debug)\] \d{1,10}#\d{1,10}: /;
/** Apache's: "[proxy_fcgi:error] [pid 123" or an "AH01234" message number. */
const apacheFormat = /\[[a-z_]{1,40}:(?:emerg|alert|crit|error|warn|notice|info|debug|trace[1-8])\] \[pid \d|\bAH\d{5}\b/i;

/**
 * The work per paste is bounded whatever is pasted: a line shorter than any
 * pattern can match is passed over, one combined pattern (every recogniser
 * and format as alternatives, case-insensitive, so it matches whenever any
 * of them would) turns away the rest that match nothing, and after
 * maxExaminedLines candidate lines the others are only counted.
 */
const formatPatterns = [nginxFormat, apacheFormat];
const everyPattern = [...recognisers.map((r) => r.pattern), ...formatPatterns];
export const shortestLine = Math.min(...everyPattern.map((p) => shortestMatch(p.source)));
const anyPattern = new RegExp(everyPattern.map((p) => `(?:${p.source})`).join('|'), 'i');
/** Well above the lines in 200 KB of a real log (they run 60 to 300 characters). */
export const maxExaminedLines = 5000;

/** Splits off the part of the text we look at: at most maxInputBytes of UTF-8, cut at a line boundary. */
function limit(text: string): { text: string; truncated: boolean } {
  // Each UTF-16 code unit takes at most 3 bytes of UTF-8.
  if (text.length * 3 <= maxInputBytes) return { text, truncated: false };
  const { read } = new TextEncoder().encodeInto(text, new Uint8Array(maxInputBytes));
  if (read >= text.length) return { text, truncated: false };
  let kept = text.slice(0, read);
  const next = text[read];
  if (next !== '\n' && next !== '\r') {
    // Drop the partial last line, unless the text has no line break at all.
    const end = Math.max(kept.lastIndexOf('\n'), kept.lastIndexOf('\r'));
    if (end >= 0) kept = kept.slice(0, end);
  }
  return { text: kept, truncated: true };
}

/** Cuts a string to at most `max` code units without splitting a surrogate pair. */
function cut(line: string, max: number): string {
  if (line.length <= max) return line;
  const code = line.charCodeAt(max - 1);
  return line.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Adds the keys of `extra` that `into` doesn't have yet: the first value wins. */
function merge(into: Reveals, extra: Reveals | undefined): void {
  if (!extra) return;
  if (into.server === undefined && (extra.server === 'nginx' || extra.server === 'apache')) into.server = extra.server;
  if (into.php === undefined && typeof extra.php === 'string' && extra.php) into.php = extra.php;
}

function revealsOf(r: Recogniser, match: RegExpExecArray, line: string): Reveals | undefined {
  try {
    return r.reveals?.(match, line);
  } catch {
    return undefined;
  }
}

interface Tally extends Finding {
  reveals: Reveals;
}

export function explainLog(text: string): Explanation {
  const input = limit(typeof text === 'string' ? text : String(text ?? ''));
  const tallies = new Map<string, Tally>();
  const formats: Reveals = {};
  let total = 0;
  let unmatched = 0;
  let examined = 0;
  let unexamined = 0;

  const lines = input.text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (!/\S/.test(raw)) continue;
    total++;
    if (raw.length < shortestLine) {
      unmatched++;
      continue;
    }
    if (examined >= maxExaminedLines) {
      unexamined++;
      continue;
    }
    examined++;
    const line = cut(raw, maxLineChars);
    if (!anyPattern.test(line)) {
      unmatched++;
      continue;
    }

    if (formats.server === undefined) {
      if (nginxFormat.test(line)) formats.server = 'nginx';
      else if (apacheFormat.test(line)) formats.server = 'apache';
    }

    let found = false;
    for (const r of recognisers) {
      r.pattern.lastIndex = 0;
      const match = r.pattern.exec(line);
      if (!match) continue;
      found = true;
      let tally = tallies.get(r.id);
      if (!tally) {
        tally = { recogniser: r, count: 0, firstLine: i + 1, lines: [], reveals: {} };
        tallies.set(r.id, tally);
      }
      tally.count++;
      if (tally.lines.length < keptLines) tally.lines.push(cut(raw, keptLineChars));
      merge(tally.reveals, revealsOf(r, match, line));
      break;
    }
    if (!found) unmatched++;
  }

  const sorted = [...tallies.values()].sort(
    (a, b) =>
      (severityRank.get(a.recogniser.severity) ?? severities.length) - (severityRank.get(b.recogniser.severity) ?? severities.length) ||
      b.count - a.count ||
      a.firstLine - b.firstLine,
  );

  const reveals: Reveals = {};
  for (const t of sorted) merge(reveals, t.reveals);
  merge(reveals, formats);

  return {
    findings: sorted.map(({ recogniser, count, firstLine, lines: kept }) => ({ recogniser, count, firstLine, lines: kept })),
    unmatched,
    total,
    unexamined,
    truncated: input.truncated,
    reveals,
  };
}
