import { site } from '@/content/site';
import { staticOrigin } from '@/content/site-origin';
import { canonicalHref, type WizardState } from '@/machines/url-state';
import { composeHandoff, type FieldResult } from '@/handoff/message';
import { describeJourney } from '@/handoff/journey';
import { HandoffMessage } from './HandoffMessage';
import { SupportContact } from './SupportContact';

interface Props {
  state: WizardState;
  /**
   * This site's origin for the progress link: per-request pages pass
   * `requestOrigin`'s; pages built once use the site's address, if set. With
   * none the browser supplies its own.
   */
  origin?: string;
  title?: string;
  /** What the person typed, on the per-request message page; absent on static pages. */
  siteAddress?: FieldResult;
  since?: FieldResult;
  rayId?: FieldResult;
}

/**
 * The hand-off: what only the person can tell (the site's address, when it
 * started, a Ray ID), then the message, ready to copy, email, download or
 * print. The form is a plain GET form, so it works without JavaScript.
 */
export async function HandoffPanel({ state, origin = staticOrigin(), title = 'Your message for the host', siteAddress, since, rayId }: Props) {
  // Only someone who may have a CDN in front can have a Ray ID to give.
  const asksRayId = state.context.facts.cdn !== 'no';
  if (!asksRayId) rayId = undefined;
  const { facts, tried, findings, liveCheck } = await describeJourney(state);
  const progressPath = canonicalHref(state);
  const message = composeHandoff({
    findings,
    liveCheck,
    facts: facts.filter((f) => f.fact !== 'role').map((f) => ({ name: f.ownName, value: f.value })),
    tried,
    siteAddress: siteAddress?.value,
    since: since?.value,
    rayId: rayId?.value,
    progressUrl: `${origin ?? ''}${progressPath}`,
  });
  const fields = [
    { id: 'site', result: siteAddress },
    { id: 'since', result: since },
    { id: 'ray', result: rayId },
  ].filter((f) => f.result?.error);

  return (
    <section aria-labelledby="handoff-heading" className="mt-12">
      <h2 id="handoff-heading" className="text-2xl font-semibold">
        {title}
      </h2>
      <SupportContact />

      <form method="get" action={canonicalHref(state, '/message')} className="mt-6 grid gap-4 print:hidden" noValidate>
        {fields.length > 0 && (
          <div role="alert" className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 dark:border-red-400 dark:bg-red-950/40">
            <p className="font-semibold">Please check {fields.length === 1 ? 'this answer' : 'these answers'}:</p>
            <ul className="mt-1 list-disc pl-5">
              {fields.map((f) => (
                <li key={f.id}>
                  <a href={`#${f.id}`} className="underline">
                    {f.result!.error}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div>
          <label htmlFor="site" className="font-medium">
            Your site’s address <span className="font-normal text-slate-600 dark:text-slate-400">(optional)</span>
          </label>
          {siteAddress?.error && (
            <p id="site-error" className="error-text">
              <span className="sr-only">Error: </span>
              {siteAddress.error}
            </p>
          )}
          <input
            id="site"
            name="site"
            type="text"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            maxLength={400}
            defaultValue={siteAddress?.raw}
            aria-invalid={siteAddress?.error ? true : undefined}
            aria-describedby={siteAddress?.error ? 'site-error' : undefined}
            placeholder="example.com"
            className="field"
          />
        </div>
        <div>
          <label htmlFor="since" className="font-medium">
            When did the problem start? <span className="font-normal text-slate-600 dark:text-slate-400">(optional)</span>
          </label>
          <p id="since-hint" className="hint">
            For example “today around 9:30, UK time”. A time helps them find the right lines in the server’s logs.
          </p>
          {since?.error && (
            <p id="since-error" className="error-text">
              <span className="sr-only">Error: </span>
              {since.error}
            </p>
          )}
          <input
            id="since"
            name="since"
            type="text"
            maxLength={240}
            defaultValue={since?.raw}
            aria-invalid={since?.error ? true : undefined}
            aria-describedby={since?.error ? 'since-hint since-error' : 'since-hint'}
            className="field"
          />
        </div>
        {asksRayId && (
          <div>
            <label htmlFor="ray" className="font-medium">
              Cloudflare Ray ID <span className="font-normal text-slate-600 dark:text-slate-400">(optional)</span>
            </label>
            <p id="ray-hint" className="hint">
              If the error page says “Cloudflare Ray ID” at the bottom, copy the code after it: it points to your exact failed visit.
            </p>
            {rayId?.error && (
              <p id="ray-error" className="error-text">
                <span className="sr-only">Error: </span>
                {rayId.error}
              </p>
            )}
            <input
              id="ray"
              name="ray"
              type="text"
              spellCheck={false}
              autoCapitalize="off"
              maxLength={80}
              defaultValue={rayId?.raw}
              aria-invalid={rayId?.error ? true : undefined}
              aria-describedby={rayId?.error ? 'ray-hint ray-error' : 'ray-hint'}
              className="field font-mono"
            />
          </div>
        )}
        <p>
          <button type="submit" className="button">
            Add to the message
          </button>
        </p>
      </form>

      <HandoffMessage message={message} to={site.support.email} relativeLink={origin ? undefined : progressPath} />
    </section>
  );
}
