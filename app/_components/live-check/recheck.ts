import type { CheckState } from '@/live-check/for-wizard';

/**
 * “Check my site again” on the fix pages: the address of the last check in
 * this browser tab, and what a new check's result offers. Only the address
 * is kept, and only in sessionStorage, which the browser empties when the
 * tab closes.
 */

const key = '502-troubleshooter:check-address';
/** Addresses the live check accepts are no longer than this (live-check/input.ts). */
const maxLength = 2000;

/** The part of the Storage interface used here, so tests can pass their own. */
export type AddressStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** This tab's sessionStorage, or nothing where the browser blocks it. */
export function sessionStore(): AddressStore | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

export function rememberAddress(store: AddressStore | undefined, address: string): void {
  if (!/^https?:\/\//.test(address) || address.length > maxLength) return;
  try {
    store?.setItem(key, address);
  } catch {
    // full or blocked: the fix pages simply don't offer a new check
  }
}

/** The address checked last in this tab; anything else found under the key is dropped. */
export function storedAddress(store: AddressStore | undefined): string | undefined {
  let value: string | null | undefined;
  try {
    value = store?.getItem(key);
  } catch {
    return undefined;
  }
  if (!value) return undefined;
  if (/^https?:\/\/[^\s]+$/.test(value) && value.length <= maxLength) return value;
  try {
    store?.removeItem(key);
  } catch {
    // nothing to do
  }
  return undefined;
}

export interface RecheckOffer {
  /** One line for the live region. */
  line: string;
  /** The fix page's answer the result supports, if the page has one. */
  href?: string;
  action?: string;
}

/**
 * What a finished check offers: the verdict in one line and the answer it
 * supports. A site that loads (`up`) supports “fixed”; a site that still
 * fails supports “broken”. A result that says nothing either way (we could
 * not look the name up just now, the site refused automated visitors) and a
 * check that could not run offer no answer: the person decides.
 */
export function recheckOffer(
  outcome: { state?: CheckState; problem?: string },
  { fixedHref, brokenHref }: { fixedHref?: string; brokenHref?: string },
): RecheckOffer | undefined {
  if (outcome.problem) return { line: `${outcome.problem} Try again in a moment.` };
  const { state } = outcome;
  if (state?.error) return { line: state.error };
  const view = state?.view;
  if (!view) return undefined;
  const line = `${view.verdict}.`;
  if (view.tokens.includes('up')) return { line, href: fixedHref, action: fixedHref && 'Tell the wizard it’s fixed' };
  if (view.tone === 'unsure') return { line };
  return { line, href: brokenHref, action: brokenHref && 'Tell the wizard it’s still broken' };
}
