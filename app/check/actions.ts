'use server';

import { headers } from 'next/headers';
import { admit, check, contextOf, type CheckState } from '@/live-check/for-wizard';

/**
 * The live check form's action, used when JavaScript is off (with it on,
 * the page streams progress from /api/check). Nothing typed is stored.
 */
export async function checkAction(_previous: CheckState, form: FormData): Promise<CheckState> {
  const admitted = admit(form.get('url'), (await headers()).get('x-forwarded-for'));
  if ('state' in admitted) return admitted.state;
  try {
    return await check(admitted.url, String(form.get('url')), contextOf(form.get('context')));
  } finally {
    admitted.release();
  }
}
