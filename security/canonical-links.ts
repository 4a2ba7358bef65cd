import { basePath, canonicalHref, stateFromSegments } from '@/machines/url-state';

/**
 * Every step and summary page is cached, once per link. Links that say the
 * same thing in another way (answers reordered, repeated, in capitals, with
 * parts we cannot read) would each be rendered and kept, so a loop of made-up
 * links could fill the cache. They are redirected to the one form the page is
 * cached under instead. When parts were dropped or renamed, the redirect
 * carries the original link in `?from=`, and that request is answered by a
 * page rendered per request, never stored, which says what was left out.
 */

export const summaryBase = '/summary';
/** Where a link with `?from=` is answered: the same page plus the note, rendered per request. */
export const repairedBase = '/repaired';
/** Long enough for any real link; a longer original is cut, and then no note is shown. */
const maxFromLength = 4000;

export type LinkVerdict = { kind: 'canonical' } | { kind: 'redirect'; location: string } | { kind: 'repaired'; rewrite: string };

/**
 * The form of a link each decision needs, remembered for the links asked for
 * most recently (least recently used forgotten first). Only links of a real
 * journey's length: long made-up ones would crowd out the real ones.
 */
const remembered = new Map<string, { canonical: string; lossy: boolean }>();
const rememberAtMost = 5000;
const rememberLength = 512;

function canonicalOf(pathname: string, base: string): { canonical: string; lossy: boolean } {
  const known = remembered.get(pathname);
  if (known) {
    remembered.delete(pathname);
    remembered.set(pathname, known);
    return known;
  }
  const segments = pathname.slice(base.length).split('/').filter(Boolean);
  const state = stateFromSegments(segments);
  const result = { canonical: canonicalHref(state, base), lossy: state.rejected.length > 0 || state.notes.length > 0 };
  if (pathname.length <= rememberLength) {
    if (remembered.size >= rememberAtMost) remembered.delete(remembered.keys().next().value!);
    remembered.set(pathname, result);
  }
  return result;
}

/** The base (`/fix` or `/summary`) a path is under, if it is a wizard link. */
export function wizardBase(pathname: string): string | null {
  for (const base of [basePath, summaryBase]) {
    if (pathname === base || pathname.startsWith(`${base}/`)) return base;
  }
  return null;
}

/** What to do with a request for a wizard link: serve it, redirect it to its canonical form, or answer it with the note. */
export function judgeLink(pathname: string, search: URLSearchParams): LinkVerdict {
  const base = wizardBase(pathname);
  if (!base) return { kind: 'canonical' };
  const { canonical, lossy } = canonicalOf(pathname, base);
  // A note is only ever shown on the one form of a link: `?from=` on any other is dropped.
  if (search.get('from') && canonical === pathname) return { kind: 'repaired', rewrite: `${repairedBase}${pathname}` };
  if (canonical === pathname) return { kind: 'canonical' };
  const from = lossy ? `?${new URLSearchParams({ from: pathname.slice(0, maxFromLength) })}` : '';
  return { kind: 'redirect', location: `${canonical}${from}` };
}

/**
 * The note for a repaired link: the parts of the original that were left out
 * or renamed, if the original really leads to this page; otherwise nothing,
 * so a hand-made `?from=` cannot put words on any other page.
 */
export function repairNote(pathname: string, from: string | undefined) {
  const base = wizardBase(pathname);
  if (!base || !from || wizardBase(from) !== base) return null;
  const original = stateFromSegments(from.slice(base.length).split('/').filter(Boolean));
  if (canonicalHref(original, base) !== pathname) return null;
  return { rejected: original.rejected, notes: original.notes };
}
