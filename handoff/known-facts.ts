import type { FactName, WizardContext } from '@/machines/facts';
import { answerLabel } from '@/content/answers';
import { stepIds, stepMeta } from '@/machines/steps';

/** Short names for what each question found out, in the order they are asked. */
const factNames: Record<FactName, [you: string, me: string]> = {
  role: ['Your role', 'My role'],
  reach: ['Who sees the error', 'Who sees the error'],
  page: ['Error page', 'Error page'],
  cfCode: ['Cloudflare error number', 'Cloudflare error number'],
  access: ['Your access', 'My access'],
  platform: ['Panel or system', 'Panel or system'],
  cdn: ['CDN in front', 'CDN in front'],
  cms: ['CMS', 'CMS'],
  server: ['Web server', 'Web server'],
  app: ['Behind the web server', 'Behind the web server'],
  php: ['PHP version', 'PHP version'],
};

/** The question step that sets each fact, and so the labels of its values. */
function questionFor(fact: FactName) {
  return stepIds.find((id) => stepMeta(id).fact === fact);
}

export interface KnownFact {
  fact: FactName;
  name: string;
  /** The same name as the person would write it in a message. */
  ownName: string;
  value: string;
  /** The question that told us, for a "change" link; none for facts read from a log. */
  step?: string;
}

/**
 * What the wizard knows, each with the question to reopen. Facts a jump-in
 * link (`start=`) brought along have no question the journey passes, so no
 * "change" link.
 */
export async function knownFacts({ facts, sources }: Pick<WizardContext, 'facts' | 'sources'>, jumpedIn = false): Promise<KnownFact[]> {
  const known = (Object.keys(factNames) as FactName[]).filter((fact) => facts[fact]);
  return Promise.all(
    known.map(async (fact) => {
      const value = facts[fact]!;
      const question = questionFor(fact);
      const [name, ownName] = factNames[fact];
      return { fact, name, ownName, value: question ? await answerLabel(question, value) : value, step: sources[fact] ?? (jumpedIn ? undefined : question) };
    }),
  );
}

export { knows } from '@/machines/facts';
