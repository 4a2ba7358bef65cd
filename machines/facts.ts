import type { CloudflareCodeNumber } from '@/evidence/cloudflare';
import type { ErrorPage } from '@/evidence/error-pages';

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
  /** The number on a Cloudflare error page. */
  cfCode?: `${CloudflareCodeNumber}` | 'other';
  access?: 'ssh' | 'panel' | 'none';
  cdn?: 'yes' | 'no' | 'not-sure';
  cms?: 'wordpress' | 'other' | 'none' | 'not-sure';
  server?: 'nginx' | 'apache' | 'not-sure';
  /** What runs behind the web server, asked when the site is not a known PHP CMS. */
  app?: 'php' | 'node' | 'python' | 'docker' | 'not-sure';
  /** The PHP version, when a log line gave it away (e.g. "8.2"); no question asks it. */
  php?: string;
}

export type { ErrorPage };
export type FactName = keyof Facts;

/** One fix a person tried and the answer they gave about it. */
export interface Attempt {
  step: string;
  answer: string;
}

/** What the person brought from the tools: ids of log findings (`found=`) and a live check's outcome tokens (`check=`). */
export interface Evidence {
  found: readonly string[];
  checked: readonly string[];
}

export interface WizardContext {
  facts: Facts;
  /** Which step taught us each fact, so "change" reopens the right question. */
  sources: Partial<Record<FactName, string>>;
  tried: Attempt[];
  evidence: Evidence;
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

/** The site runs on PHP, as far as we know: a PHP CMS, or an app the person called PHP or didn't name. */
export function runsPhp(facts: Facts): boolean {
  return facts.app === undefined || facts.app === 'php' || facts.app === 'not-sure';
}
