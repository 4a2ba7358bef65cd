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
 * Shows what a person typed (their site's address, when it started, a Ray
 * ID), so it is rendered per request, under the strict script policy.
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
      <h1 className="page-title">Your message for the host</h1>
      <p className="lede">
        Copy it, email it or download it, and send it with any screenshots you have.
      </p>
      <p className="mt-2 print:hidden">
        <Link href={canonicalHref(state, '/summary')} className="link">
          <span aria-hidden="true">← </span>Back to your answers
        </Link>
      </p>
      <HandoffPanel state={state} title="Details and message" siteAddress={siteAddress} since={since} rayId={rayId} />
    </>
  );
}
