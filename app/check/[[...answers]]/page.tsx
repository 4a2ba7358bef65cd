import type { Metadata } from 'next';
import { canonicalHref, stateFromSegments } from '@/machines/url-state';
import { BackToWizard } from '@/app/_components/layout/BackToWizard';
import { LiveCheck } from '@/app/_components/live-check/LiveCheck';

interface Props {
  params: Promise<{ answers?: string[] }>;
}

export const metadata: Metadata = {
  title: 'Check my site',
  description: 'We open your site from our server and tell you, in plain words, whether it is down for everyone and which part of it sends the error.',
};

// Rendered per request: the page shows the address a person typed, so it
// carries a strict, per-request script policy (see proxy.ts). The path
// carries the person's wizard answers, so the result can add to them.
export const dynamic = 'force-dynamic';

export default async function CheckPage({ params }: Props) {
  const state = stateFromSegments((await params).answers ?? []);
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
      <LiveCheck context={canonicalHref(state, '')} />
    </>
  );
}
