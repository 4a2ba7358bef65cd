import type { CloudflareCodeNumber } from '@/evidence/cloudflare';
import type { ErrorPage } from '@/evidence/error-pages';
import type { PlatformId } from '@/platforms/types';

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
  /** `server-panel`: a panel for the whole server (WHM, Plesk as administrator), which restarts services and sets PHP-FPM pools. */
  access?: 'ssh' | 'server-panel' | 'panel' | 'none';
  /** The control panel or system the site's server runs; `other-panel` and `other-system` count as unknown for commands. */
  platform?: PlatformId | 'other-panel' | 'other-system' | 'not-sure';
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

/** What a level of access can do, each level including the ones after it. */
const accessCovers: Record<Access, readonly AccessNeed[]> = {
  ssh: ['ssh', 'server', 'panel'],
  'server-panel': ['server', 'panel'],
  panel: ['panel'],
  none: [],
};

/**
 * `panel`: any control panel; `server`: restarting services and setting
 * PHP-FPM pools, which SSH or a server-administration panel can do; `ssh`:
 * a command line with administrator rights. Unknown access (someone who
 * jumped straight to a step from a link) counts as enough: only a person
 * who told us otherwise is spared a step, and every such step offers
 * "I can't do this".
 */
export type AccessNeed = 'panel' | 'server' | 'ssh';
export function hasAccess(facts: Facts, needed: AccessNeed): boolean {
  return facts.access === undefined || accessCovers[facts.access].includes(needed);
}

/** A CMS site, or one we were never told about (see `hasAccess`). */
export function runsCms(facts: Facts): boolean {
  return facts.cms === undefined || facts.cms === 'wordpress' || facts.cms === 'other';
}

/** The site runs on PHP, as far as we know: a PHP CMS, or an app the person called PHP or didn't name. */
export function runsPhp(facts: Facts): boolean {
  return facts.app === undefined || facts.app === 'php' || facts.app === 'not-sure';
}
