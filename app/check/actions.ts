'use server';

import { headers } from 'next/headers';
import { checkNow, contextOf, type CheckState } from '@/live-check/for-wizard';

/**
 * The live check form's action, used when JavaScript is off (with it on,
 * the page streams progress from /api/check). Nothing typed is stored.
 */
export async function checkAction(_previous: CheckState, form: FormData): Promise<CheckState> {
  return checkNow(form.get('url'), await headers(), contextOf(form.get('context')));
}
