import type { Platform } from './types';

/**
 * Guidance names facts, not paths: `{{php-unit}}`, `{{nginx-error-log}}`.
 * This fills them in for one platform, with the person's PHP version when a
 * log line gave it away. A fact the platform lacks leaves the text unfilled
 * (`undefined`), so a page never shows half a command.
 */

type Fact = (p: Platform) => string | undefined;

const webFacts = (server: 'nginx' | 'apache' | 'litespeed'): Record<string, Fact> => ({
  [`${server}-unit`]: (p) => p[server]?.unit,
  [`${server}-test`]: (p) => p[server]?.test,
  [`${server}-sites`]: (p) => p[server]?.sites,
  [`${server}-error-log`]: (p) => p[server]?.errorLog,
  [`${server}-access-log`]: (p) => p[server]?.accessLog,
});

export const facts: Readonly<Record<string, Fact>> = {
  'php-version': (p) => p.php?.version,
  'php-unit': (p) => p.php?.unit,
  'php-program': (p) => p.php?.program,
  'php-socket': (p) => p.php?.socket,
  'php-pool-dir': (p) => p.php?.poolDir,
  'php-pool': (p) => p.php?.pool,
  'php-main-conf': (p) => p.php?.mainConf,
  'php-ini': (p) => p.php?.ini,
  'php-log': (p) => p.php?.log,
  ...webFacts('nginx'),
  ...webFacts('apache'),
  ...webFacts('litespeed'),
  'firewall-name': (p) => p.firewall?.name,
  'firewall-list': (p) => p.firewall?.list,
  'firewall-stop': (p) => p.firewall?.stop,
  'firewall-start': (p) => p.firewall?.start,
  'firewall-find': (p) => p.firewall?.find,
  'firewall-unblock': (p) => p.firewall?.unblock,
  install: (p) => p.install,
};

const placeholder = /\{\{([a-z-]+)\}\}/g;

export function hasPlaceholders(text: string): boolean {
  return text.includes('{{');
}

/** Fills `{v}` (8.2) and `{vv}` (82) in a template. */
export function withVersion(template: string, version: string): string {
  return template.replaceAll('{vv}', version.replace('.', '')).replaceAll('{v}', version);
}

/** `text` with every placeholder filled for `platform`, or `undefined` if the platform lacks one of them. */
export function fill(text: string, platform: Platform, php?: string): string | undefined {
  let missing = false;
  const version = php ?? platform.php?.version ?? '';
  const filled = text.replace(placeholder, (whole, name: string) => {
    const fact = facts[name];
    if (!fact) throw new Error(`Guidance names an unknown platform fact: ${whole}`);
    const value = fact(platform);
    if (value === undefined) missing = true;
    return value === undefined ? whole : withVersion(value, version);
  });
  return missing ? undefined : filled;
}

export interface Variant {
  text: string;
  /** The platforms whose filled text this is, in the table's order. */
  platforms: Platform[];
}

/** The text as each platform would read it, platforms that read the same grouped together. */
export function variants(text: string, platforms: readonly Platform[], php?: string): Variant[] {
  const out: Variant[] = [];
  for (const p of platforms) {
    const filled = fill(text, p, php);
    if (filled === undefined) continue;
    const same = out.find((v) => v.text === filled);
    if (same) same.platforms.push(p);
    else out.push({ text: filled, platforms: [p] });
  }
  return out;
}
