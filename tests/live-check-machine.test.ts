import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { createActor, waitFor } from 'xstate';
import { liveCheckMachine } from '@/app/_components/live-check/check-machine';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** A fetch that answers with a stream the test writes to, and records whether it was aborted. */
function streamingFetch() {
  const calls: { signal?: AbortSignal; body: unknown }[] = [];
  let write!: (line: unknown) => void;
  let end!: () => void;
  globalThis.fetch = (async (_url: string, init: RequestInit) => {
    calls.push({ signal: init.signal ?? undefined, body: JSON.parse(String(init.body)) });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const encoder = new TextEncoder();
        write = (line) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        end = () => controller.close();
      },
    });
    return new Response(stream, { status: 200 });
  }) as typeof fetch;
  return { calls, write: (line: unknown) => write(line), end: () => end() };
}

describe('the live check in the browser, as a machine', () => {
  test('checking shows each step of progress, then the result', async () => {
    const server = streamingFetch();
    const actor = createActor(liveCheckMachine).start();
    actor.send({ type: 'CHECK', url: 'example.com', context: '/role=owner' });
    assert.equal(actor.getSnapshot().value, 'checking');
    await waitFor(actor, () => server.calls.length === 1);
    assert.deepEqual(server.calls[0].body, { url: 'example.com', context: '/role=owner' });

    server.write({ progress: { stage: 'dns', message: 'Looking up example.com' } });
    server.write({ progress: { stage: 'connect', message: 'Connecting to 93.184.215.14' } });
    await waitFor(actor, (s) => s.context.progress.length === 2);
    assert.deepEqual(actor.getSnapshot().context.progress, ['Looking up example.com', 'Connecting to 93.184.215.14']);

    server.write({ state: { input: 'example.com', view: { verdict: 'Your site loads for us' } } });
    const done = await waitFor(actor, (s) => s.matches('result'));
    assert.equal(done.context.result?.view?.verdict, 'Your site loads for us');
  });

  test('cancelling aborts the request and goes back to the form', async () => {
    const server = streamingFetch();
    const actor = createActor(liveCheckMachine).start();
    actor.send({ type: 'CHECK', url: 'example.com', context: '' });
    await waitFor(actor, () => server.calls.length === 1);
    actor.send({ type: 'CANCEL' });
    assert.equal(actor.getSnapshot().value, 'idle');
    assert.equal(actor.getSnapshot().context.cancelled, true);
    assert.equal(server.calls[0].signal?.aborted, true);
  });

  test('a refusal from the server is a result with its message; a broken connection is a failure', async () => {
    globalThis.fetch = (async () => Response.json({ state: { input: 'x', error: 'Please wait 30 seconds and try again.' } }, { status: 429 })) as typeof fetch;
    const actor = createActor(liveCheckMachine).start();
    actor.send({ type: 'CHECK', url: 'x', context: '' });
    const refused = await waitFor(actor, (s) => s.matches('result'));
    assert.equal(refused.context.result?.error, 'Please wait 30 seconds and try again.');

    globalThis.fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    actor.send({ type: 'CHECK', url: 'example.com', context: '' });
    const failed = await waitFor(actor, (s) => s.matches('failed'));
    assert.match(failed.context.problem ?? '', /could not reach our own server \(Failed to fetch\)/);

    const server = streamingFetch();
    actor.send({ type: 'CHECK', url: 'example.com', context: '' });
    await waitFor(actor, () => server.calls.length === 1);
    server.end();
    const ended = await waitFor(actor, (s) => s.matches('failed'));
    assert.equal(ended.context.problem, 'The check ended without a result.');
  });
});
