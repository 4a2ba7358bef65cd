'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { clientAddress, clientKey } from '@/security/client-address';
import { cookieName, cookiePath, insightsAccess, passwordMatches, sessionCookie, sessionSeconds } from '@/security/insights-session';
import { giveBack, limiter, take } from '@/security/limiter';
import { site } from '@/content/site';
import { periodQuery } from './period-query';

/**
 * Signing in and out of /insights. Plain forms: they work without
 * JavaScript (the action answers with a redirect), and Next.js checks that
 * an action's post comes from this site. Five tries per address in
 * 15 minutes, and 60 from everyone together, are checked before the
 * password is: guessing is slow from one address and from many. The price:
 * wrong tries from many addresses can hold the form for up to 15 minutes;
 * whoever is signed in stays signed in.
 */

/** The first proxy's word on the scheme (`https, http` after two hops), or the site's own address. */
function overHttps(requestHeaders: Headers): boolean {
  const forwarded = requestHeaders.get('x-forwarded-proto')?.split(',')[0].trim().toLowerCase();
  return forwarded === 'https' || (!forwarded && site.siteUrl?.startsWith('https:') === true);
}

const perAddress = () => limiter('insights-login', 5, 15 * 60);
const everyone = () => limiter('insights-login-all', 60, 15 * 60);

export async function signIn(form: FormData): Promise<void> {
  // An action can be called with any body, not only this page's form.
  if (!(form instanceof FormData)) redirect('/insights');
  const access = insightsAccess();
  const keep = periodQuery(form.get('from'), form.get('to'));
  if (access.kind === 'off') redirect('/insights');
  const requestHeaders = await headers();
  const key = clientKey(clientAddress(requestHeaders));
  const wait = (await take(perAddress(), key)) ?? (await take(everyone(), 'all'));
  if (wait) redirect(`/insights?${new URLSearchParams({ ...keep, login: 'wait', s: String(wait) })}`);
  if (!passwordMatches(form.get('password'), access.password)) redirect(`/insights?${new URLSearchParams({ ...keep, login: 'wrong' })}`);
  // A right password does not use up a try: a team behind one address can sign in all day.
  await giveBack(perAddress(), key);
  await giveBack(everyone(), 'all');
  (await cookies()).set(cookieName, sessionCookie(access.password), {
    httpOnly: true,
    sameSite: 'strict',
    secure: overHttps(requestHeaders),
    path: cookiePath,
    maxAge: sessionSeconds,
  });
  const query = new URLSearchParams(keep).toString();
  redirect(query ? `/insights?${query}` : '/insights');
}

export async function signOut(): Promise<void> {
  (await cookies()).delete({ name: cookieName, path: cookiePath });
  redirect('/insights?login=out');
}
