/**
 * The fewest characters a regular expression can match, read from its
 * source. Covers the syntax the recognisers use (literals, escapes, classes,
 * groups, lookarounds, alternation, quantifiers); anything else throws, so a
 * new kind of pattern cannot quietly make the explainer skip lines it could
 * match.
 */
export function shortestMatch(source: string): number {
  let i = 0;

  function alternation(): number {
    let best = sequence();
    while (source[i] === '|') {
      i++;
      best = Math.min(best, sequence());
    }
    return best;
  }

  function sequence(): number {
    let total = 0;
    while (i < source.length && source[i] !== '|' && source[i] !== ')') total += atom() * quantifier();
    return total;
  }

  function atom(): number {
    const c = source[i++];
    if (c === '\\') {
      const e = source[i++];
      if (e === 'b' || e === 'B') return 0;
      if (/[1-9k]/.test(e)) throw new Error(`shortestMatch: back-references are not supported in ${source}`);
      if (e === 'x') i += 2;
      else if (e === 'u') i += source[i] === '{' ? source.indexOf('}', i) - i + 1 : 4;
      return 1;
    }
    if (c === '[') {
      if (source[i] === '^') i++;
      if (source[i] === ']') i++; // a literal ] first in the class
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      if (source[i++] !== ']') throw new Error(`shortestMatch: unclosed class in ${source}`);
      return 1;
    }
    if (c === '(') {
      let lookaround = false;
      if (source[i] === '?') {
        const kind = source.slice(i, i + 3);
        if (kind.startsWith('?:')) i += 2;
        else if (kind.startsWith('?=') || kind.startsWith('?!')) {
          i += 2;
          lookaround = true;
        } else if (kind === '?<=' || kind === '?<!') {
          i += 3;
          lookaround = true;
        } else if (kind.startsWith('?<')) i = source.indexOf('>', i) + 1;
        else throw new Error(`shortestMatch: unknown group ${kind} in ${source}`);
      }
      const inner = alternation();
      if (source[i++] !== ')') throw new Error(`shortestMatch: unclosed group in ${source}`);
      return lookaround ? 0 : inner;
    }
    if (c === '^' || c === '$') return 0;
    if (c === '*' || c === '+' || c === '?' || c === '{') throw new Error(`shortestMatch: a quantifier with nothing before it in ${source}`);
    return 1;
  }

  function quantifier(): number {
    const c = source[i];
    let min = 1;
    if (c === '*' || c === '?') {
      min = 0;
      i++;
    } else if (c === '+') i++;
    else if (c === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(source.slice(i));
      if (!m) return 1; // a literal brace
      min = Number(m[1]);
      i += m[0].length;
    } else return 1;
    if (source[i] === '?') i++; // lazy
    return min;
  }

  const length = alternation();
  if (i !== source.length) throw new Error(`shortestMatch: unbalanced ) in ${source}`);
  return length;
}
