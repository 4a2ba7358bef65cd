import type { Platform } from '../types';

/**
 * Plesk for Linux: nginx in front of Apache, and each site's PHP-FPM pool
 * written by Plesk from the PHP Settings screen. Every site has a "system"
 * folder, /var/www/vhosts/system/<domain>/, holding its generated web
 * server settings (conf/), its logs (logs/) and its PHP-FPM socket.
 *
 * Sources:
 * - Virtual Host Structure (Linux), /var/www/vhosts/system/<vhost>/ with
 *   conf/ and logs/:
 *   https://docs.plesk.com/en-US/obsidian/administrator-guide/68806
 * - Apache and nginx Web Servers (Linux): nginx in front of Apache by default,
 *   /etc/apache2/apache2.conf on Debian and Ubuntu but /etc/httpd/conf/httpd.conf
 *   on Red Hat, CentOS and CloudLinux, and the generated last_nginx.conf and
 *   last_httpd.conf in /var/www/vhosts/system/<domain_name>/conf/:
 *   https://docs.plesk.com/en-US/onyx/administrator-guide/web-servers/apache-and-nginx-web-servers-linux.71933/
 * - The header Plesk writes into every generated pool file ("DO NOT MODIFY
 *   THIS FILE ... use either custom PHP settings tab in Panel or override
 *   settings in /var/www/vhosts/system/domain.tld/conf/php.ini ... in
 *   [php-fpm-pool-settings] section"), with `[domain.tld]`,
 *   `prefix = /var/www/vhosts/system/$pool`, `listen = php-fpm.sock`,
 *   `pm = ondemand`, `pm.max_children = 5`, as posted from a Plesk server:
 *   https://pastebin.com/MWV7ZCJa
 * - php_handler utility, php.ini of a Plesk PHP at /opt/plesk/php/<v>/etc/php.ini:
 *   https://docs.plesk.com/en-US/obsidian/cli-linux/using-command-line-utilities/php_handler-php-handlers.72490
 * - Fail2Ban screen and its tabs:
 *   https://docs.plesk.com/en-US/obsidian/administrator-guide/server-administration/protection-against-brute-force-attacks-fail2ban.73381/
 *   and https://doc.plesk.com/en-US/12.5/zip/administrator-guide.zip ("Banned IP Addresses" tab)
 * - ip_ban utility (`--enable`, `--disable`, "view the list of banned IP
 *   addresses and unban IP addresses"):
 *   https://docs.plesk.com/en-US/obsidian/cli-linux/using-command-line-utilities/ip_ban-ip-address-banning-fail2ban.73594/
 * - "Tools & Settings - Services Management", from Plesk's own sample extension:
 *   https://github.com/plesk/ext-services-management
 * - Server-wide PHP settings at Tools & Settings > PHP Settings (Japanese page
 *   of the Obsidian guide, [ツールと設定] > [PHP 設定]):
 *   https://docs.plesk.com/ja-JP/obsidian/administrator-guide/%E3%82%A6%E3%82%A7%E3%83%96%E3%83%9B%E3%82%B9%E3%83%86%E3%82%A3%E3%83%B3%E3%82%B0/php-%E7%AE%A1%E7%90%86/php-%E6%8B%A1%E5%BC%B5%E3%81%8A%E3%82%88%E3%81%B3%E8%A8%AD%E5%AE%9A.75811
 * - DNS: "Websites & Domains > domain name > DNS Settings":
 *   https://docs.plesk.com/en-US/onyx/customer-guide/websites-and-domains/domains-and-dns/configuring-dns-for-a-domain.69433
 * - WP Toolkit: "Once the extension is installed ... You will see the WordPress
 *   option in the Navigation Pane" (WP Toolkit page of the Obsidian guide):
 *   https://docs.plesk.com/ja-JP/obsidian/administrator-guide/%E3%82%A6%E3%82%A7%E3%83%96%E3%82%B5%E3%82%A4%E3%83%88%E7%AE%A1%E7%90%86/wp-toolkit.73391/
 *
 * Not from Plesk's documentation (found only in other people's scripts and
 * notes in the code index, so marked where used): the unit name
 * plesk-php<vv>-fpm, the program /opt/plesk/php/<v>/sbin/php-fpm, the pool
 * folder /opt/plesk/php/<v>/etc/php-fpm.d, the log
 * /var/log/plesk-php<vv>-fpm/error.log, the nginx log names proxy_error_log
 * and proxy_access_ssl_log, and `ip_ban --banned`.
 *
 * Left out: the account side's screens for the error log and the PHP version
 * (no Plesk page found naming them), and a firewall stop/start (Plesk's
 * Fail2Ban only bans addresses; the packet firewall is another tool).
 */
