import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { requestOrigin } from '@/content/site-origin';
import Link from 'next/link';
import { LinkBuilder } from '@/app/_components/library/LinkBuilder';
import { readChoice } from '@/app/steps/context-link';
import type { Query } from '@/app/query';
import { builderOptions } from '@/app/steps/library';

export const metadata: Metadata = {
  title: 'Link for your customer',
  robots: { index: false },
};

interface Props {
  searchParams: Promise<Query>;
}

/** The link builder's answer without JavaScript: built from the submitted form, per request. */
export default async function BuiltLinkPage({ searchParams }: Props) {
  const options = await builderOptions();
  const choice = readChoice(await searchParams, options);
  return (
    <>
      <h1 className="page-title">Link for your customer</h1>
      <p className="lede">Copy the link below, or change your choices and make it again.</p>
      <p className="mt-2">
        <Link href="/steps" className="link">
          <span aria-hidden="true">← </span>All steps
        </Link>
      </p>
      <div className="mt-6 rounded-lg bg-slate-100 p-4 dark:bg-slate-900">
        <LinkBuilder options={options} initial={choice} origin={requestOrigin(await headers())} />
      </div>
    </>
  );
}
