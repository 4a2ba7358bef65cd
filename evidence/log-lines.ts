/**
 * The lines of server logs (and of pasted error pages) that we can explain.
 *
 * Pure data: one entry per finding, in table order. A line counts for the
 * first entry whose pattern matches it, so specific patterns come before
 * general ones. Every pattern is tested against one line of at most a few
 * kilobytes, and is kept linear-time safe: it starts with a literal, has no
 * nested quantifiers, and every gap between two literals is bounded.
 *
 * The status codes in the meanings were measured on Debian 12's nginx,
 * Apache and PHP-FPM 8.2 (tests/logs-real-servers.test.ts reproduces them):
 * they differ between Nginx and Apache for the same fault, and a reset after
 * the page has started is not a 502 at all.
 */
import { cloudflareCodeNumbers, cloudflareCodes, type CloudflareCodeNumber } from './cloudflare';
import type { ServerFix } from '@/machines/fixes';

export type Severity = 'critical' | 'error' | 'warning' | 'info';
/** Who wrote the line; `app` is a program behind the web server (Gunicorn, Node), `cloudflared` the tunnel on the server. */
export type LogSource = 'nginx' | 'apache' | 'php-fpm' | 'php' | 'kernel' | 'systemd' | 'app' | 'cloudflared' | 'cloudflare';
export interface Reveals {
  server?: 'nginx' | 'apache';
  /** Like '8.2'. */
  php?: string;
}

