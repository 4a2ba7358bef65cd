import type { Facts } from '@/machines/facts';
import { cloudlinux } from './table/cloudlinux';
import { cpanel } from './table/cpanel';
import { debian12, debian13, ubuntu2204, ubuntu2404 } from './table/debian';
import { directadmin } from './table/directadmin';
import { hpanel } from './table/hpanel';
import { plesk } from './table/plesk';
import { rhel } from './table/rhel';
import { platformIds, type Platform, type PlatformId } from './types';

/** The table of platform facts, one entry per platform, in the order variants are shown. */
export const platforms: Readonly<Record<PlatformId, Platform>> = {
  'debian-13': debian13,
  'debian-12': debian12,
  'ubuntu-24.04': ubuntu2404,
  'ubuntu-22.04': ubuntu2204,
  rhel,
  cloudlinux,
  cpanel,
  plesk,
  directadmin,
  hpanel,
};

/** Variants are shown in the table's order: systems first, as SSH users read commands most. */
export const platformOrder = Object.keys(platforms) as PlatformId[];

function isPlatformId(value: unknown): value is PlatformId {
  return (platformIds as readonly unknown[]).includes(value);
}

/** The person's platform, when they named one we have facts for. */
export function platformOf(facts: Facts): Platform | undefined {
  return isPlatformId(facts.platform) ? platforms[facts.platform] : undefined;
}

/**
 * The platforms a person may be on, when they did not name one: the panels
 * for "another panel" or a person with a panel only, the systems for
 * "another system", every one otherwise.
 */
export function likelyPlatforms(facts: Facts): Platform[] {
  const known = platformOf(facts);
  if (known) return [known];
  const all = platformOrder.map((id) => platforms[id]);
  if (facts.platform === 'other-panel' || facts.access === 'panel' || facts.access === 'server-panel') return all.filter((p) => p.kind === 'panel');
  if (facts.platform === 'other-system') return all.filter((p) => p.kind === 'system');
  return all;
}

/**
 * The words a platform answers to in `<ForPlatform is="…" not="…">`: its id,
 * family and kind; `panel` wherever it has one (CloudLinux servers usually
 * run cPanel); `panel-pools` where a panel writes PHP-FPM's pool files;
 * `selinux` where SELinux is on.
 */
export function platformTags(p: Platform): string[] {
  const extra = [p.panel && 'panel', p.php?.generatedBy && 'panel-pools', p.selinux && 'selinux'].filter((t): t is string => Boolean(t));
  return [...new Set([p.id, p.family, p.kind, ...extra])];
}
