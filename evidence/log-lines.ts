/**
 * The lines of server logs (and of pasted error pages) that we can explain.
 *
 * Pure data: one entry per finding, in table order. A line counts for the
 * first entry whose pattern matches it, so specific patterns come before
 * general ones. Every pattern is tested against one line of at most a few
 * kilobytes, and is kept linear-time safe: it starts with a literal, has no
 * nested quantifiers, and every gap between two literals is bounded.
 */

export type Severity = 'critical' | 'error' | 'warning' | 'info';
export type LogSource = 'nginx' | 'apache' | 'php-fpm' | 'php' | 'kernel' | 'systemd' | 'cloudflare';
export interface Reveals {
  server?: 'nginx' | 'apache';
  /** Like '8.2'. */
  php?: string;
}
export type StepId =
  | 'server-health'
  | 'proxy'
  | 'firewall'
  | 'dns'
  | 'plugins'
  | 'logs'
  | 'restart'
  | 'php-limits'
  | 'contact-host';

export interface Recogniser {
  /** Stable kebab-case id. */
  id: string;
  source: LogSource;
  /** Tested against one line; never global or sticky. */
  pattern: RegExp;
  severity: Severity;
  /** Short plain-language name. */
  title: string;
  /** What the line says, in one or two plain sentences. */
  meaning: string;
  /** The likely cause and what to do, in one or two plain sentences. */
  cause: string;
  /** The wizard step that fixes it. */
  step: StepId;
  /** What the line gives away about the setup. */
  reveals?: (match: RegExpExecArray, line: string) => Reveals;
  /** A real-looking full log line, as the software writes it. */
  sample: string;
}

/** Display order: critical first. */
export const severities: readonly Severity[] = ['critical', 'error', 'warning', 'info'];

/** PHP versions as packages, sockets, services and paths spell them. */
const dottedPhp: readonly RegExp[] = [
  /\bphp(\d\.\d{1,2})-fpm/i, // php8.2-fpm.sock, php8.2-fpm.service
  /\bphp-fpm(\d\.\d{1,2})\b/i, // php-fpm8.2, Debian's and Ubuntu's program name
  /\/php\/(\d\.\d{1,2})\//i, // /etc/php/8.2/fpm/
  /\bPHP (\d\.\d{1,2}) FastCGI\b/i, // "The PHP 8.2 FastCGI Process Manager"
];
const compactPhp: readonly RegExp[] = [
  /\bphp([578])(\d)(?:-php)?-fpm\b/i, // php82-php-fpm (Remi), plesk-php82-fpm
  /\bphp-fpm([578])(\d)\b/i, // php-fpm82 (Alpine)
  /\b(?:ea|alt)-php([578])(\d)\b/i, // ea-php82 (cPanel), alt-php82 (CloudLinux)
];

/** The PHP version a line names, like '8.2', if any. */
export function phpVersionIn(text: string): string | undefined {
  for (const p of dottedPhp) {
    const m = p.exec(text);
    if (m) return m[1];
  }
  for (const p of compactPhp) {
    const m = p.exec(text);
    if (m) return `${m[1]}.${m[2]}`;
  }
  return undefined;
}

/** Reveals the PHP version the line names, if any. */
const phpFromLine = (_match: RegExpExecArray, line: string): Reveals => {
  const php = phpVersionIn(line);
  return php ? { php } : {};
};

/** Reveals the PHP version named in the first capture group (a socket path, a process or unit name). */
const phpFromCapture = (match: RegExpExecArray, line: string): Reveals => {
  const php = phpVersionIn(match[1] ?? '') ?? phpVersionIn(line);
  return php ? { php } : {};
};

/** The web server or PHP version a program or service name gives away. */
function programReveals(name: string): Reveals {
  if (/^nginx\b/i.test(name)) return { server: 'nginx' };
  if (/^(?:apache2|httpd)\b/i.test(name)) return { server: 'apache' };
  const php = phpVersionIn(name);
  return php ? { php } : {};
}

/** Reveals what the program named in the first capture group gives away. */
const programFromCapture = (match: RegExpExecArray): Reveals => programReveals(match[1] ?? '');

const nginxTime = '2026/11/26 09:14:03';
const nginxTail = ', client: 203.0.113.7, server: example.com, request: "GET / HTTP/1.1"';
const apacheTime = '[Thu Nov 26 09:14:03.123456 2026]';
const apachePid = '[pid 2345:tid 140234567890123]';
const apacheClient = '[client 203.0.113.7:51234]';
const fpmTime = '[26-Nov-2026 09:14:03]';

/** What "upstream" means, for lines that use the word. */
const upstream = 'the upstream (the program Nginx passes requests to: usually PHP-FPM, which runs PHP, or your app)';
const Upstream = `T${upstream.slice(1)}`;

