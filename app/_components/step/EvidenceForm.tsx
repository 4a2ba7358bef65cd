import { canonicalHref, type WizardState } from '@/machines/url-state';

/**
 * The evidence step: the address goes to the live check as a plain GET
 * form, so it works without JavaScript and the step page stays static.
 * The check's result link answers this step and the questions it settled.
 */
export function EvidenceForm({ state }: { state: WizardState }) {
  return (
    <section aria-labelledby="evidence-form-heading" className="mt-8 rounded-lg border-2 border-blue-700 p-4 dark:border-blue-400">
      <h2 id="evidence-form-heading" className="text-lg font-semibold">
        Check my site
      </h2>
      <form method="get" action={canonicalHref(state, '/check')} className="mt-2">
        <label htmlFor="evidence-url" className="block font-medium">
          Your site’s address
        </label>
        <p id="evidence-url-hint" className="hint">
          For example example.com or https://www.example.com/shop
        </p>
        <div className="mt-2 flex flex-wrap gap-3">
          <input
            id="evidence-url"
            name="url"
            type="text"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            required
            maxLength={2000}
            aria-describedby="evidence-url-hint"
            className="field mt-0 min-w-0 flex-1"
          />
          <button type="submit" className="button">
            Check it
          </button>
        </div>
      </form>
      <p className="mt-4">
        Have lines from your error log instead? {/* A full page load, for the explainer's strict script policy. */}
        <a href={canonicalHref(state, '/explain')} className="link font-medium">
          Explain my error log
        </a>
      </p>
    </section>
  );
}
