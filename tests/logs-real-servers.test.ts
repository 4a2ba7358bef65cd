/**
 * The log explainer against log lines real servers wrote: Debian's nginx,
 * Apache and PHP-FPM 8.2 are started on loopback, made to fail the way a
 * broken site does, and what they logged is explained. Each test checks the
 * status a visitor got as well, since the table's meanings say it.
 */
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { explainLog, type Explanation, type Finding } from '@/log-explainer/explain';
import { recognisers } from '@/evidence/log-lines';
import { APACHE_BIN, apacheAvailable, startApache, type ApacheServer } from '@/tests/support/apache';
import { NGINX_BIN, nginxAvailable, startNginx, type NginxServer } from '@/tests/support/nginx';
import { partialBytes, phpFpmBin, startPhpFpm, type PhpFpmServer } from '@/tests/support/php-fpm';

const nginxSkip: string | false = nginxAvailable() ? false : `nginx is not installed at ${NGINX_BIN} (.ci/run installs nginx-light)`;
const fpmMissing: string | false = phpFpmBin() ? false : 'PHP-FPM is not installed (no /usr/sbin/php-fpm*; .ci/run installs php8.2-fpm)';
const fpmSkip: string | false = nginxSkip || fpmMissing;
const apacheSkip: string | false = apacheAvailable() ? false : `Apache is not installed at ${APACHE_BIN} with mod_proxy_fcgi (.ci/run installs apache2)`;
const apacheFpmSkip: string | false = apacheSkip || fpmMissing;

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

/** Asserts the explanation has a finding `id`, fixed at `step`, quoting the lines as logged, and returns it. */
function findingOf(explained: Explanation, id: string, step: string, log: string): Finding {
  const found = explained.findings.find((f) => f.recogniser.id === id);
  assert.ok(found, `no finding ${id} among [${explained.findings.map((f) => f.recogniser.id)}] in:\n${log}`);
  assert.equal(found.recogniser.step, step);
  assert.equal(found.recogniser.step, recogniser(id).step);
  assert.ok(found.lines.length >= 1);
  assert.ok(log.split('\n')[found.firstLine - 1].startsWith(found.lines[0]), 'the finding quotes the line as logged');
  return found;
}

/** Asserts the explanation's first finding is `id`, fixed at `step`, from one line, and returns it. */
function firstFinding(explained: Explanation, id: string, step: string, log: string): Finding {
  assert.equal(explained.findings[0]?.recogniser.id, id, `first finding in:\n${log}`);
  const first = findingOf(explained, id, step, log);
  assert.equal(first.count, 1);
  return first;
}

const idsOf = (explained: Explanation) => explained.findings.map((f) => f.recogniser.id);

/**
 * GET a path and read the body as far as it comes: the status, the bytes that
 * arrived, and whether the answer ended properly (false when the server broke
 * the connection off mid-page).
 */
