import { stepMeta } from '@/machines/steps';
import { evidenceList, hrefFor, stateFromSegments, type Answer } from '@/machines/url-state';
import { explainLog, maxInputBytes, type Explanation } from './explain';
import type { Reveals } from '@/evidence/log-lines';
import { loadTitle } from '@/content/guidance';
import { platforms } from '@/platforms';
import { platformFromText } from '@/platforms/detect';
import type { PlatformId } from '@/platforms/types';

/** What the log explainer sends back to the page: meanings and links, never the pasted text (unless asked). */
export interface ExplainResult {
  findings: {
    id: string;
    title: string;
    meaning: string;
    cause: string;
    severity: string;
    source: string;
    count: number;
    stepTitle: string;
    href: string;
  }[];
  unmatched: number;
  total: number;
  /** Lines past the explainer's limit, not looked at. */
  unexamined: number;
  truncated: boolean;
  reveals: Reveals;
  /** The platform the log's paths point to, by name (platforms/detect.ts). */
  platform?: string;
  /** Ready to paste into a message to the host. */
  forHost: string;
}

/**
 * What a log adds to the person's own answers, for the links into the
 * wizard: the web server and PHP version its lines gave away, the platform
 * its paths point to, and the findings' ids. Answers the person gave win.
 */
export function logEvidence(explanation: Explanation, own: readonly Answer[]): { evidence: Answer[]; platform?: PlatformId } {
  const evidence: Answer[] = [];
  const { server, php } = explanation.reveals;
  if (server && !own.some((a) => a.step === 'server')) evidence.push({ step: 'server', answer: server });
  if (php) evidence.push({ step: 'php', answer: php });
  // The lines kept as examples are few and short, and they are the lines about PHP-FPM and the web server.
  const platform = platformFromText(explanation.findings.flatMap((f) => f.lines).join('\n'));
  if (platform && !own.some((a) => a.step === 'platform')) evidence.push({ step: 'platform', answer: platform });
  const ids = explanation.findings.map((f) => f.recogniser.id);
  if (ids.length) evidence.push({ step: 'found', answer: evidenceList('found', ids.slice(0, 20)) });
  return { evidence, platform };
}

/**
 * Explains pasted log text and builds, for each finding, a link into the
 * wizard at the fix that addresses it, carrying the person's own answers and
 * what the log revealed (web server, PHP version, the findings' ids).
 */
export async function explainForWizard(text: string, context: string[], includeLines: boolean): Promise<ExplainResult> {
  const explanation = explainLog(text.slice(0, maxInputBytes * 2));
  const { path, pending } = stateFromSegments(context);
  // The new findings replace any brought from an earlier paste.
  const own = [...path, ...pending].filter((a) => a.step !== 'php' && a.step !== 'found');
  const { evidence, platform } = logEvidence(explanation, own);

  const findings = await Promise.all(
    explanation.findings.map(async ({ recogniser: r, count }) => ({
      id: r.id,
      title: r.title,
      meaning: r.meaning,
      cause: r.cause,
      severity: r.severity,
      source: r.source,
      count,
      stepTitle: await loadTitle(stepMeta(r.step).guidance),
      href: hrefFor([...own, ...evidence], { start: r.step }),
    })),
  );

  const forHost = [
    'What my error log shows:',
    ...explanation.findings.flatMap(({ recogniser: r, count, lines }) => [
      `- ${r.title}${count > 1 ? ` (${count} times)` : ''}: ${r.meaning}`,
      ...(includeLines ? lines.map((l) => `    ${l}`) : []),
    ]),
  ].join('\n');

  return {
    findings,
    unmatched: explanation.unmatched,
    total: explanation.total,
    unexamined: explanation.unexamined,
    truncated: explanation.truncated,
    reveals: explanation.reveals,
    platform: platform && platforms[platform].label,
    forHost: findings.length ? forHost : '',
  };
}
