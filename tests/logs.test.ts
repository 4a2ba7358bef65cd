import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { explainLog, maxInputBytes, type Explanation } from '@/log-explainer/explain';
import { cloudflareFallbackMove, phpVersionIn, recognisers, type Recogniser, type Reveals } from '@/evidence/log-lines';
import { cloudflareCodeNumbers, cloudflareCodes } from '@/evidence/cloudflare';
import { serverFixes } from '@/machines/fixes';

/** The fixes a finding may send a person to: every fix after the questions. */
const allowedSteps: readonly string[] = serverFixes;
const byId = new Map(recognisers.map((r) => [r.id, r]));
const get = (id: string): Recogniser => {
  const r = byId.get(id);
  assert.ok(r, `no recogniser ${id}`);
  return r;
};
const ids = (result: Explanation) => result.findings.map((f) => f.recogniser.id);

/** What each sample gives away beyond the web server its source implies. */
const samplePhp: Record<string, string> = {
  // Not nginx-socket-missing or apache-socket-missing: a missing socket names the version the server lacks.
  'nginx-socket-permission': '8.1',
  'nginx-workers-busy': '8.2',
  'nginx-upload-cut': '8.2',
  'nginx-page-cut-off': '8.2',
  'nginx-connection-reset': '8.1',
  'nginx-upstream-timeout': '8.2',
  'nginx-header-too-big': '8.2',
  'nginx-script-not-found': '8.2',
  'nginx-disk-full': '8.2',
  'apache-socket-permission': '8.2',
  'apache-socket-refused': '8.2',
  'fpm-bind-no-folder': '8.2',
  'fpm-bind-permission': '8.2',
  'fpm-already-running': '8.2',
  'kernel-oom-kill': '8.2',
  'systemd-fpm-start-failed': '8.2',
  'systemd-fpm-failed': '8.2',
  'systemd-fpm-exited': '8.2',
};
const sampleServer: Record<string, Reveals['server']> = { 'systemd-web-server-failed': 'nginx' };

function expectedReveals(r: Recogniser): Reveals {
  const expected: Reveals = {};
  const server = sampleServer[r.id] ?? (r.source === 'nginx' || r.source === 'apache' ? r.source : undefined);
  if (server) expected.server = server;
  if (samplePhp[r.id]) expected.php = samplePhp[r.id];
  return expected;
}

/** Samples that also match a later, more general pattern, on purpose. */
const intendedOverlaps: Record<string, string[]> = {
  // The local case first; the general pattern keeps the old id for every other upstream.
  'nginx-connect-timeout-local': ['nginx-connect-timeout'],
  // After the page has started, a reset is not a 502; the general one covers the other phases.
  'nginx-page-cut-off': ['nginx-connection-reset'],
  'nginx-upstream-cert-verify': ['nginx-upstream-ssl-handshake'],
  'apache-http-timeout': ['apache-status-line'],
  'php-memory-exhausted': ['php-fatal-error'],
  'php-max-execution-time': ['php-fatal-error'],
  'php-fatal-in-plugin': ['php-fatal-error'],
  'apache-php-message': ['php-fatal-error'],
};

describe('the recogniser table', () => {
  test('has unique kebab-case ids, allowed steps and every text filled in', () => {
    assert.equal(new Set(recognisers.map((r) => r.id)).size, recognisers.length);
    for (const r of recognisers) {
      assert.match(r.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, r.id);
      assert.ok(allowedSteps.includes(r.step), `${r.id}: step ${r.step}`);
      assert.ok(['critical', 'error', 'warning', 'info'].includes(r.severity), r.id);
      for (const field of ['title', 'meaning', 'cause', 'sample'] as const) {
        assert.ok(r[field].trim().length > 0, `${r.id}: ${field}`);
      }
      assert.doesNotMatch(r.sample, /[\r\n]/, `${r.id}: the sample is one line`);
    }
  });

  test('patterns are stateless and every repetition in them is bounded', () => {
    for (const r of recognisers) {
      assert.doesNotMatch(r.pattern.flags, /[gy]/, `${r.id}: no global or sticky flag`);
      // No unbounded * or +, and no repeated group: nothing to backtrack over catastrophically.
      assert.doesNotMatch(r.pattern.source, /(?<!\\)[*+]/, `${r.id}: unbounded quantifier`);
      assert.doesNotMatch(r.pattern.source, /(?<!\\)\)\{/, `${r.id}: repeated group`);
    }
  });

  test('stay quick on hostile lines', () => {
    // Long lines made of the very fragments the patterns look for, repeated.
    const hostile = recognisers.flatMap((r) => [r.sample.repeat(40), r.sample.slice(0, 60).repeat(200)]).map((l) => l.slice(0, 8192));
    for (const line of hostile) for (const r of recognisers) r.pattern.exec(line);
  });

  for (const r of recognisers) {
    test(`${r.id}: its sample is explained by it, first`, () => {
      const result = explainLog(r.sample);
      assert.equal(result.findings[0]?.recogniser.id, r.id);
      assert.equal(result.findings.length, 1);
      assert.equal(result.findings[0].count, 1);
      assert.equal(result.findings[0].firstLine, 1);
      assert.deepEqual(result.findings[0].lines, [r.sample]);
      assert.equal(result.total, 1);
      assert.equal(result.unmatched, 0);
      assert.deepEqual(result.reveals, expectedReveals(r));
    });

    test(`${r.id}: its sample matches no other pattern, unless on purpose and later in the table`, () => {
      const others = recognisers.filter((o) => o !== r && o.pattern.test(r.sample)).map((o) => o.id);
      assert.deepEqual(others, intendedOverlaps[r.id] ?? []);
      for (const id of others) {
        assert.ok(recognisers.indexOf(get(id)) > recognisers.indexOf(r), `${id} comes after ${r.id}`);
      }
    });
  }
});

