import { prerenderedAnswers } from '@/app/fix/prerender';
import { recognisers } from '@/evidence/log-lines';
import { findAnswer, stepIds, stepMeta } from '@/machines/steps';

/**
 * Made-up links of the kinds a loop could send, each one different: junk
 * segments, answers reordered, repeated or in capitals, remembered answers
 * in new combinations, lists of log findings, notes forged with `?from=`,
 * unknown steps. Deterministic for a seed, so two runs send the same links.
 */
export function hostileLinks(count: number, seed = 1): string[] {
  let state = seed >>> 0 || 1;
  const random = () => {
    // xorshift32: enough to spread the links, and repeatable.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const journeys = prerenderedAnswers(7).filter((a) => a.length >= 4);
  const answerPairs = stepIds
    .flatMap((step) => stepMeta(step).answers.map((a) => `${step}=${a.id}`))
    .filter((s) => findAnswer(...(s.split('=') as [string, string])));
  const findings = recognisers.map((r) => r.id);

  const kinds: ((i: number) => string)[] = [
    (i) => {
      const path = [...pick(journeys)];
      path.splice(Math.floor(random() * path.length), 0, `junk-${i}`);
      return `/fix/${path.join('/')}`;
    },
    () => {
      const path = [...pick(journeys)];
      const a = Math.floor(random() * path.length);
      const b = Math.floor(random() * path.length);
      [path[a], path[b]] = [path[b], path[a]];
      return `/fix/${[...path, pick(answerPairs)].join('/')}`;
    },
    () => {
      const path = [...pick(journeys)];
      const twice = pick(path);
      return `/fix/${[...path, twice, pick(answerPairs)].join('/')}`.replace(/role=owner/, 'ROLE=Owner');
    },
    () => {
      // Remembered answers for steps not reached yet, in new combinations.
      const path = pick(journeys);
      const extra = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(answerPairs)).filter(
        (p) => !path.some((s) => s.split('=')[0] === p.split('=')[0]),
      );
      return `/fix/${[...path, ...new Set(extra)].join('/')}`;
    },
    () => {
      const ids = [...new Set(Array.from({ length: 1 + Math.floor(random() * 5) }, () => pick(findings)))];
      return `/fix/${[...pick(journeys), `found=${ids.join('+')}`].join('/')}`;
    },
    (i) => `/fix/${pick(journeys).join('/')}?from=${encodeURIComponent(`/fix/role=owner/forged-${i}`)}`,
    (i) => `/summary/${[...pick(journeys), `x${i}=y`].join('/')}`,
    (i) => `/step/nothing-${i}`,
  ];

  const links = new Set<string>();
  for (let i = 0; links.size < count && i < count * 20; i++) links.add(kinds[i % kinds.length](i));
  return [...links];
}
