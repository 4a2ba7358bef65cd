/**
 * A stand-in for `next start` in tests/outcomes-start.test.ts: runs the
 * server's start hook (instrumentation.ts), waits for the outcome store to
 * open, queues `COUNT` messages without waiting for their commit, and sends
 * itself SIGTERM. Nothing else listens for SIGTERM here, so the outcome
 * shutdown must write the queue, close the store and exit with 143. If it
 * does not, the process ends with 7 after 10 s.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { register } from '@/instrumentation';
import { currentOutcomes, record } from '@/outcomes/index';
import { rowsForPath } from '@/outcomes/record';

async function main() {
  setTimeout(() => process.exit(7), 10_000);
  const started = Date.now();
  await register();
  process.stdout.write(`register ${Date.now() - started}\n`);
  for (let i = 0; i < 100 && !currentOutcomes(); i++) await sleep(20);
  if (!currentOutcomes()) throw new Error('the store did not open');
  const rows = rowsForPath(process.env.OUTCOME_PATH);
  if (!rows) throw new Error('the path is refused');
  const count = Number(process.env.COUNT);
  for (let i = 0; i < count; i++) void record(rows);
  process.stdout.write(`queued ${currentOutcomes()?.writer.queued}\n`);
  process.kill(process.pid, 'SIGTERM');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