describe('the step each common log line leads to', () => {
  const expectedSteps: Record<string, string> = {
    'nginx-connect-refused': 'restart',
    'nginx-socket-missing': 'proxy',
    'nginx-socket-permission': 'proxy',
    'nginx-tcp-permission': 'proxy',
    'nginx-workers-busy': 'php-workers',
    'nginx-connect-timeout-local': 'php-workers',
    'nginx-connect-timeout': 'firewall',
    'nginx-premature-close': 'logs',
    'nginx-page-cut-off': 'logs',
    'nginx-upload-cut': 'php-limits',
    'nginx-connection-reset': 'php-limits',
    'nginx-upstream-timeout': 'php-limits',
    'nginx-header-too-big': 'proxy',
    'nginx-fastcgi-to-http': 'proxy',
    'nginx-host-not-found': 'dns',
    'nginx-upstream-name-unknown': 'proxy',
    'nginx-port-taken': 'restart',
    'nginx-no-route': 'firewall',
    'nginx-upstream-ssl-handshake': 'proxy',
    'nginx-upstream-cert-verify': 'proxy',
    'nginx-script-not-found': 'proxy',
    'nginx-rate-limited': 'bans',
    'apache-connect-refused': 'restart',
    'apache-worker-disabled': 'restart',
    'apache-status-line': 'logs',
    'apache-read-error': 'logs',
    'apache-http-timeout': 'app-server',
    'apache-fcgi-header': 'logs',
    'apache-fcgi-reset': 'logs',
    'apache-php-message': 'logs',
    'apache-socket-refused': 'restart',
    'apache-socket-permission': 'proxy',
    'apache-socket-missing': 'proxy',
    'apache-timeout': 'php-limits',
    'apache-max-workers': 'php-workers',
    'fpm-max-children': 'php-workers',
    'fpm-seems-busy': 'php-workers',
    'fpm-execution-timeout': 'php-limits',
    'fpm-worker-terminated': 'php-limits',
    'fpm-worker-killed': 'server-health',
    'fpm-worker-crashed': 'logs',
    'fpm-bind-failed': 'restart',
    'fpm-bind-no-folder': 'restart',
    'fpm-already-running': 'restart',
    'fpm-spare-servers': 'restart',
    'php-memory-exhausted': 'php-limits',
    'php-max-execution-time': 'php-limits',
    'kernel-oom-kill': 'server-health',
    'systemd-fpm-failed': 'restart',
    'systemd-fpm-exited': 'restart',
    'systemd-fpm-restart-loop': 'restart',
    'systemd-fpm-start-failed': 'restart',
    'gunicorn-worker-timeout': 'app-server',
    'node-port-taken': 'app-server',
    'cloudflared-origin-unreachable': 'app-server',
    'cloudflare-plain': 'cloudflare-status',
    'cloudflare-502': 'logs',
  };
  for (const [id, step] of Object.entries(expectedSteps)) {
    test(`${id} → ${step}`, () => assert.equal(get(id).step, step));
  }

  test('Cloudflare’s numbered pages come from the Cloudflare table, one finding each', () => {
    for (const n of cloudflareCodeNumbers) {
      const row = cloudflareCodes[n];
      const r = get(`cloudflare-${n}`);
      assert.equal(r.step, row.fixes[0], `${n}: its first fix`);
      assert.ok(r.title.includes(row.name), `${n}: the page's heading`);
      assert.ok(r.meaning.includes(row.says), `${n}: what Cloudflare says`);
      assert.notEqual(r.cause, cloudflareFallbackMove, `${n}: a first move for ${r.step}`);
      assert.deepEqual(ids(explainLog(`Error code: ${n}`)), [`cloudflare-${n}`]);
    }
    const numbered = recognisers.filter((r) => /^cloudflare-5\d\d$/.test(r.id) && !['cloudflare-502', 'cloudflare-504'].includes(r.id));
    assert.deepEqual(numbered.map((r) => r.id).sort(), cloudflareCodeNumbers.map((n) => `cloudflare-${n}`).sort());
  });
});

/** The one line of `text`, explained: its only finding. */
function only(line: string): Recogniser {
  const { findings } = explainLog(line);
  assert.equal(findings.length, 1, `one finding for: ${line}`);
  return findings[0].recogniser;
}

const nginxLine = (message: string, upstream: string) =>
  `2026/11/26 09:14:03 [error] 1234#1234: *56 ${message}, client: 203.0.113.7, server: example.com, request: "GET /shop/ HTTP/1.1", upstream: "${upstream}", host: "example.com"`;

