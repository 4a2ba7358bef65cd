import { isDay } from '@/outcomes/period';

/** The period's `from` and `to`, kept across a sign-in when they are days. */
export function periodQuery(from: unknown, to: unknown): Record<string, string> {
  return isDay(from) && isDay(to) ? { from, to } : {};
}