const table: Recogniser[] = [
  // ---------------------------------------------------------------- Nginx
  {
    id: 'nginx-socket-missing',
    source: 'nginx',
    pattern: /connect\(\) to unix:(\S{1,512}) failed \(2: No such file or directory\)/i,
    severity: 'critical',
    title: 'Nginx can’t find PHP’s socket file',
    meaning:
      'Nginx tried to hand a request to PHP through a socket file (a small file PHP-FPM creates so other programs can talk to it), and that file doesn’t exist. Visitors get a 502 Bad Gateway.',
    cause:
      'Either PHP-FPM has stopped, or PHP was upgraded and the socket has a new name (php8.3-fpm.sock instead of php8.2-fpm.sock, say) while Nginx still points at the old one. Make the socket path in the Nginx settings match the PHP version that is running.',
    step: 'proxy',
    reveals: phpFromCapture,
    sample: `${nginxTime} [crit] 1234#1234: *56 connect() to unix:/run/php/php8.2-fpm.sock failed (2: No such file or directory) while connecting to upstream${nginxTail}, upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "example.com"`,
  },
  {
    id: 'nginx-socket-permission',
    source: 'nginx',
    pattern: /connect\(\) to unix:(\S{1,512}) failed \(13: Permission denied\)/i,
    severity: 'critical',
    title: 'Nginx isn’t allowed to use PHP’s socket file',
    meaning:
      'Nginx found the socket file it uses to talk to PHP-FPM, but was refused permission to use it, so every PHP page gives a 502 Bad Gateway.',
    cause:
      'The socket belongs to a user or group Nginx isn’t part of. In the PHP-FPM pool settings, set listen.owner, listen.group and listen.mode so the Nginx user (often www-data or nginx) may use it, then restart PHP-FPM.',
    step: 'proxy',
    reveals: phpFromCapture,
    sample: `${nginxTime} [crit] 1234#1234: *56 connect() to unix:/run/php/php8.1-fpm.sock failed (13: Permission denied) while connecting to upstream${nginxTail}, upstream: "fastcgi://unix:/run/php/php8.1-fpm.sock:", host: "example.com"`,
  },
  {
    id: 'nginx-connect-refused',
    source: 'nginx',
    pattern: /connect\(\)(?: to (\S{1,512}))? failed \(111: Connection refused\) while connecting to upstream/i,
    severity: 'critical',
    title: 'Nginx found nothing listening where it sends requests',
    meaning: `Nginx tried to reach ${upstream}, and nothing was listening at the address in its settings. Visitors get a 502 Bad Gateway.`,
    cause:
      'PHP-FPM or your app has stopped or crashed, or it now listens on a different port or socket. Restarting it usually brings the site back; if it doesn’t stay up, its own log says why.',
    step: 'restart',
    reveals: phpFromLine,
    sample: `${nginxTime} [error] 1234#1234: *56 connect() failed (111: Connection refused) while connecting to upstream${nginxTail}, upstream: "fastcgi://127.0.0.1:9000", host: "example.com"`,
  },
  {
    id: 'nginx-no-route',
    source: 'nginx',
    pattern: /connect\(\)(?: to \S{1,512})? failed \((?:113: No route to host|101: Network is unreachable)\)/i,
    severity: 'critical',
    title: 'Nginx can’t reach the server behind it over the network',
    meaning:
      'Nginx passes requests on to a program on another machine, and the network reported there is no way to get there. Visitors get a 502 Bad Gateway.',
    cause:
      'A firewall is rejecting the connection, the other machine is switched off, or its address has changed. Check the firewall rules between the two servers, and that the backend server is up at the address in the Nginx settings.',
    step: 'firewall',
    sample: `${nginxTime} [error] 1234#1234: *56 connect() failed (113: No route to host) while connecting to upstream${nginxTail}, upstream: "http://10.0.0.12:8080/", host: "example.com"`,
  },
  {
    id: 'nginx-connect-timeout',
    source: 'nginx',
    pattern: /upstream timed out \(110: [a-z ]{1,40}\) while connecting to upstream/i,
    severity: 'error',
    title: 'Nginx got no reply when it tried to connect to the server behind it',
    meaning: `Nginx tried to open a connection to ${upstream} and heard nothing back before giving up. This one gives visitors a 504 Gateway Timeout rather than a 502.`,
    cause:
      'Most often a firewall silently drops the connection, or the backend server is so overloaded it can’t accept new connections. Check the firewall between them and how busy the backend server is.',
    step: 'firewall',
    reveals: phpFromLine,
    sample: `${nginxTime} [error] 1234#1234: *56 upstream timed out (110: Connection timed out) while connecting to upstream${nginxTail}, upstream: "http://10.0.0.12:8080/", host: "example.com"`,
  },
  {
    id: 'nginx-host-not-found',
    source: 'nginx',
    pattern: /could not be resolved \(\d{1,3}: [a-z ]{1,40}\)/i,
    severity: 'critical',
    title: 'Nginx can’t look up the name of the server behind it',
    meaning:
      'The Nginx settings send requests to a server by its name, and that name couldn’t be turned into an address. Visitors get a 502 Bad Gateway.',
    cause:
      'The name is misspelled, its DNS record was removed or changed, or the server can’t reach its DNS resolver. Nginx looks names up when it starts or reloads (or per request, with a “resolver” setting), so reload Nginx once the name works again.',
    step: 'dns',
    sample: `${nginxTime} [error] 1234#1234: *56 backend.internal.example could not be resolved (3: Host not found)${nginxTail}, host: "example.com"`,
  },
  {
    id: 'nginx-premature-close',
    source: 'nginx',
    pattern: /upstream prematurely closed (?:connection|FastCGI (?:stdout|request))/i,
    severity: 'error',
    title: 'The program behind Nginx hung up before answering',
    meaning: `Nginx handed a request over to ${upstream}, which closed the connection before sending a proper answer. Visitors get a 502 Bad Gateway.`,
    cause:
      'The program most likely crashed or was stopped while working on the page. The PHP or app error log from the same moment usually says what went wrong.',
    step: 'logs',
    reveals: phpFromLine,
    sample: `${nginxTime} [error] 1234#1234: *56 upstream prematurely closed connection while reading response header from upstream${nginxTail}, upstream: "http://127.0.0.1:3000/", host: "example.com"`,
  },
  {
    id: 'nginx-connection-reset',
    source: 'nginx',
    pattern: /(?:recv|readv|read|writev|write)\(\) failed \(104: Connection reset by peer\) while [a-z ]{1,60}upstream/i,
    severity: 'error',
    title: 'The program behind Nginx cut the connection off mid-page',
    meaning: `While Nginx was waiting for an answer, ${upstream} dropped the connection abruptly. Visitors get a 502 Bad Gateway.`,
    cause:
      'Usually the PHP worker was stopped part-way through a page: by PHP-FPM’s request_terminate_timeout because the page ran too long, or by a signal such as the out-of-memory killer. PHP-FPM’s own log from the same moment says which.',
    step: 'php-limits',
    reveals: phpFromLine,
    sample: `${nginxTime} [error] 1234#1234: *56 recv() failed (104: Connection reset by peer) while reading response header from upstream, client: 203.0.113.7, server: example.com, request: "POST /wp-admin/admin-ajax.php HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.1-fpm.sock:", host: "example.com"`,
  },
  {
    id: 'nginx-upstream-timeout',
    source: 'nginx',
    pattern: /upstream timed out \(110: [a-z ]{1,40}\) while (?:reading|sending)/i,
    severity: 'error',
    title: 'Nginx gave up waiting for PHP or your app to answer',
    meaning: `${Upstream} took the request but didn’t answer within Nginx’s own time limit (fastcgi_read_timeout or proxy_read_timeout, 60 seconds unless changed). This one gives visitors a 504 Gateway Timeout, not a 502.`,
    cause:
      'A page is taking too long: a slow plugin, a heavy database query, or a call to another website that hangs. Find the slow page first; raise the time limits only if the work really needs longer.',
    step: 'php-limits',
    reveals: phpFromLine,
    sample: `${nginxTime} [error] 1234#1234: *56 upstream timed out (110: Connection timed out) while reading response header from upstream${nginxTail}, upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "example.com"`,
  },
  {
    id: 'nginx-header-too-big',
    source: 'nginx',
    pattern: /upstream sent too big header/i,
    severity: 'error',
    title: 'PHP or your app sent Nginx more header data than it has room for',
    meaning:
      'The answer began with headers (cookies, redirects and the like) bigger than the space Nginx keeps for them, so Nginx threw the answer away. Visitors get a 502 Bad Gateway.',
    cause:
      'Often many or large cookies, or a plugin that adds big headers. Raise fastcgi_buffer_size and fastcgi_buffers (or proxy_buffer_size and proxy_buffers, when Nginx passes requests on over HTTP) in the Nginx settings, then reload Nginx.',
    step: 'proxy',
    reveals: phpFromLine,
    sample: `${nginxTime} [error] 1234#1234: *56 upstream sent too big header while reading response header from upstream${nginxTail}, upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "example.com"`,
  },
  {
    id: 'nginx-invalid-header',
    source: 'nginx',
    pattern: /upstream sent (?:invalid header|invalid status|no valid HTTP\/1\.0 header|unexpected FastCGI record)/i,
    severity: 'error',
    title: 'Nginx couldn’t make sense of the answer from the program behind it',
    meaning: `${Upstream} answered in a form Nginx didn’t expect, so Nginx couldn’t pass it on. Visitors get a 502 Bad Gateway.`,
    cause:
      'Usually the two are speaking different languages: Nginx talks plain HTTP to a PHP-FPM port, or FastCGI to a web app. Check that the proxy_pass or fastcgi_pass line points at the right kind of program.',
    step: 'proxy',
    reveals: phpFromLine,
    sample: `${nginxTime} [error] 1234#1234: *56 upstream sent no valid HTTP/1.0 header while reading response header from upstream${nginxTail}, upstream: "http://127.0.0.1:9000/", host: "example.com"`,
  },
  {
    id: 'nginx-no-live-upstreams',
    source: 'nginx',
    pattern: /no live upstreams while connecting to upstream/i,
    severity: 'critical',
    title: 'Nginx has marked every server behind it as down',
    meaning:
      'Nginx has a list of servers to pass requests to, and after repeated failures it has stopped trying all of them for now. Visitors get a 502 Bad Gateway straight away.',
    cause:
      'Earlier errors (refused connections or timeouts, usually just above this line) made Nginx give up on each one. Check the servers behind Nginx are running and not overloaded; restarting them often clears it.',
    step: 'server-health',
    sample: `${nginxTime} [error] 1234#1234: *56 no live upstreams while connecting to upstream${nginxTail}, upstream: "http://backend/", host: "example.com"`,
  },
  {
    id: 'nginx-upstream-cert-verify',
    source: 'nginx',
    pattern: /upstream SSL certificate (?:verify error|does not match)/i,
    severity: 'error',
    title: 'Nginx doesn’t trust the certificate of the server behind it',
    meaning:
      'Nginx connects to the program behind it over HTTPS and checks its certificate; the check failed, so Nginx stopped. Visitors get a 502 Bad Gateway.',
    cause:
      'The backend’s certificate has expired, is self-signed, or is made out to another name, or Nginx hasn’t been given the authority that signed it (proxy_ssl_trusted_certificate). Renew or correct the backend’s certificate, or fix the proxy_ssl settings.',
    step: 'proxy',
    sample: `${nginxTime} [error] 1234#1234: *56 upstream SSL certificate verify error: (20:unable to get local issuer certificate) while SSL handshaking to upstream${nginxTail}, upstream: "https://10.0.0.12:443/", host: "example.com"`,
  },
  {
    id: 'nginx-upstream-ssl-handshake',
    source: 'nginx',
    pattern: /while SSL handshaking to upstream/i,
    severity: 'error',
    title: 'Nginx and the server behind it couldn’t set up a secure connection',
    meaning:
      'Nginx tried to connect to the program behind it over HTTPS, and the secure “handshake” at the start of the connection failed. Visitors get a 502 Bad Gateway.',
    cause:
      'Often Nginx isn’t sending the site name the backend expects (proxy_ssl_server_name on fixes that), the two share no TLS version, or Nginx speaks HTTPS to a port that only speaks plain HTTP. Check the proxy_pass address and the proxy_ssl settings.',
    step: 'proxy',
    sample: `${nginxTime} [crit] 1234#1234: *56 SSL_do_handshake() failed (SSL: error:0A000410:SSL routines::sslv3 alert handshake failure:SSL alert number 40) while SSL handshaking to upstream${nginxTail}, upstream: "https://10.0.0.12:443/", host: "example.com"`,
  },
  {
    id: 'nginx-disk-full',
    source: 'nginx',
    pattern: /failed \(28: No space left on device\)/i,
    severity: 'critical',
    title: 'The server’s disk is full',
    meaning:
      'Nginx tried to write a file (a temporary copy of a page, or a log) and the disk had no space left, so the request failed.',
    cause:
      'Old logs, backups or uploads have filled the disk. Free up space (or add more), and the site should recover on its own.',
    step: 'server-health',
    reveals: phpFromLine,
    sample: `${nginxTime} [crit] 1234#1234: *56 pwrite() "/var/lib/nginx/fastcgi/2/00/0000000002" failed (28: No space left on device) while reading upstream${nginxTail}, upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "example.com"`,
  },

  // --------------------------------------------------------------- Apache
  {
    id: 'apache-socket-missing',
    source: 'apache',
    pattern: /\(2\)No such file or directory: .{0,200}?\bAH02454\b/i,
    severity: 'critical',
    title: 'Apache can’t find PHP’s socket file',
    meaning:
      'Apache tried to hand a request to PHP-FPM through its socket file (a small file PHP-FPM creates so other programs can talk to it), and that file doesn’t exist. On Apache this shows visitors a 503 Service Unavailable rather than a 502.',
    cause:
      'Either PHP-FPM has stopped, or PHP was upgraded and the socket has a new name (php8.3-fpm.sock instead of php8.2-fpm.sock, say). Make the socket path in the Apache settings match the PHP version that is running.',
    step: 'proxy',
    reveals: phpFromLine,
    sample: `${apacheTime} [proxy:error] ${apachePid} (2)No such file or directory: AH02454: FCGI: attempt to connect to Unix domain socket /run/php/php8.2-fpm.sock (localhost) failed`,
  },
  {
    id: 'apache-socket-permission',
    source: 'apache',
    pattern: /\(13\)Permission denied: .{0,200}?\bAH02454\b/i,
    severity: 'critical',
    title: 'Apache isn’t allowed to use PHP’s socket file',
    meaning:
      'Apache found the socket file it uses to talk to PHP-FPM, but was refused permission to use it. On Apache this shows visitors a 503 Service Unavailable rather than a 502.',
    cause:
      'The socket belongs to a user or group Apache isn’t part of. In the PHP-FPM pool settings, set listen.owner, listen.group and listen.mode so the Apache user (often www-data or apache) may use it, then restart PHP-FPM.',
    step: 'proxy',
    reveals: phpFromLine,
    sample: `${apacheTime} [proxy:error] ${apachePid} (13)Permission denied: AH02454: FCGI: attempt to connect to Unix domain socket /run/php/php8.2-fpm.sock (localhost) failed`,
  },
  {
    id: 'apache-socket-refused',
    source: 'apache',
    pattern: /\(111\)Connection refused: .{0,200}?\bAH02454\b/i,
    severity: 'critical',
    title: 'PHP-FPM isn’t answering on its socket file',
    meaning:
      'Apache found PHP-FPM’s socket file, but no PHP-FPM was there to answer. On Apache a backend that is down shows visitors a 503 Service Unavailable rather than a 502.',
    cause:
      'PHP-FPM has stopped or crashed and left its socket file behind. Restart PHP-FPM; if it won’t stay up, its own log says why.',
    step: 'restart',
    reveals: phpFromLine,
    sample: `${apacheTime} [proxy:error] ${apachePid} (111)Connection refused: AH02454: FCGI: attempt to connect to Unix domain socket /run/php/php8.2-fpm.sock (localhost) failed`,
  },
  {
    id: 'apache-connect-refused',
    source: 'apache',
    pattern: /\(111\)Connection refused: .{0,200}?\bAH00957\b/i,
    severity: 'critical',
    title: 'Apache found nothing listening where it sends requests',
    meaning:
      'Apache passes requests on to the backend (the program behind it, usually PHP-FPM or your app), and nothing answered at the address it was given. On Apache a backend that is down shows visitors a 503 Service Unavailable rather than a 502.',
    cause:
      'PHP-FPM or your app has stopped or crashed, or it now listens on a different port. Restarting it usually brings the site back; if it doesn’t stay up, its own log says why.',
    step: 'restart',
    reveals: phpFromLine,
    sample: `${apacheTime} [proxy:error] ${apachePid} (111)Connection refused: AH00957: FCGI: attempt to connect to 127.0.0.1:9000 (127.0.0.1:9000) failed`,
  },
  {
    id: 'apache-connect-unreachable',
    source: 'apache',
    pattern: /\((?:113\)No route to host|101\)Network is unreachable|110\)Connection timed out): .{0,200}?\bAH00957\b/i,
    severity: 'critical',
    title: 'Apache can’t reach the server behind it over the network',
    meaning:
      'Apache passes requests on to a backend on another machine or port, and the connection couldn’t be made: no route, or no reply at all. On Apache this shows visitors a 503 Service Unavailable rather than a 502.',
    cause:
      'A firewall is blocking the connection, the other machine is switched off, or its address has changed. Check the firewall rules between them, and that the backend is up at the address in the Apache settings.',
    step: 'firewall',
    sample: `${apacheTime} [proxy:error] ${apachePid} (113)No route to host: AH00957: HTTP: attempt to connect to 10.0.0.12:8080 (10.0.0.12:8080) failed`,
  },
  {
    id: 'apache-backend-connect-failed',
    source: 'apache',
    pattern: /\bAH0(?:1079|1114)\b/i,
    severity: 'error',
    title: 'Apache couldn’t connect to the program behind it',
    meaning:
      'Apache passes requests on to a backend (usually PHP-FPM or your app) and couldn’t open a connection to it. On Apache a backend that is down shows visitors a 503 Service Unavailable rather than a 502.',
    cause:
      'The backend has usually stopped, or Apache points at the wrong port or socket; the line just above this one gives the reason. Restart PHP-FPM or your app, and check the address in the Apache settings.',
    step: 'restart',
    reveals: phpFromLine,
    sample: `${apacheTime} [proxy_fcgi:error] ${apachePid} ${apacheClient} AH01079: failed to make connection to backend: 127.0.0.1`,
  },
  {
    id: 'apache-timeout',
    source: 'apache',
    pattern: /\(70007\)The timeout specified has expired: .{0,200}?\bAH01(?:075|102)\b/i,
    severity: 'error',
    title: 'Apache gave up waiting for PHP or your app to answer',
    meaning:
      'The backend (the program behind Apache, usually PHP-FPM or your app) took the request but didn’t answer within Apache’s time limit. Apache answers this with a 504 Gateway Timeout, not a 502.',
    cause:
      'A page is taking too long: a slow plugin, a heavy database query, or a call to another website that hangs. Find the slow page first; raise the time limits (Apache’s Timeout or ProxyTimeout, and PHP’s) only if the work really needs longer.',
    step: 'php-limits',
    sample: `${apacheTime} [proxy_fcgi:error] ${apachePid} (70007)The timeout specified has expired: ${apacheClient} AH01075: Error dispatching request to : (polling)`,
  },
  {
    id: 'apache-status-line',
    source: 'apache',
    pattern: /\bAH01102\b/i,
    severity: 'error',
    title: 'The program behind Apache hung up without a proper answer',
    meaning:
      'Apache passed a request to the backend (the program behind it, usually your app), which took it and then closed the connection or answered with something that isn’t a web page. This is Apache’s real 502 (“Proxy Error”).',
    cause:
      'The backend most likely crashed while working on the page. Its own log from the same moment usually says why.',
    step: 'logs',
    sample: `${apacheTime} [proxy_http:error] ${apachePid} (104)Connection reset by peer: ${apacheClient} AH01102: error reading status line from remote server 127.0.0.1:8080`,
  },
  {
    id: 'apache-request-body',
    source: 'apache',
    pattern: /\bAH01097\b/i,
    severity: 'error',
    title: 'Apache couldn’t pass a form or upload on to the program behind it',
    meaning:
      'While Apache was sending what the visitor submitted (a form or an upload) to the backend, the connection broke. Visitors usually get a 502 Bad Gateway.',
    cause:
      'The backend stopped or refused part-way, often because it crashed or the upload is larger than it accepts. Its own log from the same moment usually says which.',
    step: 'logs',
    sample: `${apacheTime} [proxy_http:error] ${apachePid} (32)Broken pipe: ${apacheClient} AH01097: pass request body failed to 127.0.0.1:8080 (127.0.0.1) from 203.0.113.7 ()`,
  },
  {
    id: 'apache-fcgi-header',
    source: 'apache',
    pattern: /\bAH01067\b/i,
    severity: 'error',
    title: 'PHP hung up on Apache before answering',
    meaning:
      'Apache passed a request to PHP-FPM, which closed the connection before sending the start of an answer. Visitors get a 503 Service Unavailable or a 502 Bad Gateway.',
    cause:
      'The PHP worker most likely crashed or was stopped mid-page (too long, too much memory, or a faulty extension). PHP-FPM’s log from the same moment says which; restarting PHP-FPM helps if it is stuck.',
    step: 'logs',
    sample: `${apacheTime} [proxy_fcgi:error] ${apachePid} (104)Connection reset by peer: ${apacheClient} AH01067: Failed to read FastCGI header`,
  },

  // -------------------------------------------------------------- PHP-FPM
  {
    id: 'fpm-bind-failed',
    source: 'php-fpm',
    pattern: /ERROR: unable to bind listening socket for address '([^']{1,512})'/i,
    severity: 'critical',
    title: 'PHP-FPM couldn’t start: its address is taken',
    meaning:
      'PHP-FPM (the program that runs PHP) tried to start, but the port or socket it should listen on is already in use, so it didn’t start.',
    cause:
      'Usually an old copy of PHP-FPM is still running, or two PHP versions are set to the same address. Stop the old one (or give each its own address) and start PHP-FPM again.',
    step: 'restart',
    reveals: phpFromCapture,
    sample: `${fpmTime} ERROR: unable to bind listening socket for address '/run/php/php8.2-fpm.sock': Address already in use (98)`,
  },
  {
    id: 'fpm-init-failed',
    source: 'php-fpm',
    pattern: /ERROR: FPM initialization failed/i,
    severity: 'critical',
    title: 'PHP-FPM couldn’t start',
    meaning:
      'PHP-FPM (the program that runs PHP) gave up starting, so nothing is there to run your pages.',
    cause:
      'The lines just above this one say why, usually a mistake in its settings or an address already in use. Fix that, test the settings (php-fpm -t), and start it again.',
    step: 'restart',
    sample: `${fpmTime} ERROR: FPM initialization failed`,
  },
  {
    id: 'fpm-max-children',
    source: 'php-fpm',
    pattern: /server reached (?:pm\.)?max_children setting/i,
    severity: 'warning',
    title: 'PHP ran out of workers',
    meaning:
      'PHP-FPM runs pages with a fixed number of workers, and every one of them was busy; new visitors had to wait in a queue, which ends in slow pages, 502s or 504s.',
    cause:
      'Too few workers for your traffic, or pages so slow that workers stay busy. Raise pm.max_children if the server has memory to spare, and look for slow pages.',
    step: 'php-limits',
    reveals: phpFromLine,
    sample: `${fpmTime} WARNING: [pool www] server reached pm.max_children setting (5), consider raising it`,
  },
  {
    id: 'fpm-execution-timeout',
    source: 'php-fpm',
    pattern: /execution timed out \(\d{1,9}(?:\.\d{1,9})? sec\), terminating/i,
    severity: 'error',
    title: 'PHP-FPM stopped a page that ran too long',
    meaning:
      'A page ran longer than PHP-FPM allows (its request_terminate_timeout), so PHP-FPM stopped the worker mid-page. The web server then shows a 502.',
    cause:
      'A slow plugin, a heavy database query, or a call to another website that hangs. Find out which page it is (the line names the script); raise the limit only if the work really needs longer.',
    step: 'php-limits',
    reveals: phpFromLine,
    sample: `${fpmTime} WARNING: [pool www] child 1234, script '/var/www/html/index.php' (request: "GET /index.php") execution timed out (31.005 sec), terminating`,
  },
  {
    id: 'fpm-worker-killed',
    source: 'php-fpm',
    pattern: /exited on signal 9 \(SIGKILL/i,
    severity: 'error',
    title: 'A PHP worker was forcibly stopped',
    meaning:
      'A PHP-FPM worker was killed outright, in the middle of whatever page it was building. The web server shows that visitor a 502.',
    cause:
      'Most often the server ran out of memory and the system’s out-of-memory killer picked PHP; sometimes PHP-FPM’s own time limit. Check the server’s free memory, and run fewer PHP workers if it’s short.',
    step: 'server-health',
    reveals: phpFromLine,
    sample: `${fpmTime} WARNING: [pool www] child 1234 exited on signal 9 (SIGKILL) after 12.3 seconds from start`,
  },
  {
    id: 'fpm-worker-crashed',
    source: 'php-fpm',
    pattern: /exited on signal 11 \(SIGSEGV/i,
    severity: 'error',
    title: 'A PHP worker crashed',
    meaning:
      'A PHP-FPM worker crashed in the middle of a page (a “segmentation fault”). The web server shows that visitor a 502.',
    cause:
      'Usually a faulty PHP extension or plugin, especially right after an update. The PHP error log around this time may name it; undoing the last update often fixes it.',
    step: 'logs',
    reveals: phpFromLine,
    sample: `${fpmTime} WARNING: [pool www] child 1234 exited on signal 11 (SIGSEGV - core dumped) after 3.041 seconds from start`,
  },
  {
    id: 'fpm-slow-script',
    source: 'php-fpm',
    pattern: /executing too slow \(\d{1,9}(?:\.\d{1,9})? sec\), logging/i,
    severity: 'info',
    title: 'PHP noted a slow page',
    meaning:
      'PHP-FPM’s slow log noticed a page taking longer than its threshold. That isn’t an error in itself, but slow pages are what later time out.',
    cause:
      'The slow log (often next to PHP-FPM’s log) shows which code was busy. On WordPress and similar, that is usually a plugin.',
    step: 'logs',
    reveals: phpFromLine,
    sample: `${fpmTime} WARNING: [pool www] child 1234, script '/var/www/html/wp-admin/admin-ajax.php' (request: "POST /wp-admin/admin-ajax.php") executing too slow (5.123 sec), logging`,
  },

  // ------------------------------------------------------------------ PHP
  {
    id: 'php-memory-exhausted',
    source: 'php',
    pattern: /Allowed memory size of \d{1,20} bytes exhausted/i,
    severity: 'error',
    title: 'A PHP page ran out of memory',
    meaning:
      'One page needed more memory than PHP’s memory_limit allows, so PHP stopped it. On its own this gives a 500 error; it becomes a 502 only if the whole PHP worker dies.',
    cause:
      'A heavy plugin, a big import, or a bug that keeps using memory. Raising memory_limit a little (to 256M, say) is fine; if it keeps happening, find the page or plugin named in the line.',
    step: 'php-limits',
    reveals: phpFromLine,
    sample:
      'PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in /var/www/html/wp-includes/class-wpdb.php on line 2056',
  },
  {
    id: 'php-max-execution-time',
    source: 'php',
    pattern: /Maximum execution time of \d{1,9} seconds? exceeded/i,
    severity: 'error',
    title: 'A PHP page ran longer than PHP allows',
    meaning:
      'One page ran past PHP’s max_execution_time, so PHP stopped it. This usually shows a 500 error; if a web server or PHP-FPM time limit runs out first, it shows a 502 or 504 instead.',
    cause:
      'A slow plugin, a heavy database query, or a call to another website that hangs. Find the page named in the line; raise the limit only if the work really needs longer.',
    step: 'php-limits',
    reveals: phpFromLine,
    sample: '[26-Nov-2026 09:14:03 UTC] PHP Fatal error:  Maximum execution time of 30 seconds exceeded in /var/www/html/index.php on line 12',
  },
  {
    id: 'php-fatal-in-plugin',
    source: 'php',
    pattern: /PHP (?:Fatal|Parse) error: .{0,2000}?\/wp-content\/(?:plugins|themes|mu-plugins)\//i,
    severity: 'error',
    title: 'A WordPress plugin or theme broke PHP',
    meaning:
      'PHP hit an error it couldn’t continue from, in a plugin’s or theme’s code (the path in the line names it). Visitors usually get a 500 error, or a blank page.',
    cause:
      'Usually a plugin or theme that was just updated, or that doesn’t suit your PHP version. Switch off the one named in the line and check the site again.',
    step: 'plugins',
    reveals: phpFromLine,
    sample:
      '[26-Nov-2026 09:14:03 UTC] PHP Fatal error:  Uncaught Error: Call to undefined function create_function() in /var/www/html/wp-content/plugins/old-slider/slider.php:88',
  },
  {
    id: 'apache-php-message',
    source: 'apache',
    pattern: /\bAH01071: Got error '.{0,2000}?PHP (?:Fatal|Parse) error/i,
    severity: 'error',
    title: 'PHP reported an error to Apache',
    meaning:
      'Apache passed a page to PHP, and PHP itself reported an error it couldn’t continue from. Visitors usually get a 500 Internal Server Error rather than a 502.',
    cause:
      'A bug in the site’s code, a plugin, or a setting; the text after “PHP message” says what and where. Undoing a recent update often fixes it.',
    step: 'logs',
    reveals: phpFromLine,
    sample: `${apacheTime} [proxy_fcgi:error] ${apachePid} ${apacheClient} AH01071: Got error 'PHP message: PHP Fatal error:  Uncaught Error: Call to undefined function mysql_connect() in /var/www/html/includes/db.php:14\\nStack trace:\\n#0 {main}\\n  thrown in /var/www/html/includes/db.php on line 14'`,
  },
  {
    id: 'php-fatal-error',
    source: 'php',
    pattern: /PHP (?:Fatal|Parse) error: /i,
    severity: 'error',
    title: 'PHP hit an error it couldn’t continue from',
    meaning:
      'PHP stopped building a page because of an error in the code. Visitors usually get a 500 error, or a blank page, rather than a 502.',
    cause:
      'A bug in the site’s code or a plugin, or code that doesn’t suit your PHP version, often right after an update. The line names the file; undoing the last update often fixes it.',
    step: 'logs',
    reveals: phpFromLine,
    sample: '[26-Nov-2026 09:14:03 UTC] PHP Fatal error:  Uncaught Error: Class "App\\Kernel" not found in /var/www/html/public/index.php:20',
  },

  // -------------------------------------------------------------- Kernel
  {
    id: 'kernel-oom-kill',
    source: 'kernel',
    pattern: /Out of memory: Kill(?:ed)? process \d{1,10} \(([^)]{1,64})\)/i,
    severity: 'critical',
    title: 'The server ran out of memory and stopped a program',
    meaning:
      'The whole server ran out of memory, so the system’s out-of-memory killer stopped a program to free some (the one named in brackets). If that was PHP, the page it was building gives a 502.',
    cause:
      'Too many PHP workers for the memory the server has, or one page using a lot of it. Run fewer PHP workers (pm.max_children) or get more memory; raising PHP’s memory_limit makes this worse.',
    step: 'server-health',
    reveals: programFromCapture,
    sample:
      'Nov 26 09:14:03 web1 kernel: Out of memory: Killed process 4321 (php-fpm8.2) total-vm:812345kB, anon-rss:512000kB, file-rss:0kB, shmem-rss:0kB, UID:33 pgtables:1234kB oom_score_adj:0',
  },

  // ------------------------------------------------------------- systemd
  {
    id: 'systemd-fpm-start-failed',
    source: 'systemd',
    pattern: /Failed to start (?:((?:ea-|alt-)?php[\w.-]{0,12}fpm[\w.-]{0,8})\.service|The (PHP [\d.]{1,5} FastCGI) Process Manager)/i,
    severity: 'critical',
    title: 'PHP-FPM failed to start',
    meaning:
      'The system tried to start PHP-FPM (the program that runs PHP) and it failed, so nothing is there to run your pages.',
    cause:
      'Usually a mistake in its settings, or its address already in use. Its log (journalctl -u followed by the service name) says which; fix that and start it again.',
    step: 'restart',
    reveals: (m, line) => {
      const php = phpVersionIn(m[1] ?? '') ?? phpVersionIn(m[2] ?? '') ?? phpVersionIn(line);
      return php ? { php } : {};
    },
    sample: 'Nov 26 09:14:03 web1 systemd[1]: Failed to start php8.2-fpm.service - The PHP 8.2 FastCGI Process Manager.',
  },
  {
    id: 'systemd-fpm-failed',
    source: 'systemd',
    pattern: /\b((?:ea-|alt-)?php[\w.-]{0,12}fpm[\w.-]{0,8})\.service: Failed with result '[\w-]{1,40}'/i,
    severity: 'critical',
    title: 'PHP-FPM has stopped',
    meaning:
      'The system reports that PHP-FPM (the program that runs PHP) stopped with an error, so nothing is there to run your pages.',
    cause:
      'It crashed, ran out of memory, or can’t start with its current settings. Restart it; if it won’t stay up, its log (journalctl -u followed by the service name) says why.',
    step: 'restart',
    reveals: phpFromCapture,
    sample: "Nov 26 09:14:03 web1 systemd[1]: php8.2-fpm.service: Failed with result 'exit-code'.",
  },
  {
    id: 'systemd-fpm-exited',
    source: 'systemd',
    pattern: /\b((?:ea-|alt-)?php[\w.-]{0,12}fpm[\w.-]{0,8})\.service: Main process exited, code=(?:exited|killed|dumped), status=(?!0\/SUCCESS)/i,
    severity: 'critical',
    title: 'PHP-FPM stopped with an error',
    meaning:
      'PHP-FPM (the program that runs PHP) stopped unexpectedly. Until it is running again, your PHP pages give a 502.',
    cause:
      'The status at the end gives a hint: CONFIG means a mistake in its settings, KILL often means the server ran out of memory. Restart it; if it won’t stay up, its log says why.',
    step: 'restart',
    reveals: phpFromCapture,
    sample: 'Nov 26 09:14:03 web1 systemd[1]: php8.2-fpm.service: Main process exited, code=exited, status=78/CONFIG',
  },
  {
    id: 'systemd-fpm-restart-loop',
    source: 'systemd',
    pattern: /\b((?:ea-|alt-)?php[\w.-]{0,12}fpm[\w.-]{0,8})\.service: Scheduled restart job, restart counter is at \d{1,9}/i,
    severity: 'error',
    title: 'PHP-FPM keeps crashing and restarting',
    meaning:
      'The system keeps restarting PHP-FPM (the program that runs PHP) because it keeps stopping. While it’s down, PHP pages give a 502.',
    cause:
      'Something stops it each time it starts: a mistake in its settings, a faulty extension, or lack of memory. Its log (journalctl -u followed by the service name) shows the reason just before each restart.',
    step: 'restart',
    reveals: phpFromCapture,
    sample: 'Nov 26 09:14:03 web1 systemd[1]: php-fpm.service: Scheduled restart job, restart counter is at 5.',
  },
  {
    id: 'systemd-web-server-failed',
    source: 'systemd',
    pattern: /(?:\b(nginx|apache2|httpd)\.service: (?:Failed with result|Main process exited, code=(?:killed|dumped))|Failed to start (nginx|apache2|httpd)\.service)/i,
    severity: 'critical',
    title: 'The web server itself has stopped',
    meaning:
      'The system reports that the web server (Nginx or Apache) stopped or failed to start. While it’s down, the site doesn’t answer at all, or a CDN in front of it shows its own error.',
    cause:
      'Often a mistake in its settings after a change, or another program using its port. Test its settings (nginx -t, or apachectl configtest) and start it again.',
    step: 'restart',
    reveals: (m) => programReveals(m[1] ?? m[2] ?? ''),
    sample: "Nov 26 09:14:03 web1 systemd[1]: nginx.service: Failed with result 'exit-code'.",
  },

  // ---------------------------------------------------------- Cloudflare
  {
    id: 'cloudflare-520',
    source: 'cloudflare',
    pattern: /\berror(?: code)?:?[ \t]{1,3}520\b/i,
    severity: 'error',
    title: 'Cloudflare got an answer from your server it couldn’t use',
    meaning:
      'Cloudflare (the service in front of your site) reached your server, but the answer was empty, cut short or malformed.',
    cause:
      'Usually your server’s web server or app crashed or dropped the connection mid-page. The fix is on your server, not at Cloudflare: its error log from that moment says why.',
    step: 'logs',
    sample: 'Error 520 Web server is returning an unknown error',
  },
  {
    id: 'cloudflare-521',
    source: 'cloudflare',
    pattern: /\berror(?: code)?:?[ \t]{1,3}521\b/i,
    severity: 'error',
    title: 'Your server refused Cloudflare’s connection',
    meaning:
      'Cloudflare (the service in front of your site) tried to connect to your server, and the server refused.',
    cause:
      'Either the web server on your server isn’t running, or a firewall is blocking Cloudflare’s addresses. Restart the web server first; if it is running, check the firewall lets Cloudflare in.',
    step: 'restart',
    sample: 'Web server is down Error code 521',
  },
  {
    id: 'cloudflare-522',
    source: 'cloudflare',
    pattern: /\berror(?: code)?:?[ \t]{1,3}522\b/i,
    severity: 'error',
    title: 'Cloudflare’s connection to your server got no reply',
    meaning:
      'Cloudflare (the service in front of your site) tried to connect to your server and heard nothing back in time.',
    cause:
      'Most often a firewall on your server silently drops Cloudflare’s connections; sometimes the server is too overloaded to answer. Check the firewall allows Cloudflare’s addresses, and how busy the server is.',
    step: 'firewall',
    sample: 'Error 522 Connection timed out',
  },
  {
    id: 'cloudflare-523',
    source: 'cloudflare',
    pattern: /\berror(?: code)?:?[ \t]{1,3}523\b/i,
    severity: 'error',
    title: 'Cloudflare can’t find a way to your server',
    meaning: 'Cloudflare (the service in front of your site) couldn’t reach your server’s address at all.',
    cause:
      'Usually the address in your Cloudflare DNS records is wrong or out of date, for example after a move to a new server. Check the records point at your server’s current address.',
    step: 'dns',
    sample: 'Error 523 Origin is unreachable',
  },
  {
    id: 'cloudflare-524',
    source: 'cloudflare',
    pattern: /\berror(?: code)?:?[ \t]{1,3}524\b/i,
    severity: 'error',
    title: 'Your server took too long to answer Cloudflare',
    meaning:
      'Cloudflare (the service in front of your site) connected to your server, but the page took more than about 100 seconds, so Cloudflare stopped waiting.',
    cause:
      'A page on your server is very slow: a heavy plugin, a long import, or a stuck database query. The fix is on your server, not at Cloudflare: find the slow page.',
    step: 'php-limits',
    sample: 'Error 524 A timeout occurred',
  },
  {
    id: 'cloudflare-525',
    source: 'cloudflare',
    pattern: /\berror(?: code)?:?[ \t]{1,3}525\b/i,
    severity: 'error',
    title: 'Cloudflare couldn’t set up a secure connection to your server',
    meaning:
      'Cloudflare (the service in front of your site) connects to your server over HTTPS, and the secure “handshake” at the start failed.',
    cause:
      'Your server isn’t set up for HTTPS the way Cloudflare’s SSL setting expects (often “Full” mode with no certificate on the server). The fix is on your server: your host can install or repair its certificate.',
    step: 'contact-host',
    sample: 'Error 525 SSL handshake failed',
  },
  {
    id: 'cloudflare-526',
    source: 'cloudflare',
    pattern: /\berror(?: code)?:?[ \t]{1,3}526\b/i,
    severity: 'error',
    title: 'Cloudflare doesn’t trust your server’s certificate',
    meaning:
      'Cloudflare (the service in front of your site) checks your server’s HTTPS certificate, and the check failed.',
    cause:
      'The certificate on your server has expired, is self-signed, or is for another name, while Cloudflare is set to “Full (strict)”. The fix is on your server: your host can renew or replace the certificate.',
    step: 'contact-host',
    sample: 'Error 526 Invalid SSL certificate',
  },
  {
    id: 'cloudflare-502',
    source: 'cloudflare',
    pattern: /\berror code:?[ \t]{1,3}502\b/i,
    severity: 'error',
    title: 'Your server answered Cloudflare with a 502',
    meaning:
      'This is Cloudflare’s own “Bad gateway” page: your server (not Cloudflare) answered with a 502, or couldn’t be reached properly.',
    cause:
      'The fix is at your server, not at Cloudflare. Its error log from that moment says what went wrong behind the web server.',
    step: 'logs',
    sample: 'Bad gateway Error code 502',
  },
  {
    id: 'cloudflare-504',
    source: 'cloudflare',
    pattern: /\berror code:?[ \t]{1,3}504\b/i,
    severity: 'error',
    title: 'Your server answered Cloudflare with a 504',
    meaning:
      'This is Cloudflare’s own “Gateway time-out” page: your server (not Cloudflare) answered with a 504, because something behind its web server was too slow.',
    cause:
      'The fix is at your server, not at Cloudflare: a page is taking too long, often a slow plugin or database query.',
    step: 'php-limits',
    sample: 'Gateway time-out Error code 504',
  },
  {
    id: 'cloudflare-1016',
    source: 'cloudflare',
    pattern: /\berror(?: code)?:?[ \t]{1,3}1016\b/i,
    severity: 'error',
    title: 'Cloudflare can’t find your server’s address',
    meaning:
      'Cloudflare (the service in front of your site) looked up where your server is, and the DNS record it relies on doesn’t lead anywhere.',
    cause:
      'A DNS record in Cloudflare points at a name that doesn’t exist, or was deleted. Check your DNS records in Cloudflare.',
    step: 'dns',
    sample: 'Error 1016 Origin DNS error',
  },
];

const serverOf: Partial<Record<LogSource, 'nginx' | 'apache'>> = { nginx: 'nginx', apache: 'apache' };

/** A line from Nginx's or Apache's own log also reveals which web server it is. */
function withServer(r: Recogniser): Recogniser {
  const server = serverOf[r.source];
  if (!server) return r;
  const own = r.reveals;
  return { ...r, reveals: (match, line) => ({ ...own?.(match, line), server }) };
}

export const recognisers: readonly Recogniser[] = Object.freeze(table.map(withServer));