describe('what each line means for the visitor', () => {
  test('Apache: mod_proxy_http’s timeout is a 502, mod_proxy_fcgi’s a 504', () => {
    const http = only(
      '[Thu Nov 26 09:14:03.123456 2026] [proxy_http:error] [pid 2345:tid 140234567890123] (70007)The timeout specified has expired: [client 203.0.113.7:51234] AH01102: error reading status line from remote server 127.0.0.1:19600',
    );
    assert.equal(http.id, 'apache-http-timeout');
    assert.match(http.meaning, /502 “Proxy Error”, not a 504/);
    const fcgi = only(
      '[Thu Nov 26 09:14:03.123456 2026] [proxy_fcgi:error] [pid 2345:tid 140234567890123] (70007)The timeout specified has expired: [client 203.0.113.7:51234] AH01075: Error dispatching request to :18080: (polling)',
    );
    assert.equal(fcgi.id, 'apache-timeout');
    assert.match(fcgi.meaning, /504 Gateway Timeout, not a 502/);
    // The companion line of every Apache 502.
    assert.match(get('apache-read-error').meaning, /502/);
  });

  test('Apache: a PHP worker that died mid-request is a 503, on both of its lines', () => {
    for (const id of ['apache-fcgi-header', 'apache-fcgi-reset']) {
      assert.match(get(id).meaning, /503 Service Unavailable/, id);
      assert.doesNotMatch(get(id).meaning, /or a 502/, id);
    }
    // The (104) is on the AH01075 line, not on AH01067's.
    assert.doesNotMatch(get('apache-fcgi-header').sample, /\(104\)/);
    assert.match(get('apache-fcgi-reset').sample, /\(104\)Connection reset by peer: .*AH01075/);
  });

  test('Apache: a backend that is down or rested is a 503', () => {
    for (const id of ['apache-connect-refused', 'apache-socket-refused', 'apache-socket-missing', 'apache-backend-connect-failed', 'apache-worker-disabled']) {
      assert.match(get(id).meaning, /503/, id);
    }
    assert.match(get('apache-worker-disabled').cause, /retry=0/);
  });

  test('Nginx: a reset or hang-up before the answer is a 502; after the page started, the page is cut off', () => {
    const header = [
      nginxLine('recv() failed (104: Connection reset by peer) while reading response header from upstream', 'fastcgi://unix:/run/php/php8.2-fpm.sock:'),
      nginxLine('upstream prematurely closed connection while reading response header from upstream', 'http://127.0.0.1:8000/'),
    ];
    for (const line of header) {
      const r = only(line);
      assert.match(r.meaning, /Visitors get a 502 Bad Gateway/, r.id);
    }
    const body = [
      nginxLine('readv() failed (104: Connection reset by peer) while reading upstream', 'fastcgi://unix:/run/php/php8.2-fpm.sock:'),
      nginxLine('recv() failed (104: Connection reset by peer) while reading upstream', 'http://127.0.0.1:3000/'),
      nginxLine('upstream prematurely closed connection while reading upstream', 'http://127.0.0.1:8000/'),
      nginxLine('upstream prematurely closed FastCGI stdout while reading upstream', 'fastcgi://127.0.0.1:9000'),
      nginxLine('upstream timed out (110: Connection timed out) while reading upstream', 'http://127.0.0.1:8000/'),
    ];
    for (const line of body) {
      const r = only(line);
      assert.equal(r.id, 'nginx-page-cut-off', line);
    }
    const cut = get('nginx-page-cut-off');
    assert.equal(cut.severity, 'warning');
    assert.match(cut.meaning, /status 200/);
    assert.match(cut.meaning, /cut|stops part-way/);
    assert.match(cut.meaning, /not a 502/);
    assert.doesNotMatch(cut.meaning, /Visitors get a 502/);
  });

  test('Nginx: a reset while passing on an upload is the upload, not the page', () => {
    for (const message of [
      'writev() failed (104: Connection reset by peer) while sending request to upstream',
      'writev() failed (32: Broken pipe) while sending request to upstream',
      'upstream prematurely closed connection while sending request to upstream',
    ]) {
      const r = only(nginxLine(message, 'fastcgi://unix:/run/php/php8.2-fpm.sock:'));
      assert.equal(r.id, 'nginx-upload-cut', message);
    }
    assert.match(get('nginx-upload-cut').cause, /upload_max_filesize|post_max_size/);
    // A time-out while sending is still Nginx's own 504.
    assert.equal(
      only(nginxLine('upstream timed out (110: Connection timed out) while sending request to upstream', 'http://10.0.0.12:8080/')).id,
      'nginx-upstream-timeout',
    );
  });

  test('Nginx: a connect time-out to this server means busy workers; to another machine, the firewall', () => {
    const timeout = 'upstream timed out (110: Connection timed out) while connecting to upstream';
    for (const upstream of [
      'fastcgi://127.0.0.1:9000',
      'http://127.0.0.1:3000/',
      'http://127.0.1.1:8080/',
      'http://[::1]:3000/',
      'http://localhost:3000/',
      'fastcgi://unix:/run/php/php8.2-fpm.sock:',
    ]) {
      const r = only(nginxLine(timeout, upstream));
      assert.equal(r.id, 'nginx-connect-timeout-local', upstream);
      assert.equal(r.step, 'php-workers', upstream);
    }
    for (const upstream of [
      'http://10.0.0.12:8080/',
      'fastcgi://192.168.1.20:9000',
      'http://[2001:db8::5]:80/',
      'http://backend/',
      'https://127.example.net/',
    ]) {
      const r = only(nginxLine(timeout, upstream));
      assert.equal(r.id, 'nginx-connect-timeout', upstream);
      assert.equal(r.step, 'firewall', upstream);
    }
    // The upstream is the last field: a loopback address elsewhere in the line doesn't count.
    const proxied = `2026/11/26 09:14:03 [error] 1234#1234: *56 ${timeout}, client: 127.0.0.1, server: example.com, request: "GET / HTTP/1.1", upstream: "http://10.0.0.12:8080/", host: "example.com"`;
    assert.equal(only(proxied).id, 'nginx-connect-timeout');
  });

  test('Nginx: all PHP workers busy is said plainly and leads to the workers', () => {
    const r = only(
      nginxLine(
        'connect() to unix:/run/php/php8.3-fpm.sock failed (11: Resource temporarily unavailable) while connecting to upstream',
        'fastcgi://unix:/run/php/php8.3-fpm.sock:',
      ),
    );
    assert.equal(r.id, 'nginx-workers-busy');
    assert.equal(r.step, 'php-workers');
    assert.equal(r.severity, 'critical');
    assert.match(r.meaning, /All of them were busy/);
    assert.match(r.meaning, /502 Bad Gateway/);
    assert.match(r.cause, /pm\.max_children = 5/);
  });

  test('Nginx: permission denied on a network upstream is SELinux, on a socket the socket’s owner', () => {
    const tcp = only(nginxLine('connect() to 127.0.0.1:3000 failed (13: Permission denied) while connecting to upstream', 'http://127.0.0.1:3000/'));
    assert.equal(tcp.id, 'nginx-tcp-permission');
    assert.match(tcp.cause, /setsebool -P httpd_can_network_connect 1/);
    const socket = only(
      nginxLine(
        'connect() to unix:/run/php/php8.2-fpm.sock failed (13: Permission denied) while connecting to upstream',
        'fastcgi://unix:/run/php/php8.2-fpm.sock:',
      ),
    );
    assert.equal(socket.id, 'nginx-socket-permission');
  });

  test('Nginx: lines that are not the 502 say so', () => {
    assert.match(get('nginx-script-not-found').meaning, /“File not found\.” \(a 404\), not a 502/);
    assert.match(get('nginx-rate-limited').meaning, /503 Service Unavailable/);
    assert.match(get('nginx-upstream-name-unknown').meaning, /refuses to start, or to reload/);
    for (const id of ['nginx-script-not-found', 'nginx-rate-limited', 'nginx-upstream-disabled']) assert.equal(get(id).severity, 'info', id);
  });

  test('PHP-FPM: its own time limit is signal 15; signal 9 comes from outside', () => {
    const term = only('[26-Nov-2026 09:14:03] WARNING: [pool www] child 27605 exited on signal 15 (SIGTERM) after 9.362107 seconds from start');
    assert.equal(term.id, 'fpm-worker-terminated');
    assert.equal(term.step, 'php-limits');
    assert.match(term.meaning, /execution timed out/);
    const kill = get('fpm-worker-killed');
    assert.match(kill.cause, /out-of-memory killer/);
    assert.match(kill.cause, /CloudLinux/);
    assert.match(kill.cause, /kill -9/);
    assert.match(kill.cause, /signal 15, not 9/);
    assert.doesNotMatch(kill.cause, /sometimes PHP-FPM’s own time limit/);
  });

  test('PHP-FPM: a failed bind is titled by its reason', () => {
    const bind = (address: string, reason: string) => `[26-Nov-2026 09:14:03] ERROR: unable to bind listening socket for address '${address}': ${reason}`;
    assert.match(only(bind('127.0.0.1:9000', 'Address already in use (98)')).title, /address is taken/);
    assert.match(only(bind('/run/php/php8.2-fpm.sock', 'No such file or directory (2)')).title, /folder for its socket is missing/);
    assert.match(only(bind('/run/php/php8.2-fpm.sock', 'Permission denied (13)')).title, /may not create/);
  });

  test('Cloudflare’s plain page is Cloudflare’s own failure, only in a form that can’t be anything else', () => {
    const plain = only(get('cloudflare-plain').sample);
    assert.equal(plain.step, 'cloudflare-status');
    assert.match(plain.meaning, /fault is its own/);
    const timeout =
      '<html><head><title>504 Gateway Time-out</title></head><body><center><h1>504 Gateway Time-out</h1></center><hr><center>cloudflare</center></body></html>';
    assert.equal(only(timeout).id, 'cloudflare-plain');
  });
});

