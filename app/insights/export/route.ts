import { cookies } from 'next/headers';
import { exportCsv, isExportTable } from '@/outcomes/csv';
import { openOutcomes, outcomesEnabled } from '@/outcomes/index';
import { periodFrom } from '@/outcomes/period';
import { dayOf } from '@/outcomes/record';
import { cookieName, insightsAccess, sessionValid } from '@/security/insights-session';

/**
 * `GET /insights/export?table=outcomes|steps|helpful&from=…&to=…`: the
 * stored rows as CSV, for the team signed in to /insights and nobody else.
 */

export const dynamic = 'force-dynamic';

const plain = (status: number, text: string) =>
  new Response(`${text}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow' },
  });

export async function GET(request: Request): Promise<Response> {
  const access = insightsAccess();
  if (access.kind === 'off') return plain(404, 'Insights are switched off on this server.');
  if (!sessionValid((await cookies()).get(cookieName)?.value, access.password)) {
    return plain(401, 'Sign in at /insights first, then download the figures from there.');
  }
  const query = new URL(request.url).searchParams;
  const table = query.get('table');
  if (!isExportTable(table)) return plain(400, 'Ask for one table: outcomes, steps or helpful.');
  const { period, problem } = periodFrom(query.get('from') ?? undefined, query.get('to') ?? undefined, dayOf());
  if (problem) return plain(400, problem);
  const outcomes = outcomesEnabled() ? await openOutcomes() : undefined;
  if (!outcomes) return plain(503, 'The outcome store cannot be read right now.');
  try {
    const csv = await exportCsv(outcomes.store, table, period);
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${table}-${period.from}-${period.to}.csv"`,
        'Cache-Control': 'no-store',
        'X-Robots-Tag': 'noindex, nofollow',
      },
    });
  } catch {
    return plain(503, 'The outcome store cannot be read right now.');
  }
}
