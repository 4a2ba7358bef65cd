'use server';

import { explainForWizard, type ExplainResult } from '@/log-explainer/for-wizard';

export type ExplainState = { result?: ExplainResult; error?: string };

/**
 * The form's action. Pasted text is explained and dropped: it is never
 * stored, logged, or put into a URL.
 */
export async function explainAction(_previous: ExplainState, form: FormData): Promise<ExplainState> {
  const log = form.get('log');
  const context = String(form.get('context') ?? '')
    .split('/')
    .filter(Boolean)
    .slice(0, 64);
  if (typeof log !== 'string' || !log.trim()) {
    return { error: 'Paste some lines from your error log first.' };
  }
  return { result: await explainForWizard(log, context, form.get('include') === 'on') };
}