describe('the PHP version a paste gives away', () => {
  test('is never taken from a socket that is missing', () => {
    const lines = [
      '2026/11/26 09:14:03 [crit] 1234#1234: *56 connect() to unix:/run/php/php8.1-fpm.sock failed (2: No such file or directory) while connecting to upstream, client: 203.0.113.7, server: example.com, request: "GET / HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.1-fpm.sock:", host: "example.com"',
      '[Thu Nov 26 09:14:03.123456 2026] [proxy:error] [pid 2345:tid 140234567890123] (2)No such file or directory: AH02454: FCGI: attempt to connect to Unix domain socket /run/php/php8.1-fpm.sock (localhost:8000) failed',
      '[Thu Nov 26 09:14:03.123456 2026] [proxy_fcgi:error] [pid 2345:tid 140234567890123] [client 203.0.113.7:51234] AH01079: failed to make connection to backend: localhost',
    ];
    for (const line of lines) assert.equal(explainLog(line).reveals.php, undefined, line);
    assert.equal(explainLog(lines.join('\n')).reveals.php, undefined);
  });

  test('comes from a line that proves the version runs, even when a missing socket names another', () => {
    const paste = [
      '2026/11/26 09:14:03 [crit] 1234#1234: *56 connect() to unix:/run/php/php8.1-fpm.sock failed (2: No such file or directory) while connecting to upstream, client: 203.0.113.7, server: example.com, request: "GET / HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.1-fpm.sock:", host: "example.com"',
      'Nov 26 09:14:03 web1 systemd[1]: Started php8.3-fpm.service - The PHP 8.3 FastCGI Process Manager.',
      "Nov 26 09:14:04 web1 systemd[1]: php8.3-fpm.service: Failed with result 'exit-code'.",
    ];
    assert.equal(explainLog(paste.join('\n')).reveals.php, '8.3');
  });

  test('is not read out of the addresses visitors ask for', () => {
    const access = nginxLine('upstream prematurely closed connection while reading response header from upstream', 'http://127.0.0.1:3000/').replace(
      'GET /shop/',
      'GET /docs/php/7.4/manual.html',
    );
    assert.equal(explainLog(access).reveals.php, undefined);
    assert.equal(phpVersionIn('GET /php/7.4/index.html'), undefined);
    assert.equal(phpVersionIn('/etc/php/7.4/fpm/php.ini'), '7.4');
  });
});

