/**
 * Real-world 502 cases: what people hit, on the platforms they use, each
 * with what the person would answer, the evidence they could bring (log
 * lines to paste, what a live check of their site would see), and the
 * step that fixes it. tests/cases.test.ts walks every case through the
 * wizard from /fix; scripts/bench/answers.ts counts the answers it takes.
 *
 * A case records what is true of the situation, not what the wizard does
 * with it today: when a walk ends somewhere else, the wizard (its routing
 * or its guidance) is what needs to change.
 */
import type { CheckReport, Hop } from '@/live-check/report';
import type { Facts } from '@/machines/facts';
import type { FixId } from '@/machines/fixes';

/** What the person would answer to each question (answer ids); silence means “not sure” or “skip”. */
export type Setup = Pick<Facts, 'role' | 'reach' | 'page' | 'cfCode' | 'access' | 'cdn' | 'cms' | 'server' | 'app'>;

export interface Evidence {
  /** Log lines (or an error page’s text) the person can paste into “Explain my error log”. */
  log?: string;
  /** What a live check of the site would see. */
  check?: CheckReport;
}

export interface Case {
  id: string;
  title: string;
  /** Where the case comes from: a URL, or a section of the reference files. */
  source: string;
  platform: string;
  setup: Setup;
  evidence?: Evidence;
  cause: string;
  /** The step that fixes it. */
  fix: FixId;
  /** Short phrases the fix page must contain (compared in lower case). */
  words: string[];
}

// ---------------------------------------------------------------- what a live check sees

const checkedAt = '2026-11-26T09:14:03.000Z';
const cfRay = '8e1f2e3d4b5a6978-FRA';
const validTls = { valid: true, nameMatches: true, subject: 'example.com', issuer: 'Google Trust Services', expires: '2027-01-20T23:59:59.000Z', daysLeft: 55 };

function hop(url: string, extra: Partial<Hop>): Hop {
  const https = url.startsWith('https:');
  return {
    url,
    address: '203.0.113.10',
    addresses: ['203.0.113.10'],
    dnsMs: 18,
    connectMs: 24,
    ...(https ? { tlsMs: 41, tls: validTls } : {}),
    ...extra,
  };
}

/** The site answered with `status`, these headers and this page. */
function answered(
  status: number,
  statusText: string,
  headers: Record<string, string>,
  body: string,
  url = 'https://example.com/',
  extra: Partial<Hop> = {},
): CheckReport {
  const h = hop(url, { waitMs: 180, totalMs: 260, status, statusText, headers, body, bytes: body.length, ...extra });
  return { url, checkedAt, hops: [h], totalMs: 260 };
}

/** The check got no final answer. */
function failed(kind: NonNullable<CheckReport['failure']>['kind'], detail: string, first: Partial<Hop> = {}, url = 'https://example.com/'): CheckReport {
  return { url, checkedAt, hops: [{ url, addresses: ['203.0.113.10'], dnsMs: 18, ...first }], failure: { kind, detail }, totalMs: 8000 };
}

