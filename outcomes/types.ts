/** The rows a journey gives the store; see migrations.ts for the columns. */

export interface ViewRow {
  kind: 'view';
  day: string;
  step: string;
  /** The step whose answer led here, '' on a journey's first page: what went on from each step, and so where people left. */
  from_step: string;
  machine_version: string;
  views: number;
  starts: number;
}

export const endingIds = ['fixed', 'handoff', 'visitor-end'] as const;
export type Ending = (typeof endingIds)[number];

export function isEnding(value: unknown): value is Ending {
  return (endingIds as readonly unknown[]).includes(value);
}

export interface OutcomeRow {
  kind: 'outcome';
  day: string;
  machine_version: string;
  ending: Ending;
  /** The fix answered "fixed"; '' for the other endings. */
  fixed_by: string;
  /** Fix steps with their answers, in order: `step=answer/…`. */
  tried: string;
  tried_count: number;
  /** The answers the journey used, as its link carries them, without `/fix/`. */
  path: string;
  error_page: string;
  cf_code: string;
  /** Log finding ids and live-check tokens, `+`-joined as links carry them. */
  found: string;
  checked: string;
}

export interface HelpfulRow {
  kind: 'helpful';
  day: string;
  ending: Ending;
  fixed_by: string;
  machine_version: string;
  answer: 'yes' | 'no';
  votes: number;
}

export type Row = ViewRow | OutcomeRow | HelpfulRow;

/** One write: counters already added up per key, so no statement touches a row twice. */
export interface Batch {
  views: ViewRow[];
  outcomes: OutcomeRow[];
  helpful: HelpfulRow[];
}

export interface Store {
  /** Says where it writes, for the log, with no password in it. */
  readonly name: string;
  /** Creates the tables and applies missing migrations; running it again changes nothing. */
  migrate(): Promise<void>;
  /** Writes the batch in one transaction; resolves only after the commit. */
  write(batch: Batch): Promise<void>;
  /** A read with `?` parameters, for the insights page and tests; numbers come back as numbers. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly (string | number)[]): Promise<T[]>;
  close(): Promise<void>;
}