describe('other spellings of the same findings', () => {
  const cases: [line: string, id: string, reveals: Reveals][] = [
    [
      '2026/11/26 09:14:03 [error] 1234#1234: *56 connect() to unix:/run/php/php7.4-fpm.sock failed (111: Connection refused) while connecting to upstream, client: 203.0.113.7, server: example.com, request: "GET / HTTP/1.1", upstream: "fastcgi://unix:/run/php/php7.4-fpm.sock:", host: "example.com"',
      'nginx-connect-refused',
      { server: 'nginx', php: '7.4' },
    ],
    [
      '2026/11/26 09:14:03 [error] 1234#1234: *56 upstream prematurely closed FastCGI stdout while reading response header from upstream, client: 203.0.113.7, server: example.com, request: "GET / HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.3-fpm.sock:", host: "example.com"',
      'nginx-premature-close',
      { server: 'nginx', php: '8.3' },
    ],
    [
      '2026/11/26 09:14:03 [error] 1234#1234: *56 upstream SSL certificate does not match "backend.internal" while SSL handshaking to upstream, client: 203.0.113.7, server: example.com, request: "GET / HTTP/1.1", upstream: "https://10.0.0.12:443/", host: "example.com"',
      'nginx-upstream-cert-verify',
      { server: 'nginx' },
    ],
    [
      '2026/11/26 09:14:03 [error] 1234#1234: *56 FastCGI sent in stderr: "PHP message: PHP Fatal error:  Allowed memory size of 268435456 bytes exhausted (tried to allocate 65536 bytes) in /var/www/html/wp-content/plugins/big/big.php on line 3" while reading response header from upstream, client: 203.0.113.7, server: example.com, request: "GET / HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "example.com"',
      'php-memory-exhausted',
      { server: 'nginx', php: '8.2' },
    ],
    [
      "[Thu Nov 26 09:14:03.123456 2026] [proxy_fcgi:error] [pid 2345:tid 140234567890123] [client 203.0.113.7:51234] AH01071: Got error 'PHP message: PHP Warning:  Undefined variable $x in /var/www/html/a.php on line 2PHP message: PHP Fatal error:  Uncaught TypeError: count(): Argument #1 must be of type Countable in /var/www/html/a.php:9'",
      'apache-php-message',
      { server: 'apache' },
    ],
    [
      "[Thu Nov 26 09:14:03.123456 2026] [proxy_fcgi:error] [pid 2345:tid 140234567890123] [client 203.0.113.7:51234] AH01071: Got error 'PHP message: PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 4096 bytes) in /var/www/html/index.php on line 5'",
      'php-memory-exhausted',
      { server: 'apache' },
    ],
    [
      '[Thu Nov 26 09:14:03.123456 2026] [proxy_http:error] [pid 2345:tid 140234567890123] (111)Connection refused: [client 203.0.113.7:51234] AH00957: HTTP: attempt to connect to 127.0.0.1:8080 (localhost:8080) failed',
      'apache-connect-refused',
      { server: 'apache' },
    ],
    [
      '[Thu Nov 26 09:14:03.123456 2026] [proxy_http:error] [pid 2345:tid 140234567890123] [client 203.0.113.7:51234] AH01114: HTTP: failed to make connection to backend: localhost',
      'apache-backend-connect-failed',
      { server: 'apache' },
    ],
    [
      '[Thu Nov 26 09:14:03.123456 2026] [proxy_http:error] [pid 2345:tid 140234567890123] (70007)The timeout specified has expired: [client 203.0.113.7:51234] AH01102: error reading status line from remote server 127.0.0.1:8080',
      'apache-http-timeout',
      { server: 'apache' },
    ],
    [
      '[Thu Nov 26 09:14:03.123456 2026] [proxy:error] [pid 2345:tid 140234567890123] AH00940: http: disabled connection for (127.0.0.1:3000)',
      'apache-worker-disabled',
      { server: 'apache' },
    ],
    [
      '[Thu Nov 26 09:14:03.123456 2026] [proxy_balancer:error] [pid 2345:tid 140234567890123] [client 203.0.113.7:51234] AH01170: balancer://app: All workers are in error state',
      'apache-worker-disabled',
      { server: 'apache' },
    ],
    [
      '[Thu Nov 26 09:14:03.123456 2026] [mpm_prefork:error] [pid 1234] AH00161: server reached MaxRequestWorkers setting, consider raising the MaxRequestWorkers setting',
      'apache-max-workers',
      { server: 'apache' },
    ],
    ['2026/11/26 09:14:03 [emerg] 1234#1234: bind() to [::]:443 failed (98: Address already in use)', 'nginx-port-taken', { server: 'nginx' }],
    ['nginx: [emerg] host not found in upstream "php-app:9000" in /etc/nginx/conf.d/site.conf:20', 'nginx-upstream-name-unknown', { server: 'nginx' }],
    [
      'Nov 26 09:14:03 web1 kernel: [12345.678901] Out of memory: Kill process 4321 (php-fpm7.4) score 512 or sacrifice child',
      'kernel-oom-kill',
      { php: '7.4' },
    ],
    ['Nov 26 09:14:03 web1 kernel: Memory cgroup out of memory: Killed process 987 (nginx) total-vm:123kB', 'kernel-oom-kill', { server: 'nginx' }],
    ['Nov 26 09:14:03 web1 systemd[1]: Failed to start The PHP 7.4 FastCGI Process Manager.', 'systemd-fpm-start-failed', { php: '7.4' }],
    ['Nov 26 09:14:03 web1 systemd[1]: php-fpm.service: Main process exited, code=killed, status=9/KILL', 'systemd-fpm-exited', {}],
    ["Nov 26 09:14:03 web1 systemd[1]: apache2.service: Failed with result 'exit-code'.", 'systemd-web-server-failed', { server: 'apache' }],
    ['[26-Nov-2026 09:14:03] WARNING: [pool www] server reached max_children setting (10), consider raising it', 'fpm-max-children', {}],
    // Pool names as panels write them: cPanel's example_com, Plesk's example.com.
    ['[26-Nov-2026 09:14:03] WARNING: [pool example_com] server reached pm.max_children setting (5), consider raising it', 'fpm-max-children', {}],
    ['[26-Nov-2026 09:14:03] WARNING: [pool example.com] server reached pm.max_children setting (5), consider raising it', 'fpm-max-children', {}],
    [
      '[26-Nov-2026 09:14:03] WARNING: [pool example_com] seems busy (you may need to increase pm.start_servers, or pm.min/max_spare_servers), spawning 8 children, there are 0 idle, and 13 total children',
      'fpm-seems-busy',
      {},
    ],
    [
      '[26-Nov-2026 09:14:03] WARNING: [pool example.com] child 27605, script \'/var/www/vhosts/example.com/httpdocs/index.php\' (request: "GET /index.php") execution timed out (30.029440 sec), terminating',
      'fpm-execution-timeout',
      {},
    ],
    [
      '[26-Nov-2026 09:14:03] WARNING: [pool example.com] child 27605 exited on signal 15 (SIGTERM) after 30.362107 seconds from start',
      'fpm-worker-terminated',
      {},
    ],
    ['[26-Nov-2026 09:14:03] WARNING: [pool example_com] child 27605 exited on signal 9 (SIGKILL) after 3.1 seconds from start', 'fpm-worker-killed', {}],
    ['[26-Nov-2026 09:14:03] WARNING: [pool example_com] child 27605 exited on signal 11 (SIGSEGV) after 3.1 seconds from start', 'fpm-worker-crashed', {}],
    [
      '[26-Nov-2026 09:14:03] ALERT: [pool example.com] pm.min_spare_servers(1) and pm.max_spare_servers(4) cannot be greater than pm.max_children(2)',
      'fpm-spare-servers',
      {},
    ],
    [
      "[26-Nov-2026 09:14:03] ERROR: unable to bind listening socket for address '/opt/cpanel/ea-php81/root/usr/var/run/php-fpm/example_com.sock': No such file or directory (2)",
      'fpm-bind-no-folder',
      { php: '8.1' },
    ],
    ['[26-Nov-2026 09:14:03] ERROR: Another FPM instance seems to already listen on /var/run/php-fpm/www.sock', 'fpm-already-running', {}],
    ['Error: listen EADDRINUSE: address already in use 127.0.0.1:8080', 'node-port-taken', {}],
    ['<span class="inline-block">Error code 522</span>', 'cloudflare-522', {}],
    ['example.com | 521: Web server is down  Error code: 521', 'cloudflare-521', {}],
  ];
  for (const [line, id, reveals] of cases) {
    test(`${id}: ${line.slice(0, 70)}…`, () => {
      const result = explainLog(line);
      assert.deepEqual(ids(result), [id]);
      assert.deepEqual(result.reveals, reveals);
    });
  }

  test('PHP versions are read from the usual spellings', () => {
    assert.equal(phpVersionIn('/run/php/php8.2-fpm.sock'), '8.2');
    assert.equal(phpVersionIn('php-fpm8.1'), '8.1');
    assert.equal(phpVersionIn('/etc/php/7.4/fpm/pool.d/www.conf'), '7.4');
    assert.equal(phpVersionIn('php82-php-fpm.service'), '8.2');
    assert.equal(phpVersionIn('/opt/cpanel/ea-php81/root/usr/var/run/php-fpm/abc.sock'), '8.1');
    assert.equal(phpVersionIn('/run/php/php-fpm.sock'), undefined);
    assert.equal(phpVersionIn('127.0.0.1:9000'), undefined);
  });
});

