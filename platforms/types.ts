/**
 * The shape of one platform's facts: where a server keeps PHP-FPM, the web
 * server and their logs, and where a control panel keeps the screens the
 * guidance sends people to. Guidance never names a path or a unit itself:
 * it names a fact (`{{php-unit}}`), and the person's platform fills it in.
 *
 * Every value is written for the platform's vendor-documented default, and
 * each carries its source in a comment. A fact the vendor does not document
 * is left out: guidance then says "ask your host" instead of guessing.
 */

/** The platforms a person can name: panels, then systems. `other-panel`, `other-system` and `not-sure` are answers, not platforms. */
export const panelIds = ['cpanel', 'plesk', 'directadmin', 'hpanel'] as const;
export const systemIds = ['debian-13', 'debian-12', 'ubuntu-24.04', 'ubuntu-22.04', 'rhel', 'cloudlinux'] as const;
export const platformIds = [...panelIds, ...systemIds] as const;
export type PlatformId = (typeof platformIds)[number];

/**
 * Templates for names that carry the PHP version: `{v}` is the version as
 * `8.2`, `{vv}` the same without the dot, `82`. The person's own version
 * (from a log line) replaces the platform's default.
 */
export type Template = string;

export interface PhpFpmFacts {
  /** The version the names use until we know the person's, e.g. '8.2' (a release's own PHP, or a panel's usual default). */
  version: string;
  /** The service, as `systemctl` names it, e.g. `php{v}-fpm`. */
  unit: Template;
  /** The program, for `-t` (test the settings) and `ps -C`, e.g. `php-fpm{v}`. */
  program: Template;
  /** The socket (the file PHP-FPM takes requests on) the web server should name. Prefer a version-free name where the platform has one. */
  socket: Template;
  /** The folder of pool files (one per team of workers). */
  poolDir: Template;
  /** The pool file a site uses by default. */
  pool: Template;
  /** PHP-FPM's main settings file (`[global]`). */
  mainConf: Template;
  /** The php.ini PHP-FPM reads. */
  ini: Template;
  /** PHP-FPM's own log (pool warnings, crashed workers). */
  log: Template;
  /** The name a site's pool has in PHP-FPM's log lines (`[pool www]`), with example.com standing for the site. */
  poolName?: string;
  /**
   * Set where the panel writes the pool files and overwrites edits: where a
   * lasting change goes instead (a screen or a file), in one sentence.
   */
  generatedBy?: string;
}

export interface WebServerFacts {
  /** The service, e.g. `nginx`, `apache2`, `httpd`. */
  unit: string;
  /** The command that tests the settings, e.g. `nginx -t`, `apache2ctl -t`. */
  test: string;
  /** The folder where a site's own settings live. */
  sites: string;
  /** The main error log. */
  errorLog: string;
  /** The main access log (one line per visit). */
  accessLog: string;
}

/** Tasks a panel has a screen for; guidance names them with `<PanelPath to="…" />`. */
export const panelTasks = [
  'resource-usage',
  'error-log',
  'php-version',
  'php-settings',
  'fpm-settings',
  'restart-php',
  'restart-web',
  'firewall',
  'dns-zone',
  'wordpress',
  'ssh',
] as const;
export type PanelTask = (typeof panelTasks)[number];

/** A screen in a panel: the menu names to click, in order, after the panel's home. */
export interface Crumb {
  path: readonly string[];
  /** One sentence to add, e.g. "Only on servers with CloudLinux." */
  note?: string;
}

export interface PanelFacts {
  /** The panel's name as its users see it, e.g. 'cPanel'. */
  name: string;
  /** The administrator's side, when it has its own name (WHM). */
  adminName?: string;
  /** The account owner's screens (shared hosting). A task left out: the account cannot do it; ask the host. */
  account: Partial<Record<PanelTask, Crumb>>;
  /** The server administrator's screens (WHM, Plesk as administrator). */
  admin: Partial<Record<PanelTask, Crumb>>;
}

export interface FirewallFacts {
  /** What the tool is called, e.g. 'ufw', 'firewalld', 'CSF'. */
  name: string;
  /** Lists the rules. */
  list: string;
  /** Switches it off for a test; absent where the tool only bans addresses and switching it off proves nothing. */
  stop?: string;
  /** Switches it back on. */
  start?: string;
  /** Shows whether an address is blocked; `203.0.113.7` stands for the address. */
  find?: string;
  /** Removes the block on an address. */
  unblock?: string;
}

export interface Platform {
  id: PlatformId;
  /** How the platform is named in answers and labels, e.g. 'Debian 13 (trixie)'. */
  label: string;
  kind: 'panel' | 'system';
  /** Systems that share commands: Debian and Ubuntu ('debian'), Red Hat and its rebuilds ('rhel'). */
  family: 'debian' | 'rhel' | 'panel';
  /** What `cat /etc/os-release` prints on its `PRETTY_NAME` line, or how to tell the panel. */
  howToTell: string;
  /** PHP-FPM on this platform; absent where people never reach it (hPanel). */
  php?: PhpFpmFacts;
  nginx?: WebServerFacts;
  apache?: WebServerFacts;
  /** LiteSpeed, where the platform runs it instead of (or as) Apache. */
  litespeed?: WebServerFacts;
  firewall?: FirewallFacts;
  /** SELinux is switched on by default, so a web server reaching a port or a file can be refused with "Permission denied". */
  selinux: boolean;
  /** Installs a package, e.g. `apt install`, `dnf install`. */
  install?: string;
  panel?: PanelFacts;
}
