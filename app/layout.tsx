import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { site } from '@/content/site';
import { FocusHeading } from '@/app/_components/layout/FocusHeading';
import './globals.css';

export const metadata: Metadata = {
  // Canonical links are absolute on the site's address when it is set; without it they stay
  // paths (Next.js would otherwise make them localhost ones).
  metadataBase: site.siteUrl ? new URL(site.siteUrl) : undefined,
  title: { default: `${site.productName}: fix “502 Bad Gateway”, step by step`, template: `%s · ${site.productName}` },
  description:
    'Your site shows “502 Bad Gateway”? Answer one question at a time and get plain-language fixes, from a simple reload to restarting PHP-FPM, or a ready message for your host.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#020617' },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-amber-300 focus:px-3 focus:py-2 focus:text-slate-950"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 dark:border-slate-800">
          <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3">
            <Link href="/" className="font-semibold tracking-tight text-slate-900 no-underline dark:text-white">
              <span aria-hidden="true" className="mr-2 inline-block h-3 w-3 rounded-sm bg-blue-700 dark:bg-blue-400" />
              {site.productName}
            </Link>
            <nav aria-label="Site" className="print:hidden">
              <ul className="flex gap-4 text-sm" role="list">
                <li>
                  <Link href="/steps" className="link underline-offset-4">
                    All steps
                  </Link>
                </li>
                <li>
                  <Link href="/map" className="link underline-offset-4">
                    Flow map
                  </Link>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <FocusHeading />
        <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-6 sm:py-10">
          {children}
        </main>
        <footer className="border-t border-slate-200 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
          <p className="mx-auto max-w-3xl px-4 py-4">Every step has its own address: bookmark it or send it to someone, and it opens right here.</p>
        </footer>
      </body>
    </html>
  );
}