const nginxPage = (version: string) =>
  `<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
const nginx502 = (version = '1.22.1') => answered(502, 'Bad Gateway', { server: `nginx/${version}`, 'content-type': 'text/html' }, nginxPage(version));

const cfHeaders = { server: 'cloudflare', 'cf-ray': cfRay, 'content-type': 'text/html; charset=UTF-8' };
const cloudflareIp = { address: '104.21.48.1', addresses: ['104.21.48.1', '172.67.161.12'] };
/** Cloudflare’s branded page: its name, the browser–Cloudflare–host diagram and a Ray ID. */
function cloudflareBranded(status: number, name: string): CheckReport {
  const body = `<!DOCTYPE html><html lang="en-US"><head><title>example.com | ${status}: ${name}</title><link rel="stylesheet" id="cf_styles-css" href="/cdn-cgi/styles/main.css" /></head><body><div id="cf-wrapper"><div id="cf-error-details" class="p-0"><header><h1><span class="inline-block">${name}</span><span class="code-label">Error code ${status}</span></h1><div>Visit <a href="https://www.cloudflare.com/5xx-error-landing?utm_source=errorcode_${status}">cloudflare.com</a> for more information.</div></header><div class="cf-error-footer"><p>Cloudflare Ray ID: <strong>${cfRay.split('-')[0]}</strong> &bull; Performance &amp; security by Cloudflare</p></div></div></div></body></html>`;
  return answered(status, status === 502 ? 'Bad Gateway' : '', cfHeaders, body, 'https://example.com/', cloudflareIp);
}
/** Cloudflare’s own plain page, without branding: Cloudflare itself failed. */
const cloudflarePlain502 = answered(
  502,
  'Bad Gateway',
  cfHeaders,
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n',
  'https://example.com/',
  cloudflareIp,
);
/** Flexible mode: Cloudflare asks the server over http, the server sends it to https, again and again. */
const flexibleLoop: CheckReport = {
  url: 'https://example.com/',
  checkedAt,
  hops: Array.from({ length: 6 }, (_, i) =>
    hop('https://example.com/', {
      ...cloudflareIp,
      ...(i ? { dnsMs: undefined, connectMs: undefined, tlsMs: undefined } : {}),
      waitMs: 90,
      status: 301,
      statusText: 'Moved Permanently',
      headers: { server: 'cloudflare', 'cf-ray': cfRay, location: 'https://example.com/', 'x-redirect-by': 'WordPress' },
      location: 'https://example.com/',
    }),
  ),
  failure: { kind: 'too-many-redirects', detail: 'more than 5 redirects' },
  totalMs: 900,
};
/** Through Cloudflare: the connection opens, and no answer comes before the check gives up. */
const slowBehindCloudflare = failed('slow', 'connected in 22 ms, then no answer within 8 seconds', {
  ...cloudflareIp,
  connectMs: 22,
  tlsMs: 38,
  tls: validTls,
});
const siteUp = answered(
  200,
  'OK',
  { server: 'nginx/1.22.1', 'content-type': 'text/html; charset=UTF-8' },
  '<!doctype html><title>Example shop</title><h1>Welcome</h1>',
);

// ---------------------------------------------------------------- log lines, as the software writes them

const nginxTail = (upstream: string, request = 'GET / HTTP/1.1') =>
  `, client: 198.51.100.23, server: example.com, request: "${request}", upstream: "${upstream}", host: "example.com"`;
const lines = (...l: string[]) => l.join('\n');

export const cases: Case[] = [
  // ------------------------------------------------------------ PHP workers busy
  {
    id: 'debian-workers-exhausted',
    title: 'A sale brings traffic, and every PHP worker is busy',
    source: 'expert-review G3; facts-beyond-the-article.md (All PHP workers busy)',
    platform: 'Debian 12 VPS, Nginx 1.22, PHP-FPM 8.2, WooCommerce',
    setup: { role: 'owner', reach: 'everyone', page: 'nginx', access: 'ssh', cdn: 'no', cms: 'wordpress' },
    evidence: {
      log: lines(
        `2026/11/26 09:14:03 [error] 2211#2211: *48812 connect() to unix:/run/php/php8.2-fpm.sock failed (11: Resource temporarily unavailable) while connecting to upstream${nginxTail('fastcgi://unix:/run/php/php8.2-fpm.sock:', 'GET /shop/ HTTP/2.0')}`,
        '[26-Nov-2026 09:13:58] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it',
      ),
      check: nginx502(),
    },
    cause: 'Debian’s default pm.max_children of 5 is used up by slow checkout pages; the socket’s queue fills and Nginx gets EAGAIN.',
    fix: 'php-workers',
    words: ['pm.max_children', 'resource temporarily unavailable'],
  },
  {
    id: 'whm-max-children-cloudflare',
    title: 'cPanel server behind Cloudflare: the domain’s PHP-FPM pool hits Max Children',
    source: 'https://docs.cpanel.net/knowledge-base/php-fpm ; https://support.cpanel.net/hc/en-us/articles/1500012339862 (Server reached max children setting)',
    platform: 'AlmaLinux 9, cPanel & WHM, EA4 PHP 8.2 FPM, Cloudflare',
    setup: { role: 'owner', reach: 'everyone', page: 'cloudflare-502', access: 'panel', cms: 'wordpress' },
    evidence: {
      log: '[26-Nov-2026 09:14:03] WARNING: [pool example_com] server reached max_children setting (5), consider raising it',
      check: cloudflareBranded(502, 'Bad gateway'),
    },
    cause: 'cPanel gives each domain’s pool 5 children by default; the owner can raise it in WHM » MultiPHP Manager » PHP-FPM settings.',
    fix: 'php-workers',
    words: ['pm.max_children', 'multiphp manager'],
  },
  {
    id: 'plesk-max-children',
    title: 'Plesk site served by Nginx and PHP-FPM runs out of workers',
    source: 'expert-review §3 (pm.max_children: Plesk » PHP Settings) and §5 (Plesk)',
    platform: 'Ubuntu 22.04, Plesk Obsidian, plesk-php82-fpm, “FPM application served by nginx”',
    setup: { role: 'owner', reach: 'everyone', page: 'nginx', access: 'panel', cdn: 'no', cms: 'wordpress' },
    evidence: {
      log: lines(
        `2026/11/26 09:14:03 [error] 1408#0: *90211 connect() to unix:/var/www/vhosts/system/example.com/php-fpm.sock failed (11: Resource temporarily unavailable) while connecting to upstream${nginxTail('fastcgi://unix:/var/www/vhosts/system/example.com/php-fpm.sock:')}`,
        '[26-Nov-2026 09:14:01] WARNING: [pool example.com] server reached pm.max_children setting (5), consider raising it',
      ),
      check: nginx502('1.24.0'),
    },
    cause: 'The subscription’s pool allows 5 PHP workers; Plesk’s PHP Settings page for the domain sets pm.max_children.',
    fix: 'php-workers',
    words: ['pm.max_children', 'php settings'],
  },
  {
    id: 'managed-wp-php-workers',
    title: 'Managed WordPress plan with two PHP workers: uncached checkout pages queue up',
    source: 'https://kinsta.com/knowledgebase/php-workers-ecommerce/ ; https://wpengine.com/support/troubleshooting-502-error/',
    platform: 'Managed WordPress host (dashboard only), WooCommerce',
    setup: { role: 'owner', reach: 'everyone', page: 'host', access: 'panel', cdn: 'not-sure', cms: 'wordpress' },
    cause: 'Every uncached request (cart, checkout, admin) takes a PHP worker; with two, a handful of shoppers fill the queue and the host answers 502.',
    fix: 'php-workers',
    words: ['php worker', 'cache'],
  },
  {
    id: 'crawlers-fill-workers',
    title: 'Crawlers and wp-cron take every PHP worker on a small VPS',
    source: 'expert-review §3 (Bots, AI crawlers, xmlrpc/wp-login floods) and G3',
    platform: 'Ubuntu 24.04 VPS, Nginx 1.24, PHP-FPM 8.3, WordPress',
    setup: { role: 'owner', reach: 'everyone', page: 'nginx', access: 'ssh', cdn: 'no', cms: 'wordpress' },
    evidence: {
      log: lines(
        '[26-Nov-2026 09:13:40] WARNING: [pool www] seems busy (you may need to increase pm.start_servers, or pm.min/max_spare_servers), spawning 8 children, there are 0 idle, and 13 total children',
        '[26-Nov-2026 09:13:52] WARNING: [pool www] server reached pm.max_children setting (20), consider raising it',
        `2026/11/26 09:14:03 [error] 981#981: *30177 connect() to unix:/run/php/php8.3-fpm.sock failed (11: Resource temporarily unavailable) while connecting to upstream${nginxTail('fastcgi://unix:/run/php/php8.3-fpm.sock:', 'GET /?s=shoes&paged=412 HTTP/1.1')}`,
      ),
      check: nginx502('1.24.0'),
    },
    cause: 'Bots crawling search and archive pages, plus wp-cron on every visit, keep all 20 workers busy; more workers alone would only move the limit.',
    fix: 'php-workers',
    words: ['bot', 'wp-cron'],
  },

  // ------------------------------------------------------------ PHP version changes
  {
    id: 'debian13-stale-socket',
    title: 'After the upgrade to Debian 13, Nginx still points at php8.2-fpm.sock',
    source: 'expert-review W3, G7, O1',
    platform: 'Debian 13 (upgraded from 12), Nginx 1.26, PHP-FPM 8.4',
    setup: { role: 'owner', reach: 'everyone', page: 'nginx', access: 'ssh', cdn: 'no', cms: 'wordpress' },
    evidence: {
      log: `2026/11/26 09:14:03 [crit] 1102#1102: *12 connect() to unix:/run/php/php8.2-fpm.sock failed (2: No such file or directory) while connecting to upstream${nginxTail('fastcgi://unix:/run/php/php8.2-fpm.sock:')}`,
      check: nginx502('1.26.3'),
    },
    cause: 'The upgrade replaced PHP 8.2 with 8.4; the site still names the old socket. Debian’s version-free /run/php/php-fpm.sock survives the next upgrade.',
    fix: 'php-version',
    words: ['php8.4-fpm', '/run/php/php-fpm.sock'],
  },
  {
    id: 'cpanel-multiphp-switch',
    title: 'The site broke right after choosing PHP 8.3 in MultiPHP Manager',
    source: 'expert-review G7 (the panel route: cPanel » MultiPHP Manager)',
    platform: 'cPanel shared hosting, EA4 PHP-FPM',
    setup: { role: 'owner', reach: 'everyone', page: 'not-sure', access: 'panel', cdn: 'no', cms: 'wordpress' },
    cause: 'The new version’s PHP-FPM pool is not serving the domain yet; switching back, or asking the host to rebuild the pool, brings it back.',
    fix: 'php-version',
    words: ['multiphp manager', 'php-fpm'],
  },
  {
    id: 'plesk-php-switch',
    title: 'Plesk: 502 after switching the domain to PHP 8.3',
    source: 'https://firstday.ca/plesk-errors/502-bad-gateway ; expert-review §3 (plesk repair web)',
    platform: 'AlmaLinux 9, Plesk Obsidian, plesk-php83-fpm',
    setup: { role: 'owner', reach: 'everyone', page: 'nginx', access: 'panel', cdn: 'no', cms: 'wordpress' },
    evidence: {
      log: `2026/11/26 09:14:03 [crit] 3321#0: *5 connect() to unix:/var/www/vhosts/system/example.com/php-fpm.sock failed (2: No such file or directory) while connecting to upstream${nginxTail('fastcgi://unix:/var/www/vhosts/system/example.com/php-fpm.sock:')}`,
      check: nginx502('1.26.2'),
    },
    cause: 'The PHP 8.3 FPM service for the subscription did not start; re-applying the domain’s PHP settings or `plesk repair web` recreates the pool.',
    fix: 'php-version',
    words: ['php settings', 'plesk repair web'],
  },

  // ------------------------------------------------------------ PHP-FPM stopped or broken
  {
    id: 'fpm-not-enabled-after-reboot',
    title: 'After a reboot PHP-FPM is not running: it was never enabled',
    source: 'expert-review M1 and §1 (restart.mdx does not mention systemctl enable)',
    platform: 'Debian 12 VPS, Nginx, PHP-FPM 8.2',
    setup: { role: 'owner', reach: 'everyone', page: 'nginx', access: 'ssh', cdn: 'no', cms: 'none', app: 'php' },
    evidence: {
      log: `2026/11/26 09:14:03 [crit] 702#702: *3 connect() to unix:/run/php/php8.2-fpm.sock failed (2: No such file or directory) while connecting to upstream${nginxTail('fastcgi://unix:/run/php/php8.2-fpm.sock:')}`,
      check: nginx502(),
    },
    cause: 'A cleanly stopped PHP-FPM removes its socket, so the line looks like a wrong path; the service is simply not started at boot.',
    fix: 'restart',
    words: ['systemctl enable', 'systemctl status'],
  },
  {
    id: 'fpm-tcp-crashed',
    title: 'PHP-FPM on port 9000 was killed; Nginx finds nothing listening',
    source: 'facts-beyond-the-article.md (Upstream port closed: 111); https://stackengine.dev/nginx-php-fpm-pool-exhaustion-111-refused',
    platform: 'Ubuntu 22.04 VPS, Nginx, PHP-FPM 8.1 on 127.0.0.1:9000, Laravel',
    setup: { role: 'owner', reach: 'everyone', page: 'nginx', access: 'ssh', cdn: 'no', cms: 'none', app: 'php' },
    evidence: {
      log: `2026/11/26 09:14:03 [error] 1190#1190: *2201 connect() failed (111: Connection refused) while connecting to upstream${nginxTail('fastcgi://127.0.0.1:9000')}`,
      check: nginx502('1.18.0'),
    },
    cause: 'The PHP-FPM master was killed; nothing listens on 127.0.0.1:9000 until it is started again.',
    fix: 'restart',
    words: ['systemctl restart', 'list-units'],
  },
  {
    id: 'fpm-pool-config-error',
    title: 'PHP-FPM will not start after the pool settings were edited',
    source: 'expert-review §4.2 (ALERT … cannot be greater than pm.max_children)',
    platform: 'Debian 12 VPS, Nginx, PHP-FPM 8.2',
    setup: { role: 'owner', reach: 'everyone', page: 'nginx', access: 'ssh', cdn: 'no', cms: 'wordpress' },
    evidence: {
      log: lines(
        '[26-Nov-2026 09:12:40] ALERT: [pool www] pm.min_spare_servers(1) and pm.max_spare_servers(4) cannot be greater than pm.max_children(2)',
        '[26-Nov-2026 09:12:40] ERROR: failed to post process the configuration',
        '[26-Nov-2026 09:12:40] ERROR: FPM initialization failed',
        "Nov 26 09:12:40 web1 systemd[1]: php8.2-fpm.service: Failed with result 'exit-code'.",
        'Nov 26 09:12:40 web1 systemd[1]: Failed to start php8.2-fpm.service - The PHP 8.2 FastCGI Process Manager.',
      ),
      check: nginx502(),
    },
    cause: 'pm.max_children was lowered below max_spare_servers; PHP-FPM refuses the configuration, and its own config test says which line.',
    fix: 'restart',
    words: ['journalctl', 'php-fpm8.2 -t'],
  },
  {
    id: 'socket-permission',
    title: 'A new pool runs as the site user, and Nginx may not open its socket',
    source:
      'facts-beyond-the-article.md (Socket not writable: 13); https://console9.com/wiki/articles/nginx/nginx-conf/troubleshooting/connect-php-fpm-sock-failed-upstream/',
    platform: 'Debian 12 VPS, Nginx, PHP-FPM 8.2 (pool per site)',
    setup: { role: 'owner', reach: 'everyone', page: 'nginx', access: 'ssh', cdn: 'no', cms: 'wordpress' },
    evidence: {
      log: `2026/11/26 09:14:03 [crit] 655#655: *9 connect() to unix:/run/php/php8.2-fpm-shop.sock failed (13: Permission denied) while connecting to upstream${nginxTail('fastcgi://unix:/run/php/php8.2-fpm-shop.sock:')}`,
      check: nginx502(),
    },
    cause: 'The pool’s listen.owner/listen.group do not include www-data; a restart (not a reload) applies the new socket permissions.',
    fix: 'proxy',
    words: ['listen.owner', 'listen.mode'],
  },
  {
    id: 'almalinux-selinux-node',
    title: 'AlmaLinux: Nginx may not connect to the Node app on port 3000',
    source: 'expert-review §1 (SELinux on RHEL-family: 13: Permission denied → httpd_can_network_connect)',
    platform: 'AlmaLinux 9, Nginx 1.20, Node.js 20 on 127.0.0.1:3000, SELinux enforcing',
    setup: { role: 'owner', reach: 'everyone', page: 'nginx', access: 'ssh', cdn: 'no', cms: 'none', app: 'node' },
    evidence: {
      log: `2026/11/26 09:14:03 [crit] 1544#1544: *1 connect() to 127.0.0.1:3000 failed (13: Permission denied) while connecting to upstream${nginxTail('http://127.0.0.1:3000/')}`,
      check: nginx502('1.20.1'),
    },
    cause: 'SELinux forbids the web server’s network connections until httpd_can_network_connect is switched on.',
    fix: 'proxy',
    words: ['httpd_can_network_connect', 'selinux'],
  },

  // ------------------------------------------------------------ apps behind the web server
  {
    id: 'node-localhost-ipv6',
    title: 'proxy_pass http://localhost:3000, and Node listens on IPv4 only',
    source: 'https://github.com/ietf-tools/mailarchive/pull/4016 ; https://github.com/dotnet/AspNetCore.Docs/issues/21953 ; expert-review G6',
    platform: 'Ubuntu 24.04 VPS, Nginx 1.24, Node.js 22 (Express) on 127.0.0.1:3000',
    setup: { role: 'owner', reach: 'everyone', page: 'nginx', access: 'ssh', cdn: 'no', cms: 'none', app: 'node' },
    evidence: {
      log: `2026/11/26 09:14:03 [error] 1337#1337: *88 connect() failed (111: Connection refused) while connecting to upstream${nginxTail('http://[::1]:3000/')}`,
      check: nginx502('1.24.0'),
    },
    cause:
      '“localhost” resolves to ::1 as well as 127.0.0.1; the app listens only on 127.0.0.1, so every try at ::1 is refused. proxy_pass http://127.0.0.1:3000 fixes it.',
    fix: 'app-server',
    words: ['127.0.0.1', '::1'],
  },
  {
    id: 'gunicorn-worker-timeout',
    title: 'A slow Django report outlives gunicorn’s 30-second worker timeout',
    source: 'https://github.com/benoitc/gunicorn/issues/1801 ; expert-review G6 (WORKER TIMEOUT → upstream prematurely closed)',
    platform: 'Debian 12 VPS, Nginx, gunicorn 22, Django',
    setup: { role: 'owner', reach: 'everyone', page: 'nginx', access: 'ssh', cdn: 'no', cms: 'none', app: 'python' },
    evidence: {
      log: lines(
        '[2026-11-26 09:14:03 +0000] [1421] [CRITICAL] WORKER TIMEOUT (pid:1588)',
        '[2026-11-26 09:14:03 +0000] [1588] [INFO] Worker exiting (pid: 1588)',
        `2026/11/26 09:14:03 [error] 812#812: *40 upstream prematurely closed connection while reading response header from upstream${nginxTail('http://unix:/run/gunicorn.sock:/reports/yearly/', 'GET /reports/yearly/ HTTP/1.1')}`,
      ),
      check: nginx502(),
    },
    cause: 'gunicorn kills a worker that takes longer than --timeout (30 s by default); Nginx sees the connection close before any answer.',
    fix: 'app-server',
    words: ['--timeout', 'worker timeout'],
  },
  {
    id: 'docker-loopback',
    title: 'In Docker Compose, Nginx’s 127.0.0.1 is its own container',
    source: 'https://codemia.io/knowledge-hub/path/docker_nginx_reverse_proxy_gives_502_bad_gateway_closed ; expert-review §3 (Docker)',
    platform: 'Debian 12 host, Docker Compose: nginx container + app container on port 8000',
    setup: { role: 'owner', reach: 'everyone', page: 'nginx', access: 'ssh', cdn: 'no', cms: 'none', app: 'docker' },
    evidence: {
      log: `2026/11/26 09:14:03 [error] 29#29: *7 connect() failed (111: Connection refused) while connecting to upstream${nginxTail('http://127.0.0.1:8000/')}`,
      check: nginx502('1.27.3'),
    },
    cause: 'proxy_pass http://127.0.0.1:8000 inside the nginx container reaches that container, not the app; use the Compose service name (http://app:8000).',
    fix: 'app-server',
    words: ['service name', 'docker compose'],
  },
  {
    id: 'pm2-app-crashed',
    title: 'The Node app crashed after a deploy and pm2 gave up restarting it',
    source: 'https://selfhosting.sh/troubleshooting/reverse-proxy-502-bad-gateway ; expert-review §3 (journalctl -u myapp, pm2 logs)',
    platform: 'Ubuntu 22.04 droplet, Nginx, Node.js under pm2',
    setup: { role: 'owner', reach: 'everyone', page: 'nginx', access: 'ssh', cdn: 'no', cms: 'none', app: 'node' },
    evidence: {
      log: `2026/11/26 09:14:03 [error] 901#901: *311 connect() failed (111: Connection refused) while connecting to upstream${nginxTail('http://127.0.0.1:3000/')}`,
      check: nginx502('1.18.0'),
    },
    cause: 'A missing environment variable makes the app exit at start; pm2 marks it errored and port 3000 stays closed.',
    fix: 'app-server',
    words: ['pm2 logs', 'curl'],
  },

  // ------------------------------------------------------------ Nginx and Apache settings
  {
    id: 'too-big-header',
    title: 'The cart page sets more cookies than Nginx’s header buffer holds',
    source: 'https://openillumi.com/?p=54336 ; https://www.simplefastwebsites.com/errors/hosting/nginx-upstream-sent-too-big-header/ ; expert-review §0',
    platform: 'Debian 12 VPS, Nginx, PHP-FPM 8.2, WooCommerce',
    setup: { role: 'owner', reach: 'everyone', page: 'nginx', access: 'ssh', cdn: 'no', cms: 'wordpress' },
    evidence: {
      log: `2026/11/26 09:14:03 [error] 1011#1011: *502 upstream sent too big header while reading response header from upstream${nginxTail('fastcgi://unix:/run/php/php8.2-fpm.sock:', 'GET /cart/ HTTP/2.0')}`,
      check: nginx502(),
    },
    cause: 'The response headers (many Set-Cookie lines) exceed fastcgi_buffer_size; the right buffer values pass nginx -t.',
    fix: 'proxy',
    words: ['fastcgi_buffer_size', 'fastcgi_buffers'],
  },
  {
    id: 'apache-proxy-http-timeout',
    title: 'Apache’s “Proxy Error”: the app is slower than ProxyTimeout',
    source: 'expert-review W1, M2; facts-beyond-the-article.md (mod_proxy_http timeout: 502)',
    platform: 'Debian 12, Apache 2.4 mod_proxy_http in front of a Python app on 127.0.0.1:8080',
    setup: { role: 'owner', reach: 'everyone', page: 'apache', access: 'ssh', cdn: 'no', cms: 'none', app: 'python' },
    evidence: {
      log: lines(
        '[Thu Nov 26 09:14:03.512207 2026] [proxy_http:error] [pid 20411:tid 140187330840256] (70007)The timeout specified has expired: [client 198.51.100.23:52110] AH01102: error reading status line from remote server 127.0.0.1:8080',
        '[Thu Nov 26 09:14:03.512301 2026] [proxy:error] [pid 20411:tid 140187330840256] [client 198.51.100.23:52110] AH00898: Error reading from remote server returned by /reports/yearly',
      ),
      check: answered(
        502,
        'Proxy Error',
        { server: 'Apache/2.4.62 (Debian)', 'content-type': 'text/html; charset=iso-8859-1' },
        '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>502 Proxy Error</title>\n</head><body>\n<h1>Proxy Error</h1>\n<p>The proxy server received an invalid\r\nresponse from an upstream server.<br />\r\nThe proxy server could not handle the request<p>Reason: <strong>Error reading from remote server</strong></p></p>\n<hr>\n<address>Apache/2.4.62 (Debian) Server at example.com Port 443</address>\n</body></html>\n',
      ),
    },
    cause: 'mod_proxy_http gives up after ProxyTimeout (or the ProxyPass timeout=) and answers 502, not 504.',
    fix: 'proxy',
    words: ['proxytimeout', 'ah01102'],
  },
  {
    id: 'request-terminate-sigterm',
    title: 'PHP-FPM’s request_terminate_timeout ends a long report with SIGTERM',
    source: 'expert-review §0 and W2; facts-beyond-the-article.md (request_terminate_timeout)',
    platform: 'Debian 12 VPS, Nginx, PHP-FPM 8.2',
    setup: { role: 'owner', reach: 'everyone', page: 'nginx', access: 'ssh', cdn: 'no', cms: 'other' },
    evidence: {
      log: lines(
        '[26-Nov-2026 09:14:03] WARNING: [pool www] child 27605, script \'/var/www/html/index.php\' (request: "GET /index.php") execution timed out (30.012407 sec), terminating',
        '[26-Nov-2026 09:14:03] WARNING: [pool www] child 27605 exited on signal 15 (SIGTERM) after 35.362107 seconds from start',
        `2026/11/26 09:14:03 [error] 1190#1190: *7781 recv() failed (104: Connection reset by peer) while reading response header from upstream${nginxTail('fastcgi://unix:/run/php/php8.2-fpm.sock:', 'GET /index.php?option=com_reports HTTP/1.1')}`,
      ),
      check: nginx502(),
    },
    cause: 'request_terminate_timeout (30 s) runs out before max_execution_time, which does not count time spent waiting; PHP-FPM kills the worker mid-page.',
    fix: 'php-limits',
    words: ['request_terminate_timeout', 'max_execution_time'],
  },
  {
    id: 'long-import-host-limit',
    title: 'A product import dies after about 60 seconds on a managed host',
    source: 'https://wpengine.com/support/troubleshooting-502-error/ (Long 502: the Long Process Killer after 60 seconds)',
    platform: 'Managed WordPress host (dashboard only), WP All Import',
    setup: { role: 'owner', reach: 'everyone', page: 'host', access: 'panel', cdn: 'no', cms: 'wordpress' },
    cause: 'The host stops any request that runs past 60 seconds; the import has to run in smaller batches.',
    fix: 'php-limits',
    words: ['max_execution_time', 'import'],
  },

  // ------------------------------------------------------------ Cloudflare
  {
    id: 'cf-524-slow-export',
    title: 'An order export behind Cloudflare takes more than 100 seconds: 524',
    source:
      'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-524/ ; expert-review §0 (Cloudflare 100 s)',
    platform: 'cPanel shared hosting, WooCommerce, Cloudflare (free plan)',
    setup: { role: 'owner', reach: 'everyone', page: 'cloudflare-52x', cfCode: '524', access: 'panel', cms: 'wordpress' },
    evidence: { log: 'A timeout occurred Error code 524 Visit cloudflare.com for more information.', check: slowBehindCloudflare },
    cause: 'Cloudflare waits 100 seconds for the server’s answer; the export needs longer, so it must run in the background or off the proxied name.',
    fix: 'php-limits',
    words: ['100 s', 'cloudflare'],
  },
  {
    id: 'cf-521-nginx-dead',
    title: 'Cloudflare 521: after a reboot Nginx is not running',
    source:
      'https://github.com/kdaisho/Blog/wiki/Digitalocean-server-throws-521 ; https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-521/',
    platform: 'Ubuntu 20.04 droplet, Nginx (disabled at boot), Node.js under pm2',
    setup: { role: 'owner', reach: 'everyone', page: 'cloudflare-52x', cfCode: '521', access: 'ssh', cms: 'none', app: 'node' },
    evidence: { check: cloudflareBranded(521, 'Web server is down') },
    cause: 'nginx.service is disabled, so nothing listens on 80/443 after the reboot and Cloudflare is refused.',
    fix: 'restart',
    words: ['systemctl enable', 'nginx'],
  },
  {
    id: 'cf-521-lfd-bans-cloudflare',
    title: 'Cloudflare 521 in some countries: lfd has banned Cloudflare’s addresses',
    source: 'expert-review §3 (Origin banning Cloudflare’s IPs); https://docs.danami.com/juggernaut/user-guide/cloudflare',
    platform: 'AlmaLinux 8, cPanel & WHM, CSF/lfd, Cloudflare',
    setup: { role: 'owner', reach: 'not-sure', page: 'cloudflare-52x', cfCode: '521', access: 'panel', cms: 'wordpress' },
    evidence: { check: cloudflareBranded(521, 'Web server is down') },
    cause:
      'The server sees every visitor as a Cloudflare address, so lfd’s login-failure bans land on Cloudflare itself; allow Cloudflare’s ranges and restore real visitor addresses.',
    fix: 'firewall',
    words: ['csf.allow', 'cf-connecting-ip'],
  },
  {
    id: 'cf-522-ufw-drops',
    title: 'Cloudflare 522 on a new VPS: ufw lets in SSH only',
    source:
      'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-522/ ; https://github.com/htpcBeginner/docker-traefik/issues/58',
    platform: 'Debian 12 VPS, ufw, Nginx, Cloudflare',
    setup: { role: 'owner', reach: 'everyone', page: 'cloudflare-52x', cfCode: '522', access: 'ssh', cms: 'wordpress' },
    evidence: { check: cloudflareBranded(522, 'Connection timed out') },
    cause: 'ufw’s default deny drops Cloudflare’s connections to 443 silently; allowing 80 and 443 fixes it.',
    fix: 'firewall',
    words: ['ufw allow', '443'],
  },
  {
    id: 'cf-523-old-ip',
    title: 'Cloudflare 523 after moving host: the A record names the old server',
    source: 'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-523/',
    platform: 'cPanel shared hosting (new host), DNS at Cloudflare',
    setup: { role: 'owner', reach: 'everyone', page: 'cloudflare-52x', cfCode: '523', access: 'panel', cms: 'wordpress' },
    evidence: { check: cloudflareBranded(523, 'Origin is unreachable'), log: 'Origin is unreachable Error code 523' },
    cause: 'The old server was switched off; Cloudflare’s DNS still sends visitors there.',
    fix: 'dns',
    words: ['a record', 'cloudflare'],
  },
  {
    id: 'cf-525-no-origin-https',
    title: 'Cloudflare 525: SSL mode Full, and the server has no HTTPS',
    source:
      'https://github.com/gofiber/fiber/issues/2992 ; https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-525/',
    platform: 'Debian 12 VPS, Go app behind Nginx on port 80 only, Cloudflare',
    setup: { role: 'owner', reach: 'everyone', page: 'cloudflare-52x', cfCode: '525', access: 'ssh', cms: 'none', app: 'not-sure' },
    evidence: { check: cloudflareBranded(525, 'SSL handshake failed') },
    cause: 'Full mode makes Cloudflare speak HTTPS to port 443, where nothing answers TLS; a Cloudflare Origin CA certificate on the server fixes it.',
    fix: 'cloudflare-ssl',
    words: ['full (strict)', 'origin ca'],
  },
  {
    id: 'cf-526-expired-origin-cert',
    title: 'Cloudflare 526: the server’s own certificate expired under Full (strict)',
    source: 'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-526/',
    platform: 'Ubuntu 22.04, Plesk, Let’s Encrypt renewals failing, Cloudflare',
    setup: { role: 'owner', reach: 'everyone', page: 'cloudflare-52x', cfCode: '526', access: 'panel', cms: 'wordpress' },
    evidence: { check: cloudflareBranded(526, 'Invalid SSL certificate'), log: 'Invalid SSL certificate Error code 526' },
    cause: 'Full (strict) checks the origin certificate; it expired because renewal behind the proxy failed.',
    fix: 'cloudflare-ssl',
    words: ['full (strict)', 'expired'],
  },
  {
    id: 'cf-flexible-redirect-loop',
    title: 'Cloudflare Flexible mode and WordPress forcing HTTPS: too many redirects',
    source: 'https://github.com/cloudflare/cloudflare-docs/blob/production/content/ssl/troubleshooting/too-many-redirects.md',
    platform: 'cPanel shared hosting, WordPress (“Force HTTPS”), Cloudflare Flexible',
    setup: { role: 'owner', reach: 'everyone', page: 'browser', access: 'panel', cdn: 'yes', cms: 'wordpress' },
    evidence: { check: flexibleLoop },
    cause: 'Flexible mode fetches the site over http; the site redirects to https; Cloudflare fetches over http again. Full mode ends the loop.',
    fix: 'cloudflare-ssl',
    words: ['flexible', 'redirect'],
  },
  {
    id: 'cf-520-segfault',
    title: 'Cloudflare 520 on some pages: a PHP extension crashes the worker',
    source:
      'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-520/ ; https://wpengine.com/support/troubleshooting-502-error/ (Instant 502: segmentation faults)',
    platform: 'cPanel shared hosting (CloudLinux), PHP 8.1 with a loader extension, Cloudflare',
    setup: { role: 'owner', reach: 'everyone', page: 'cloudflare-52x', cfCode: '520', access: 'panel', cms: 'wordpress' },
    evidence: { check: cloudflareBranded(520, 'Web server is returning an unknown error') },
    cause:
      'The worker dies mid-request and Cloudflare gets an empty answer; the account’s error log (cPanel » Metrics » Errors, and the domain’s php.error.log) shows the crash.',
    fix: 'logs',
    words: ['metrics', 'php.error.log'],
  },
  {
    id: 'cf-unbranded-incident',
    title: 'Cloudflare’s own plain “502 Bad Gateway / cloudflare” page during an incident',
    source: 'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-502-504/ ; expert-review W4, M13',
    platform: 'Any host behind Cloudflare',
    setup: { role: 'owner', reach: 'everyone', page: 'cloudflare-plain', access: 'panel', cms: 'wordpress' },
    evidence: { check: cloudflarePlain502 },
    cause: 'A page without Cloudflare’s branding is Cloudflare’s own failure: its status page says so, and it passes without the owner doing anything.',
    fix: 'cloudflare-status',
    words: ['cloudflarestatus.com', 'ray id'],
  },

  // ------------------------------------------------------------ the server itself
  {
    id: 'oom-killer',
    title: 'On a 1 GB VPS the kernel kills PHP-FPM workers when memory runs out',
    source:
      'expert-review §3 (OOM killer), M10; https://www.vengalavinay.com/step-by-step-diagnosing-out-of-memory-oom-killer-terminating-php-fpm-pool-workers-on-digitalocean-servers/',
    platform: 'Ubuntu 22.04 droplet (1 GB), Nginx, PHP-FPM 8.1, MySQL, Cloudflare',
    setup: { role: 'owner', reach: 'everyone', page: 'cloudflare-502', access: 'ssh', cms: 'wordpress' },
    evidence: {
      log: lines(
        'Nov 26 09:14:01 web1 kernel: Out of memory: Killed process 23114 (php-fpm8.1) total-vm:412884kB, anon-rss:201644kB, file-rss:0kB, shmem-rss:10240kB, UID:33 pgtables:612kB oom_score_adj:0',
        '[26-Nov-2026 09:14:01] WARNING: [pool www] child 23114 exited on signal 9 (SIGKILL) after 41.200311 seconds from start',
      ),
      check: cloudflareBranded(502, 'Bad gateway'),
    },
    cause: 'MySQL and too many PHP workers do not fit in 1 GB; the OOM killer ends workers mid-page.',
    fix: 'server-health',
    words: ['out of memory', 'journalctl -k'],
  },
  {
    id: 'disk-full',
    title: 'The disk filled up with logs and backups',
    source: 'expert-review P1 (truncate, not delete); log recogniser nginx-disk-full',
    platform: 'Debian 12 VPS, Nginx, PHP-FPM 8.2, WordPress with a backup plugin',
    setup: { role: 'owner', reach: 'everyone', page: 'nginx', access: 'ssh', cdn: 'no', cms: 'wordpress' },
    evidence: {
      log: `2026/11/26 09:14:03 [crit] 1201#1201: *77 pwrite() "/var/lib/nginx/fastcgi/2/00/0000000002" failed (28: No space left on device) while reading upstream${nginxTail('fastcgi://unix:/run/php/php8.2-fpm.sock:')}`,
      check: nginx502(),
    },
    cause: 'Backups and a runaway log fill the disk; deleting an open log frees nothing, truncating it does.',
    fix: 'server-health',
    words: ['df -h', 'truncate'],
  },
  {
    id: 'host-508-entry-processes',
    title: 'The host’s “508 Resource Limit Is Reached” page',
    source: 'https://serversaurus.com.au/knowledge-base/understanding-cloudlinux-resource-limits/ ; expert-review §3 (CloudLinux LVE limits)',
    platform: 'CloudLinux shared hosting with cPanel',
    setup: { role: 'owner', reach: 'everyone', page: 'host', access: 'panel', cdn: 'no', cms: 'wordpress' },
    evidence: {
      check: answered(
        508,
        'Loop Detected',
        { server: 'Apache', 'content-type': 'text/html' },
        '<!DOCTYPE html><html><head><title>508 Resource Limit Is Reached</title></head><body><h1>Resource Limit Is Reached</h1>The website is temporarily unable to service your request as it exceeded resource limit. Please try again later.</body></html>',
      ),
    },
    cause: 'The account hit its entry-process limit (EP); cPanel’s Resource Usage page shows the faults, usually from bots or xmlrpc.php floods.',
    fix: 'server-health',
    words: ['resource usage', 'entry process'],
  },
  {
    id: 'hops-nginx-apache-chain',
    title: 'Cloudflare → Nginx → Apache → PHP-FPM: which link is broken?',
    source: 'expert-review G4 (test each hop: bypass the CDN, curl the app port)',
    platform: 'Ubuntu 22.04 VPS, Nginx on 443 in front of Apache on 8080, PHP-FPM, Cloudflare',
    setup: { role: 'owner', reach: 'everyone', page: 'cloudflare-502', access: 'ssh', cms: 'none', app: 'php' },
    evidence: { check: cloudflareBranded(502, 'Bad gateway') },
    cause: 'Each layer blames the next; asking the origin directly (curl --resolve) and then Apache on 8080 shows Apache answers 503 for one pool.',
    fix: 'hops',
    words: ['curl', '--resolve'],
  },

  // ------------------------------------------------------------ WordPress
  {
    id: 'plugin-segfault',
    title: 'A plugin update crashes PHP on every page',
    source: 'https://wpengine.com/support/troubleshooting-502-error/ (Instant 502, most commonly bad code)',
    platform: 'Shared hosting with a control panel, Nginx in front, WordPress',
    setup: { role: 'owner', reach: 'everyone', page: 'nginx', access: 'panel', cdn: 'no', cms: 'wordpress' },
    cause: 'The updated plugin recurses without end and the PHP worker crashes; renaming its folder brings the site back.',
    fix: 'plugins',
    words: ['wp-content/plugins', 'rename'],
  },
  {
    id: 'object-cache-dropin',
    title: 'Redis is gone, and the object-cache drop-in stalls every request',
    source: 'expert-review G9 (drop-ins keep running when plugins/ is renamed)',
    platform: 'Debian 12 VPS, Nginx, PHP-FPM 8.2, WordPress with Redis object cache',
    setup: { role: 'owner', reach: 'everyone', page: 'nginx', access: 'panel', cdn: 'no', cms: 'wordpress' },
    cause: 'wp-content/object-cache.php keeps loading when plugins/ is renamed, and waits on a Redis that no longer runs.',
    fix: 'plugins',
    words: ['object-cache.php', 'advanced-cache.php'],
  },

  // ------------------------------------------------------------ who sees it, and who can act
  {
    id: 'cpanel-owner-reads-log',
    title: 'A cPanel-only owner who cannot say which page it is',
    source: 'expert-review §2.1 (cPanel » Metrics » Errors; Plesk’s proxy_error_log)',
    platform: 'cPanel or Plesk shared hosting',
    setup: { role: 'owner', reach: 'everyone', page: 'not-sure', access: 'panel', cdn: 'no', cms: 'wordpress' },
    cause: 'The error log names the cause; the owner needs to know where the panel keeps it.',
    fix: 'logs',
    words: ['metrics', 'proxy_error_log'],
  },
  {
    id: 'owner-without-access',
    title: 'The agency built the site; the owner has no login to anything',
    source: 'expert-review §3 (handoff); content/steps/access.mdx (Neither)',
    platform: 'Managed hosting run by an agency',
    setup: { role: 'owner', reach: 'everyone', page: 'host', access: 'none', cdn: 'not-sure', cms: 'not-sure' },
    cause: 'Only the host or the agency can act; the owner needs a clear message with the details.',
    fix: 'contact-host',
    words: ['ticket', 'live chat'],
  },
  {
    id: 'hosts-file-only-me',
    title: 'Only the owner sees the old server’s 502: a hosts-file entry from the migration',
    source: 'https://wpshout.com/easier-site-migrations-avoiding-dns-problems-hosts-file/ ; expert-review §3 (Hosts-file override)',
    platform: 'Windows 11 laptop; the site moved to a new host last month',
    setup: { role: 'owner', reach: 'only-me', page: 'nginx', access: 'panel', cdn: 'no', cms: 'wordpress' },
    evidence: { check: siteUp },
    cause: 'A line in the hosts file added to preview the migration still sends this computer to the old, now broken server.',
    fix: 'flush-dns',
    words: ['hosts', 'drivers\\etc\\hosts'],
  },
  {
    id: 'fail2ban-own-ip',
    title: 'Only the office can’t reach the site: the server banned its address',
    source: 'expert-review M6 (bans give a timeout or refusal; csf -g, fail2ban)',
    platform: 'Debian 12 VPS with fail2ban, or cPanel with CSF',
    setup: { role: 'owner', reach: 'only-me', page: 'browser', access: 'ssh', cdn: 'no', cms: 'wordpress' },
    cause: 'Repeated failed logins from the office’s address got it banned; the rest of the world is fine.',
    fix: 'bans',
    words: ['fail2ban-client', 'csf -g'],
  },
  {
    id: 'dns-old-vps',
    title: 'After the move, the domain still points at the deleted VPS',
    source: 'https://thehyperanalytics.com/blogs/the-complete-guide-to-dns-propagation-and-local-caching',
    platform: 'New cPanel host; DNS at the registrar',
    setup: { role: 'owner', reach: 'everyone', page: 'browser', access: 'panel', cdn: 'no', cms: 'wordpress' },
    evidence: { check: failed('timeout', 'no connection within 8 seconds', { address: '198.51.100.77', addresses: ['198.51.100.77'] }) },
    cause: 'The A record was never changed; the old address no longer answers at all.',
    fix: 'dns',
    words: ['a record', 'ttl'],
  },
  {
    id: 'visitor-vpn-proxy',
    title: 'A visitor on a work VPN: the VPN’s proxy answers 502',
    source: 'content/steps/other-network.mdx; https://help2code.com/http-status-codes/5xx/502',
    platform: 'Laptop on a corporate VPN',
    setup: { role: 'visitor', reach: 'only-me', page: 'not-sure' },
    cause: 'The gateway that fails is the company’s proxy, not the site.',
    fix: 'other-network',
    words: ['vpn', 'proxy'],
  },
  {
    id: 'visitor-blip',
    title: 'A visitor meets a 502 for a few seconds while the site deploys',
    source: 'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-502-504/ ; content/steps/reload.mdx',
    platform: 'Phone browser; the site behind Cloudflare',
    setup: { role: 'visitor', reach: 'not-sure', page: 'cloudflare-502' },
    cause: 'The origin restarted for a moment; a calm reload a minute later works.',
    fix: 'reload',
    words: ['minute', 'payment'],
  },
];
