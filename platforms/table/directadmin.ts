import type { Platform } from '../types';

/**
 * DirectAdmin with CustomBuild 2: PHP-FPM built per version under
 * /usr/local/php<vv>/, one pool per account (named after the account's user
 * name, with its own socket), and Apache as the default web server (nginx,
 * or nginx in front of Apache, as options). DirectAdmin writes every pool
 * file and virtual host from its templates, so edits made straight in those
 * files are lost at the next rewrite.
 *
 * `user` below stands for the account's user name, `example.com` for its
 * domain.
 *
 * Sources:
 * - A copy of a DirectAdmin install tree (/usr/local/directadmin: the
 *   CustomBuild script and its configure/ files, data/templates/ and the
 *   Evolution skin as shipped in April 2023), published by a third party at
 *   https://github.com/ducbo/da-new, every file read at commit
 *   386c35c9149f5202bc648af35f632f00bef2c26f:
 *   - custombuild/build ("written by DirectAdmin and Martynas Bendorius"):
 *     the unit `php-fpm${SHORT_RELEASE}.service` made from
 *     configure/systemd/php-fpm.service with ExecStart pointed at
 *     /usr/local/php${SHORT_RELEASE}/sbin/php-fpm${SHORT_RELEASE}, then
 *     `control_service php-fpm${...} restart`; php-fpm.conf copied to
 *     /usr/local/php${SHORT_RELEASE}/etc/php-fpm.conf; php.ini at
 *     /usr/local/php${vv}/lib/php.ini; `PHP1_RELEASE_DEF="8.1"` and
 *     `WEBSERVER_DEF="apache"`; doVhosts() including
 *     /usr/local/directadmin/data/users/<user>/httpd.conf of every user
 *     (Apache) or .../nginx.conf (nginx); /var/log/httpd/domains and
 *     /var/log/nginx/domains created.
 *   - custombuild/configure/fpm/conf/php-fpm.conf.82: `error_log =
 *     log/php-fpm.log` and `include=/usr/local/directadmin/data/users/` + `*` +
 *     `/php/php-fpm82.conf` (one file per user);
 *     custombuild/configure/logrotate/php-fpm rotates
 *     /usr/local/php<vv>/var/log/php-fpm.log of every version.
 *   - data/templates/php-fpm.conf, the account pool template: `[|USER|]`,
 *     `listen = /usr/local/php|PHP_VER|/sockets/$pool.sock`, `pm = ondemand`,
 *     `pm.max_children = |MAX_CHILDREN|`, with |CUSTOM1| and |CUSTOM2|
 *     tokens for additions.
 *   - data/templates/README: "copy them into the custom directory ... your
 *     changes will be overwritten" otherwise; rewrite with
 *     `echo "action=rewrite&value=httpd" >> /usr/local/directadmin/data/task.queue`.
 *   - data/templates/virtual_host2.conf (`ErrorLog |APACHELOGDIR|/|DOMAIN|.error.log`,
 *     `CustomLog |APACHELOGDIR|/|DOMAIN|.log`) and nginx_server.conf
 *     (`error_log /var/log/nginx/domains/|DOMAIN|.error.log;`,
 *     `access_log /var/log/nginx/domains/|DOMAIN|.log;`).
 *   - custombuild/configure/systemd/httpd.service and nginx.service
 *     (`ExecStart=/usr/sbin/httpd`, `ExecStartPre=/usr/sbin/nginx -t`),
 *     configure/ap2/conf/httpd.conf (`ServerRoot "/etc/httpd"`,
 *     `ErrorLog /var/log/httpd/error_log`).
 *   - data/skins/evolution/assets/app.c082ac748675568c81c8.js, the skin's
 *     menu: each screen's name and the menu it sits in. The screens behind
 *     them: chunks/434.8e6de1f9d5046ad6d357.js (a domain's "Error Log" link
 *     on Site Summary / Statistics / Logs), chunks/73.38f464f4c841c6fae08a.js
 *     (a domain's "PHP Version Selector" link), chunks/2840.ff0d783c54c7e12ea616.js
 *     and chunks/8623.b77a17d228b041291a9a.js (Custom HTTPD Configurations'
 *     "php-fpm.conf (<version>)" link and its "PHP-FPM config customization"
 *     page), chunks/9050.e8902ba460b0d37792e7.js (Resource Limits: CPU,
 *     memory, IO graphs and "Limit Hits"), data/templates/logs.list (the
 *     Log Viewer's files).
 * - DirectAdmin's own pages: data/templates holds the templates that form
 *   the web server configuration and data/users every user's configs
 *   (https://docs.directadmin.com/directadmin/general-usage/directories-and-locations.html);
 *   per-domain php.ini settings through the GUI
 *   (https://docs.directadmin.com/changelog/version-1.61.4.html);
 *   resource limits need cgroups v2, and DirectAdmin hides them otherwise
 *   (https://docs.directadmin.com/operation-system-level/os-general/user_cgroups.html);
 *   port 2222 (https://docs.directadmin.com/directadmin/general-usage/securing-da-panel.html).
 * - `apachelogdir=/var/log/httpd/domains` in a directadmin.conf posted from
 *   a server, and a generated httpd.conf with
 *   `ErrorLog /var/log/httpd/domains/<domain>.error.log`:
 *   https://pastebin.com/NMiNBTNj and https://pastebin.com/DLkriJrD
 *
 * Left out: the firewall (DirectAdmin ships none of its own; Brute Force
 * Monitor blocks addresses but cannot be switched off and on like one, and
 * CSF's commands were not checked against CSF's documentation); an admin
 * screen for PHP versions (Extra Features » CustomBuild, whose PHP screens
 * were not read); the account side's restarts and pool settings, which the
 * account menu has no screen for.
 */
