import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { canonicalHref, stateFromSegments } from '@/machines/url-state';
import { checkNow, contextOf, refusalOf, type CheckState } from '@/live-check/for-wizard';
import { maxInputLength } from '@/live-check/input';
import { BackToWizard } from '@/app/_components/layout/BackToWizard';
import { LiveCheck } from '@/app/_components/live-check/LiveCheck';

interface Props {
  params: Promise<{ answers?: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export const metadata: Metadata = {
  title: 'Check my site',
  description: 'We open your site from our server and tell you, in plain words, whether it is down for everyone and which part of it sends the error.',
  // A link here with ?url= runs a check: nothing for a search engine to keep or follow.
  robots: { index: false, follow: false },
};

// Rendered per request: the page shows the address a person typed, so it
// carries a strict, per-request script policy (see proxy.ts), and is never
// cached. The path carries the person's wizard answers, so the result can
// add to them. No loading.tsx here: without JavaScript a streamed fallback
// would never be replaced by the result.
export const dynamic = 'force-dynamic';

/** `?run=1`: the second request of a check opened without JavaScript (below). */
const runParam = 'run';

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * `?url=<address>` (the wizard's evidence step sends its plain form here)
 * fills in the form and checks the address. An address no check would run
 * for gets its message at once. Otherwise, with JavaScript, the page starts
 * the streamed check itself; without it, a refresh inside <noscript> asks
 * for the same page with `run=1`, and the server checks before it answers.
 * A browser running scripts never parses that refresh, so a check runs once
 * either way, through the same limits and address vetting.
 */
export default async function CheckPage({ params, searchParams }: Props) {
  const state = stateFromSegments((await params).answers ?? []);
  const query = await searchParams;
  // One past the limit, so an over-long address still gets its message.
  const address = first(query.url)?.slice(0, maxInputLength + 1);
  const context = canonicalHref(state, '');
  const refused = address === undefined ? undefined : refusalOf(address);
  const runNow = address !== undefined && !refused && first(query[runParam]) === '1';
  const served: CheckState | undefined = refused ?? (runNow ? await checkNow(address, await headers(), contextOf(context)) : undefined);
  // encodeURIComponent leaves ' alone, which would end a quoted refresh URL.
  const rerun =
    address !== undefined && !served ? `${canonicalHref(state, '/check')}?url=${encodeURIComponent(address).replaceAll("'", '%27')}&${runParam}=1` : undefined;

  return (
    <>
      <h1 className="page-title">Is my site down for everyone?</h1>
      <p className="lede">Type your site’s address. We’ll open it from our server, the way a visitor’s browser would, and tell you what we see.</p>
      <details className="mt-4 rounded border border-slate-300 dark:border-slate-700">
        <summary className="cursor-pointer px-4 py-3 font-medium">What does the check do?</summary>
        <div className="border-t border-slate-200 px-4 py-3 text-sm dark:border-slate-800">
          <ul className="list-disc space-y-1 pl-5">
            <li>It looks up your site’s name, connects to your server, checks its security certificate, and asks for the page, following up to 5 redirects.</li>
            <li>It reads who answered: your web server (such as Nginx or Apache), or a service in front of it (such as Cloudflare).</li>
            <li>It takes at most 8 seconds and reads only the start of the page. We don’t keep the address or the page.</li>
            <li>It checks only public websites, on the usual ports.</li>
          </ul>
        </div>
      </details>
      <BackToWizard state={state} />
      <LiveCheck context={context} address={address} served={served} autoStart={rerun !== undefined} />
      {rerun && (
        <noscript>
          <meta httpEquiv="refresh" content={`0;url=${rerun}`} />
          <p className="mt-4 rounded-lg border border-slate-300 p-4 font-medium dark:border-slate-700">
            Checking your site. This takes up to 8 seconds. If nothing happens,{' '}
            <a href={rerun} rel="nofollow" className="link">
              see the result
            </a>
            .
          </p>
        </noscript>
      )}
    </>
  );
}