export const plesk: Platform = {
  id: 'plesk',
  label: 'Plesk',
  kind: 'panel',
  family: 'panel',
  howToTell: "The panel's pages say Plesk, and its menu has Websites & Domains and (for the administrator) Tools & Settings.",
  php: {
    // No single Plesk default: a server carries several Plesk PHP versions side by side. 8.2 stands in until the log names one.
    version: '8.2',
    // Seen as `systemctl restart plesk-php82-fpm` in scripts written for Plesk servers; not found in Plesk's docs.
    unit: 'plesk-php{vv}-fpm',
    // Seen as the running program of Plesk's PHP-FPM in notes taken on Plesk servers; not found in Plesk's docs.
    program: '/opt/plesk/php/{v}/sbin/php-fpm',
    // The generated pool sets `prefix = /var/www/vhosts/system/$pool` and `listen = php-fpm.sock`, the pool being named after the domain.
    socket: '/var/www/vhosts/system/example.com/php-fpm.sock',
    // Matched as /opt/plesk/php/<v>/etc/php-fpm.d in tools that read Plesk servers; not found in Plesk's docs.
    poolDir: '/opt/plesk/php/{v}/etc/php-fpm.d',
    // One pool per site, named `[domain.tld]` in the generated file.
    pool: '/opt/plesk/php/{v}/etc/php-fpm.d/example.com.conf',
    // Beside the php.ini Plesk registers; php-fpm.conf is PHP-FPM's usual name for it, not confirmed in Plesk's docs.
    mainConf: '/opt/plesk/php/{v}/etc/php-fpm.conf',
    // php_handler's example registers /opt/plesk/php/<v>/etc/php.ini.
    ini: '/opt/plesk/php/{v}/etc/php.ini',
    // Read and tailed under this name in scripts for Plesk servers; not found in Plesk's docs.
    log: '/var/log/plesk-php{vv}-fpm/error.log',
    // The generated pool is named `[domain.tld]` (the pool file header above).
    poolName: 'example.com',
    generatedBy:
      "Plesk writes the pool file and overwrites edits: change pm.max_children in the site's PHP Settings, or add it under [php-fpm-pool-settings] in /var/www/vhosts/system/example.com/conf/php.ini.",
  },
  nginx: {
    unit: 'nginx',
    test: 'nginx -t',
    // last_nginx.conf, generated from Plesk's templates: edits there are overwritten.
    sites: '/var/www/vhosts/system/example.com/conf',
    // As written by Plesk's generated nginx server block (`error_log ".../logs/proxy_error_log"`), seen in configs from Plesk servers.
    errorLog: '/var/www/vhosts/system/example.com/logs/proxy_error_log',
    // The HTTPS server block's log; a site served over plain HTTP writes proxy_access_log.
    accessLog: '/var/www/vhosts/system/example.com/logs/proxy_access_ssl_log',
  },
  apache: {
    // Debian and Ubuntu naming, as in Plesk's web server page; on Red Hat, CentOS and CloudLinux it is httpd.
    // Plesk does not publish how its installs split between the two, so this follows Debian for the family it documents first.
    unit: 'apache2',
    test: 'apache2ctl -t',
    sites: '/var/www/vhosts/system/example.com/conf',
    errorLog: '/var/www/vhosts/system/example.com/logs/error_log',
    accessLog: '/var/www/vhosts/system/example.com/logs/access_ssl_log',
  },
  // Fail2Ban only bans addresses: switching it off says nothing about the packet firewall, so no stop or start here.
  firewall: {
    name: 'Fail2Ban (Plesk IP Address Banning)',
    // `--banned` (also `-b`) comes from other people's notes on the utility; Plesk's page says only that it lists banned addresses.
    list: 'plesk bin ip_ban --banned',
    find: 'plesk bin ip_ban --banned | grep -F 203.0.113.7',
    // Unbanning needs the jail's name as well, which the listing shows; left to the panel's Banned IP Addresses tab.
  },
  // Plesk switches nothing on here itself; on a Red Hat-family server the system's own setting applies (see the rhel entry).
  selinux: false,
  panel: {
    name: 'Plesk',
    account: {
      // Plesk's own words: the "custom PHP settings tab in Panel". Hosts' guides place pm.max_children on the same screen.
      'php-settings': { path: ['Websites & Domains', 'your domain', 'PHP Settings'] },
      'fpm-settings': {
        path: ['Websites & Domains', 'your domain', 'PHP Settings'],
        note: "Only when the site's PHP runs as an FPM application.",
      },
      'dns-zone': {
        path: ['Websites & Domains', 'your domain', 'DNS Settings'],
        note: 'Shown as Whois Information instead when the server does not run DNS for the domain.',
      },
      // "You will see the WordPress option in the Navigation Pane" once WP Toolkit is installed (WP Toolkit page above).
      wordpress: { path: ['WordPress'], note: 'Only when the host has installed WP Toolkit.' },
    },
    admin: {
      // Plesk's XML API stops and starts the `web` service the same way this screen does.
      'restart-web': { path: ['Tools & Settings', 'Services Management'] },
      'php-settings': { path: ['Tools & Settings', 'PHP Settings'], note: 'Changes apply to every site on that PHP version.' },
      firewall: {
        path: ['Tools & Settings', 'IP Address Banning (Fail2Ban)'],
        note: 'The Banned IP Addresses tab lists and unbans addresses.',
      },
    },
  },
};
