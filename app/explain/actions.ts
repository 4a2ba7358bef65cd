'use server';

import { headers } from 'next/headers';
import { contextOf } from '@/live-check/for-wizard';
import { positive } from '@/live-check/settings';
import { explainForWizard, type ExplainResult } from '@/log-explainer/for-wizard';
import { clientAddress, clientKey } from '@/security/client-address';
import { limiter, take } from '@/security/limiter';

/** `log`: the paste, handed back when it could not be read now, so nobody has to paste it again. */
export type ExplainState = { result?: ExplainResult; error?: string; log?: string };

/**
 * The form's action. Pasted text is explained and dropped: it is never
 * stored, logged, or put into a URL. Each client may have
 * EXPLAIN_RATE_LIMIT pastes read a minute (20 unless set), since reading
 * a long paste keeps the server busy.
 */
export async function explainAction(_previous: ExplainState, form: FormData): Promise<ExplainState> {
  const log = form.get('log');
  const context = contextOf(form.get('context'));
  if (typeof log !== 'string' || !log.trim()) {
    return { error: 'Paste some lines from your error log first.' };
  }
  const refusal = await overLimit(await headers());
  if (refusal) return { error: refusal, log };
  return { result: await explainForWizard(log, context, form.get('include') === 'on') };
}

/** Why this client must wait, or nothing when it may go ahead. */
async function overLimit(requestHeaders: Headers): Promise<string | undefined> {
  let perMinute: number;
  let client: string;
  try {
    perMinute = positive('EXPLAIN_RATE_LIMIT', process.env.EXPLAIN_RATE_LIMIT, 20);
    client = clientKey(clientAddress(requestHeaders));
  } catch (error) {
    console.error(error);
    return 'The log explainer is not set up correctly on this server, so it is switched off. Carry on with the questions: they work without it.';
  }
  const wait = await take(limiter('explain-rate', perMinute, 60), client);
  return wait === undefined ? undefined : `You have had a lot of logs read in the last minute. Please wait ${wait} seconds and try again.`;
}
