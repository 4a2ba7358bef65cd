import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { InsightsReport } from '@/app/_components/insights/InsightsReport';
import { loadLabels } from '@/app/_components/insights/labels';
import { insightsFor } from '@/outcomes/aggregate';
import { openOutcomes, outcomesEnabled } from '@/outcomes/index';
import { defaultDays, lastDays, periodFrom, type Period } from '@/outcomes/period';
import { dayOf } from '@/outcomes/record';
import { cookieName, insightsAccess, minPasswordLength, sessionValid } from '@/security/insights-session';
import { signIn, signOut } from './actions';
import { periodQuery } from './period-query';

export const metadata: Metadata = {
  title: 'Insights',
  description: 'What the troubleshooter’s journeys turned out to be, for the team that runs it.',
  robots: { index: false, follow: false },
};

// Rendered per request and never cached: it reads the sign-in cookie, and its figures change.
export const dynamic = 'force-dynamic';

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function SwitchedOff({ reason }: { reason: 'unset' | 'short' }) {
  return (
    <>
      <h1 className="page-title">Insights are switched off</h1>
      <p className="lede">This page shows the team that runs the troubleshooter which fixes worked. It shows nothing until the team sets a password.</p>
      <p className="mt-4">
        {reason === 'short' ? `The password in INSIGHTS_PASSWORD is shorter than ${minPasswordLength} characters, so it is not used. ` : 'To switch it on, '}
        set <code className="code">INSIGHTS_PASSWORD</code> to a password of at least {minPasswordLength} characters in the server’s settings and restart the
        app.
      </p>
    </>
  );
}

function SignIn({ login, wait, keep }: { login?: string; wait?: string; keep: Record<string, string> }) {
  // The wait comes from the link, so it is only trusted as far as the limit goes: 1 to 15 minutes.
  const minutes = Math.min(15, Math.max(1, Math.ceil(Number(wait) / 60) || 1));
  const error =
    login === 'wrong'
      ? 'That password is not right. Check it and try again.'
      : login === 'wait'
        ? `Too many tries. Wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}, then try again.`
        : undefined;
  return (
    <>
      <h1 className="page-title">Insights</h1>
      <p className="lede">Which fixes worked, where people stopped, and what the evidence said. For the team that runs this troubleshooter.</p>
      {login === 'out' ? (
        <p role="status" className="mt-4">
          You are signed out.
        </p>
      ) : null}
      <form action={signIn} className="mt-6 max-w-sm space-y-3">
        {Object.entries(keep).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div>
          <label htmlFor="password" className="font-medium">
            Team password
          </label>
          <input
            id="password"
            name="password"
            type="password"
            required
            autoComplete="current-password"
            aria-describedby={error ? 'password-error' : undefined}
            aria-invalid={error ? true : undefined}
            className="field"
          />
          {error ? (
            <p id="password-error" role="alert" className="error-text mt-1">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button">
          Sign in
        </button>
      </form>
    </>
  );
}

function PeriodForm({ period, problem }: { period: Period; problem?: string }) {
  const presets = [7, 28, 91, 365].map((days) => ({ days, ...lastDays(days, dayOf()) }));
  return (
    <form method="get" action="/insights" className="mt-6 rounded-lg border border-slate-300 p-4 dark:border-slate-700">
      <fieldset>
        <legend className="font-medium">Period (whole days, UTC)</legend>
        {problem ? (
          <p role="alert" className="error-text mt-1">
            {problem} This shows the last {defaultDays} days instead.
          </p>
        ) : null}
        <div className="mt-2 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="from" className="block text-sm">
              From
            </label>
            <input id="from" name="from" type="date" defaultValue={period.from} required className="field w-auto" />
          </div>
          <div>
            <label htmlFor="to" className="block text-sm">
              To
            </label>
            <input id="to" name="to" type="date" defaultValue={period.to} required className="field w-auto" />
          </div>
          <button type="submit" className="button">
            Show
          </button>
        </div>
      </fieldset>
      <p className="mt-3 text-sm">
        Or the last:{' '}
        {presets.map((p, i) => (
          <span key={p.days}>
            {i ? ' · ' : ''}
            <a className="link" href={`/insights?${new URLSearchParams({ from: p.from, to: p.to })}`}>
              {p.days} days
            </a>
          </span>
        ))}
      </p>
    </form>
  );
}

export default async function InsightsPage({ searchParams }: Props) {
  const access = insightsAccess();
  if (access.kind === 'off') return <SwitchedOff reason={access.reason} />;
  const query = await searchParams;
  const from = first(query.from);
  const to = first(query.to);
  if (!sessionValid((await cookies()).get(cookieName)?.value, access.password)) {
    return <SignIn login={first(query.login)} wait={first(query.s)} keep={periodQuery(from, to)} />;
  }

  const { period, problem } = periodFrom(from, to, dayOf());
  const recording = outcomesEnabled();
  const outcomes = recording ? await openOutcomes() : undefined;
  const insights = outcomes
    ? await insightsFor(outcomes.store, period).catch((error: Error) => {
        console.error(`Insights: cannot read the outcome store (${error.message}).`);
        return undefined;
      })
    : undefined;
  const range = new URLSearchParams({ from: period.from, to: period.to }).toString();

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h1 className="page-title">Insights</h1>
        <form action={signOut}>
          <button type="submit" className="button-outline">
            Sign out
          </button>
        </form>
      </div>
      <p className="lede">
        What the journeys from {period.from} to {period.to} turned out to be. Counted without cookies or addresses: each step shown, each ending reached, each
        answer to “Did this help?”, by day.
      </p>
      <PeriodForm period={period} problem={problem} />
      {!recording ? (
        <p role="status" className="mt-6">
          Recording is switched off on this server (<code className="code">OUTCOMES=off</code>), so there is nothing to show.
        </p>
      ) : !insights ? (
        <p role="alert" className="mt-6">
          The outcome store cannot be read right now. The troubleshooter itself keeps working; try this page again in a minute, and see the server’s log for
          why.
        </p>
      ) : (
        <InsightsReport insights={insights} labels={await loadLabels()} exportHref={(table) => `/insights/export?${range}&table=${table}`} />
      )}
    </>
  );
}
