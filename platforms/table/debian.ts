import type { Platform, PlatformId } from '../types';

/**
 * Debian and Ubuntu share one layout: PHP-FPM per version under
 * /etc/php/<v>/fpm/, its socket and pid under /run/php/, Nginx and Apache
 * with sites-available/sites-enabled, and ufw as the usual firewall front.
 * Only the PHP version differs between releases.
 *
 * Sources:
 * - Debian's php8.2-fpm package, as installed on Debian 12 and read in
 *   tests/platform-commands.test.ts: /etc/php/8.2/fpm/php-fpm.conf
 *   (`error_log = /var/log/php8.2-fpm.log`), pool.d/www.conf
 *   (`listen = /run/php/php8.2-fpm.sock`, `pm.max_children = 5`), and the
 *   unit /lib/systemd/system/php8.2-fpm.service, whose ExecStartPost runs
 *   `php-fpm-socket-helper install /run/php/php-fpm.sock
 *   /etc/php/8.2/fpm/pool.d/www.conf 82`.
 * - Debian 13's packages, fetched with `apt-get download` from trixie and
 *   unpacked with `dpkg-deb -x` (php8.4-fpm 8.4.27-1~deb13u1, php-common 2:96,
 *   nginx-common 1.26.3-3+deb13u10, apache2 2.4.71-1~deb13u1): the same files
 *   with 8.4 in their names (`listen = /run/php/php8.4-fpm.sock`,
 *   `error_log = /var/log/php8.4-fpm.log`, `pm.max_children = 5`,
 *   `/usr/sbin/php-fpm8.4`), the unit now at
 *   /usr/lib/systemd/system/php8.4-fpm.service with the same ExecStartPost
 *   (priority 84), and php.ini written to /etc/php/8.4/fpm/php.ini by the
 *   package's postinst. php-common's /usr/lib/php/php-fpm-socket-helper reads
 *   the pool's `listen` line and, if that socket exists, registers it as the
 *   `php-fpm.sock` alternative for /run/php/php-fpm.sock with the version as
 *   priority.
 * - Each release's PHP: https://packages.debian.org/bookworm/php-fpm (8.2),
 *   trixie's php-fpm 2:8.4+96 (8.4, fetched as above),
 *   https://packages.ubuntu.com/jammy/amd64/php-fpm (2:8.1+92ubuntu1, depends
 *   on php8.1-fpm), https://packages.ubuntu.com/noble/all/php-fpm
 *   (2:8.3+93ubuntu2, depends on php8.3-fpm). Ubuntu's php8.x packages are
 *   Debian's (their pages name the Debian PHP Maintainers as original
 *   maintainers); Ubuntu's own files were not downloaded here.
 * - nginx-common and apache2 packages: /etc/nginx/sites-available and
 *   sites-enabled, nginx.conf's `error_log /var/log/nginx/error.log;` and
 *   `access_log /var/log/nginx/access.log;`; /etc/apache2/sites-available and
 *   sites-enabled (apache2.conf: `IncludeOptional sites-enabled/*.conf`),
 *   `ErrorLog ${APACHE_LOG_DIR}/error.log` with envvars'
 *   `APACHE_LOG_DIR=/var/log/apache2`; `apache2ctl -t` (apache2ctl(8)).
 * - ufw: https://manpages.debian.org/bookworm/ufw/ufw.8.en.html
 *   (`ufw status numbered`, `ufw disable`, `ufw enable`).
 */
function debianFamily(id: PlatformId, label: string, version: string, prettyName: string): Platform {
  return {
    id,
    label,
    kind: 'system',
    family: 'debian',
    howToTell: prettyName,
    php: {
      version,
      unit: 'php{v}-fpm',
      program: 'php-fpm{v}',
      // The unit points this alias at its pool's socket when it starts (the highest version wins when several run): a PHP upgrade doesn't break a web server that names it.
      socket: '/run/php/php-fpm.sock',
      poolDir: '/etc/php/{v}/fpm/pool.d',
      pool: '/etc/php/{v}/fpm/pool.d/www.conf',
      mainConf: '/etc/php/{v}/fpm/php-fpm.conf',
      ini: '/etc/php/{v}/fpm/php.ini',
      log: '/var/log/php{v}-fpm.log',
      poolName: 'www',
    },
    nginx: {
      unit: 'nginx',
      test: 'nginx -t',
      sites: '/etc/nginx/sites-enabled',
      errorLog: '/var/log/nginx/error.log',
      accessLog: '/var/log/nginx/access.log',
    },
    apache: {
      unit: 'apache2',
      test: 'apache2ctl -t',
      sites: '/etc/apache2/sites-enabled',
      errorLog: '/var/log/apache2/error.log',
      accessLog: '/var/log/apache2/access.log',
    },
    firewall: {
      name: 'ufw',
      list: 'ufw status numbered',
      stop: 'ufw disable',
      start: 'ufw enable',
    },
    selinux: false,
    install: 'apt install',
  };
}

export const debian13 = debianFamily('debian-13', 'Debian 13 (trixie)', '8.4', 'Debian GNU/Linux 13 (trixie)');
export const debian12 = debianFamily('debian-12', 'Debian 12 (bookworm)', '8.2', 'Debian GNU/Linux 12 (bookworm)');
export const ubuntu2404 = debianFamily('ubuntu-24.04', 'Ubuntu 24.04 LTS', '8.3', 'Ubuntu 24.04.x LTS (x is the point release)');
export const ubuntu2204 = debianFamily('ubuntu-22.04', 'Ubuntu 22.04 LTS', '8.1', 'Ubuntu 22.04.x LTS (x is the point release)');
