import type { ReactNode } from 'react';

/**
 * Small drawings of the error pages people meet, made with HTML and CSS
 * (no screenshots, no logos), each with a description for screen readers.
 * They stay light in dark mode, like the real pages.
 */

function Frame({ children, className = '' }: { children: ReactNode; className?: string }) {
  return (
    <div aria-hidden="true" className={`flex h-36 flex-col overflow-hidden rounded border border-slate-300 bg-white p-3 text-left text-slate-900 ${className}`}>
      {children}
    </div>
  );
}

function Hop({ name, state, bad }: { name: string; state: string; bad?: boolean }) {
  return (
    <div className="flex flex-1 flex-col items-center text-center">
      <span className={`grid h-6 w-6 place-items-center rounded-full text-xs font-bold text-white ${bad ? 'bg-red-600' : 'bg-green-600'}`}>
        {bad ? '✕' : '✓'}
      </span>
      <span className="mt-0.5 text-[10px] leading-tight">{name}</span>
      <span className={`text-[10px] font-semibold leading-tight ${bad ? 'text-red-700' : 'text-green-700'}`}>{state}</span>
    </div>
  );
}

function CdnPage({ title, code }: { title: string; code: string }) {
  return (
    <Frame>
      <p className="text-base font-light leading-tight">
        {title} <span className="text-xs text-slate-600">Error code {code}</span>
      </p>
      <div className="mt-3 flex">
        <Hop name="Browser" state="Working" />
        <Hop name="Cloudflare" state="Working" />
        <Hop name="Host" state="Error" bad />
      </div>
      <p className="mt-auto border-t border-slate-200 pt-1 text-[10px] text-slate-600">Cloudflare Ray ID: 8c1f2e3d4b5a6978</p>
    </Frame>
  );
}

/**
 * The bare page Nginx writes, and the one Cloudflare writes when it fails
 * itself: the same layout, told apart only by the word under the line.
 */
function PlainPage({ by }: { by: string }) {
  return (
    <Frame className="items-center justify-center font-serif">
      <p className="text-xl font-bold">502 Bad Gateway</p>
      <hr className="my-2 w-full border-slate-300" />
      <p className="text-sm">{by}</p>
    </Frame>
  );
}

export const errorPageDrawings: Record<string, { drawing: ReactNode; description: string }> = {
  'cloudflare-502': {
    drawing: <CdnPage title="Bad gateway" code="502" />,
    description:
      'Cloudflare’s branded page: headed “Bad gateway, Error code 502”, with three icons in a row (your browser and Cloudflare marked “Working”, the host marked “Error”) and a “Cloudflare Ray ID” at the bottom.',
  },
  'cloudflare-plain': {
    drawing: <PlainPage by="cloudflare" />,
    description:
      'A plain white page with “502 Bad Gateway” in bold in the middle, a line, and the word “cloudflare” under it. No icons and no Ray ID. It looks like Nginx’s page; only the word under the line differs.',
  },
  'cloudflare-52x': {
    drawing: <CdnPage title="Web server is down" code="521" />,
    description:
      'Cloudflare’s branded layout with an error code from 520 to 530 and a heading such as “Web server is down”, “Connection timed out” or “SSL handshake failed”.',
  },
  nginx: {
    drawing: <PlainPage by="nginx" />,
    description: 'A plain white page with “502 Bad Gateway” in bold in the middle, a line, and the word “nginx” under it, sometimes with a version number.',
  },
  apache: {
    drawing: (
      <Frame className="font-serif">
        <p className="text-lg font-bold">Proxy Error</p>
        <p className="mt-1 text-[11px] leading-snug">The proxy server received an invalid response from an upstream server.</p>
        <p className="mt-1 text-[11px]">Reason: Error reading from remote server</p>
        <hr className="mt-auto border-slate-300" />
        <p className="text-[10px] italic">Apache Server at example.com Port 443</p>
      </Frame>
    ),
    description:
      'A plain page headed “Proxy Error”, saying the proxy server received an invalid response from an upstream server, with a line about Apache at the bottom.',
  },
  host: {
    drawing: (
      <Frame className="p-0">
        <div className="flex items-center gap-2 bg-indigo-700 px-3 py-2 text-white">
          <span className="h-4 w-4 rounded-full bg-white/80" />
          <span className="text-xs font-semibold">Your hosting company</span>
        </div>
        <div className="p-3">
          <p className="text-sm font-semibold">This site is temporarily unavailable</p>
          <p className="mt-1 text-[11px] text-slate-600">Error 502. Please try again later.</p>
        </div>
      </Frame>
    ),
    description: 'A page in the colours and logo of a hosting company, saying the site is unavailable, sometimes with the number 502.',
  },
  browser: {
    drawing: (
      <Frame className="bg-slate-50">
        <span className="mb-2 block h-7 w-6 rounded-sm border-2 border-slate-500" />
        <p className="text-sm font-semibold">This site can’t be reached</p>
        <p className="mt-1 text-[11px] text-slate-600">example.com took too long to respond.</p>
        <p className="mt-auto text-[10px] text-slate-600">ERR_CONNECTION_TIMED_OUT</p>
      </Frame>
    ),
    description:
      'Your browser’s own grey page, such as “This site can’t be reached”, “Unable to connect” or “Safari can’t open the page”, with a code like ERR_CONNECTION_TIMED_OUT. No page from the site at all.',
  },
  'not-sure': {
    drawing: (
      <Frame className="items-center justify-center bg-slate-50">
        <p className="text-4xl font-bold text-slate-500">?</p>
      </Frame>
    ),
    description: 'Something else, or you can’t tell.',
  },
};