function getCutOff(url: string): Promise<{ status: number; bytes: number; complete: boolean }> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { headers: { connection: 'close' }, timeout: 15_000 }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('error', () => {}); // "aborted": the end the test looks for
      res.on('close', () => resolve({ status: res.statusCode ?? 0, bytes, complete: res.complete }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within 15 s`)));
    req.on('error', reject);
  });
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
    // The path names PHP 8.2, and nothing runs there: the version is not carried into commands.
    assert.equal(explained.reveals.php, undefined);
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

describe('explaining what a real nginx logs when PHP-FPM’s workers run out or are stopped', { skip: fpmSkip }, () => {
  let fpm: PhpFpmServer | undefined;
  let nginx: NginxServer | undefined;
  before(async () => {
    // One worker with a queue of one, and PHP-FPM's own time limit at 1 s.
    fpm = await startPhpFpm({ maxChildren: 1, listenBacklog: 1, requestTerminateTimeout: '1s' });
    nginx = await startNginx({ upstream: { fpm: { socket: fpm.socket, script: `${fpm.docroot}/memory.php`, docroot: fpm.docroot } } });
  });
  after(async () => {
    await stopAll(nginx, fpm);
  });

  test('every worker busy and the queue full: 502 with “(11: Resource temporarily unavailable)”, fixed with PHP’s workers', async () => {
    const from = await logSize(nginx!.errorLog);
    // One request takes the worker, one waits in the queue; the rest find no room at all.
    const statuses = await Promise.all(Array.from({ length: 6 }, () => get(`${nginx!.url}/fpm/sleep.php`)));
    assert.deepEqual(statuses, [502, 502, 502, 502, 502, 502]);
    const log = await logAfter(nginx!.errorLog, from, /Resource temporarily unavailable/);
    const explained = explainLog(log);
    const busy = findingOf(explained, 'nginx-workers-busy', 'php-workers', log);
    assert.equal(explained.findings[0], busy, 'the most serious finding');
    assert.ok(busy.count >= 1 && busy.count <= 5, `${busy.count} requests found no room`);
    assert.match(
      busy.lines[0],
      /\[error\] .*connect\(\) to unix:\S+\/php8\.2-fpm\.sock failed \(11: Resource temporarily unavailable\) while connecting to upstream/,
    );
    assert.match(busy.recogniser.meaning, /502 Bad Gateway/);
    // The socket answered, so the version it names runs.
    assert.equal(explained.reveals.php, '8.2');
  });

  test('a page longer than request_terminate_timeout: 502, and PHP-FPM logs signal 15 (SIGTERM), not 9', async () => {
    const nginxFrom = await logSize(nginx!.errorLog);
    const fpmFrom = await logSize(fpm!.errorLog);
    assert.equal(await get(`${nginx!.url}/fpm/sleep.php`), 502);

    const nginxLog = await logAfter(nginx!.errorLog, nginxFrom, /Connection reset by peer/);
    const reset = firstFinding(explainLog(nginxLog), 'nginx-connection-reset', 'php-limits', nginxLog);
    assert.match(reset.lines[0], /recv\(\) failed \(104: Connection reset by peer\) while reading response header from upstream/);
    assert.match(reset.recogniser.meaning, /502 Bad Gateway/);

    const fpmLog = await logAfter(fpm!.errorLog, fpmFrom, /exited on signal/);
    const explained = explainLog(fpmLog);
    assert.deepEqual(idsOf(explained), ['fpm-execution-timeout', 'fpm-worker-terminated'], `PHP-FPM logged:\n${fpmLog}`);
    findingOf(explained, 'fpm-execution-timeout', 'php-limits', fpmLog);
    const term = findingOf(explained, 'fpm-worker-terminated', 'php-limits', fpmLog);
    assert.match(term.lines[0], /WARNING: \[pool www\] child \d+ exited on signal 15 \(SIGTERM\) after [\d.]+ seconds from start/);
  });

  test('a worker stopped after the page started: status 200, the page cut off, and the line says so', async () => {
    const from = await logSize(nginx!.errorLog);
    const { status, bytes, complete } = await getCutOff(`${nginx!.url}/fpm/partial.php`);
    assert.equal(status, 200, 'the visitor got a normal answer, not a 502');
    assert.equal(complete, false, 'the answer broke off');
    assert.ok(bytes > 0 && bytes <= partialBytes, `${bytes} bytes arrived of more than ${partialBytes}`);

    const log = await logAfter(nginx!.errorLog, from, /while reading upstream/);
    const explained = explainLog(log);
    const cut = firstFinding(explained, 'nginx-page-cut-off', 'logs', log);
    assert.match(
      cut.lines[0],
      /readv?\(\) failed \(104: Connection reset by peer\) while reading upstream|upstream prematurely closed .* while reading upstream/,
    );
    assert.equal(cut.recogniser.severity, 'warning');
    assert.doesNotMatch(cut.recogniser.meaning, /Visitors get a 502/);
    assert.match(cut.recogniser.meaning, /status 200/);
  });
});

describe('explaining what a real Apache logs as a proxy', { skip: apacheSkip }, () => {
  let apache: ApacheServer | undefined;
  before(async () => {
    apache = await startApache();
  });
  after(async () => {
    await stopAll(apache);
  });

  test('nothing listening on the backend port: 503 (not 502), AH00957 then AH01114', async () => {
    const from = await logSize(apache!.errorLog);
    assert.equal(await get(`${apache!.url}/closed`), 503);
    const log = await logAfter(apache!.errorLog, from, /AH01114/);
    const explained = explainLog(log);
    const first = firstFinding(explained, 'apache-connect-refused', 'restart', log);
    assert.match(first.lines[0], /\(111\)Connection refused: AH00957: /);
    findingOf(explained, 'apache-backend-connect-failed', 'restart', log);
    for (const f of explained.findings) assert.match(f.recogniser.meaning, /503 Service Unavailable/, f.recogniser.id);
    assert.equal(explained.reveals.server, 'apache');
  });

  test('PHP socket file missing: 503, AH02454 then AH01079, and no PHP version taken from it', async () => {
    const from = await logSize(apache!.errorLog);
    assert.equal(await get(`${apache!.url}/missing.php`), 503);
    const log = await logAfter(apache!.errorLog, from, /AH01079/);
    const explained = explainLog(log);
    const first = firstFinding(explained, 'apache-socket-missing', 'proxy', log);
    assert.match(first.lines[0], /\(2\)No such file or directory: AH02454: FCGI: attempt to connect to Unix domain socket \S+\/php8\.2-fpm-missing\.sock/);
    findingOf(explained, 'apache-backend-connect-failed', 'restart', log);
    assert.match(first.recogniser.meaning, /503 Service Unavailable/);
    assert.deepEqual(explained.reveals, { server: 'apache' });
  });

  test('a backend that stays silent past timeout=: 502 “Proxy Error” (not 504), (70007) AH01102 then AH00898', async () => {
    const from = await logSize(apache!.errorLog);
    assert.equal(await get(`${apache!.url}/hang`), 502);
    const log = await logAfter(apache!.errorLog, from, /AH00898/);
    const explained = explainLog(log);
    assert.deepEqual(idsOf(explained), ['apache-http-timeout', 'apache-read-error'], `Apache logged:\n${log}`);
    const slow = firstFinding(explained, 'apache-http-timeout', 'app-server', log);
    assert.match(slow.lines[0], /\(70007\)The timeout specified has expired: .*AH01102: error reading status line from remote server/);
    assert.match(slow.recogniser.meaning, /502 “Proxy Error”, not a 504/);
    const read = findingOf(explained, 'apache-read-error', 'logs', log);
    assert.match(read.lines[0], /AH00898: Error reading from remote server returned by \/hang/);
  });

  test('a balancer member that refused once is rested: 503 again without Apache trying it', async () => {
    const from = await logSize(apache!.errorLog);
    assert.equal(await get(`${apache!.url}/rested`), 503);
    const first = await logAfter(apache!.errorLog, from, /AH01114/);
    const explained = explainLog(first);
    const rested = findingOf(explained, 'apache-worker-disabled', 'restart', first);
    assert.match(rested.lines[0], /AH00959: ap_proxy_connect_backend disabling worker for \(127\.0\.0\.1:\d+\) for 60s/);

    const again = await logSize(apache!.errorLog);
    assert.equal(await get(`${apache!.url}/rested`), 503);
    const second = await logAfter(apache!.errorLog, again, /AH01170/);
    assert.doesNotMatch(second, /AH00957/, 'the backend was not tried again');
    const still = firstFinding(explainLog(second), 'apache-worker-disabled', 'restart', second);
    assert.match(still.recogniser.meaning, /503 Service Unavailable without trying/);
  });
});

describe('explaining what a real Apache logs in front of PHP-FPM', { skip: apacheFpmSkip }, () => {
  let fpm: PhpFpmServer | undefined;
  let apache: ApacheServer | undefined;
  before(async () => {
    // Apache's timeout for /slow.php is 1 s, PHP-FPM's own limit 2 s; two workers, so one
    // ending a page Apache gave up on leaves the other free.
    fpm = await startPhpFpm({ maxChildren: 2, requestTerminateTimeout: '2s' });
    apache = await startApache({ fpm: { socket: fpm.socket, docroot: fpm.docroot } });
  });
  after(async () => {
    await stopAll(apache, fpm);
  });

  test('PHP slower than mod_proxy_fcgi’s timeout: 504, (70007) AH01075', async () => {
    const from = await logSize(apache!.errorLog);
    assert.equal(await get(`${apache!.url}/slow.php`), 504);
    const log = await logAfter(apache!.errorLog, from, /AH01075/);
    const explained = explainLog(log);
    const slow = firstFinding(explained, 'apache-timeout', 'php-limits', log);
    assert.match(slow.lines[0], /\[proxy_fcgi:error\] .*\(70007\)The timeout specified has expired: .*AH01075: Error dispatching request to .*\(polling\)/);
    assert.match(slow.recogniser.meaning, /504 Gateway Timeout, not a 502/);
    assert.deepEqual(idsOf(explained), ['apache-timeout']);
  });

  test('a worker PHP-FPM stops mid-request (request_terminate_timeout): 503, AH01067 with (104) on AH01075', async () => {
    const from = await logSize(apache!.errorLog);
    const fpmFrom = await logSize(fpm!.errorLog);
    assert.equal(await get(`${apache!.url}/killed.php`), 503);
    const log = await logAfter(apache!.errorLog, from, /Connection reset by peer: .*AH01075/);
    const explained = explainLog(log);
    assert.deepEqual(idsOf(explained), ['apache-fcgi-header', 'apache-fcgi-reset'], `Apache logged:\n${log}`);
    const header = findingOf(explained, 'apache-fcgi-header', 'logs', log);
    assert.match(header.lines[0], /\[proxy_fcgi:error\] .*AH01067: Failed to read FastCGI header$/);
    const reset = findingOf(explained, 'apache-fcgi-reset', 'logs', log);
    assert.match(reset.lines[0], /\(104\)Connection reset by peer: .*AH01075: Error dispatching request to /);
    for (const f of explained.findings) assert.match(f.recogniser.meaning, /503 Service Unavailable/, f.recogniser.id);

    // PHP-FPM's side: its own time limit, then signal 15 (the /slow.php worker may end here too).
    const fpmLog = await logAfter(fpm!.errorLog, fpmFrom, /GET \/killed\.php"\) execution timed out[^\n]*\n[^\n]*exited on signal 15/);
    const fpmExplained = explainLog(fpmLog);
    const timedOut = findingOf(fpmExplained, 'fpm-execution-timeout', 'php-limits', fpmLog);
    assert.ok(
      timedOut.lines.some((l) => l.includes('GET /killed.php')),
      `PHP-FPM logged:\n${fpmLog}`,
    );
    findingOf(fpmExplained, 'fpm-worker-terminated', 'php-limits', fpmLog);
    assert.ok(!idsOf(fpmExplained).includes('fpm-worker-killed'), 'no signal 9');
  });
});
