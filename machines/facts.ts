/**
 * What the wizard learns about a person's situation. Every field starts
 * unknown; the "finding out" questions fill them in, and guards read them
 * to decide which steps a person is offered.
 */
export interface Facts {
  role?: 'owner' | 'visitor';
  reach?: 'everyone' | 'only-me' | 'not-sure';
  /** The error page the person sees, picked from pictures. */
  page?: ErrorPage;
  access?: 'ssh' | 'panel' | 'none';
  cdn?: 'yes' | 'no' | 'not-sure';
  cms?: 'wordpress' | 'other' | 'none' | 'not-sure';
  server?: 'nginx' | 'apache' | 'not-sure';
  /** The PHP version, when a log line gave it away (e.g. "8.2"); no question asks it. */
  php?: string;
}

export const errorPages = ['cloudflare-502', 'cloudflare-52x', 'nginx', 'apache', 'host', 'browser', 'not-sure'] as const;
export type ErrorPage = (typeof errorPages)[number];

export type FactName = keyof Facts;

/** One fix a person tried and the answer they gave about it. */
export interface Attempt {
  step: string;
  answer: string;
}

export interface WizardContext {
  facts: Facts;
  /** Which step taught us each fact, so "change" reopens the right question. */
  sources: Partial<Record<FactName, string>>;
  tried: Attempt[];
}

/** "Not sure" counts as unknown wherever the wizard adapts to a fact. */
export function knows(facts: Facts, fact: FactName): boolean {
  const value = facts[fact];
  return value !== undefined && value !== 'not-sure';
}

export type Access = NonNullable<Facts['access']>;

/**
 * `panel` access is enough for panel steps; SSH covers both. Unknown access
 * (someone who jumped straight to a step from a link) counts as enough:
 * only a person who told us otherwise is spared a step, and every such step
 * offers "I can't do this".
 */
export function hasAccess(facts: Facts, needed: 'panel' | 'ssh'): boolean {
  if (facts.access === undefined) return true;
  if (needed === 'ssh') return facts.access === 'ssh';
  return facts.access === 'ssh' || facts.access === 'panel';
}

/** A CMS site, or one we were never told about (see `hasAccess`). */
export function runsCms(facts: Facts): boolean {
  return facts.cms === undefined || facts.cms === 'wordpress' || facts.cms === 'other';
}