export const directadmin: Platform = {
  id: 'directadmin',
  label: 'DirectAdmin',
  kind: 'panel',
  family: 'panel',
  howToTell: "The panel's pages say DirectAdmin, and its address usually ends in :2222.",
  php: {
    // CustomBuild's default first PHP in the April 2023 build script; servers usually carry several side by side.
    version: '8.1',
    // One unit per PHP version, made by CustomBuild from its php-fpm.service.
    unit: 'php-fpm{vv}',
    // CustomBuild renames the binary to carry the version and links php-fpm to it.
    program: '/usr/local/php{vv}/sbin/php-fpm{vv}',
    // The pool is named after the account's user and listens on <user>.sock; no version-free alias exists.
    socket: '/usr/local/php{vv}/sockets/user.sock',
    // Not one shared folder: php-fpm.conf includes one file per account from each user's own php/ folder.
    poolDir: '/usr/local/directadmin/data/users/user/php',
    pool: '/usr/local/directadmin/data/users/user/php/php-fpm{vv}.conf',
    mainConf: '/usr/local/php{vv}/etc/php-fpm.conf',
    ini: '/usr/local/php{vv}/lib/php.ini',
    // `error_log = log/php-fpm.log` is relative to PHP-FPM's prefix, /usr/local/php<vv>/var, as the logrotate file shows.
    log: '/usr/local/php{vv}/var/log/php-fpm.log',
    // In the |CUSTOM1| box the template reads before the pool, a line `|?MAX_CHILDREN=20|` replaces the default (read from the template, not from a DirectAdmin guide).
    generatedBy:
      "DirectAdmin writes each account's pool file from its template and overwrites edits: change pm.max_children for one account in Server Manager » Custom HTTPD Configurations (the domain's php-fpm.conf link), or for every account in a copy of the template at /usr/local/directadmin/data/templates/custom/php-fpm.conf.",
  },
  nginx: {
    unit: 'nginx',
    test: 'nginx -t',
    // Each account's nginx.conf here is generated from the templates: edits are overwritten.
    sites: '/usr/local/directadmin/data/users/user',
    // Per domain; the server-wide log is /var/log/nginx/error_log.
    errorLog: '/var/log/nginx/domains/example.com.error.log',
    accessLog: '/var/log/nginx/domains/example.com.log',
  },
  apache: {
    // CustomBuild builds Apache itself and installs its unit as httpd.service, whatever the system.
    unit: 'httpd',
    // Apache's own check of its settings; CustomBuild installs the program as /usr/sbin/httpd.
    test: 'httpd -t',
    // Each account's httpd.conf here is generated from the templates: edits are overwritten.
    sites: '/usr/local/directadmin/data/users/user',
    // Per domain; the server-wide log is /var/log/httpd/error_log.
    errorLog: '/var/log/httpd/domains/example.com.error.log',
    accessLog: '/var/log/httpd/domains/example.com.log',
  },
  // DirectAdmin switches nothing on here itself; on a Red Hat-family server the system's own setting applies (see the rhel entry).
  selinux: false,
  panel: {
    name: 'DirectAdmin',
    account: {
      'error-log': {
        path: ['System Info & Files', 'Site Summary / Statistics / Logs', 'Error Log'],
        note: "Each domain's row has its own Error Log link.",
      },
      'php-version': { path: ['Account Manager', 'Domain Setup', 'your domain', 'PHP Version Selector'] },
      'php-settings': { path: ['Account Manager', 'PHP Settings'] },
      'resource-usage': {
        path: ['System Info & Files', 'Resource Limits'],
        note: "Shows figures only where the host has switched on DirectAdmin's resource limits.",
      },
      'dns-zone': { path: ['Account Manager', 'DNS Management'] },
      // The skin's own spelling.
      wordpress: { path: ['Advanced Features', 'Wordpress Manager'] },
      // A command line in the browser.
      ssh: { path: ['System Info & Files', 'Terminal'] },
    },
    admin: {
      'restart-php': { path: ['Admin Tools', 'Service Monitor'] },
      'restart-web': { path: ['Admin Tools', 'Service Monitor'] },
      'fpm-settings': {
        path: ['Server Manager', 'Custom HTTPD Configurations'],
        note: "Open the domain's php-fpm.conf link and add settings in its |CUSTOM1| or |CUSTOM2| box.",
      },
      'error-log': {
        path: ['System Info & Files', 'Log Viewer'],
        note: "Server-wide logs such as the Apache Error Log and Nginx Error Log; a domain's own log is on the account's Site Summary / Statistics / Logs.",
      },
      'dns-zone': { path: ['Server Manager', 'DNS Administration'] },
    },
  },
};
