import { platformOrder, platforms } from './index';
import type { Platform, PlatformId } from './types';

/**
 * Which platform a log or a path comes from, read from the same table the
 * guidance uses: a log line that names `/opt/cpanel/ea-php82/…` or
 * `/var/www/vhosts/system/example.com/…` says cPanel or Plesk. Only
 * prefixes one platform alone uses count, so Debian and Ubuntu, which share
 * every path, are never told apart by a guess.
 */

/** The fixed start of a template, up to the first `{v}`, `{vv}` or placeholder domain, and whether a version follows. */
function fixedStart(template: string): { prefix: string; version: boolean } {
  // `user` stands for an account's name (DirectAdmin), as example.com does for a site.
  const cut = template.search(/\{v|example\.com|(?<=\/)user(?=[/.]|$)/);
  if (cut < 0) return { prefix: template, version: false };
  return { prefix: template.slice(0, cut), version: template.startsWith('{v', cut) };
}

/** Every path start a platform has; `claimable` leaves out a system's web-server paths, its packages' defaults, which panels on the same system share (Plesk and DirectAdmin write /var/log/httpd/ too). */
function startsOf(p: Platform, claimable = false) {
  const php = p.php ? [p.php.socket, p.php.poolDir, p.php.pool, p.php.ini, p.php.log, p.php.program] : [];
  const servers = claimable && p.kind === 'system' ? [] : [p.nginx, p.apache, p.litespeed];
  const web = servers.flatMap((w) => (w ? [w.sites, w.errorLog, w.accessLog] : []));
  // Short starts such as `/etc/` or `/var/log/` would match any server.
  return [...php, ...web].map(fixedStart).filter(({ prefix }) => prefix.split('/').filter(Boolean).length >= 2 && prefix.length >= 10);
}

/**
 * Which platform a start belongs to: the one platform that has it, or the
 * panel whose layout a system reuses (CloudLinux servers run cPanel's PHP,
 * and a cPanel path says cPanel).
 */
function ownerOf(prefix: string): PlatformId | undefined {
  const sharers = platformOrder.filter((id) => startsOf(platforms[id]).some((s) => s.prefix.startsWith(prefix) || prefix.startsWith(s.prefix)));
  if (sharers.length === 1) return sharers[0];
  const panels = sharers.filter((id) => platforms[id].kind === 'panel');
  const samePanel = new Set(sharers.map((id) => platforms[id].panel?.name));
  return panels.length === 1 && samePanel.size === 1 ? panels[0] : undefined;
}

const literally = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pool named after its site, as in `[pool example_com]`: any domain
 * written with the same separator. Pools with a fixed name (`www`) say
 * nothing, since several platforms share it.
 */
/** Endings a site's name has; a pool called `my_app` or `api.internal` is someone's own name, not a domain. */
const domainEndings = 'com|net|org|info|biz|eu|uk|de|fr|nl|be|it|es|pt|ch|at|se|dk|no|fi|pl|cz|ie|us|ca|au|nz|in|br|za|jp';

function poolPattern(name: string | undefined): RegExp | undefined {
  const m = name && /^example([._])com$/.exec(name);
  if (!m) return undefined;
  const sep = literally(m[1]);
  return new RegExp(`\\[pool [a-z0-9-]+(?:${sep}[a-z0-9-]+)*${sep}(?:${domainEndings})\\]`);
}

/** The platforms whose pools are named this way, with a panel's claim over a system that reuses its layout. */
function poolOwner(name: string): PlatformId | undefined {
  const sharers = platformOrder.filter((id) => platforms[id].php?.poolName === name);
  const panels = sharers.filter((id) => platforms[id].kind === 'panel');
  return sharers.length === 1 ? sharers[0] : panels.length === 1 ? panels[0] : undefined;
}

/** Each platform's own path starts, as patterns (a version cut off must be digits), and its pool names. */
export const telltales: readonly { platform: PlatformId; prefix: string; pattern: RegExp }[] = platformOrder.flatMap((id) => {
  const paths = [...new Map(startsOf(platforms[id], true).map((s) => [s.prefix, s])).values()].flatMap(({ prefix, version }) =>
    ownerOf(prefix) === id ? [{ platform: id, prefix, pattern: new RegExp(literally(prefix) + (version ? '\\d' : '')) }] : [],
  );
  const name = platforms[id].php?.poolName;
  const pool = poolPattern(name);
  return pool && poolOwner(name!) === id ? [...paths, { platform: id, prefix: `[pool ${name}]`, pattern: pool }] : paths;
});

/** The one platform the text's paths point to, or `undefined` when none or several do. */
export function platformFromText(text: string): PlatformId | undefined {
  const found = new Set(telltales.filter((t) => t.pattern.test(text)).map((t) => t.platform));
  return found.size === 1 ? [...found][0] : undefined;
}
