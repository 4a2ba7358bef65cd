import { platformOrder, platforms } from './index';
import type { Platform, PlatformId } from './types';

/**
 * Which platform a log or a path comes from, read from the same table the
 * guidance uses: a log line that names `/opt/cpanel/ea-php82/…` or
 * `/var/www/vhosts/system/example.com/…` says cPanel or Plesk. Only
 * prefixes one platform alone uses count, so Debian and Ubuntu, which share
 * every path, are never told apart by a guess.
 */

/** The fixed start of a template: up to the first `{v}`, `{vv}` or the placeholder domain. */
function fixedStart(template: string): string {
  const cut = template.search(/\{v|example\.com/);
  return cut < 0 ? template : template.slice(0, cut);
}

function prefixesOf(p: Platform): string[] {
  const php = p.php ? [p.php.socket, p.php.poolDir, p.php.pool, p.php.ini, p.php.log, p.php.program] : [];
  const web = [p.nginx, p.apache, p.litespeed].flatMap((w) => (w ? [w.sites, w.errorLog, w.accessLog] : []));
  // Short starts such as `/etc/` or `/var/log/` would match any server.
  return [...new Set([...php, ...web].map(fixedStart))].filter((s) => s.split('/').filter(Boolean).length >= 2 && s.length >= 10);
}

/** Each platform's own prefixes: those no other platform's paths start with. */
export const telltales: readonly { platform: PlatformId; prefix: string }[] = platformOrder.flatMap((id) => {
  const others = platformOrder.filter((o) => o !== id).flatMap((o) => prefixesOf(platforms[o]));
  return prefixesOf(platforms[id])
    .filter((prefix) => !others.some((o) => o.startsWith(prefix) || prefix.startsWith(o)))
    .map((prefix) => ({ platform: id, prefix }));
});

/** The one platform the text's paths point to, or `undefined` when none or several do. */
export function platformFromText(text: string): PlatformId | undefined {
  const found = new Set(telltales.filter((t) => text.includes(t.prefix)).map((t) => t.platform));
  return found.size === 1 ? [...found][0] : undefined;
}
