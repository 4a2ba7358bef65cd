import { assign, fromCallback, setup } from 'xstate';
import type { CheckState } from '@/live-check/for-wizard';
import { streamCheck } from './stream-check';

/**
 * The live check in the browser: idle, checking (with progress; the person
 * can cancel), a result, or failed (the check itself could not run). The
 * result may be a message about the address typed; that is a result too.
 */

type CheckEvent =
  | { type: 'CHECK'; url: string; context: string }
  | { type: 'CANCEL' }
  | { type: 'PROGRESS'; message: string }
  | { type: 'DONE'; state: CheckState }
  | { type: 'FAILED'; message: string };

interface CheckContext {
  url: string;
  context: string;
  progress: string[];
  result?: CheckState;
  problem?: string;
  cancelled: boolean;
}

/** Streams one check from /api/check; aborting the request cancels it on the server too. */
const streamCheckActor = fromCallback<CheckEvent, { url: string; context: string }>(({ input, sendBack }) => {
  const controller = new AbortController();
  streamCheck(input, { signal: controller.signal, onProgress: (message) => sendBack({ type: 'PROGRESS', message }) }).then((ended) => {
    if (!ended) return; // cancelled
    sendBack('state' in ended ? { type: 'DONE', state: ended.state } : { type: 'FAILED', message: ended.problem });
  });
  return () => controller.abort();
});

export const liveCheckMachine = setup({
  types: { context: {} as CheckContext, events: {} as CheckEvent },
  actors: { streamCheck: streamCheckActor },
  actions: {
    start: assign(({ event }) =>
      event.type === 'CHECK' ? { url: event.url, context: event.context, progress: [], problem: undefined, cancelled: false } : {},
    ),
  },
}).createMachine({
  id: 'liveCheck',
  initial: 'idle',
  context: { url: '', context: '', progress: [], cancelled: false },
  on: { CHECK: { target: '.checking', actions: 'start' } },
  states: {
    idle: {},
    checking: {
      invoke: { src: 'streamCheck', input: ({ context }) => ({ url: context.url, context: context.context }) },
      on: {
        PROGRESS: { actions: assign({ progress: ({ context, event }) => [...context.progress, event.message] }) },
        DONE: { target: 'result', actions: assign({ result: ({ event }) => event.state }) },
        FAILED: { target: 'failed', actions: assign({ problem: ({ event }) => event.message }) },
        CANCEL: { target: 'idle', actions: assign({ cancelled: true }) },
        // A second submit while one runs is ignored rather than restarting it.
        CHECK: {},
      },
    },
    result: {},
    failed: {},
  },
});
