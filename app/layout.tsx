import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import './globals.css';

export const metadata: Metadata = {
  title: { default: '502 Troubleshooter: fix “502 Bad Gateway”, step by step', template: '%s · 502 Troubleshooter' },
  description: 'Your site shows “502 Bad Gateway”? Answer one question at a time and get plain-language fixes, from a simple reload to restarting PHP-FPM, or a ready message for your host.',
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
          <div className="mx-auto max-w-3xl px-4 py-3">
            <Link href="/" className="font-semibold tracking-tight text-slate-900 no-underline dark:text-white">
              <span aria-hidden="true" className="mr-1 rounded bg-blue-700 px-1.5 py-0.5 font-mono text-sm text-white">502</span> Troubleshooter
            </Link>
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-6 sm:py-10">
          {children}
        </main>
        <footer className="border-t border-slate-200 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
          <p className="mx-auto max-w-3xl px-4 py-4">
            Every step has its own address: bookmark it or send it to someone, and it opens right here.
          </p>
        </footer>
      </body>
    </html>
  );
}
