import Link from 'next/link';
import { machineVersion } from '@/machines/version';
import { ContinueLink } from '@/app/_components/progress/ContinueLink';

const faq: { q: string; a: string; link?: { href: string; label: string } }[] = [
  {
    q: 'Is my site broken for good?',
    a: 'Almost never. A 502 means two programs that build your pages have stopped talking to each other for a moment. Most causes are fixed by a restart, a setting, or your host.',
  },
  {
    q: 'Do I need to be technical?',
    a: 'No. The first steps need only a browser. Later steps say up front what access they need, and you can always answer “I can’t do this”: we’ll then prepare a clear message for your host.',
  },
  {
    q: 'Can you tell me whether it’s down for everyone?',
    a: 'Yes. Our live check opens your site from our server and tells you in plain words what it sees, including which part of your setup sends the error.',
    link: { href: '/check', label: 'Check my site' },
  },
  {
    q: 'I’m only visiting this site. Can I fix it?',
    a: 'Only the site’s owner can fix the site itself, but a couple of quick checks on your side rule out your own device. Start, and choose “I’m visiting”.',
  },
  {
    q: 'Can I stop and come back?',
    a: 'Yes. Every step has its own address, holding your answers. Bookmark it, or send it to whoever helps you: it opens at the same step.',
  },
];

export default function Home() {
  return (
    <>
      <h1 className="text-4xl font-bold tracking-tight text-balance sm:text-5xl">Your site says “502 Bad Gateway”? Let’s fix it.</h1>
      <div className="mt-6 max-w-prose space-y-3 text-lg text-slate-700 dark:text-slate-300">
        <p>
          Behind most websites, one server passes each visit on to another that builds the page. A 502 means that hand-off failed: the first server asked, and
          got no usable answer.
        </p>
        <p>We’ll find out why together: one question or one fix at a time, simplest first, in plain language.</p>
      </div>
      <p className="mt-8">
        <Link
          href="/fix"
          className="inline-block rounded-md bg-blue-700 px-6 py-3 text-lg font-semibold text-white no-underline hover:bg-blue-800 dark:bg-blue-500 dark:text-slate-950 dark:hover:bg-blue-400"
        >
          Start troubleshooting
        </Link>
      </p>
      <p className="mt-3 hint">Takes from 2 minutes. Nothing to install, no sign-up.</p>
      <ContinueLink version={machineVersion} />

      <section aria-labelledby="faq-heading" className="mt-14">
        <h2 id="faq-heading" className="text-2xl font-semibold">
          Questions people ask
        </h2>
        <dl className="mt-4 space-y-5">
          {faq.map(({ q, a, link }) => (
            <div key={q}>
              <dt className="font-semibold">{q}</dt>
              <dd className="mt-1 text-slate-700 dark:text-slate-300">
                {a}
                {link && (
                  <>
                    {' '}
                    {/* A full page load: the live check's page needs its own strict script policy. */}
                    <a href={link.href} className="link">
                      {link.label}
                    </a>
                  </>
                )}
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
