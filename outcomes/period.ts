/**
 * The period the insights page shows: whole UTC days, as the store keeps
 * them (`YYYY-MM-DD`, which sorts and compares as text in both databases).
 */

export interface Period {
  from: string;
  to: string;
}

/** The longest period one page shows: a year, leap day included. */
export const maxDays = 366;
export const defaultDays = 28;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const msPerDay = 86_400_000;

/** Years a day may have: outside them, date arithmetic leaves the four-digit form that sorts as text. */
const firstYear = 2000;
const lastYear = 2999;

export function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !dayPattern.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (year < firstYear || year > lastYear) return false;
  const date = new Date(`${value}T00:00:00Z`);
  // 2026-02-30 parses as March the 2nd: only a day that reads back the same is real.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * msPerDay).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / msPerDay);
}

/** The last `days` days up to and including `today`. */
export function lastDays(days: number, today: string): Period {
  return { from: addDays(today, -(days - 1)), to: today };
}

/** `period` is what to show; `problem`, when set, says in a sentence why the period asked for is not it. */
export type PeriodResult = { period: Period; problem?: string };

/**
 * The period a link asks for, or the last 28 days and the reason the asked
 * one was not used: a typed link must never fail the page.
 */
export function periodFrom(from: unknown, to: unknown, today: string): PeriodResult {
  const fallback = lastDays(defaultDays, today);
  if (from === undefined && to === undefined) return { period: fallback };
  if (!isDay(from) || !isDay(to)) return { period: fallback, problem: `Those are not days we can read (YYYY-MM-DD, from ${firstYear} to ${lastYear}).` };
  if (from > to) return { period: fallback, problem: 'The first day comes after the last.' };
  if (daysBetween(from, to) + 1 > maxDays) return { period: fallback, problem: `A period can be at most ${maxDays} days.` };
  return { period: { from, to } };
}

/** The Monday that starts a day's ISO week. */
export function weekOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}