/** Lines that must explain nothing. */
const harmless = [
  '203.0.113.7 - - [26/Nov/2026:09:14:03 +0000] "GET /wp-login.php HTTP/1.1" 200 4521 "-" "Mozilla/5.0 (X11; Linux x86_64)"',
  '203.0.113.7 - - [26/Nov/2026:09:14:03 +0000] "GET /blog/how-to-fix-502-bad-gateway-error-521 HTTP/1.1" 200 18230 "https://www.google.com/" "Mozilla/5.0"',
  '127.0.0.1 - - [26/Nov/2026:09:14:03 +0000] "GET /index.php" 200',
  '2026/11/26 09:14:03 [notice] 1#1: signal process started',
  '2026/11/26 09:14:03 [notice] 1#1: using the "epoll" event method',
  '2026/11/26 09:14:03 [info] 1234#1234: *56 client 203.0.113.7 closed keepalive connection',
  '2026/11/26 09:14:03 [error] 1234#1234: *56 open() "/var/www/html/favicon.ico" failed (2: No such file or directory), client: 203.0.113.7, server: example.com, request: "GET /favicon.ico HTTP/1.1", host: "example.com"',
  '[26-Nov-2026 09:14:03 UTC] PHP Notice:  Undefined index: foo in /var/www/html/index.php on line 3',
  '[26-Nov-2026 09:14:03 UTC] PHP Deprecated:  Function create_function() is deprecated in /var/www/html/wp-content/plugins/old/old.php on line 4',
  '[26-Nov-2026 09:14:03 UTC] PHP Warning:  Undefined array key "x" in /var/www/html/index.php on line 7',
  "[Thu Nov 26 09:14:03.123456 2026] [proxy_fcgi:error] [pid 2345:tid 140234567890123] [client 203.0.113.7:51234] AH01071: Got error 'PHP message: PHP Deprecated:  Creation of dynamic property is deprecated in /var/www/html/a.php on line 9'",
  "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using 127.0.1.1. Set the 'ServerName' directive globally to suppress this message",
  '[Thu Nov 26 09:14:03.123456 2026] [mpm_event:notice] [pid 1234:tid 140234567890123] AH00489: Apache/2.4.58 (Ubuntu) configured -- resuming normal operations',
  '[26-Nov-2026 09:14:03] NOTICE: fpm is running, pid 1234',
  '[26-Nov-2026 09:14:03] NOTICE: ready to handle connections',
  '[26-Nov-2026 09:14:03] WARNING: [pool www] child 1234 exited with code 0 after 3600.123 seconds from start',
  'Nov 26 09:14:03 web1 systemd[1]: Started php8.2-fpm.service - The PHP 8.2 FastCGI Process Manager.',
  'Nov 26 09:14:03 web1 systemd[1]: php8.2-fpm.service: Main process exited, code=exited, status=0/SUCCESS',
  'Nov 26 09:14:03 web1 kernel: [12345.678] php-fpm8.2 invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0',
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
  // Cloudflare's plain pages for other codes, and its name on a line of its own: not its own 502.
  '<html><head><title>400 Bad Request</title></head><body><center><h1>400 Bad Request</h1></center><center>Request Header Or Cookie Too Large</center><hr><center>cloudflare</center></body></html>',
  '<hr><center>cloudflare</center>',
  'cloudflare',
  '502 Bad Gateway',
  '[26-Nov-2026 09:14:03] NOTICE: [pool www] child 27606 started',
  '2026/11/26 09:14:03 [info] 1234#1234: *56 client closed connection while waiting for request, client: 203.0.113.7, server: 127.0.0.1:80',
  '<script>alert("Error 52x")</script>',
  'Visit cloudflare.com for more information.',
  'Error 404 Not Found',
];

