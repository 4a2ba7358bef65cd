/** The environment, or a test's stand-in for it. */
export type Settings = Readonly<Record<string, string | undefined>>;

/**
 * `OUTCOMES=off` (or `0`, `false`, `no`) switches recording off: no store is
 * opened, the routes answer 404, and pages built with it carry no beacon, no
 * pixel and no "Did this help?" form. Kept apart from outcomes/index.ts so a
 * page can ask without pulling in the database drivers.
 */
export function outcomesEnabled(env: Settings = process.env): boolean {
  return !['off', '0', 'false', 'no'].includes((env.OUTCOMES ?? '').trim().toLowerCase());
}
