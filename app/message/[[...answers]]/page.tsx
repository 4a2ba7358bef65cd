import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { requestOrigin } from '@/content/site-origin';
import Link from 'next/link';
import { canonicalHref, stateFromSegments } from '@/machines/url-state';
import { HandoffPanel } from '@/app/_components/handoff/HandoffPanel';
import { parseRayId, parseSiteAddress, parseSince } from '@/handoff/message';
import { firstValue, type Query } from '@/app/query';

interface Props {
  params: Promise<{ answers?: string[] }>;
  searchParams: Promise<Query>;
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
  const siteAddress = parseSiteAddress(firstValue(query.site));
  const since = parseSince(firstValue(query.since));
  const rayId = parseRayId(firstValue(query.ray));

  return (
    <>
      <h1 className="page-title">Your message for the host</h1>
      <p className="lede">Copy it, email it or download it, and send it with any screenshots you have.</p>
      <p className="mt-2 print:hidden">
        <Link href={canonicalHref(state, '/summary')} className="link">
          <span aria-hidden="true">← </span>Back to your answers
        </Link>
      </p>
      <HandoffPanel state={state} origin={requestOrigin(await headers())} title="Details and message" siteAddress={siteAddress} since={since} rayId={rayId} />
    </>
  );
}
