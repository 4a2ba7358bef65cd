/**
 * The log explainer against log lines real servers wrote: Debian's nginx and
 * PHP-FPM 8.2 are started on loopback, made to fail the way a broken site
 * does, and what they logged is explained.
 */
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { explainLog, type Explanation } from '@/log-explainer/explain';
import { recognisers } from '@/evidence/log-lines';
import { NGINX_BIN, nginxAvailable, startNginx, type NginxServer } from '@/tests/support/nginx';
import { phpFpmBin, startPhpFpm, type PhpFpmServer } from '@/tests/support/php-fpm';

const nginxSkip: string | false = nginxAvailable()
  ? false
  : `nginx is not installed at ${NGINX_BIN} (.ci/run installs nginx-light)`;
const fpmSkip: string | false =
  nginxSkip || (phpFpmBin() ? false : 'PHP-FPM is not installed (no /usr/sbin/php-fpm*; .ci/run installs php8.2-fpm)');

/** The size of a log file now, so later reads can take only what was added. */
async function logSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    return 0;
  }
}

/**
 * What was written to `file` after byte `from`, once it holds a line matching
 * `until`. Polls for up to `timeoutMs`, then fails showing what is there.
 */
async function logAfter(file: string, from: number, until: RegExp, timeoutMs = 5000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  for (;;) {
    try {
      text = (await readFile(file)).subarray(from).toString('utf8');
    } catch {
      text = '';
    }
    if (until.test(text)) return text;
    if (Date.now() > deadline) assert.fail(`${file} got no line matching ${until} within ${timeoutMs} ms; it has:\n${text}`);
    await sleep(100);
  }
}

/** GET a path on the loopback server, with a timeout; the body is read and dropped. */
async function get(url: string): Promise<number> {
  const res = await fetch(url, { signal: AbortSignal.timeout(15_000), redirect: 'manual', headers: { connection: 'close' } });
  await res.arrayBuffer();
  return res.status;
}

function recogniser(id: string) {
  const r = recognisers.find((x) => x.id === id);
  assert.ok(r, `no recogniser "${id}" in the table`);
  return r;
}

/** Asserts the explanation's first finding is `id`, fixed at `step`, and returns it. */
function firstFinding(explained: Explanation, id: string, step: string, log: string) {
  const first = explained.findings[0];
  assert.ok(first, `nothing recognised in:\n${log}`);
  assert.equal(first.recogniser.id, id, `first finding in:\n${log}`);
  assert.equal(first.recogniser.step, step);
  assert.equal(first.recogniser.step, recogniser(id).step);
  assert.equal(first.count, 1);
  assert.ok(first.lines.length >= 1);
  assert.ok(log.split('\n')[first.firstLine - 1].startsWith(first.lines[0]), 'the finding quotes the line as logged');
  return first;
}

