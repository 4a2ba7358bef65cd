import type { Platform } from '../types';

/**
 * cPanel & WHM with EasyApache 4 (EA4): Apache as httpd under /etc/apache2,
 * one PHP-FPM service per PHP version (ea-php<vv>-php-fpm) under
 * /opt/cpanel/ea-php<vv>/root/, and one pool per domain that cPanel writes
 * from YAML files and rewrites on every rebuild. cPanel is the account
 * owner's side, WHM the server administrator's.
 *
 * Sources:
 * - PHP-FPM Domain Pools: the pool file /opt/cpanel/[ea_php_version]/root/etc/php-fpm.d/[domain].conf,
 *   built from /var/cpanel/ApachePHPFPM/system.yaml, system_pool_defaults.yaml and the
 *   domain's YAML by `/scripts/php_fpm_config --rebuild`, which also removes .conf files that
 *   have no YAML; the socket /opt/cpanel/<version>/root/usr/var/run/php-fpm/<hashed domain>.sock:
 *   https://docs.cpanel.net/knowledge-base/php-fpm/php-fpm-domain-pools/
 *   (That page spells the domain file `[domain].php_fpm.yaml`; the next page and cPanel's
 *   Cpanel/PHPFPM/Get.pm, which tests for `$domain.php-fpm.yaml`, use a hyphen.)
 * - Configuration Values of PHP-FPM: `error_log` defaults to
 *   /opt/cpanel/[% ea_php_version %]/root/usr/var/log/php-fpm/error.log, `pm = ondemand`,
 *   `pm.max_children = 5`, `listen = "[% socket_path %]"`, and a site's PHP errors in
 *   `[% homedir %]/logs/[% scrubbed_domain %].php.error.log`:
 *   https://docs.cpanel.net/knowledge-base/php-fpm/configuration-values-of-php-fpm/
 * - Cpanel/PHPFPM/Get.pm (cPanel's own module, seen in the code index): the socket is
 *   `/opt/cpanel/$phpversion/root/usr/var/run/php-fpm/${\ sha1_hex($scrubbed_domain)}.sock`.
 *   The scrubbed domain is the domain with dots turned to underscores, as in the pool name
 *   `[example_com]`; two sockets from real servers match sha1("back_almunifi_com") and
 *   sha1("notesao_com"). sha1("example_com") is c288a9f521f815ca6697f73faef0799951fcb9b7.
 * - The php_fpm_config script: https://docs.cpanel.net/whm/scripts/the-php_fpm_config-script/
 * - EA4's PHP package, CpanelInc/ea-php80 (SPECS/ea-php80.spec, SOURCES/php-fpm.service),
 *   a Software Collection rooted at /opt/cpanel/ea-php80/root: the unit
 *   `%{?scl_prefix}php-fpm.service` (scl_prefix `ea-php80-`), `%{_sbindir}/php-fpm`,
 *   `%{_sysconfdir}/php.ini`, `%{_sysconfdir}/php-fpm.conf`, `%{_sysconfdir}/php-fpm.d`, the
 *   run and log folders /opt/cpanel/ea-php80/root/usr/var/{run,log}/php-fpm, and `lsphp`
 *   built beside them for LiteSpeed (`with_lsws`).
 * - MultiPHP Manager for WHM, System Settings and User Domain Settings: PHP-FPM Pool options,
 *   Max Children default 5, the PHP-FPM Settings button next to a domain:
 *   https://docs.cpanel.net/whm/software/multiphp-manager-for-whm-system-settings/
 *   https://docs.cpanel.net/whm/software/multiphp-manager-for-whm-user-domain-settings/
 * - EA4's Apache, CpanelInc/ea-apache2 (SPECS/ea-apache24.spec): httpd.service, and
 *   /etc/apache2/logs a link to /var/log/apache2; CpanelInc/ea-apache2-config
 *   (SOURCES/centos7_paths.conf): /etc/apache2/conf/httpd.conf, /etc/apache2/conf.d/userdata,
 *   /etc/apache2/logs/domlogs, /usr/sbin/apachectl.
 * - Apache include files per domain under /etc/apache2/conf.d/userdata/ssl/2_4/<user>/<domain>/,
 *   then /usr/local/cpanel/scripts/rebuildhttpdconf and restartsrv_httpd:
 *   https://docs.cpanel.net/ea4/apache/modify-apache-virtual-hosts-with-include-files/
 * - The cPanel & WHM Log Files: /var/log/apache2/error_log, /etc/apache2/logs/domlogs/domain
 *   and domain-ssl_log: https://docs.cpanel.net/knowledge-base/cpanel-product/the-cpanel-log-files/
 * - ea-nginx (NGINX in front of Apache), CpanelInc/ea-nginx: README.md
 *   (/etc/nginx/conf.d/users/<USER>.conf is generated; includes go in
 *   /etc/nginx/conf.d/users/<USER>/<FQDN>/), SOURCES/cpanel/ea-nginx/global-logging.tt
 *   (`error_log /var/log/nginx/error.log`), server.conf.tt
 *   (`access_log /var/log/nginx/domains/[% domains.0 %]`).
 * - Restart Services (the names of the screens):
 *   https://docs.cpanel.net/whm/restart-services/restart-services/
 *   and How to Restart Services (`/usr/local/cpanel/scripts/restartsrv_*`):
 *   https://docs.cpanel.net/knowledge-base/general-systems-administration/how-to-restart-services/
 *   Restarting from SSH the cPanel way: `/usr/local/cpanel/scripts/restartsrv_apache_php_fpm`
 *   (with `--hard` in cPanel's PHP-FPM page) and `/usr/local/cpanel/scripts/restartsrv_httpd`;
 *   /scripts is the short path cPanel's own pages also use. types.ts has no field for them yet.
 * - cPanel breadcrumbs, account side: Feature Manager's table of features and their screens
 *   (Metrics » Errors, Metrics » Resource Usage "only ... on servers that run the CloudLinux
 *   operating system", Software » MultiPHP Manager, Domains » Zone Editor, Domains » WP Toolkit,
 *   Security » SSH Access, Advanced » Terminal, Security » IP Blocker):
 *   https://docs.cpanel.net/whm/packages/feature-manager/110/
 *   and Software » MultiPHP INI Editor:
 *   https://docs.cpanel.net/cpanel/software/multiphp-ini-editor-for-cpanel/
 *   (Feature Manager's own table says "MultiPHP INI Manager" there; the screen's page and every
 *   other cPanel page say MultiPHP INI Editor.)
 * - WHM breadcrumbs: Software » MultiPHP INI Editor, Server Configuration » Terminal,
 *   Plugins » WP Toolkit, DNS Functions » DNS Zone Manager (which replaced Edit DNS Zone,
 *   cPanel Deprecation Plan), as written across docs.cpanel.net pages, e.g.
 *   https://docs.cpanel.net/knowledge-base/cpanel-product/cpanel-deprecation-plan/
 * - SELinux: "To run cPanel & WHM on your server, SELinux must remain disabled":
 *   https://docs.cpanel.net/installation-guide/system-requirements-cloudlinux/#disable-selinux
 *   (the AlmaLinux and Rocky Linux requirement pages say the same).
 * - Firewall: cPanel ships none of its own and recommends "a third-party client such as APF or
 *   CSF" (same requirements page). CSF's commands from its help text and its maintained docs,
 *   Aetherinox/csf-firewall (src/csf.help; docs/docs/cheatsheet/commands.md: `-l` list,
 *   `-x` disable csf and lfd, `-e` enable, `-g` grep the rules, `-dr` remove from csf.deny,
 *   `-tr` remove a temporary block), and its WHM screen "WHM » Home » Plugins » ConfigServer
 *   Security & Firewall" (docs/docs/install/install.md):
 *   https://github.com/Aetherinox/csf-firewall
 * - Ports 2083 (cPanel) and 2087 (WHM): How to Configure Your Firewall for cPanel & WHM Services:
 *   https://docs.cpanel.net/knowledge-base/general-systems-administration/how-to-configure-your-firewall-for-cpanel-services/
 *
 * Left out: a WHM screen for error logs (none documented), PHP-FPM settings and restarts on the
 * account side (cPanel gives a shared-hosting customer none), and `install` (cPanel runs on
 * AlmaLinux, Rocky, CloudLinux and Ubuntu alike, so yum/dnf or apt depends on the system).
 */
