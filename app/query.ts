/** Search parameters as Next.js passes them to a page. */
export type Query = Record<string, string | string[] | undefined>;

/** The first value of a parameter given once or repeated (`?a=1&a=2`). */
export function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
