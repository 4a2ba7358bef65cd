import assert from 'node:assert/strict';
import { answerHref, canonicalHref, stateFromSegments, type WizardState } from '@/machines/url-state';

/** The wizard state of a `/fix/...` link. */
export const openHref = (href: string): WizardState =>
  stateFromSegments(
    href
      .replace(/^\/fix\/?/, '')
      .split('/')
      .filter(Boolean),
  );

/** Walks the machine from `href`, taking the first of `prefer` a step offers (else its first button), until an ending. */
export function walk(href: string, prefer: string[]): WizardState {
  let state = openHref(href);
  for (let i = 0; i < 60 && state.meta.kind !== 'ending'; i++) {
    const offered = state.meta.answers.filter((a) => !a.fromTool).map((a) => a.id);
    const answer = prefer.find((p) => offered.includes(p)) ?? offered[0];
    state = openHref(answerHref(state, answer));
  }
  assert.equal(state.meta.kind, 'ending', `walk from ${href} did not reach an ending`);
  return state;
}

/** Three journeys that end differently, as the links their last page has. */
export function threeEndings(): { fixed: string; handoff: string; visitor: string } {
  return {
    // A Cloudflare 522 on WordPress behind Nginx, fixed by more PHP workers.
    fixed:
      '/fix/role=owner/evidence=skip/reach=everyone/error-page=cloudflare-52x/cf-code=522/reload=broken/access=ssh/platform=debian-12/cms=wordpress/server=nginx/server-health=broken/php-workers=fixed',
    // Nothing a customer with a hosting panel can do worked.
    handoff: canonicalHref(
      walk('/fix/role=owner/evidence=skip/reach=everyone/error-page=not-sure', ['broken', 'cannot', 'ssh', 'nginx', 'wordpress', 'debian-12', 'no']),
    ),
    // A visitor who reloaded.
    visitor: canonicalHref(walk('/fix/role=visitor', ['everyone', 'broken'])),
  };
}

/** Every page a journey shows, from the first question to the link's own page, each once. */
export function journeyPages(href: string): string[] {
  const segments = href
    .replace(/^\/fix\/?/, '')
    .split('/')
    .filter(Boolean);
  const pages: string[] = [];
  for (let n = 0; n <= segments.length; n++) {
    const page = canonicalHref(openHref(segments.slice(0, n).join('/')));
    // An answer that only fills in a fact opens the same page again; a browser counts each page once.
    if (pages.at(-1) !== page) pages.push(page);
  }
  return pages;
}