/** Stops every server that started, even if an earlier stop throws. */
async function stopAll(...servers: ({ stop(): Promise<void> } | undefined)[]) {
  const results = await Promise.allSettled(servers.map((s) => s?.stop()));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

describe('explaining what a real nginx logs on a 502', { skip: nginxSkip }, () => {
  let nginx: NginxServer | undefined;
  before(async () => {
    nginx = await startNginx();
  });
  after(async () => {
    await stopAll(nginx);
  });

  test('nothing listening on the upstream port: connection refused, fixed by restarting', async () => {
    const { url, errorLog } = nginx!;
    assert.equal(await get(`${url}/closed`), 502);
    // The whole log, start-up notices included, as a user would paste it.
    const log = await logAfter(errorLog, 0, /Connection refused/);
    const explained = explainLog(log);
    const first = firstFinding(explained, 'nginx-connect-refused', 'restart', log);
    assert.match(first.lines[0], /\[error\] .*connect\(\) failed \(111: Connection refused\) while connecting to upstream/);
    assert.equal(explained.reveals.server, 'nginx');
    assert.equal(explained.truncated, false);
    // Start-up notices are counted but not explained.
    assert.equal(explained.total, log.split('\n').filter((l) => l.trim()).length);
    assert.ok(explained.total > 1, 'nginx logged its start-up notices too');
    assert.equal(explained.unmatched, explained.total - 1);
  });

  test('PHP socket file missing: no such file or directory, fixed in the proxy settings', async () => {
    const { url, errorLog } = nginx!;
    const from = await logSize(errorLog);
    assert.equal(await get(`${url}/missing.php`), 502);
    const log = await logAfter(errorLog, from, /No such file or directory/);
    const explained = explainLog(log);
    const first = firstFinding(explained, 'nginx-socket-missing', 'proxy', log);
    assert.match(first.lines[0], /\[crit\] .*connect\(\) to unix:\S+\/php8\.2-fpm-missing\.sock failed \(2: No such file or directory\)/);
    assert.equal(explained.reveals.server, 'nginx');
    assert.equal(explained.reveals.php, '8.2');
  });
});

describe('explaining what a real PHP-FPM logs when a page runs out of memory', { skip: fpmSkip }, () => {
  let fpm: PhpFpmServer | undefined;
  let nginx: NginxServer | undefined;
  before(async () => {
    fpm = await startPhpFpm();
    nginx = await startNginx({ upstream: { fpm: { socket: fpm.socket, script: `${fpm.docroot}/memory.php` } } });
  });
  after(async () => {
    await stopAll(nginx, fpm);
  });

  test('memory_limit gives a 500 (not a 502), and the PHP error log explains it', async () => {
    const nginxFrom = await logSize(nginx!.errorLog);
    assert.equal(await get(`${nginx!.url}/fpm`), 500);
    const log = await logAfter(fpm!.phpErrorLog, 0, /Allowed memory size of \d+ bytes exhausted/);
    const explained = explainLog(log);
    const first = firstFinding(explained, 'php-memory-exhausted', 'php-limits', log);
    assert.match(first.lines[0], /PHP Fatal error: +Allowed memory size of 16777216 bytes exhausted .*memory\.php/);

    // The worker survived and answered, so nginx has no gateway error to report.
    const nginxLog = (await readFile(nginx!.errorLog)).subarray(nginxFrom).toString('utf8');
    assert.deepEqual(
      explainLog(nginxLog).findings.map((f) => f.recogniser.id),
      [],
      `nginx logged:\n${nginxLog}`,
    );
  });
});

describe('explaining a PHP memory error that PHP-FPM passed to nginx', { skip: fpmSkip }, () => {
  let fpm: PhpFpmServer | undefined;
  let nginx: NginxServer | undefined;
  before(async () => {
    // No PHP error_log: the error goes to FastCGI stderr, the way many servers run.
    fpm = await startPhpFpm({ phpErrorLog: false });
    nginx = await startNginx({ upstream: { fpm: { socket: fpm.socket, script: `${fpm.docroot}/memory.php` } } });
  });
  after(async () => {
    await stopAll(nginx, fpm);
  });

  test('nginx logs it as "FastCGI sent in stderr", and it is still the memory limit', async () => {
    const nginxFrom = await logSize(nginx!.errorLog);
    const fpmFrom = await logSize(fpm!.errorLog);
    assert.equal(await get(`${nginx!.url}/fpm`), 500);

    const nginxLog = await logAfter(nginx!.errorLog, nginxFrom, /Allowed memory size/);
    const viaNginx = explainLog(nginxLog);
    const first = firstFinding(viaNginx, 'php-memory-exhausted', 'php-limits', nginxLog);
    assert.match(first.lines[0], /FastCGI sent in stderr: "PHP message: PHP Fatal error: +Allowed memory size of 16777216 bytes exhausted/);

    // PHP-FPM keeps a copy of the worker's output in its own log.
    const fpmLog = await logAfter(fpm!.errorLog, fpmFrom, /Allowed memory size/);
    firstFinding(explainLog(fpmLog), 'php-memory-exhausted', 'php-limits', fpmLog);
  });
});
