import type { CheckState } from '@/live-check/for-wizard';

/** How a check streamed from the server ended: its result (a message about the address is one too), or why it could not run. */
export type StreamedCheck = { state: CheckState } | { problem: string };

/**
 * Runs one check through `POST /api/check` and reads its JSON lines:
 * progress while it runs, then the result. Aborting the signal cancels the
 * check on the server too; an aborted check ends with `undefined`. Plain
 * fetch, no state machine, so the fix pages' “check again” stays small.
 */
export async function streamCheck(
  body: { url: string; context: string },
  { signal, onProgress = () => {} }: { signal: AbortSignal; onProgress?: (message: string) => void },
): Promise<StreamedCheck | undefined> {
  try {
    const response = await fetch('/api/check', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal });
    if (!response.ok || !response.body) {
      const refused = (await response.json().catch(() => null)) as { state?: CheckState } | null;
      return refused?.state ? { state: refused.state } : { problem: `The check could not start (the server said ${response.status}).` };
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
        if (message.progress) onProgress(message.progress.message);
        if (message.state) {
          reader.cancel().catch(() => {});
          return { state: message.state };
        }
      }
    }
    return { problem: 'The check ended without a result.' };
  } catch (error) {
    if (signal.aborted) return undefined;
    return { problem: `We could not reach our own server (${error instanceof Error ? error.message : 'no answer'}).` };
  }
}