export const cpanel: Platform = {
  id: 'cpanel',
  label: 'cPanel',
  kind: 'panel',
  family: 'panel',
  howToTell: "The panel's pages say cPanel (the server administrator's side is called WHM), and its address usually ends in :2083 (WHM's in :2087).",
  php: {
    // No single default: EA4 keeps several ea-php versions side by side and each domain picks one. 8.2 stands in until a log names it.
    version: '8.2',
    unit: 'ea-php{vv}-php-fpm',
    program: '/opt/cpanel/ea-php{vv}/root/usr/sbin/php-fpm',
    // No version-free name: each domain gets its own socket, named by the SHA-1 of the domain with dots as underscores (this one is example.com's).
    socket: '/opt/cpanel/ea-php{vv}/root/usr/var/run/php-fpm/c288a9f521f815ca6697f73faef0799951fcb9b7.sock',
    poolDir: '/opt/cpanel/ea-php{vv}/root/etc/php-fpm.d',
    // One pool per domain, named `[example_com]` inside; cPanel rewrites it (and deletes it if its YAML is gone) on every rebuild.
    pool: '/opt/cpanel/ea-php{vv}/root/etc/php-fpm.d/example.com.conf',
    // Also generated, from /var/cpanel/ApachePHPFPM/system.yaml.
    mainConf: '/opt/cpanel/ea-php{vv}/root/etc/php-fpm.conf',
    ini: '/opt/cpanel/ea-php{vv}/root/etc/php.ini',
    // Pool warnings such as "server reached pm.max_children setting (5)" land here; a site's own PHP errors go to ~/logs/example_com.php.error.log.
    log: '/opt/cpanel/ea-php{vv}/root/usr/var/log/php-fpm/error.log',
    // The domain with dots as underscores, as the pool file itself is named inside (see the socket above).
    poolName: 'example_com',
    generatedBy:
      'cPanel writes the pool files and overwrites edits: change Max Children in WHM » Software » MultiPHP Manager » User Domain Settings (PHP-FPM Settings next to the domain), or set pm_max_children in /var/cpanel/userdata/<user>/example.com.php-fpm.yaml (or /var/cpanel/ApachePHPFPM/system_pool_defaults.yaml for every site) and run /scripts/php_fpm_config --rebuild.',
  },
  apache: {
    unit: 'httpd',
    test: 'apachectl configtest',
    // The virtual hosts themselves are generated into /etc/apache2/conf/httpd.conf; a lasting change is an include file here, then /scripts/rebuildhttpdconf.
    sites: '/etc/apache2/conf.d/userdata',
    // An underscore, as on Red Hat; /etc/apache2/logs/error_log is the same file through a link.
    errorLog: '/var/log/apache2/error_log',
    // One log per domain: HTTPS visits here, plain HTTP in /etc/apache2/logs/domlogs/example.com.
    accessLog: '/etc/apache2/logs/domlogs/example.com-ssl_log',
  },
  // Only where the administrator installed ea-nginx (NGINX in front of Apache); most cPanel servers run Apache alone.
  nginx: {
    unit: 'nginx',
    test: 'nginx -t',
    // users/<user>.conf is generated by /usr/local/cpanel/scripts/ea-nginx; own additions go in users/<user>/<domain>/*.conf.
    sites: '/etc/nginx/conf.d/users',
    errorLog: '/var/log/nginx/error.log',
    // HTTPS and plain HTTP share one server block and one log.
    accessLog: '/var/log/nginx/domains/example.com',
  },
  // CSF is the firewall cPanel's pages name (as a third-party choice); it is often absent, or replaced by Imunify360.
  firewall: {
    name: 'CSF (ConfigServer Security & Firewall)',
    list: 'csf -l',
    // Switches off both the firewall and lfd, its login-failure blocker; `csf -f` alone can be undone by lfd.
    stop: 'csf -x',
    start: 'csf -e',
    find: 'csf -g 203.0.113.7',
    // A block lfd added is usually temporary (-tr); one in csf.deny is permanent (-dr). Either may report that the address was not there.
    unblock: 'csf -dr 203.0.113.7; csf -tr 203.0.113.7',
  },
  // cPanel requires SELinux switched off, even on the Red Hat-family systems that ship it on.
  selinux: false,
  panel: {
    name: 'cPanel',
    adminName: 'WHM',
    account: {
      'resource-usage': { path: ['Metrics', 'Resource Usage'], note: 'Only on servers with CloudLinux.' },
      // Apache's error log for the account's domains.
      'error-log': { path: ['Metrics', 'Errors'] },
      'php-version': { path: ['Software', 'MultiPHP Manager'] },
      'php-settings': { path: ['Software', 'MultiPHP INI Editor'] },
      // Blocks visitors' addresses for this account's sites only (the server's firewall is the host's); shown for "is my own address blocked?".
      firewall: {
        path: ['Security', 'IP Blocker'],
        note: "Blocks addresses from this account's sites only; the server's firewall is the host's.",
      },
      'dns-zone': { path: ['Domains', 'Zone Editor'] },
      wordpress: { path: ['Domains', 'WP Toolkit'], note: 'Only when the host has installed WP Toolkit.' },
      ssh: {
        path: ['Security', 'SSH Access'],
        note: 'Advanced » Terminal opens a shell in the browser, when the host allows it.',
      },
    },
    admin: {
      // CloudLinux's own WHM plugin; its pages give no WHM section for it, only "WHM -> CloudLinux Manager".
      'resource-usage': {
        path: ['CloudLinux Manager'],
        note: "Only on servers with CloudLinux; type its name in WHM's search box.",
      },
      'php-version': { path: ['Software', 'MultiPHP Manager'] },
      'php-settings': { path: ['Software', 'MultiPHP INI Editor'] },
      'fpm-settings': {
        path: ['Software', 'MultiPHP Manager', 'User Domain Settings'],
        // Max Children is 5 by default; the System Settings tab sets it for new accounts.
        note: 'Click PHP-FPM Settings next to the domain: Max Children is under PHP-FPM Pool options.',
      },
      'restart-php': { path: ['Restart Services', 'PHP-FPM Service for Apache'] },
      'restart-web': { path: ['Restart Services', 'HTTP Server (Apache)'] },
      firewall: { path: ['Plugins', 'ConfigServer Security & Firewall'], note: 'Only when CSF is installed.' },
      'dns-zone': { path: ['DNS Functions', 'DNS Zone Manager'] },
      wordpress: { path: ['Plugins', 'WP Toolkit'] },
      ssh: { path: ['Server Configuration', 'Terminal'] },
    },
  },
};
