import { answerLabels } from '@/content/answers';
import { loadTitle } from '@/content/guidance';
import { checkOutcome } from '@/evidence/check-outcomes';
import { cloudflareCode } from '@/evidence/cloudflare';
import { recognisers } from '@/evidence/log-lines';
import { isStep, stepIds, stepMeta } from '@/machines/steps';
import type { EvidenceKind } from '@/outcomes/aggregate';
import type { Ending } from '@/outcomes/types';

/** The words the insights page uses for what the store keeps as ids. */
export interface Labels {
  step(id: string): string;
  evidence(kind: EvidenceKind, token: string): string;
}

export const endingLabels: Record<Ending, string> = {
  fixed: 'Fixed',
  handoff: 'Handed to the host',
  'visitor-end': 'Visitor, sent to the site’s owner',
};

export const evidenceKindLabels: Record<EvidenceKind, string> = {
  page: 'The error page they saw',
  cloudflare: 'The number on Cloudflare’s page',
  log: 'A line in the error log',
  check: 'What the live check found',
  none: 'No evidence',
};

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const findingTitles = new Map(recognisers.map((r) => [r.id, r.title]));

export async function loadLabels(): Promise<Labels> {
  const titles = new Map(await Promise.all(stepIds.map(async (id) => [id, await loadTitle(stepMeta(id).guidance)] as const)));
  const pages = await answerLabels('error-page');
  return {
    // An id from an older machine has no title now: show the id itself.
    step: (id) => (isStep(id) ? (titles.get(id) ?? id) : id),
    evidence: (kind, token) => {
      switch (kind) {
        case 'page':
          return pages[token] ?? token;
        case 'cloudflare': {
          const name = cloudflareCode(token)?.name;
          return name ? `${token}: ${name}` : token;
        }
        case 'log':
          return findingTitles.get(token) ?? token;
        case 'check': {
          const meaning = checkOutcome(token)?.meaning;
          return meaning ? sentence(meaning) : token;
        }
        case 'none':
          return 'No error page picked, no log line, no live check';
      }
    },
  };
}
