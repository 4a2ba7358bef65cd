import type { Platform } from '../types';

/**
 * Red Hat Enterprise Linux and its rebuilds (AlmaLinux, Rocky Linux) share one
 * layout: one PHP-FPM from AppStream with version-free names (php-fpm,
 * /etc/php-fpm.d, /run/php-fpm/www.sock), Apache as httpd, Nginx with
 * conf.d, firewalld as the firewall, and SELinux switched on.
 *
 * Sources:
 * - Each release's PHP: RHEL 9 ships PHP 8.0 as the php package and 8.1 and
 *   8.2 as the php:8.1 and php:8.2 module streams ("Installing and using
 *   dynamic programming languages", chapter 6):
 *   https://docs.redhat.com/ja/documentation/red_hat_enterprise_linux/9/html/installing_and_using_dynamic_programming_languages/assembly_using-the-php-scripting-language_installing-and-using-dynamic-programming-languages
 *   RHEL 10 ships PHP 8.3 as the php package, with no module streams
 *   (`dnf install php`, chapter 4 of the same guide):
 *   https://docs.redhat.com/ja/documentation/red_hat_enterprise_linux/10/html/installing_and_using_dynamic_programming_languages/using-the-php-scripting-language
 *   and Rocky Linux 10 has no modules either (rocky-linux/documentation pull 2953,
 *   docs/books/web_services/03-application-servers.md).
 * - PHP-FPM's files: Rocky Linux's "PHP and PHP-FPM" guide
 *   (rocky-linux/documentation, docs/guides/web/php.md): `dnf install php-fpm`,
 *   `systemctl start php-fpm`, /etc/php-fpm.conf with
 *   `include=/etc/php-fpm.d/*.conf` and `error_log = /var/log/php-fpm/error.log`,
 *   the pool /etc/php-fpm.d/www.conf with `listen = /run/php-fpm/www.sock`,
 *   `listen.acl_users = apache,nginx` and `pm.max_children = 50`, and Nginx's
 *   `fastcgi_pass unix:/run/php-fpm/www.sock;`.
 * - The php package's spec (Remi Collet's php71.spec in remicollet/remirepo,
 *   the Fedora spec he maintains, at commit 2eef14a75^): /etc/php.ini,
 *   /etc/php-fpm.conf, /etc/php-fpm.d/www.conf, %{_unitdir}/php-fpm.service,
 *   %{_sbindir}/php-fpm, /var/log/php-fpm; its "Switch to UDS" step rewrites
 *   the pool to listen on /run/php-fpm/www.sock and uncomments
 *   `listen.acl_users`; php-fpm-www.conf says "When set, listen.owner and
 *   listen.group are ignored".
 * - Apache: "The Apache configuration files" (RHEL 10), /etc/httpd/conf.d/ and
 *   `apachectl configtest`:
 *   https://docs.redhat.com/en/documentation/red_hat_enterprise_linux/10/administer-the_apache_configuration_files
 *   and the error log /var/log/httpd/error_log (RHEL Reference Guide, "Configuration
 *   Directives in httpd.conf"):
 *   https://docs.redhat.com/zh-cn/documentation/red_hat_enterprise_linux/4/html/reference_guide/s1-apache-config
 * - firewalld: firewall-cmd(1) (`--list-all`, from Debian's firewalld package
 *   1.3, the same upstream tool), and `systemctl stop firewalld` /
 *   `systemctl start firewalld` (systemd's own unit commands; listed in
 *   one administrator's "redhat firewalld" notes, ghdrako/doc_snipets wiki,
 *   not in a Red Hat page found).
 * - SELinux (kept here for guidance; `selinux: true` says it is on by default):
 *   `getenforce` prints Enforcing, Permissive or Disabled (getenforce(8),
 *   Debian's selinux-utils); a web server refused by SELinux leaves an AVC
 *   denial in /var/log/audit/audit.log (Fedora SELinux guide, "Troubleshooting":
 *   https://nb.fedorapeople.org/cvsfedora/web/html/docs/selinux-guide/f10/en-US/chap-Security-Enhanced_Linux-Troubleshooting.html),
 *   found with `ausearch -m avc -ts recent` ("recent is 10 minutes ago",
 *   ausearch(8), Debian's auditd 3.0.9); `setsebool -P httpd_can_network_connect 1`
 *   lets httpd_t (Apache, Nginx and PHP-FPM all run in it, httpd_selinux(8):
 *   https://unix.com/man-page/centos/8/httpd_selinux/) connect to network
 *   ports, which a proxy to an app on a TCP port needs (Red Hat's OpenShift 2
 *   deployment guide, "Configuring the Standard SELinux Boolean Variables":
 *   https://docs.redhat.com/ja/documentation/OpenShift_Enterprise/2/html/deployment_guide/configuring_the_standard_selinux_boolean_variables).
 *
 * Not from a vendor page (the stock config files, seen in copies of them):
 * Nginx's `error_log /var/log/nginx/error.log;`, `access_log
 * /var/log/nginx/access.log main;` and `include /etc/nginx/conf.d/*.conf;`
 * in the nginx.conf Fedora and RHEL ship, and httpd.conf's
 * `CustomLog "logs/access_log" combined` (logs is /var/log/httpd).
 */
export const rhel: Platform = {
  id: 'rhel',
  label: 'AlmaLinux/Rocky/RHEL',
  kind: 'system',
  family: 'rhel',
  howToTell: 'Red Hat Enterprise Linux, AlmaLinux or Rocky Linux, then the release number (9.x or 10.x).',
  php: {
    // RHEL 10 and its rebuilds, the current release. RHEL 9 runs 8.0 unless a php:8.1 or php:8.2 stream was chosen; no name below carries the version.
    version: '8.3',
    unit: 'php-fpm',
    program: 'php-fpm',
    socket: '/run/php-fpm/www.sock',
    poolDir: '/etc/php-fpm.d',
    // Ships `listen.acl_users = apache,nginx`: the socket's ACL lets those two users in, and listen.owner/listen.group are ignored while it is set.
    pool: '/etc/php-fpm.d/www.conf',
    mainConf: '/etc/php-fpm.conf',
    ini: '/etc/php.ini',
    log: '/var/log/php-fpm/error.log',
    poolName: 'www',
  },
  nginx: {
    unit: 'nginx',
    test: 'nginx -t',
    // No sites-available/sites-enabled: a site is a .conf file here.
    sites: '/etc/nginx/conf.d',
    errorLog: '/var/log/nginx/error.log',
    accessLog: '/var/log/nginx/access.log',
  },
  apache: {
    unit: 'httpd',
    test: 'apachectl configtest',
    sites: '/etc/httpd/conf.d',
    // An underscore, not a dot, unlike Debian's error.log.
    errorLog: '/var/log/httpd/error_log',
    accessLog: '/var/log/httpd/access_log',
  },
  firewall: {
    name: 'firewalld',
    list: 'firewall-cmd --list-all',
    stop: 'systemctl stop firewalld',
    start: 'systemctl start firewalld',
  },
  selinux: true,
  install: 'dnf install',
};
