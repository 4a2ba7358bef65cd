import type { Metadata } from 'next';
import Link from 'next/link';
import { canonicalHref, stateFromSegments } from '../../../machines/url-state';
import { HandoffPanel } from '../../_components/handoff/HandoffPanel';
import { parseRayId, parseSiteAddress, parseSince } from '../../_lib/handoff';

interface Props {
  params: Promise<{ answers?: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export const metadata: Metadata = {
  title: 'Your message for the host',
  robots: { index: false },
};

/**
 * The only wizard page that shows what a person typed (their site's
 * address and when it started), so the only one rendered per request.
 */
export default async function MessagePage({ params, searchParams }: Props) {
  const state = stateFromSegments((await params).answers ?? []);
  const query = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const siteAddress = parseSiteAddress(first(query.site));
  const since = parseSince(first(query.since));
  const rayId = parseRayId(first(query.ray));

  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Your message for the host</h1>
      <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">
        Copy it, email it or download it, and send it with any screenshots you have.
      </p>
      <p className="mt-2 print:hidden">
        <Link href={canonicalHref(state, '/summary')} className="text-blue-800 underline underline-offset-2 dark:text-blue-300">
          <span aria-hidden="true">← </span>Back to your answers
        </Link>
      </p>
      <HandoffPanel state={state} title="Details and message" siteAddress={siteAddress} since={since} rayId={rayId} />
    </>
  );
}