describe('harmless lines', () => {
  for (const line of harmless) {
    test(`explain nothing: ${line.slice(0, 70)}…`, () => {
      const result = explainLog(line);
      assert.deepEqual(ids(result), []);
      assert.equal(result.total, 1);
      assert.equal(result.unmatched, 1);
      assert.ok(!JSON.stringify(result).includes(line.slice(0, 40)), 'the line is not echoed');
    });
  }

  test('still give away the web server by their format', () => {
    assert.deepEqual(explainLog('2026/11/26 09:14:03 [notice] 1#1: signal process started').reveals, { server: 'nginx' });
    assert.deepEqual(explainLog(harmless.find((l) => l.startsWith('AH00558'))!).reveals, { server: 'apache' });
    assert.deepEqual(explainLog(harmless[0]).reveals, {});
  });
});

describe('a realistic mixed excerpt', () => {
  const s = (id: string) => get(id).sample;
  const excerpt = [
    'Here is what the log says:',
    '',
    '2026/11/26 09:14:01 [notice] 1#1: signal process started',
    '203.0.113.9 - - [26/Nov/2026:09:14:02 +0000] "GET /shop/zzqq-noise-access-7f3a HTTP/1.1" 200 5123 "-" "Mozilla/5.0"',
    s('fpm-max-children'),
    s('fpm-slow-script'),
    s('nginx-connection-reset'),
    s('fpm-max-children'),
    '[26-Nov-2026 09:14:04 UTC] PHP Notice:  Undefined index: zzqq-noise-notice-91bd in /var/www/html/index.php on line 3',
    s('nginx-connect-refused'),
    s('nginx-connect-refused'),
    '   ',
    s('php-memory-exhausted'),
    s('kernel-oom-kill'),
    '<div class="zzqq-noise-html-c0de">Hello</div>',
    s('nginx-connect-refused'),
    s('fpm-worker-killed'),
    s('php-memory-exhausted'),
    '2026/11/26 09:14:09 [info] 1234#1234: *60 client zzqq-noise-info-5e11 closed keepalive connection',
    s('nginx-connect-refused'),
    s('nginx-connect-refused'),
    s('fpm-max-children'),
    'Thanks! zzqq-noise-chat-aa01',
  ];
  const result = explainLog(excerpt.join('\r\n'));

  test('lists findings by severity, then count, then first appearance', () => {
    assert.deepEqual(
      result.findings.map((f) => [f.recogniser.id, f.count, f.firstLine]),
      [
        ['nginx-connect-refused', 5, 10],
        ['kernel-oom-kill', 1, 14],
        ['php-memory-exhausted', 2, 13],
        ['nginx-connection-reset', 1, 7],
        ['fpm-worker-killed', 1, 17],
        ['fpm-max-children', 3, 5],
        ['fpm-slow-script', 1, 6],
      ],
    );
  });

  test('counts the lines', () => {
    assert.equal(result.total, 21);
    assert.equal(result.unmatched, 7);
    assert.equal(result.truncated, false);
    assert.equal(result.findings.reduce((n, f) => n + f.count, 0) + result.unmatched, result.total);
  });

  test('keeps at most three lines a finding', () => {
    const refused = result.findings[0];
    assert.equal(refused.lines.length, 3);
    assert.ok(refused.lines.every((l) => l === s('nginx-connect-refused')));
  });

  test('gives away the web server and PHP version', () => {
    assert.deepEqual(result.reveals, { server: 'nginx', php: '8.2' });
  });

  test('never repeats a line it didn’t recognise', () => {
    const json = JSON.stringify(result);
    assert.doesNotMatch(json, /zzqq/);
    assert.ok(!json.includes('Here is what the log says'));
  });
});

