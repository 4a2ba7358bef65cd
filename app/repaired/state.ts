import { canonicalHref, stateFromSegments, type WizardState } from '@/machines/url-state';
import { repairNote } from '@/security/canonical-links';

export interface RepairedProps {
  params: Promise<{ answers?: string[] }>;
  searchParams: Promise<{ from?: string | string[] }>;
}

/**
 * The state of a canonical link reached by a redirect from a link with parts
 * left out, with the note saying which. Rendered per request and never
 * stored: the note repeats what was in someone's link.
 */
export async function repairedState(base: string, { params, searchParams }: RepairedProps): Promise<WizardState> {
  const { from } = await searchParams;
  const state = stateFromSegments((await params).answers ?? []);
  const note = repairNote(canonicalHref(state, base), typeof from === 'string' ? from : undefined);
  // Without a note that checks out, nothing from the link is repeated.
  return { ...state, ...(note ?? { rejected: [], notes: [] }) };
}
