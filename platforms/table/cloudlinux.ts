import type { Platform } from '../types';
import { cpanel } from './cpanel';

/**
 * CloudLinux OS (Shared): a Red Hat-family system built for shared hosting,
 * nearly always run under cPanel, often with LiteSpeed Web Server in
 * Apache's place. What an SSH user meets on top of cPanel's layout:
 *
 * - LVE limits per account (CPU, memory, entry processes). Reaching the
 *   entry-process limit makes the web server answer 508 "Resource Limit
 *   Reached"; reaching the memory or process limit kills or refuses the account's
 *   processes, which "will usually cause web server to serve 500 and 503
 *   errors". `lveinfo` shows an account's history of hits.
 * - CageFS: each account sees its own copy of the system, so a path that
 *   exists for root may be absent inside the account's shell.
 * - Two PHP families side by side: cPanel's ea-php, whose PHP-FPM pools
 *   MultiPHP Manager runs (so the php facts below are cPanel's), and
 *   CloudLinux's alt-php under /opt/alt/php<vv>/ (php.ini at
 *   /opt/alt/php<vv>/etc/php.ini), chosen per account in cPanel's "Select
 *   PHP Version" screen; CloudLinux's pages show it run as php-cgi or lsphp.
 * - With LiteSpeed: the `lsws` service under /usr/local/lsws, reading
 *   Apache's own configuration files, and PHP run by lsphp (ea-php builds
 *   one at /opt/cpanel/ea-php<vv>/root/usr/bin/lsphp; alt-php has
 *   /opt/alt/php<vv>/usr/bin/lsphp). LiteSpeed does not use the PHP-FPM
 *   pools at all.
 *
 * Sources:
 * - CloudLinux's documentation, cloudlinux/cloudlinux-doc, published at https://docs.cloudlinux.com/
 *   docs/limits/README.md: EP "Limit on entry processes", "will return error code 508",
 *   "Resource Limit Reached", the memory limit's 500 and 503, and how LiteSpeed counts entry
 *   processes per lsphp master process.
 *   docs/cloudlinux_os_components/README.md: CageFS "a virtualized file system ... to contain
 *   each user in its own 'cage'"; alt-php's /opt/alt/php52/etc/php.ini,
 *   /opt/alt/php72/usr/bin/php-cgi and `.cl.selector/lsphp -> /opt/alt/php44/usr/bin/lsphp`;
 *   LiteSpeed's /usr/local/lsws and its `lsphp_selector` handler.
 *   docs/command-line_tools/README.md: lveinfo.
 *   docs/lve_manager/README.md: "cPanel → Software Section → Select PHP Version",
 *   "WHM -> CloudLinux Manager", the Current usage tab.
 * - cPanel's Feature Manager: Resource Usage and Select PHP Version appear "only ... on servers
 *   that run the CloudLinux operating system and the CloudLinux Manager plugin":
 *   https://docs.cpanel.net/whm/packages/feature-manager/110/
 * - LiteSpeed on cPanel "uses the lsphp binary. It does not use the system's PHP-FPM
 *   implementation in WHM's MultiPHP Manager" (cPanel's PHP-FPM page, as stored from
 *   https://docs.cpanel.net/knowledge-base/php-fpm/php-fastcgi-process-manager-php-fpm/).
 * - cPanel on CloudLinux 7, 8 or 9, SELinux "must remain disabled", and the advice to use a
 *   third-party firewall such as CSF after turning firewalld off:
 *   https://docs.cpanel.net/installation-guide/system-requirements-cloudlinux/
 * - LiteSpeed Web Server: default install /usr/local/lsws and `service lsws
 *   {start|restart|stop|reload|status}` (Command Reference):
 *   https://docs.litespeedtech.com/lsws/commands
 *   `/usr/local/lsws/bin/lswsctrl restart` (OpenLiteSpeed's Administration page, the same
 *   control script): https://raw.githubusercontent.com/litespeedtech/openlitespeed/master/dist/docs/admin.html
 *   Loading Apache's configuration file instead of its own (Server General, "Using Apache
 *   Configuration File"): https://www.litespeedtech.com/docs/webserver/config/general
 *   The log names come from the configuration LiteSpeed ships for OpenLiteSpeed
 *   (litespeedtech/openlitespeed, dist/conf/httpd_config.conf.in: `errorlog
 *   $SERVER_ROOT/logs/error.log`, `accessLog $SERVER_ROOT/logs/access.log`); no Enterprise page
 *   found states them, so they are the shipped defaults, not confirmed for cPanel servers.
 * - What `cat /etc/os-release` prints, as copied from a CloudLinux 8.10 server
 *   (`NAME="CloudLinux"`, `ID_LIKE="rhel fedora centos"`,
 *   `PRETTY_NAME="CloudLinux 8.10 (Vladimir Aksyonov)"`); each minor release carries its own name
 *   after the number (8.4 is "Valery Rozhdestvensky" in another copy).
 *
 * Left out: a syntax check of LiteSpeed's own (none documented; the Command Reference's
 * `lshttpd -t` tests the licence, not the settings), and PHP-FPM facts for alt-php.
 */
export const cloudlinux: Platform = {
  id: 'cloudlinux',
  label: 'CloudLinux',
  kind: 'system',
  family: 'rhel',
  howToTell: 'CloudLinux, then the release number and its name, e.g. CloudLinux 8.10 (Vladimir Aksyonov).',
  // The PHP-FPM pools on a CloudLinux server are cPanel's ea-php ones; alt-php and LiteSpeed's lsphp run outside them.
  php: cpanel.php,
  // Apache, when LiteSpeed is not installed, is cPanel's EA4 httpd.
  apache: cpanel.apache,
  litespeed: {
    unit: 'lsws',
    // LiteSpeed reads Apache's files on a cPanel server, so Apache's check is the one that tells a broken setting.
    test: 'apachectl configtest',
    sites: '/etc/apache2/conf.d/userdata',
    errorLog: '/usr/local/lsws/logs/error.log',
    // The server-wide log of the shipped configuration; where a cPanel server's per-site lines go was not found in LiteSpeed's pages.
    accessLog: '/usr/local/lsws/logs/access.log',
  },
  // As on cPanel: CSF, when the administrator installed it. Imunify360, CloudLinux's own security product, may stand in its place (cPanel lists an Imunify360 screen when its plugin is installed).
  firewall: cpanel.firewall,
  // cPanel requires it off; a CloudLinux server without cPanel follows the Red Hat default instead (see the rhel entry).
  selinux: false,
  // CloudLinux's pages install with yum throughout (on 8 and 9 yum is dnf under its old name).
  install: 'yum install',
  panel: {
    name: 'cPanel',
    adminName: 'WHM',
    account: {
      ...cpanel.panel?.account,
      // cPanel shows these two only with CloudLinux and its CloudLinux Manager plugin.
      'resource-usage': { path: ['Metrics', 'Resource Usage'], note: 'Shown when the host runs CloudLinux Manager.' },
      'php-version': {
        path: ['Software', 'Select PHP Version'],
        note: 'Software » MultiPHP Manager instead, when the host uses cPanel’s own PHP versions.',
      },
    },
    admin: {
      ...cpanel.panel?.admin,
      'resource-usage': {
        path: ['CloudLinux Manager'],
        note: "Type its name in WHM's search box; the Current usage tab shows each account against its limits.",
      },
    },
  },
};