describe('size limits', () => {
  test('looks only at the first 200 KiB of a 1 MiB paste, cut at a line boundary', () => {
    const noise = '203.0.113.9 - - [26/Nov/2026:09:14:02 +0000] "GET / HTTP/1.1" 200 5123 "-" "Mozilla/5.0"';
    const block = [noise, get('fpm-max-children').sample, noise].join('\n') + '\n';
    const text = block.repeat(Math.ceil((1024 * 1024) / block.length)) + get('kernel-oom-kill').sample;
    assert.ok(Buffer.byteLength(text) >= 1024 * 1024);
    const result = explainLog(text);
    assert.equal(result.truncated, true);
    const head = Buffer.from(text).subarray(0, maxInputBytes).toString();
    const whole = head
      .slice(0, head.lastIndexOf('\n'))
      .split('\n')
      .filter((l) => l.trim());
    assert.equal(result.total, whole.length);
    assert.deepEqual(ids(result), ['fpm-max-children'], 'the line after the limit is not looked at');
    assert.equal(result.findings[0].count, whole.filter((l) => l === get('fpm-max-children').sample).length);
  });

  test('counts bytes, not characters', () => {
    const text = ('€'.repeat(1000) + '\n').repeat(100); // 3001 bytes a line
    const result = explainLog(text);
    assert.equal(result.truncated, true);
    assert.equal(result.total, Math.floor(maxInputBytes / 3001));
  });

  test('an input of exactly the limit is not truncated', () => {
    const line = 'x'.repeat(1023) + '\n';
    const result = explainLog(line.repeat(200));
    assert.equal(result.truncated, false);
    assert.equal(result.total, 200);
    assert.equal(explainLog(line.repeat(200) + 'x').truncated, true);
  });

  test('survives a 10 MB line with no line break', () => {
    const result = explainLog(get('nginx-connect-refused').sample + 'a'.repeat(10 * 1024 * 1024));
    assert.equal(result.truncated, true);
    assert.equal(result.total, 1);
    assert.deepEqual(ids(result), ['nginx-connect-refused']);
    assert.equal(result.findings[0].lines[0].length, 500);
  });

  test('cuts long lines to 8 KiB before matching', () => {
    const result = explainLog('x'.repeat(9000) + get('nginx-connect-refused').sample);
    assert.deepEqual(ids(result), []);
    assert.equal(result.unmatched, 1);
  });
});

describe('any input at all', () => {
  const sample = fc.constantFrom(...recognisers.map((r) => r.sample));
  const html = fc.constantFrom(
    '<script>alert(1)</script>',
    '<html><body><h1>502 Bad Gateway</h1></body></html>',
    '<img src=x onerror="alert(\'oops\')">',
    '<!-- cloudflare error page -->',
  );
  const control = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((n) => String.fromCharCode(n)) });
  const line = fc.oneof(
    sample,
    html,
    control,
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    sample.chain((s) => fc.nat(s.length).map((n) => s.slice(0, n))),
  );
  const marker = fc.stringMatching(/^[a-z0-9]{10,24}$/).map((s) => `zzqq${s}`);

  function checkInvariants(result: Explanation, text: string) {
    assert.ok(result.findings.length <= recognisers.length);
    assert.ok(result.total >= result.unmatched);
    assert.ok(result.unmatched >= 0);
    assert.ok(result.findings.every((f) => f.count >= 1 && f.firstLine >= 1 && f.lines.length >= 1 && f.lines.length <= 3));
    assert.ok(result.findings.every((f) => f.lines.every((l) => l.length <= 500)));
    assert.equal(new Set(ids(result)).size, result.findings.length);
    assert.equal(result.findings.reduce((n, f) => n + f.count, 0) + result.unmatched + result.unexamined, result.total);
    assert.equal(result.total, text.split(/\r\n|\r|\n/).filter((l) => /\S/.test(l)).length);
  }

  test('never throws on binary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        checkInvariants(explainLog(text), text);
      }),
      { numRuns: 500 },
    );
  });

  test('never throws on grapheme strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 500 }), (text) => {
        checkInvariants(explainLog(text), text);
      }),
      { numRuns: 500 },
    );
  });

  test('never throws on lines mixing samples, control characters, HTML and noise', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        const text = lines.join(eol);
        checkInvariants(explainLog(text), text);
      }),
      { numRuns: 500 },
    );
  });

  test('never repeats a line it didn’t recognise', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), marker, fc.nat(), (lines, m, at) => {
        const all = [...lines];
        all.splice(at % (all.length + 1), 0, m);
        const result = explainLog(all.join('\n'));
        assert.ok(!JSON.stringify(result).includes(m));
        assert.ok(result.unmatched >= 1);
      }),
      { numRuns: 500 },
    );
  });

  test('finds every sample wherever it sits among noise', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(html, control, marker), { maxLength: 15 }), fc.constantFrom(...recognisers), fc.nat(), (noise, r, at) => {
        const all = noise.map((n) => n.replace(/[\r\n]/g, ' '));
        all.splice(at % (all.length + 1), 0, r.sample);
        const result = explainLog(all.join('\n'));
        assert.equal(result.findings.length, 1);
        assert.equal(result.findings[0].recogniser.id, r.id);
      }),
      { numRuns: 300 },
    );
  });
});
