import { assign, fromCallback, setup } from 'xstate';
import type { CheckState } from '@/live-check/for-wizard';

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
const streamCheck = fromCallback<CheckEvent, { url: string; context: string }>(({ input, sendBack }) => {
  const controller = new AbortController();
  (async () => {
    const response = await fetch('/api/check', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
      signal: controller.signal,
    });
    if (!response.ok || !response.body) {
      const refused = (await response.json().catch(() => null)) as { state?: CheckState } | null;
      if (refused?.state) sendBack({ type: 'DONE', state: refused.state });
      else sendBack({ type: 'FAILED', message: `The check could not start (the server said ${response.status}).` });
      return;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += value;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines.filter(Boolean)) {
        const message = JSON.parse(line) as { progress?: { message: string }; state?: CheckState };
        if (message.progress) sendBack({ type: 'PROGRESS', message: message.progress.message });
        if (message.state) return sendBack({ type: 'DONE', state: message.state });
      }
    }
    sendBack({ type: 'FAILED', message: 'The check ended without a result.' });
  })().catch((error: unknown) => {
    if (!controller.signal.aborted) sendBack({ type: 'FAILED', message: `We could not reach our own server (${error instanceof Error ? error.message : 'no answer'}).` });
  });
  return () => controller.abort();
});

export const liveCheckMachine = setup({
  types: { context: {} as CheckContext, events: {} as CheckEvent },
  actors: { streamCheck },
  actions: {
    start: assign(({ event }) => (event.type === 'CHECK' ? { url: event.url, context: event.context, progress: [], problem: undefined, cancelled: false } : {})),
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
