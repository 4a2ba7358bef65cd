/**
 * A stand-in for the app's process in the restart tests: opens the store the
 * environment names (DATA_DIR or DATABASE_URL) through `outcomes/`, records
 * the example journey's rows over and over, many at a time, and prints
 * `acked <n>` each time a message is acknowledged. The test kills it with
 * SIGKILL mid-stream and counts what survived.
 */
import { openOutcomes, record } from '@/outcomes/index';
import { rowsForPath } from '@/outcomes/record';

const p =
  '/fix/role=owner/evidence=skip/reach=everyone/error-page=cloudflare-52x/cf-code=522/reload=broken/access=ssh/platform=debian-12/cms=wordpress/server=nginx/server-health=broken/php-workers=fixed';

async function main() {
  if (!(await openOutcomes())) throw new Error('the store did not open');
  const rows = rowsForPath(p);
  if (!rows) throw new Error('the example path is refused');
  let acked = 0;
  const sender = async () => {
    for (;;) {
      if ((await record(rows)) !== 'stored') throw new Error('a message was not stored');
      acked++;
      process.stdout.write(`acked ${acked}\n`);
    }
  };
  await Promise.all(Array.from({ length: 20 }, sender));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
