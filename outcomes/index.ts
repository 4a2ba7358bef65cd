import { join, resolve } from 'node:path';
import { outcomesEnabled, type Settings } from './enabled';
import { openPostgresStore, shownDatabaseUrl } from './postgres-store';
import { openSqliteStore } from './sqlite-store';
import type { Row, Store } from './types';
import { QueueFull, Writer } from './writer';

/**
 * The outcome store for this process. One handle, kept on globalThis: the
 * route handlers and the server actions are bundled apart, so module state
 * would exist twice. SQLite in `${DATA_DIR}/outcomes.sqlite` by default
 * (`DATA_DIR` is `./data` unless set); PostgreSQL when `DATABASE_URL` is
 * set; nothing at all with `OUTCOMES=off`. Opening and migrating happen at
 * start (`instrumentation.ts`); a failure is logged once and retried every
 * 5 s, and the pages never wait for it.
 */

export { outcomesEnabled, type Settings } from './enabled';

export interface Outcomes {
  store: Store;
  writer: Writer;
}

type Shared = {
  ready?: Outcomes;
  opening?: Promise<Outcomes | undefined>;
  retry?: NodeJS.Timeout;
  failed?: boolean;
  /** Set by closeOutcomes (shutdown): a late message is refused instead of opening the store again. */
  closed?: boolean;
  /** Where the SIGTERM listener is installed (the process, or a test's stand-in). */
  listening?: WeakSet<object>;
};

const retryMs = 5000;

function shared(): Shared {
  const key = Symbol.for('502-troubleshooter.outcomes');
  const store = globalThis as unknown as Record<symbol, Shared | undefined>;
  store[key] ??= {};
  return store[key];
}

/** The folder the SQLite file lives in: an operator's setting, read at run time, so the build must not trace it. */
function dataDir(env: Settings): string {
  return resolve(/* turbopackIgnore: true */ env.DATA_DIR?.trim() || './data');
}

/** The store the settings name, not yet migrated. */
export function storeFromSettings(env: Settings = process.env, onError?: (error: Error) => void): Store {
  const url = env.DATABASE_URL?.trim();
  if (url) return openPostgresStore(url, onError);
  const dir = dataDir(env);
  const maxMb = Number(env.OUTCOMES_MAX_MB);
  return openSqliteStore(join(dir, 'outcomes.sqlite'), { maxMb: maxMb > 0 ? maxMb : undefined });
}

function where(env: Settings): string {
  const url = env.DATABASE_URL?.trim();
  return url ? shownDatabaseUrl(url) : `SQLite under ${dataDir(env)}`;
}

/** Opens and migrates the store once; resolves `undefined` (and retries later) when it cannot, or when recording is off. */
export function openOutcomes(env: Settings = process.env): Promise<Outcomes | undefined> {
  const state = shared();
  if (!outcomesEnabled(env)) return Promise.resolve(undefined);
  state.closed = false;
  if (state.ready) return Promise.resolve(state.ready);
  if (state.opening) return state.opening;
  state.opening = (async () => {
    let store: Store | undefined;
    try {
      // Idle connection errors are reported by the writer's failed commit, once; this listener only keeps the process alive.
      store = storeFromSettings(env, () => {});
      await store.migrate();
      state.ready = { store, writer: new Writer(store) };
      if (state.failed) console.error(`Outcomes: ${store.name} is ready; outcomes are stored.`);
      state.failed = false;
      return state.ready;
    } catch (error) {
      await store?.close().catch(() => {});
      if (!state.failed)
        console.error(`Outcomes: cannot open ${where(env)} (${(error as Error).message}); outcomes are dropped, trying again every ${retryMs / 1000} s.`);
      state.failed = true;
      state.retry ??= setTimeout(() => {
        state.retry = undefined;
        if (!state.closed) void openOutcomes(env);
      }, retryMs);
      state.retry.unref();
      return undefined;
    } finally {
      state.opening = undefined;
    }
  })();
  return state.opening;
}

/** The open store, if it is ready: routes never wait for it to open. */
export function currentOutcomes(): Outcomes | undefined {
  return shared().ready;
}

export type RecordResult = 'stored' | 'unavailable' | 'busy';

/** Queues rows and waits for their commit: `stored` only once they are on disk or committed. */
export async function record(rows: readonly Row[]): Promise<RecordResult> {
  // Before the first open (a process without instrumentation) it opens now; while the store is failing, nobody waits for it.
  const state = shared();
  const outcomes = state.ready ?? (state.failed || state.closed ? undefined : await openOutcomes());
  if (!outcomes) return 'unavailable';
  try {
    await outcomes.writer.enqueue(rows);
    return 'stored';
  } catch (error) {
    return error instanceof QueueFull ? 'busy' : 'unavailable';
  }
}

/** Writes what is queued and closes the store (tests, and a last flush at SIGTERM). */
export async function closeOutcomes(timeoutMs = 2000): Promise<void> {
  const state = shared();
  state.closed = true;
  // A store still opening is closed once it is open.
  const ready = state.ready ?? (state.opening ? await state.opening : undefined);
  state.ready = undefined;
  if (state.retry) clearTimeout(state.retry);
  state.retry = undefined;
  if (!ready) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([ready.writer.flush().catch(() => {}), new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
  clearTimeout(timer);
  await ready.store.close().catch(() => {});
}

export interface Signals {
  on(signal: 'SIGTERM', listener: () => void): unknown;
  listenerCount(signal: 'SIGTERM'): number;
  exit(code: number): void;
}

/**
 * At server start (`instrumentation.ts`): opens the store without waiting
 * for it, so a slow or missing database never holds up the server or a
 * page, and on SIGTERM writes what is queued and closes the store, for at
 * most 2 s. `next start` has its own SIGTERM listener, which lets requests
 * in flight finish and then exits; when nothing else listens (a custom
 * server, `NEXT_MANUAL_SIG_HANDLE`), this one exits with 143 itself, as an
 * unhandled SIGTERM would. Returns the shutdown, for tests.
 */
export function startOutcomes(env: Settings = process.env, signals: Signals = process): (() => Promise<void>) | undefined {
  if (!outcomesEnabled(env)) return undefined;
  void openOutcomes(env);
  const state = shared();
  const shutdown = async () => {
    await closeOutcomes(2000);
    if (signals.listenerCount('SIGTERM') <= 1) signals.exit(143);
  };
  state.listening ??= new WeakSet();
  if (!state.listening.has(signals)) {
    state.listening.add(signals);
    signals.on('SIGTERM', () => void shutdown());
  }
  return shutdown;
}