export interface Recogniser {
  /** Stable kebab-case id: wizard links carry it (`found=`), so an id keeps its meaning. */
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
  step: ServerFix;
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
  // Only under /etc: a bare /php/8.2/ also turns up in the addresses visitors ask for.
  /\/etc\/php\/(\d\.\d{1,2})\//i, // /etc/php/8.2/fpm/
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

/**
 * Reveals the PHP version the line names, if any. Only for lines that prove
 * that version runs (its socket answered, its workers logged): a line about a
 * socket that is missing names the version the server lacks, and carrying
 * that into the commands would send the person to a service that isn't there.
 */
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

/** What a visitor sees when a PHP worker dies mid-request: the two web servers answer it differently. */
const workerDiedStatus = 'That visitor gets a 502 Bad Gateway from Nginx, or a 503 Service Unavailable from Apache.';

/**
 * An upstream on this same machine, as Nginx writes it at the end of a line:
 * `upstream: "fastcgi://127.0.0.1:9000"`, `"http://[::1]:3000/"`,
 * `"fastcgi://unix:/run/php/php8.2-fpm.sock:"`. No firewall sits between a
 * program and its own loopback address or socket.
 */
const localUpstream = String.raw`upstream: "[a-z]{2,8}:\/\/(?:unix:|127\.\d{1,3}\.\d{1,3}\.\d{1,3}[:/"]|\[::1\]|localhost[:/"])`;

/** What to do first, by the fix a Cloudflare number points to first (cloudflareCodes' `fixes[0]`). */
const cloudflareFirstMove: Partial<Record<ServerFix, string>> = {
  logs: 'The fix is on your server, not at Cloudflare: the web server’s and PHP’s error logs from that moment say what went wrong.',
  restart:
    'Start on your server: check that the web server is running, and restart it. If it is running, check that no firewall or ban list turns Cloudflare’s addresses away.',
  'server-health': 'Start on your server: is it up, and how busy is it? If it is up and idle, check that no firewall silently drops Cloudflare’s addresses.',
  dns: 'Check the DNS records in your Cloudflare dashboard: they must point at your server’s current address, which changes when a site moves to a new server.',
  'php-limits':
    'The fix is on your server, not at Cloudflare: find the slow page (a heavy plugin, a long import, a stuck database query). Cloudflare waits about 100 seconds and no longer, whatever your server allows.',
  'cloudflare-ssl':
    'Cloudflare’s SSL/TLS mode and your server’s certificate don’t fit together. Give the server a valid certificate (Cloudflare’s free Origin CA certificate is enough for “Full (strict)”), or choose the mode that matches what the server has.',
};
/** For a first fix the table above lacks; tests/logs.test.ts checks it is never needed. */
export const cloudflareFallbackMove = 'The step this links to walks you through the fix.';

/** The recogniser for one of Cloudflare's numbered error pages, from its row in evidence/cloudflare.ts. */
function cloudflareRecogniser(n: CloudflareCodeNumber): Recogniser {
  const { name, says, fixes } = cloudflareCodes[n];
  const step = fixes[0];
  return {
    id: `cloudflare-${n}`,
    source: 'cloudflare',
    // "Error 521", "Error code 521", "Error code: 521"; the number is a literal, so no backtracking.
    pattern: new RegExp(String.raw`\berror(?: code)?:?[ \t]{1,3}${n}\b`, 'i'),
    severity: 'error',
    title: `Cloudflare’s error ${n}: “${name}”`,
    meaning: `Cloudflare (the service in front of your site) says ${says}.`,
    cause: cloudflareFirstMove[step] ?? cloudflareFallbackMove,
    step,
    sample: `Error ${n} ${name}`,
  };
}

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
      'PHP-FPM deletes its socket when it stops, so first check that PHP-FPM is running at all. If it is, the socket has another name: after a PHP upgrade it is named after the new version (php8.3-fpm.sock, say) while Nginx still points at the old one. The version in this line is the one Nginx looks for, which may not be installed.',
    step: 'proxy',
    // No reveals: the version in a missing socket's name is the one the server lacks.
    sample: `${nginxTime} [crit] 1234#1234: *56 connect() to unix:/run/php/php8.2-fpm.sock failed (2: No such file or directory) while connecting to upstream${nginxTail}, upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "example.com"`,
  },
  {
    id: 'nginx-socket-permission',
    source: 'nginx',
    pattern: /connect\(\) to unix:(\S{1,512}) failed \(13: Permission denied\)/i,
    severity: 'critical',
    title: 'Nginx isn’t allowed to use PHP’s socket file',
    meaning: 'Nginx found the socket file it uses to talk to PHP-FPM, but was refused permission to use it, so every PHP page gives a 502 Bad Gateway.',
    cause:
      'The socket belongs to a user or group Nginx isn’t part of. In the PHP-FPM pool settings, set listen.owner, listen.group and listen.mode so the Nginx user (often www-data or nginx) may use it, then restart PHP-FPM (a reload doesn’t change the socket).',
    step: 'proxy',
    reveals: phpFromCapture,
    sample: `${nginxTime} [crit] 1234#1234: *56 connect() to unix:/run/php/php8.1-fpm.sock failed (13: Permission denied) while connecting to upstream${nginxTail}, upstream: "fastcgi://unix:/run/php/php8.1-fpm.sock:", host: "example.com"`,
  },
  {
    id: 'nginx-tcp-permission',
    source: 'nginx',
    pattern: /connect\(\) to (?!unix:)\S{1,512} failed \(13: Permission denied\)/i,
    severity: 'critical',
    title: 'The system won’t let Nginx connect to the program behind it',
    meaning: `Nginx tried to open a network connection to ${upstream}, and the operating system refused it before anything was sent. Visitors get a 502 Bad Gateway.`,
    cause:
      'On Red Hat, AlmaLinux, Rocky Linux and CentOS this is nearly always SELinux, which by default doesn’t let the web server open network connections. “getsebool httpd_can_network_connect” shows the setting; “sudo setsebool -P httpd_can_network_connect 1” allows it for good.',
    step: 'proxy',
    sample: `${nginxTime} [crit] 1234#1234: *56 connect() to 127.0.0.1:3000 failed (13: Permission denied) while connecting to upstream${nginxTail}, upstream: "http://127.0.0.1:3000/", host: "example.com"`,
  },
  {
    id: 'nginx-workers-busy',
    source: 'nginx',
    pattern: /connect\(\)(?: to (\S{1,512}))? failed \(11: Resource temporarily unavailable\) while connecting to upstream/i,
    severity: 'critical',
    title: 'Every PHP worker was busy and the queue was full',
    meaning:
      'PHP-FPM runs pages with a fixed number of workers. All of them were busy and the short queue in front of them was full, so Nginx couldn’t even hand the request over. Visitors get a 502 Bad Gateway, mostly at busy moments, while the site works at quiet ones.',
    cause:
      'This is the most common 502 on a server of your own. Either there are too few workers (Debian, Ubuntu and cPanel start with pm.max_children = 5), or pages are so slow that the workers stay busy: a slow plugin, bots and crawlers, or WordPress’s wp-cron. Raise pm.max_children as far as the memory allows, and find out what keeps the workers busy.',
    step: 'php-workers',
    // The socket exists and PHP-FPM listens on it: the version it names runs.
    reveals: phpFromCapture,
    sample: `${nginxTime} [error] 1234#1234: *56 connect() to unix:/run/php/php8.2-fpm.sock failed (11: Resource temporarily unavailable) while connecting to upstream${nginxTail}, upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "example.com"`,
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
    meaning: 'Nginx passes requests on to a program on another machine, and the network reported there is no way to get there. Visitors get a 502 Bad Gateway.',
    cause:
      'A firewall is rejecting the connection, the other machine is switched off, or its address has changed. Check the firewall rules between the two servers, and that the backend server is up at the address in the Nginx settings.',
    step: 'firewall',
    sample: `${nginxTime} [error] 1234#1234: *56 connect() failed (113: No route to host) while connecting to upstream${nginxTail}, upstream: "http://10.0.0.12:8080/", host: "example.com"`,
  },
  {
    id: 'nginx-connect-timeout-local',
    source: 'nginx',
    pattern: new RegExp(String.raw`upstream timed out \(110: [a-z ]{1,40}\) while connecting to upstream, .{0,4000}?${localUpstream}`, 'i'),
    severity: 'error',
    title: 'PHP or your app on this server was too busy to take the connection',
    meaning: `Nginx tried to open a connection to ${upstream} on this same server and got no answer in time. This one gives visitors a 504 Gateway Timeout rather than a 502.`,
    cause:
      'No firewall stands between two programs on one server: the program’s queue of waiting connections was full, because all its workers were busy. For PHP-FPM that means too few workers (pm.max_children) or pages too slow to free them.',
    step: 'php-workers',
    reveals: phpFromLine,
    sample: `${nginxTime} [error] 1234#1234: *56 upstream timed out (110: Connection timed out) while connecting to upstream${nginxTail}, upstream: "fastcgi://127.0.0.1:9000", host: "example.com"`,
  },
  {
    // Kept for upstreams on another machine (and lines cut before the upstream): the id older links carry.
    id: 'nginx-connect-timeout',
    source: 'nginx',
    pattern: /upstream timed out \(110: [a-z ]{1,40}\) while connecting to upstream/i,
    severity: 'error',
    title: 'Nginx got no reply when it tried to connect to the server behind it',
    meaning: `Nginx tried to open a connection to ${upstream} at another address and heard nothing back before giving up. This one gives visitors a 504 Gateway Timeout rather than a 502.`,
    cause:
      'Most often a firewall between the two machines silently drops the connection, or the backend server is so overloaded it can’t accept new connections. Check the firewall between them and how busy the backend server is.',
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
    meaning: 'The Nginx settings send requests to a server by its name, and that name couldn’t be turned into an address. Visitors get a 502 Bad Gateway.',
    cause:
      'The name is misspelled, its DNS record was removed or changed, or the server can’t reach its DNS resolver. Nginx looks names up when it starts or reloads (or per request, with a “resolver” setting), so reload Nginx once the name works again.',
    step: 'dns',
    sample: `${nginxTime} [error] 1234#1234: *56 backend.internal.example could not be resolved (3: Host not found)${nginxTail}, host: "example.com"`,
  },
  {
    id: 'nginx-upstream-name-unknown',
    source: 'nginx',
    pattern: /host not found in upstream "[^"]{1,255}"/i,
    severity: 'critical',
    title: 'Nginx won’t start: it can’t look up a name in its settings',
    meaning:
      'A proxy_pass or upstream line names a server (“app” in a Docker setup, say) that couldn’t be looked up when Nginx read its settings. Nginx then refuses to start, or to reload, until the name works.',
    cause:
      'With Docker, the name is usually a service whose container isn’t running, or one that isn’t on the same Docker network as Nginx (docker compose ps shows them). Otherwise the host name is misspelled or has no DNS record. nginx -t shows the file and line; fix that, then start or reload Nginx.',
    step: 'proxy',
    sample: `${nginxTime} [emerg] 1#1: host not found in upstream "app" in /etc/nginx/conf.d/default.conf:12`,
  },
  {
    id: 'nginx-port-taken',
    source: 'nginx',
    pattern: /bind\(\) to \S{1,300} failed \(98: Address already in use\)/i,
    severity: 'critical',
    title: 'Nginx can’t start: another program holds its port',
    meaning: 'Nginx tried to listen on its port (80 or 443, usually) and another program already has it, so Nginx didn’t start.',
    cause:
      'Often Apache, installed beside Nginx, or an old Nginx that didn’t stop. “sudo ss -ltnp” shows which program holds the port; stop it (or move it to another port), then start Nginx.',
    step: 'restart',
    sample: `${nginxTime} [emerg] 1234#1234: bind() to 0.0.0.0:80 failed (98: Address already in use)`,
  },
  {
    id: 'nginx-upload-cut',
    source: 'nginx',
    pattern:
      /(?:(?:writev?|send|sendfile)\(\) failed \((?:104: Connection reset by peer|32: Broken pipe)\)|upstream prematurely closed (?:connection|FastCGI stdout)) while sending request to upstream/i,
    severity: 'error',
    title: 'An upload or form was cut off on its way to the program behind Nginx',
    meaning: `While Nginx was still passing on what the visitor sent (a form or an upload), ${upstream} closed the connection. Visitors get a 502 Bad Gateway.`,
    cause:
      'Often the program refused a body larger than it accepts (PHP’s post_max_size or upload_max_filesize, or the app’s own limit), or the worker died mid-upload. Its own log from the same moment says which.',
    step: 'php-limits',
    reveals: phpFromLine,
    sample: `${nginxTime} [error] 1234#1234: *56 writev() failed (32: Broken pipe) while sending request to upstream, client: 203.0.113.7, server: example.com, request: "POST /wp-admin/async-upload.php HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "example.com"`,
  },
  {
    id: 'nginx-page-cut-off',
    source: 'nginx',
    pattern:
      /(?:(?:recv|readv|read)\(\) failed \(104: Connection reset by peer\)|upstream prematurely closed (?:connection|FastCGI (?:stdout|request))|upstream timed out \(110: [a-z ]{1,40}\)) while reading upstream/i,
    severity: 'warning',
    title: 'A page was cut off part-way',
    meaning: `${Upstream} had already started sending the page, so the visitor got a normal answer (status 200), and then the connection broke. The visitor sees a page that stops part-way or a download that breaks off, not a 502.`,
    cause:
      'The PHP worker or app was stopped mid-page: by PHP-FPM’s time limit (request_terminate_timeout), by the out-of-memory killer, or by a crash. PHP-FPM’s log (or the app’s) from the same moment says which.',
    step: 'logs',
    reveals: phpFromLine,
    sample: `${nginxTime} [error] 1234#1234: *56 readv() failed (104: Connection reset by peer) while reading upstream, client: 203.0.113.7, server: example.com, request: "GET /wp-admin/export.php?download=true HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "example.com"`,
  },
  {
    id: 'nginx-premature-close',
    source: 'nginx',
    pattern: /upstream prematurely closed (?:connection|FastCGI (?:stdout|request))/i,
    severity: 'error',
    title: 'The program behind Nginx hung up before answering',
    meaning: `Nginx handed a request over to ${upstream}, which closed the connection before sending a proper answer. Visitors get a 502 Bad Gateway.`,
    cause:
      'The program most likely crashed or was stopped while working on the page; with Gunicorn, a worker killed for taking too long (WORKER TIMEOUT, after 30 seconds unless changed) looks like this. The PHP or app log from the same moment usually says what went wrong.',
    step: 'logs',
    reveals: phpFromLine,
    sample: `${nginxTime} [error] 1234#1234: *56 upstream prematurely closed connection while reading response header from upstream${nginxTail}, upstream: "http://127.0.0.1:3000/", host: "example.com"`,
  },
  {
    id: 'nginx-connection-reset',
    source: 'nginx',
    pattern: /(?:recv|readv|read|writev|write)\(\) failed \(104: Connection reset by peer\) while [a-z ]{1,60}upstream/i,
    severity: 'error',
    title: 'The program behind Nginx cut the connection off before answering',
    meaning: `While Nginx was waiting for the start of an answer, ${upstream} dropped the connection abruptly. Visitors get a 502 Bad Gateway.`,
    cause:
      'Usually the PHP worker was stopped part-way through a page: by PHP-FPM’s request_terminate_timeout because the page ran too long (PHP-FPM then logs signal 15), or by the out-of-memory killer (signal 9). PHP-FPM’s own log from the same moment says which. If the upstream is PHP-FPM’s port but the line says http://, Nginx is speaking HTTP to it: use fastcgi_pass there.',
    step: 'php-limits',
    reveals: phpFromLine,
    sample: `${nginxTime} [error] 1234#1234: *56 recv() failed (104: Connection reset by peer) while reading response header from upstream, client: 203.0.113.7, server: example.com, request: "POST /wp-admin/admin-ajax.php HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.1-fpm.sock:", host: "example.com"`,
  },
  {
    id: 'nginx-upstream-timeout',
    source: 'nginx',
    pattern: /upstream timed out \(110: [a-z ]{1,40}\) while (?:reading response header from|sending request to) upstream/i,
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
    id: 'nginx-fastcgi-to-http',
    source: 'nginx',
    pattern: /upstream sent unsupported FastCGI protocol version: \d{1,3}/i,
    severity: 'error',
    title: 'Nginx is talking FastCGI to a program that speaks plain HTTP',
    meaning:
      'Nginx passes this request on with fastcgi_pass, the way it talks to PHP-FPM, but the program at that address answered in plain HTTP (version 72 is the letter “H” that starts “HTTP”). Visitors get a 502 Bad Gateway.',
    cause:
      'The address belongs to a web app or another web server, not to PHP-FPM. Use proxy_pass for that address, or point fastcgi_pass at PHP-FPM’s socket or port.',
    step: 'proxy',
    sample: `${nginxTime} [error] 1234#1234: *56 upstream sent unsupported FastCGI protocol version: 72 while reading response header from upstream${nginxTail}, upstream: "fastcgi://127.0.0.1:3000", host: "example.com"`,
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
    id: 'nginx-upstream-disabled',
    source: 'nginx',
    pattern: /upstream server temporarily disabled/i,
    severity: 'info',
    title: 'Nginx is resting one of the servers behind it',
    meaning:
      'After a failed attempt, Nginx stops sending requests to that server for a while (fail_timeout, 10 seconds unless changed). On its own visitors don’t notice; once every server is resting, Nginx logs “no live upstreams” and answers 502 at once.',
    cause: 'The line just above says why the attempt failed. Fix that; Nginx tries the server again by itself.',
    step: 'logs',
    sample: `${nginxTime} [warn] 1234#1234: *56 upstream server temporarily disabled while connecting to upstream${nginxTail}, upstream: "http://10.0.0.12:8080/", host: "example.com"`,
  },
  {
    id: 'nginx-script-not-found',
    source: 'nginx',
    pattern: /FastCGI sent in stderr: "Primary script unknown"/i,
    severity: 'info',
    title: 'PHP-FPM couldn’t find the PHP file Nginx asked for',
    meaning:
      'Nginx reached PHP-FPM, which is running, but it couldn’t find the PHP file it was asked to run. Visitors see a page that says only “File not found.” (a 404), not a 502.',
    cause:
      'Typical right after fixing the socket path or moving a site: the root or the SCRIPT_FILENAME line in the Nginx settings points at the wrong folder (the usual line is fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name), or PHP-FPM runs in a container that sees the files at another path.',
    step: 'proxy',
    reveals: phpFromLine,
    sample: `${nginxTime} [error] 1234#1234: *56 FastCGI sent in stderr: "Primary script unknown" while reading response header from upstream, client: 203.0.113.7, server: example.com, request: "GET /index.php HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "example.com"`,
  },
  {
    id: 'nginx-rate-limited',
    source: 'nginx',
    pattern: /limiting requests, excess: \d{1,9}(?:\.\d{1,3})? by zone "/i,
    severity: 'info',
    title: 'Nginx turned a visitor away for asking too often',
    meaning:
      'A rate limit in the Nginx settings (limit_req) stopped this visitor’s request. They get a 503 Service Unavailable (or the code set in limit_req_status), not a 502.',
    cause:
      'Working as set up if the visitor was a bot hammering the site. If real visitors hit it, the limit is too tight for your pages (one page can load many files): raise the rate or the burst for that zone.',
    step: 'bans',
    sample: `${nginxTime} [error] 1234#1234: *56 limiting requests, excess: 20.350 by zone "perip", client: 203.0.113.7, server: example.com, request: "POST /wp-login.php HTTP/1.1", host: "example.com"`,
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
    meaning: 'Nginx tried to write a file (a temporary copy of a page, or a log) and the disk had no space left, so the request failed.',
    cause: 'Old logs, backups or uploads have filled the disk. Free up space (or add more), and the site should recover on its own.',
    step: 'server-health',
    reveals: phpFromLine,
    sample: `${nginxTime} [crit] 1234#1234: *56 pwrite() "/var/lib/nginx/fastcgi/2/00/0000000002" failed (28: No space left on device) while reading upstream${nginxTail}, upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "example.com"`,
  },

  // --------------------------------------------------------------- Apache
  // Apache answers a backend that is down, and a PHP-FPM worker that died, with
  // a 503; a 502 means the backend answered badly, hung up, or was too slow for
  // mod_proxy_http. A backend too slow for mod_proxy_fcgi gives a 504.
  {
    id: 'apache-socket-missing',
    source: 'apache',
    pattern: /\(2\)No such file or directory: .{0,200}?\bAH02454\b/i,
    severity: 'critical',
    title: 'Apache can’t find PHP’s socket file',
    meaning:
      'Apache tried to hand a request to PHP-FPM through its socket file (a small file PHP-FPM creates so other programs can talk to it), and that file doesn’t exist. On Apache this shows visitors a 503 Service Unavailable rather than a 502.',
    cause:
      'PHP-FPM deletes its socket when it stops, so first check that PHP-FPM is running at all. If it is, the socket has another name: after a PHP upgrade it is named after the new version (php8.3-fpm.sock, say). On Debian and Ubuntu, “a2disconf php8.2-fpm” and “a2enconf php8.3-fpm” switch Apache over; the version in this line is the one Apache looks for, which may not be installed.',
    step: 'proxy',
    // No reveals: the version in a missing socket's name is the one the server lacks.
    sample: `${apacheTime} [proxy:error] ${apachePid} (2)No such file or directory: AH02454: FCGI: attempt to connect to Unix domain socket /run/php/php8.2-fpm.sock (localhost:8000) failed`,
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
    sample: `${apacheTime} [proxy:error] ${apachePid} (13)Permission denied: AH02454: FCGI: attempt to connect to Unix domain socket /run/php/php8.2-fpm.sock (localhost:8000) failed`,
  },
  {
    id: 'apache-socket-refused',
    source: 'apache',
    pattern: /\(111\)Connection refused: .{0,200}?\bAH02454\b/i,
    severity: 'critical',
    title: 'PHP-FPM isn’t answering on its socket file',
    meaning:
      'Apache found PHP-FPM’s socket file, but no PHP-FPM was there to answer. On Apache a backend that is down shows visitors a 503 Service Unavailable rather than a 502.',
    cause: 'PHP-FPM has stopped or crashed and left its socket file behind. Restart PHP-FPM; if it won’t stay up, its own log says why.',
    step: 'restart',
    reveals: phpFromLine,
    sample: `${apacheTime} [proxy:error] ${apachePid} (111)Connection refused: AH02454: FCGI: attempt to connect to Unix domain socket /run/php/php8.2-fpm.sock (localhost:8000) failed`,
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
    id: 'apache-worker-disabled',
    source: 'apache',
    pattern: /\bAH0(?:0959|0940|1170)\b/i,
    severity: 'error',
    title: 'Apache has stopped trying the program behind it for a while',
    meaning:
      'After a failed connection Apache puts that backend (a balancer member, usually) on a rest: for retry seconds (60 unless changed; the AH00959 line names them) it answers 503 Service Unavailable without trying, even once the backend is back. That is why a restart can seem to fix nothing for a minute.',
    cause:
      'Start the backend again (the line just above says why it failed), then wait out the rest, or reload Apache. Adding retry=0 to the ProxyPass or BalancerMember line makes Apache try again at once.',
    step: 'restart',
    sample: `${apacheTime} [proxy:error] ${apachePid} AH00959: ap_proxy_connect_backend disabling worker for (127.0.0.1:3000) for 60s`,
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
    pattern: /\(70007\)The timeout specified has expired: .{0,200}?\bAH01075\b/i,
    severity: 'error',
    title: 'Apache gave up waiting for PHP to answer',
    meaning:
      'PHP-FPM (behind Apache’s mod_proxy_fcgi) took the request but didn’t answer within Apache’s time limit. Apache answers this with a 504 Gateway Timeout, not a 502.',
    cause:
      'A page is taking too long: a slow plugin, a heavy database query, or a call to another website that hangs. Find the slow page first; raise the time limits (Apache’s ProxyTimeout or Timeout, and PHP’s) only if the work really needs longer.',
    step: 'php-limits',
    sample: `${apacheTime} [proxy_fcgi:error] ${apachePid} (70007)The timeout specified has expired: ${apacheClient} AH01075: Error dispatching request to :443: (polling)`,
  },
  {
    id: 'apache-http-timeout',
    source: 'apache',
    pattern: /\(70007\)The timeout specified has expired: .{0,200}?\bAH01102\b/i,
    severity: 'error',
    title: 'The app behind Apache was too slow for Apache’s time limit',
    meaning:
      'Apache passed the request on over HTTP (mod_proxy_http) and got no answer within its time limit (timeout= on the ProxyPass line, else ProxyTimeout or Timeout). With mod_proxy_http, Apache answers this with a 502 “Proxy Error”, not a 504.',
    cause:
      'A page in the app is very slow, or the app is stuck. Its own log says what it was doing; raise timeout= on the ProxyPass line only if the work really needs longer.',
    step: 'app-server',
    sample: `${apacheTime} [proxy_http:error] ${apachePid} (70007)The timeout specified has expired: ${apacheClient} AH01102: error reading status line from remote server 127.0.0.1:3000`,
  },
  {
    id: 'apache-status-line',
    source: 'apache',
    pattern: /\bAH01102\b/i,
    severity: 'error',
    title: 'The program behind Apache hung up without a proper answer',
    meaning:
      'Apache passed a request to the backend (the program behind it, usually your app), which took it and then closed the connection or answered with something that isn’t a web page. This is Apache’s real 502 (“Proxy Error”).',
    cause: 'The backend most likely crashed while working on the page. Its own log from the same moment usually says why.',
    step: 'logs',
    sample: `${apacheTime} [proxy_http:error] ${apachePid} (104)Connection reset by peer: ${apacheClient} AH01102: error reading status line from remote server 127.0.0.1:8080`,
  },
  {
    id: 'apache-read-error',
    source: 'apache',
    pattern: /\bAH00898: Error reading from remote server/i,
    severity: 'error',
    title: 'Apache got no usable answer from the program behind it',
    meaning: 'Apache’s closing line for a 502 “Proxy Error”: reading the answer from the backend failed. The line just above it (AH01102) says how.',
    cause:
      'If the line above says the timeout expired, the app is too slow for Apache’s time limit; otherwise the app most likely crashed or hung up, and its own log says why.',
    step: 'logs',
    sample: `${apacheTime} [proxy:error] ${apachePid} ${apacheClient} AH00898: Error reading from remote server returned by /checkout`,
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
      'Apache passed a request to PHP-FPM, and the PHP worker closed the connection before sending the start of an answer. On Apache this shows visitors a 503 Service Unavailable (on Nginx the same fault is a 502).',
    cause:
      'The PHP worker was stopped mid-page: by PHP-FPM’s own time limit (request_terminate_timeout; PHP-FPM then logs signal 15), by the out-of-memory killer (signal 9), or by a crash (signal 11). PHP-FPM’s log from the same moment says which.',
    step: 'logs',
    sample: `${apacheTime} [proxy_fcgi:error] ${apachePid} ${apacheClient} AH01067: Failed to read FastCGI header`,
  },
  {
    id: 'apache-fcgi-reset',
    source: 'apache',
    pattern: /\(104\)Connection reset by peer: .{0,200}?\bAH01075\b/i,
    severity: 'error',
    title: 'PHP-FPM dropped Apache’s connection mid-request',
    meaning:
      'Apache was passing a request to PHP-FPM when the PHP worker cut the connection: it died mid-request. It usually comes right after “AH01067: Failed to read FastCGI header”, and visitors get a 503 Service Unavailable.',
    cause:
      'PHP-FPM’s log from the same moment says what stopped the worker: its own time limit (signal 15, after “execution timed out”), the out-of-memory killer (signal 9) or a crash (signal 11).',
    step: 'logs',
    sample: `${apacheTime} [proxy_fcgi:error] ${apachePid} (104)Connection reset by peer: ${apacheClient} AH01075: Error dispatching request to :443: `,
  },
  {
    id: 'apache-max-workers',
    source: 'apache',
    pattern: /\bAH00(?:484|161)\b/i,
    severity: 'warning',
    title: 'Apache ran out of workers',
    meaning:
      'Every one of Apache’s workers (MaxRequestWorkers) was busy, so new visitors waited in a queue. Pages turn slow; behind Nginx (as on Plesk, or cPanel with ea-nginx) they end as 502s or 504s.',
    cause:
      'Too much traffic for the limit, often bots and crawlers, or pages so slow that workers stay busy. With PHP inside Apache (mod_php) every worker holds a copy of PHP, so raise MaxRequestWorkers only as far as the memory allows, and look for what keeps the workers busy.',
    step: 'php-workers',
    sample: `${apacheTime} [mpm_event:error] ${apachePid} AH00484: server reached MaxRequestWorkers setting, consider raising the MaxRequestWorkers setting`,
  },

  // -------------------------------------------------------------- PHP-FPM
  // Pool names come in any shape ([pool www], [pool example_com] on cPanel,
  // [pool example.com] on Plesk): no pattern depends on one.
  {
    id: 'fpm-bind-no-folder',
    source: 'php-fpm',
    pattern: /ERROR: unable to bind listening socket for address '([^']{1,512})': No such file or directory \(2\)/i,
    severity: 'critical',
    title: 'PHP-FPM couldn’t start: the folder for its socket is missing',
    meaning: 'PHP-FPM (the program that runs PHP) tried to create its socket file, and the folder it should go in doesn’t exist, so PHP-FPM didn’t start.',
    cause:
      'On Debian and Ubuntu the system makes /run/php at boot, and /run is emptied at every reboot; in a container, or for a socket in a folder of your own, nothing makes it. Create the folder (owned by the user PHP-FPM runs as) or correct the listen path in the pool settings, then start PHP-FPM.',
    step: 'restart',
    reveals: phpFromCapture,
    sample: `${fpmTime} ERROR: unable to bind listening socket for address '/run/php/php8.2-fpm.sock': No such file or directory (2)`,
  },
  {
    id: 'fpm-bind-permission',
    source: 'php-fpm',
    pattern: /ERROR: unable to bind listening socket for address '([^']{1,512})': Permission denied \(13\)/i,
    severity: 'critical',
    title: 'PHP-FPM couldn’t start: it may not create its socket there',
    meaning: 'PHP-FPM (the program that runs PHP) tried to create its socket file or open its port, and was refused permission, so it didn’t start.',
    cause:
      'The folder belongs to another user, the port is below 1024 while PHP-FPM doesn’t start as root, or (on Red Hat-family systems) SELinux forbids the path. Check the listen line in the pool settings and the folder’s owner.',
    step: 'restart',
    reveals: phpFromCapture,
    sample: `${fpmTime} ERROR: unable to bind listening socket for address '/run/php/php8.2-fpm.sock': Permission denied (13)`,
  },
  {
    id: 'fpm-bind-failed',
    source: 'php-fpm',
    pattern: /ERROR: unable to bind listening socket for address '([^']{1,512})': Address already in use \(98\)/i,
    severity: 'critical',
    title: 'PHP-FPM couldn’t start: its address is taken',
    meaning: 'PHP-FPM (the program that runs PHP) tried to start, but the port it should listen on is already in use, so it didn’t start.',
    cause:
      'Usually an old copy of PHP-FPM is still running, or two PHP versions are set to the same port. “sudo ss -ltnp” shows which program holds it; stop that one (or give each version its own port) and start PHP-FPM again.',
    step: 'restart',
    reveals: phpFromCapture,
    sample: `${fpmTime} ERROR: unable to bind listening socket for address '127.0.0.1:9000': Address already in use (98)`,
  },
  {
    id: 'fpm-already-running',
    source: 'php-fpm',
    pattern: /ERROR: Another FPM instance seems to already listen on (\S{1,512})/i,
    severity: 'critical',
    title: 'PHP-FPM couldn’t start: another copy already listens on its socket',
    meaning: 'PHP-FPM (the program that runs PHP) found a PHP-FPM already answering on its socket, and stopped instead of starting a second one.',
    cause:
      'Usually a copy started by hand, or left over, that the service manager doesn’t know about, so restarting the service keeps failing while the stray copy keeps running old settings. Find it (ps aux | grep php-fpm), stop it, then start the service. Or two pools, or two PHP versions, share one socket path.',
    step: 'restart',
    reveals: phpFromCapture,
    sample: `${fpmTime} ERROR: Another FPM instance seems to already listen on /run/php/php8.2-fpm.sock`,
  },
  {
    id: 'fpm-spare-servers',
    source: 'php-fpm',
    pattern: /pm\.min_spare_servers\(\d{1,9}\) and pm\.max_spare_servers\(\d{1,9}\) cannot be greater than pm\.max_children\(\d{1,9}\)/i,
    severity: 'critical',
    title: 'PHP-FPM won’t start: its worker numbers don’t fit together',
    meaning:
      'In a pool’s settings, a spare-worker number is larger than pm.max_children, the most workers the pool may run. PHP-FPM refuses the settings and doesn’t start, so every PHP page fails.',
    cause:
      'Typical right after lowering pm.max_children. Make pm.min_spare_servers, pm.max_spare_servers and pm.start_servers no larger than pm.max_children, test the settings (php-fpm8.2 -t on Debian, or php-fpm -t), then start PHP-FPM.',
    step: 'restart',
    sample: `${fpmTime} ALERT: [pool www] pm.min_spare_servers(1) and pm.max_spare_servers(8) cannot be greater than pm.max_children(5)`,
  },
  {
    id: 'fpm-init-failed',
    source: 'php-fpm',
    pattern: /ERROR: FPM initialization failed/i,
    severity: 'critical',
    title: 'PHP-FPM couldn’t start',
    meaning: 'PHP-FPM (the program that runs PHP) gave up starting, so nothing is there to run your pages.',
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
      'Too few workers for your traffic (Debian, Ubuntu and cPanel start with 5), or pages so slow that workers stay busy. Raise pm.max_children if the server has memory to spare, and look for slow pages and bots.',
    step: 'php-workers',
    reveals: phpFromLine,
    sample: `${fpmTime} WARNING: [pool www] server reached pm.max_children setting (5), consider raising it`,
  },
  {
    id: 'fpm-seems-busy',
    source: 'php-fpm',
    pattern: /seems busy \(you may need to increase pm\.start_servers/i,
    severity: 'info',
    title: 'PHP is starting extra workers to keep up',
    meaning:
      'The pool ran out of idle workers, so PHP-FPM is starting several at once. Nothing has failed yet; it is the step before running out of workers (“server reached pm.max_children”).',
    cause:
      'Traffic is rising, or pages are slow. Higher pm.start_servers and pm.min_spare_servers smooth the start, but only pm.max_children (and the memory behind it) sets the ceiling.',
    step: 'php-workers',
    sample: `${fpmTime} WARNING: [pool example.com] seems busy (you may need to increase pm.start_servers, or pm.min/max_spare_servers), spawning 8 children, there are 0 idle, and 13 total children`,
  },
  {
    id: 'fpm-execution-timeout',
    source: 'php-fpm',
    pattern: /execution timed out \(\d{1,9}(?:\.\d{1,9})? sec\), terminating/i,
    severity: 'error',
    title: 'PHP-FPM stopped a page that ran too long',
    meaning: `A page ran longer than PHP-FPM allows (its request_terminate_timeout), so PHP-FPM stopped the worker mid-page (the next line says “signal 15”). ${workerDiedStatus}`,
    cause:
      'A slow plugin, a heavy database query, or a call to another website that hangs. Find out which page it is (the line names the script); raise the limit only if the work really needs longer.',
    step: 'php-limits',
    reveals: phpFromLine,
    sample: `${fpmTime} WARNING: [pool www] child 1234, script '/var/www/html/index.php' (request: "GET /index.php") execution timed out (31.005 sec), terminating`,
  },
  {
    id: 'fpm-worker-terminated',
    source: 'php-fpm',
    pattern: /exited on signal 15 \(SIGTERM/i,
    severity: 'warning',
    title: 'PHP-FPM stopped a worker',
    meaning: `A PHP-FPM worker was told to stop (signal 15). Right after an “execution timed out … terminating” line, that is PHP-FPM’s own time limit ending a page that ran too long. ${workerDiedStatus}`,
    cause:
      'Find the slow page named in the time-out line just before it. With no such line, something outside stopped the worker (a restart of PHP-FPM, or a person), and only the page it was building at that moment was cut.',
    step: 'php-limits',
    reveals: phpFromLine,
    sample: `${fpmTime} WARNING: [pool example_com] child 27605 exited on signal 15 (SIGTERM) after 9.362107 seconds from start`,
  },
  {
    id: 'fpm-worker-killed',
    source: 'php-fpm',
    pattern: /exited on signal 9 \(SIGKILL/i,
    severity: 'error',
    title: 'A PHP worker was forcibly stopped',
    meaning: `A PHP-FPM worker was killed outright (signal 9), in the middle of whatever page it was building. ${workerDiedStatus}`,
    cause:
      'Something outside PHP-FPM killed it: most often the kernel’s (or a container’s) out-of-memory killer, on CloudLinux shared hosting the account’s memory limit, or someone running kill -9. PHP-FPM’s own time limit sends signal 15, not 9. Look for “Out of memory” in the kernel log at that moment, and run fewer PHP workers if memory is short.',
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
    meaning: `A PHP-FPM worker crashed in the middle of a page (a “segmentation fault”, signal 11). ${workerDiedStatus}`,
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
    meaning: 'PHP-FPM’s slow log noticed a page taking longer than its threshold. That isn’t an error in itself, but slow pages are what later time out.',
    cause: 'The slow log (often next to PHP-FPM’s log) shows which code was busy. On WordPress and similar, that is usually a plugin.',
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
    cause: 'A bug in the site’s code, a plugin, or a setting; the text after “PHP message” says what and where. Undoing a recent update often fixes it.',
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
    meaning: 'PHP stopped building a page because of an error in the code. Visitors usually get a 500 error, or a blank page, rather than a 502.',
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
    meaning: 'The system tried to start PHP-FPM (the program that runs PHP) and it failed, so nothing is there to run your pages.',
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
    meaning: 'The system reports that PHP-FPM (the program that runs PHP) stopped with an error, so nothing is there to run your pages.',
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
    meaning: 'PHP-FPM (the program that runs PHP) stopped unexpectedly. Until it is running again, your PHP pages give a 502.',
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
    meaning: 'The system keeps restarting PHP-FPM (the program that runs PHP) because it keeps stopping. While it’s down, PHP pages give a 502.',
    cause:
      'Something stops it each time it starts: a mistake in its settings, a faulty extension, or lack of memory. Its log (journalctl -u followed by the service name) shows the reason just before each restart.',
    step: 'restart',
    reveals: phpFromCapture,
    sample: 'Nov 26 09:14:03 web1 systemd[1]: php-fpm.service: Scheduled restart job, restart counter is at 5.',
  },
  {
    id: 'systemd-web-server-failed',
    source: 'systemd',
    pattern:
      /(?:\b(nginx|apache2|httpd)\.service: (?:Failed with result|Main process exited, code=(?:killed|dumped))|Failed to start (nginx|apache2|httpd)\.service)/i,
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

  // ---------------------------------------------------------------- Apps
  {
    id: 'gunicorn-worker-timeout',
    source: 'app',
    pattern: /\[CRITICAL\] WORKER TIMEOUT \(pid:\d{1,10}\)/,
    severity: 'error',
    title: 'Gunicorn stopped a worker that took too long',
    meaning:
      'A Gunicorn worker (a process running your Python app) spent longer on one request than Gunicorn allows (30 seconds unless --timeout says otherwise), so Gunicorn killed it. The web server in front sees the connection close and shows a 502 Bad Gateway.',
    cause:
      'A slow view, a database query that hangs, or a call to another service that doesn’t answer. Find the slow request in the app’s log; raise --timeout only if the work really needs longer, and keep the web server’s own limit (proxy_read_timeout) above it.',
    step: 'app-server',
    sample: '[2026-11-26 09:14:03 +0000] [1234] [CRITICAL] WORKER TIMEOUT (pid:5678)',
  },
  {
    id: 'node-port-taken',
    source: 'app',
    pattern: /\blisten EADDRINUSE: address already in use/,
    severity: 'critical',
    title: 'Your Node app can’t start: its port is taken',
    meaning: 'The app tried to listen on its port, and another program already has it, so this copy of the app didn’t start.',
    cause:
      'Often an old copy of the app is still running: one started by hand, or by a second process manager (pm2 beside systemd, say). “sudo ss -ltnp” shows which program holds the port; stop it, then start the app once.',
    step: 'app-server',
    sample: 'Error: listen EADDRINUSE: address already in use :::3000',
  },
  {
    id: 'cloudflared-origin-unreachable',
    source: 'cloudflared',
    pattern: /Unable to reach the origin service\. The service may be down/i,
    severity: 'critical',
    title: 'Cloudflare Tunnel can’t reach your app',
    meaning:
      'cloudflared (the program that connects your server to Cloudflare through a tunnel) is running, but the local address it forwards visitors to didn’t answer. Visitors get a 502 Bad Gateway page from Cloudflare.',
    cause:
      'The app behind the tunnel has stopped, or it listens on another port or address than the tunnel’s settings say (the service line in its config.yml, or the public hostname in the Cloudflare dashboard). The end of the line gives the exact error: “connection refused” means nothing listens there.',
    step: 'app-server',
    sample:
      '2026-11-26T09:14:03Z ERR  error="Unable to reach the origin service. The service may be down or it may not be responding to traffic from cloudflared: dial tcp 127.0.0.1:8080: connect: connection refused" cfRay=8f1a2b3c4d5e6f70-LHR event=1 ingressRule=0 originService=http://127.0.0.1:8080',
  },

  // ---------------------------------------------------------- Cloudflare
  // The numbered pages (520 to 530) come from evidence/cloudflare.ts, so the
  // error-page question, the live check and the log explainer agree on them.
  ...cloudflareCodeNumbers.map(cloudflareRecogniser),
  {
    id: 'cloudflare-plain',
    source: 'cloudflare',
    // Only the page's own source on one line: the title and Cloudflare's name together. The
    // bare word "cloudflare" on a line of its own, as the page reads when copied, also ends
    // Cloudflare's 400 and 403 pages, and could be anything a person types.
    pattern: /<title>(?:502 Bad Gateway|504 Gateway Time-out)<\/title>.{0,300}?<center>cloudflare<\/center>/i,
    severity: 'error',
    title: 'Cloudflare itself failed',
    meaning:
      'This is Cloudflare’s plain page, without its design or a Ray ID: Cloudflare shows it when the fault is its own, not your server’s. (When your server fails, Cloudflare shows its designed “Bad gateway” page instead.)',
    cause:
      'Check cloudflarestatus.com; it usually passes within minutes. If it keeps happening on some pages only, a wrong Content-Length on compressed (gzip) answers from your server can cause it.',
    step: 'cloudflare-status',
    sample: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body></html>',
  },
  {
    id: 'cloudflare-502',
    source: 'cloudflare',
    pattern: /\berror code:?[ \t]{1,3}502\b/i,
    severity: 'error',
    title: 'Your server answered Cloudflare with a 502',
    meaning:
      'This is Cloudflare’s designed “Bad gateway” page (with a Ray ID): your server, not Cloudflare, answered with a 502, or couldn’t be reached properly.',
    cause: 'The fix is at your server, not at Cloudflare. Its error log from that moment says what went wrong behind the web server.',
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
      'This is Cloudflare’s designed “Gateway time-out” page: your server, not Cloudflare, answered with a 504, because something behind its web server was too slow.',
    cause: 'The fix is at your server, not at Cloudflare: a page is taking too long, often a slow plugin or database query.',
    step: 'php-limits',
    sample: 'Gateway time-out Error code 504',
  },
  {
    id: 'cloudflare-1016',
    source: 'cloudflare',
    pattern: /\berror(?: code)?:?[ \t]{1,3}1016\b/i,
    severity: 'error',
    title: 'Cloudflare can’t find your server’s address',
    meaning: 'Cloudflare (the service in front of your site) looked up where your server is, and the DNS record it relies on doesn’t lead anywhere.',
    cause: 'A DNS record in Cloudflare points at a name that doesn’t exist, or was deleted. Check your DNS records in Cloudflare.',
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
