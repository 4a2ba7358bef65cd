import type { Metadata } from 'next';
import { staticOrigin } from '@/content/site-origin';
import { LinkBuilder } from '@/app/_components/library/LinkBuilder';
import { StepFilter } from '@/app/_components/library/StepFilter';
import { StepLibrary } from '@/app/_components/library/StepLibrary';
import { builderOptions } from './library';

export const metadata: Metadata = {
  title: 'All steps',
  description: 'Every step of the troubleshooter with a direct link, and a link builder for support teams.',
};

export default async function StepsPage() {
  return (
    <>
      <h1 className="page-title">All steps</h1>
      <p className="lede">
        Every step of the troubleshooter, in the order people meet them. Each has a short link that opens it directly: paste it into a ticket or a chat.
      </p>
      <p className="mt-2">
        <a href="#link-builder" className="link">
          Make a link for a customer whose setup you know
        </a>
      </p>
      <StepFilter listId="step-library" />
      <StepLibrary id="step-library" />
      <section id="link-builder" aria-labelledby="builder-heading" className="mt-14 rounded-lg bg-slate-100 p-4 dark:bg-slate-900">
        <h2 id="builder-heading" className="text-xl font-semibold">
          Make a link with the customer’s setup
        </h2>
        <p className="mt-1 mb-4">Answer what you already know; the customer skips those questions.</p>
        <LinkBuilder options={await builderOptions()} initial={{ facts: {} }} origin={staticOrigin()} />
      </section>
    </>
  );
}
