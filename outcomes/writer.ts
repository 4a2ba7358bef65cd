import type { Batch, HelpfulRow, Row, Store, ViewRow } from './types';

/**
 * Puts rows on a bounded in-memory queue and writes them in batches: one
 * transaction 25 ms after the first row comes in, or at 500 rows, whichever
 * is first, and one batch at a time. A message's promise resolves only
 * after its batch has committed, so the route acknowledges nothing that is
 * not stored. A batch whose commit fails is dropped, never retried (a retry
 * could store rows twice), and its messages are told so: the store being
 * down costs outcomes, never pages. The log says so once when drops start
 * and once when writes work again.
 */

export class QueueFull extends Error {
  constructor() {
    super('the outcome queue is full');
  }
}

export class Dropped extends Error {}

export interface WriterOptions {
  /** How long the first queued row waits for others, in ms. */
  delayMs?: number;
  /** A batch is written at once when it reaches this many rows. */
  batchRows?: number;
  /** Rows waiting at most; a message past it is refused at once. */
  maxQueued?: number;
  log?: (line: string) => void;
}

interface Waiting {
  rows: Row[];
  resolve: () => void;
  reject: (error: Error) => void;
}

/** Adds up counters with the same key, so one statement never touches a row twice. */
export function batchOf(rows: readonly Row[]): Batch {
  const views = new Map<string, ViewRow>();
  const helpful = new Map<string, HelpfulRow>();
  const batch: Batch = { views: [], outcomes: [], helpful: [] };
  for (const row of rows) {
    if (row.kind === 'view') {
      const key = `${row.day}\n${row.step}\n${row.from_step}\n${row.machine_version}`;
      const kept = views.get(key);
      if (kept) {
        kept.views += row.views;
        kept.starts += row.starts;
      } else views.set(key, { ...row });
    } else if (row.kind === 'helpful') {
      const key = `${row.day}\n${row.ending}\n${row.fixed_by}\n${row.machine_version}\n${row.answer}`;
      const kept = helpful.get(key);
      if (kept) kept.votes += row.votes;
      else helpful.set(key, { ...row });
    } else batch.outcomes.push(row);
  }
  batch.views = [...views.values()];
  batch.helpful = [...helpful.values()];
  return batch;
}

export class Writer {
  readonly #store: Store;
  readonly #delayMs: number;
  readonly #batchRows: number;
  readonly #maxQueued: number;
  readonly #log: (line: string) => void;
  #queue: Waiting[] = [];
  #queuedRows = 0;
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> | undefined;
  #down = false;

  constructor(store: Store, { delayMs = 25, batchRows = 500, maxQueued = 10_000, log = (line) => console.error(line) }: WriterOptions = {}) {
    this.#store = store;
    this.#delayMs = delayMs;
    this.#batchRows = batchRows;
    this.#maxQueued = maxQueued;
    this.#log = log;
  }

  /** Rows waiting to be written. */
  get queued(): number {
    return this.#queuedRows;
  }

  /** True while the store is failing (since the last failed commit). */
  get down(): boolean {
    return this.#down;
  }

  /** Resolves once the rows are committed; rejects with QueueFull at once, or Dropped when their batch failed. */
  enqueue(rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    if (this.#queuedRows + rows.length > this.#maxQueued) return Promise.reject(new QueueFull());
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ rows: [...rows], resolve, reject });
      this.#queuedRows += rows.length;
      if (this.#queuedRows >= this.#batchRows) this.#kick();
      else this.#timer ??= setTimeout(() => this.#kick(), this.#delayMs);
    });
  }

  /** Writes everything queued now; resolves when it and any batch already running are done. */
  async flush(): Promise<void> {
    while (this.#flushing || this.#queue.length) {
      if (this.#flushing) await this.#flushing;
      else this.#kick();
    }
  }

  #kick(): void {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    if (this.#flushing || this.#queue.length === 0) return;
    const taken = this.#queue;
    this.#queue = [];
    this.#queuedRows = 0;
    this.#flushing = this.#write(taken).finally(() => {
      this.#flushing = undefined;
      // Rows that came in during the write go next, as one batch.
      if (this.#queue.length) {
        if (this.#queuedRows >= this.#batchRows) this.#kick();
        else this.#timer ??= setTimeout(() => this.#kick(), this.#delayMs);
      }
    });
  }

  async #write(taken: Waiting[]): Promise<void> {
    try {
      await this.#store.write(batchOf(taken.flatMap((w) => w.rows)));
    } catch (error) {
      if (!this.#down) {
        this.#down = true;
        this.#log(`Outcomes: cannot write to ${this.#store.name} (${(error as Error).message}); outcomes are dropped until it is back.`);
      }
      const dropped = new Dropped((error as Error).message);
      for (const w of taken) w.reject(dropped);
      return;
    }
    if (this.#down) {
      this.#down = false;
      this.#log(`Outcomes: ${this.#store.name} is back; outcomes are stored again.`);
    }
    for (const w of taken) w.resolve();
  }
}
