import Link from 'next/link';

export const metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <div className="prose prose-slate dark:prose-invert">
      <h1>We couldn’t find that page</h1>
      <p>The link may be cut short or mistyped. Your site is still the priority, so let’s get back to it.</p>
      <p>
        <Link href="/fix">Start the troubleshooter</Link> or go to the <Link href="/">home page</Link>.
      </p>
    </div>
  );
}
