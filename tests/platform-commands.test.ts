import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { debian12 } from '../platforms/table/debian';
import { type Platform, panelTasks, platformIds } from '../platforms/types';
import { APACHE_MODULES, apacheAvailable } from './support/apache';
import { NGINX_BIN, nginxAvailable, tempPaths } from './support/nginx';

/**
 * The platform table, checked two ways. On this machine (Debian 12 with
 * php8.2-fpm, nginx and apache2 installed) the Debian 12 entry's own commands
 * and names run against configs written to a temp dir, and the files the
 * packages installed must say what the entry says. Every entry in
 * platforms/table/ must also follow the rules guidance relies on when it pastes
 * a value into a command: unit names systemctl accepts, absolute paths, only
 * {v} and {vv} in templates, and so on.
 */

const asRoot = process.getuid?.() === 0;

/** Fills a template with a PHP version: `{v}` = 8.2, `{vv}` = 82. */
function fill(template: string, version: string): string {
  return template.replaceAll('{vv}', version.replace('.', '')).replaceAll('{v}', version);
}

function run(command: string, args: string[], env?: NodeJS.ProcessEnv): { status: number | null; output: string } {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 20_000, env: env ?? process.env });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** `key = value` lines of an INI-style file (PHP-FPM's), without comments. */
function iniValue(text: string, key: string): string | undefined {
  for (const line of text.split('\n')) {
    const m = /^\s*([^;#=\s][^=]*?)\s*=\s*(.*?)\s*$/.exec(line);
    if (m && m[1] === key) return m[2];
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Debian 12, for real

const php = debian12.php!;
const version = php.version;
const program = `/usr/sbin/${fill(php.program, version)}`;
const haveFpm = existsSync(program);

describe('Debian 12: the table’s commands run on this machine', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'platform-commands-'));
    // Apache's child runs as www-data when the test runs as root; let it look inside.
    if (asRoot) await chmod(dir, 0o711);
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** A socket in the temp dir with the table's socket name. */
  const socketIn = (d: string) => join(d, basename(fill(php.socket, version)));

  function fpmConf(listen: string): string {
    return `[global]
pid = ${dir}/php-fpm.pid
error_log = ${dir}/php-fpm.log
daemonize = no

[www]
${asRoot ? 'user = root\ngroup = root' : ''}
${listen}
listen.mode = 0666
pm = static
pm.max_children = 1
`;
  }

  test(`${fill(php.program, version)} -t -y accepts a pool listening on the table’s socket name`, { skip: !haveFpm && `no ${program}` }, async () => {
    const conf = join(dir, 'php-fpm.conf');
    await writeFile(conf, fpmConf(`listen = ${socketIn(dir)}`));
    // -R: the test may run as root, and PHP-FPM refuses a root pool without it.
    const r = run(program, ['-n', '-t', '-y', conf, ...(asRoot ? ['-R'] : [])]);
    assert.equal(r.status, 0, r.output);
    assert.match(r.output, /test is successful/);
  });

  test(`${fill(php.program, version)} -t -y refuses a pool with no listen line (the check above can fail)`, { skip: !haveFpm && `no ${program}` }, async () => {
    const conf = join(dir, 'php-fpm-broken.conf');
    await writeFile(conf, fpmConf('; no listen'));
    const r = run(program, ['-n', '-t', '-y', conf, ...(asRoot ? ['-R'] : [])]);
    assert.notEqual(r.status, 0, r.output);
    assert.match(r.output, /no listen address have been defined/);
  });

  function nginxConf(fastcgiPass: string): string {
    return `${asRoot ? 'user root root;' : ''}
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log;
events { worker_connections 16; }
http {
  access_log off;
  ${tempPaths(dir)}
  server {
    listen 127.0.0.1:8;
    location ~ \\.php$ {
      include /etc/nginx/fastcgi_params;
      fastcgi_pass ${fastcgiPass};
    }
  }
}
`;
  }

  /** The table's test command (`nginx -t`), kept to a temp prefix and error log. */
  function nginxTest(conf: string) {
    const [cmd, ...args] = debian12.nginx!.test.split(' ');
    assert.equal(cmd, 'nginx');
    return run(NGINX_BIN, [...args, '-p', `${dir}/`, '-e', join(dir, 'nginx-pre.log'), '-c', conf]);
  }

  test(`${debian12.nginx!.test} accepts fastcgi_pass unix: with the table’s socket`, { skip: !nginxAvailable() && 'no nginx' }, async () => {
    const conf = join(dir, 'nginx.conf');
    await writeFile(conf, nginxConf(`unix:${socketIn(dir)}`));
    const r = nginxTest(conf);
    assert.equal(r.status, 0, r.output);
    assert.match(r.output, /syntax is ok/);
    assert.match(r.output, /test is successful/);
  });

  test(`${debian12.nginx!.test} refuses a fastcgi_pass with a space in the socket path (the check above can fail)`, {
    skip: !nginxAvailable() && 'no nginx',
  }, async () => {
    const conf = join(dir, 'nginx-broken.conf');
    await writeFile(conf, nginxConf(`unix:${dir}/php fpm.sock`));
    const r = nginxTest(conf);
    assert.notEqual(r.status, 0, r.output);
    assert.match(r.output, /invalid number of arguments in "fastcgi_pass"/);
  });

  function apacheConf(handler: string): string {
    const user = existsSync('/etc/passwd') && readFileSync('/etc/passwd', 'utf8').includes('\nwww-data:') ? 'www-data' : 'nobody';
    return `ServerRoot ${dir}
ServerName localhost
Listen 127.0.0.1:8
PidFile ${dir}/apache.pid
DefaultRuntimeDir ${dir}
ErrorLog ${dir}/apache-error.log
${asRoot ? `User ${user}\nGroup ${user === 'www-data' ? 'www-data' : 'nogroup'}` : ''}
${['mpm_event', 'authz_core', 'proxy', 'proxy_fcgi'].map((m) => `LoadModule ${m}_module ${APACHE_MODULES}/mod_${m}.so`).join('\n')}
DocumentRoot ${dir}
<FilesMatch "\\.php$">
  SetHandler "${handler}"
</FilesMatch>
`;
  }

  /** The table's test command (`apache2ctl -t`) with `-f`, which apache2ctl passes on to apache2. */
  function apacheTest(conf: string) {
    const [cmd, ...args] = debian12.apache!.test.split(' ');
    return run(`/usr/sbin/${cmd}`, [...args, '-f', conf]);
  }

  test(`${debian12.apache!.test} accepts a proxy:unix: handler on the table’s socket`, { skip: !apacheAvailable() && 'no apache2' }, async () => {
    const conf = join(dir, 'apache2.conf');
    await writeFile(conf, apacheConf(`proxy:unix:${socketIn(dir)}|fcgi://localhost`));
    const r = apacheTest(conf);
    assert.equal(r.status, 0, r.output);
    assert.match(r.output, /Syntax OK/);
  });

  test(`${debian12.apache!.test} refuses a config with an unknown directive (the check above can fail)`, {
    skip: !apacheAvailable() && 'no apache2',
  }, async () => {
    const conf = join(dir, 'apache2-broken.conf');
    await writeFile(conf, `${apacheConf(`proxy:unix:${socketIn(dir)}|fcgi://localhost`)}\nFastCgiPass ${socketIn(dir)}\n`);
    const r = apacheTest(conf);
    assert.notEqual(r.status, 0, r.output);
    assert.match(r.output, /Invalid command 'FastCgiPass'/);
  });
});

describe('Debian 12: the files the packages installed match the table', () => {
  const unitFile = `/lib/systemd/system/${fill(php.unit, version)}.service`;
  const haveUnit = existsSync(unitFile);

  test('os-release’s PRETTY_NAME is the entry’s howToTell', { skip: !existsSync('/etc/os-release') && 'no os-release' }, () => {
    const pretty = /^PRETTY_NAME="?(.*?)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty && !pretty.includes('bookworm')) return; // another machine: nothing to compare
    assert.equal(pretty, debian12.howToTell);
  });

  test('the PHP-FPM unit runs the table’s program with the table’s main config', { skip: !haveUnit && `no ${unitFile}` }, () => {
    const unit = readFileSync(unitFile, 'utf8');
    const start = /^ExecStart=(\S+)\s+(.*)$/m.exec(unit);
    assert.ok(start, unit);
    assert.equal(basename(start[1]), fill(php.program, version));
    assert.match(start[2], new RegExp(`--fpm-config ${fill(php.mainConf, version).replaceAll('.', '\\.')}(\\s|$)`));
  });

  test('the unit installs the table’s socket as the alias of the pool’s own socket', { skip: !haveUnit && `no ${unitFile}` }, () => {
    const unit = readFileSync(unitFile, 'utf8');
    const post = /^ExecStartPost=-?(\S*php-fpm-socket-helper) install (\S+) (\S+) (\S+)$/m.exec(unit);
    assert.ok(post, `no php-fpm-socket-helper install line in ${unitFile}`);
    assert.equal(post[2], fill(php.socket, version), 'the alias is the table’s socket');
    assert.equal(post[3], fill(php.pool, version), 'the helper reads the table’s pool');
    assert.equal(post[4], version.replace('.', ''), 'the priority is the version, so the newest wins');
    // The helper takes the socket from the pool's listen line; the alias must differ from it (else it would point at itself).
    const listen = iniValue(readFileSync(post[3], 'utf8'), 'listen');
    assert.equal(listen, `/run/php/php${version}-fpm.sock`);
    assert.notEqual(listen, fill(php.socket, version));
    assert.equal(
      listen?.slice(0, listen.lastIndexOf('/')),
      fill(php.socket, version).slice(0, fill(php.socket, version).lastIndexOf('/')),
      'alias and socket share /run/php',
    );
  });

  const mainConf = fill(php.mainConf, version);
  test('php-fpm.conf’s error_log is the table’s log, and it includes the table’s pool folder', { skip: !existsSync(mainConf) && `no ${mainConf}` }, () => {
    const text = readFileSync(mainConf, 'utf8');
    assert.equal(iniValue(text, 'error_log'), fill(php.log, version));
    assert.equal(iniValue(text, 'include'), `${fill(php.poolDir, version)}/*.conf`);
  });

  test('the table’s pool and php.ini exist where it says', { skip: !existsSync(mainConf) && `no ${mainConf}` }, () => {
    assert.ok(existsSync(fill(php.pool, version)), fill(php.pool, version));
    assert.ok(existsSync(fill(php.ini, version)), fill(php.ini, version));
    assert.ok(fill(php.pool, version).startsWith(`${fill(php.poolDir, version)}/`));
  });

  test('nginx.conf logs where the table says and includes its sites folder', { skip: !existsSync('/etc/nginx/nginx.conf') && 'no nginx.conf' }, () => {
    const text = readFileSync('/etc/nginx/nginx.conf', 'utf8');
    const nginx = debian12.nginx!;
    assert.match(text, new RegExp(`^error_log ${nginx.errorLog};`, 'm'));
    assert.match(text, new RegExp(`^\\s*access_log ${nginx.accessLog};`, 'm'));
    assert.match(text, new RegExp(`^\\s*include ${nginx.sites}/\\*;`, 'm'));
    assert.ok(existsSync(`/lib/systemd/system/${nginx.unit}.service`));
  });

  test('Apache logs where the table says and includes its sites folder', { skip: !existsSync('/etc/apache2/apache2.conf') && 'no apache2.conf' }, () => {
    const apache = debian12.apache!;
    const logDir = /^export APACHE_LOG_DIR=(\S+?)(\$SUFFIX)?$/m.exec(readFileSync('/etc/apache2/envvars', 'utf8'))?.[1];
    const conf = readFileSync('/etc/apache2/apache2.conf', 'utf8');
    // Apache's own variable syntax, written out as Debian's files have it.
    const logVar = ['$', '{APACHE_LOG_DIR}'].join('');
    const errorLog = /^ErrorLog (\S+)$/m.exec(conf)?.[1]?.replace(logVar, logDir ?? '?');
    assert.equal(errorLog, apache.errorLog);
    const site = readFileSync('/etc/apache2/sites-available/000-default.conf', 'utf8');
    const accessLog = /^\s*CustomLog (\S+) combined$/m.exec(site)?.[1]?.replace(logVar, logDir ?? '?');
    assert.equal(accessLog, apache.accessLog);
    assert.match(conf, /^IncludeOptional sites-enabled\/\*\.conf$/m);
    assert.equal(apache.sites, '/etc/apache2/sites-enabled');
    assert.ok(existsSync(`/lib/systemd/system/${apache.unit}.service`));
  });
});

// ---------------------------------------------------------------------------
// Every platform: the rules a value must follow

const unitName = /^[a-z0-9@._-]+$/;
const commandName = /^[a-z0-9._-]+$/;

function pathProblems(where: string, path: string): string[] {
  const out: string[] = [];
  if (!path.startsWith('/')) out.push(`${where}: not absolute: ${path}`);
  if (/\s/.test(path)) out.push(`${where}: has a space: ${path}`);
  if (path.includes('//')) out.push(`${where}: doubled slash: ${path}`);
  if (path.length > 1 && path.endsWith('/')) out.push(`${where}: ends with a slash: ${path}`);
  return out;
}

function templateProblems(where: string, value: string): string[] {
  const out: string[] = [];
  for (const m of value.matchAll(/\{[^{}]*\}/g)) if (m[0] !== '{v}' && m[0] !== '{vv}') out.push(`${where}: unknown placeholder ${m[0]}`);
  if (/[{}]/.test(value.replaceAll('{vv}', '').replaceAll('{v}', ''))) out.push(`${where}: stray brace: ${value}`);
  return out;
}

function commandProblems(where: string, command: string): string[] {
  const out: string[] = [];
  if (command.trim() !== command || command === '') out.push(`${where}: empty or padded: "${command}"`);
  if (/\s{2,}/.test(command)) out.push(`${where}: doubled space: "${command}"`);
  const first = command.split(' ')[0];
  if (!commandName.test(first) && !(first.startsWith('/') && pathProblems(where, first).length === 0)) out.push(`${where}: odd program name: ${first}`);
  return out;
}

const text = (where: string, value: unknown): string[] =>
  typeof value === 'string' && value.trim() === value && value !== '' ? [] : [`${where}: empty or padded: ${JSON.stringify(value)}`];

/** Everything wrong with one platform entry; empty when it follows the rules. */
function problems(p: Platform): string[] {
  const out: string[] = [];
  if (!(platformIds as readonly string[]).includes(p.id)) out.push(`id: unknown: ${p.id}`);
  out.push(...text('label', p.label), ...text('howToTell', p.howToTell));
  if (p.kind !== 'panel' && p.kind !== 'system') out.push(`kind: ${p.kind}`);
  if (p.kind === 'panel' && !p.panel) out.push('panel: a panel platform has no panel facts');
  if (p.kind === 'panel' && p.family !== 'panel') out.push(`family: a panel platform has family ${p.family}`);
  if (p.kind === 'system' && p.family === 'panel') out.push('family: a system platform has family panel');
  if (p.selinux && p.family !== 'rhel') out.push(`selinux: on for family ${p.family}, which does not switch it on`);
  if (p.install !== undefined) out.push(...commandProblems('install', p.install));

  if (p.php) {
    const f = p.php;
    if (!/^\d+\.\d+$/.test(f.version)) out.push(`php.version: ${f.version}`);
    for (const key of ['unit', 'program', 'socket', 'poolDir', 'pool', 'mainConf', 'ini', 'log'] as const) {
      out.push(...templateProblems(`php.${key}`, f[key]));
      // Every version a person may have: the names must stay valid once filled.
      for (const v of ['7.4', f.version]) {
        const filled = fill(f[key], v);
        if (key === 'unit') {
          if (!unitName.test(filled)) out.push(`php.unit: not a unit name: ${filled}`);
        } else if (key === 'program') {
          if (!commandName.test(filled) && !(filled.startsWith('/') && pathProblems('php.program', filled).length === 0))
            out.push(`php.program: neither a program name nor a clean path: ${filled}`);
        } else {
          out.push(...pathProblems(`php.${key}`, filled));
        }
      }
    }
    if (!fill(f.pool, f.version).startsWith(`${fill(f.poolDir, f.version)}/`)) out.push(`php.pool: not in php.poolDir: ${f.pool}`);
    if (f.generatedBy !== undefined) out.push(...text('php.generatedBy', f.generatedBy));
  }

  for (const key of ['nginx', 'apache', 'litespeed'] as const) {
    const w = p[key];
    if (!w) continue;
    if (!unitName.test(w.unit)) out.push(`${key}.unit: not a unit name: ${w.unit}`);
    out.push(...commandProblems(`${key}.test`, w.test));
    for (const path of ['sites', 'errorLog', 'accessLog'] as const) out.push(...pathProblems(`${key}.${path}`, w[path]));
    if (w.errorLog === w.accessLog) out.push(`${key}: error and access logs are the same file`);
  }

  if (p.firewall) {
    const fw = p.firewall;
    out.push(...text('firewall.name', fw.name));
    for (const key of ['list', 'stop', 'start', 'find', 'unblock'] as const) {
      const c = fw[key];
      if (c === undefined) continue;
      out.push(...commandProblems(`firewall.${key}`, c));
      if ((key === 'find' || key === 'unblock') && !c.includes('203.0.113.7')) out.push(`firewall.${key}: does not name 203.0.113.7`);
    }
    if (fw.stop !== undefined && fw.stop === fw.start) out.push('firewall: stop and start are the same command');
    if ((fw.stop === undefined) !== (fw.start === undefined)) out.push('firewall: a way to switch it off needs a way to switch it back on');
  }

  if (p.panel) {
    out.push(...text('panel.name', p.panel.name));
    if (p.panel.adminName !== undefined) out.push(...text('panel.adminName', p.panel.adminName));
    for (const side of ['account', 'admin'] as const) {
      const crumbs = p.panel[side];
      if (!crumbs || typeof crumbs !== 'object') {
        out.push(`panel.${side}: missing`);
        continue;
      }
      for (const [task, crumb] of Object.entries(crumbs)) {
        const where = `panel.${side}.${task}`;
        if (!(panelTasks as readonly string[]).includes(task)) out.push(`${where}: unknown task`);
        if (!crumb) continue;
        if (!Array.isArray(crumb.path) || crumb.path.length === 0) out.push(`${where}: empty path`);
        else for (const [i, step] of crumb.path.entries()) out.push(...text(`${where}.path[${i}]`, step));
        if (crumb.note !== undefined) out.push(...text(`${where}.note`, crumb.note));
      }
    }
  }
  return out;
}

function isPlatform(value: unknown): value is Platform {
  return typeof value === 'object' && value !== null && 'id' in value && 'kind' in value && 'family' in value;
}

const tableDir = join(import.meta.dirname, '..', 'platforms', 'table');

async function loadTable(): Promise<{ file: string; name: string; platform: Platform }[]> {
  const found: { file: string; name: string; platform: Platform }[] = [];
  for (const file of readdirSync(tableDir)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const mod: Record<string, unknown> = await import(pathToFileURL(join(tableDir, file)).href);
    for (const [name, value] of Object.entries(mod)) if (isPlatform(value)) found.push({ file, name, platform: value });
  }
  return found;
}

describe('every platform in platforms/table follows the rules', async () => {
  const table = await loadTable();

  test('the table has the Debian and Red Hat entries, each id once', () => {
    const ids = [...new Set(table.map((t) => t.platform))].map((p) => p.id);
    for (const id of ['debian-13', 'debian-12', 'ubuntu-24.04', 'ubuntu-22.04', 'rhel']) assert.ok(ids.includes(id as Platform['id']), `no ${id}`);
    assert.deepEqual(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      [],
      'ids given twice',
    );
  });

  for (const { file, name, platform } of table) {
    test(`${file}: ${name} (${platform.id})`, () => {
      assert.deepEqual(problems(platform), []);
    });
  }
});

describe('each rule catches a broken entry', async () => {
  const { rhel } = await import('../platforms/table/rhel');
  const panel: Platform = {
    ...rhel,
    id: 'cpanel',
    kind: 'panel',
    family: 'panel',
    selinux: false,
    panel: { name: 'Panel', account: { 'error-log': { path: ['Metrics', 'Errors'] } }, admin: {} },
  };

  test('the unbroken entries pass', () => {
    assert.deepEqual(problems(rhel), []);
    assert.deepEqual(problems(panel), []);
    assert.deepEqual(problems(debian12), []);
  });

  const broken: [string, Platform, RegExp][] = [
    ['unknown id', { ...rhel, id: 'rhel-9' as Platform['id'] }, /^id: unknown/],
    ['empty label', { ...rhel, label: '' }, /^label: empty/],
    ['padded howToTell', { ...rhel, howToTell: ' Rocky ' }, /^howToTell: empty or padded/],
    ['panel kind with no panel', { ...panel, panel: undefined }, /^panel: a panel platform has no panel facts/],
    ['panel kind, system family', { ...panel, family: 'rhel' }, /^family: a panel platform/],
    ['system kind, panel family', { ...rhel, family: 'panel' }, /^family: a system platform/],
    ['SELinux on Debian', { ...debian12, selinux: true }, /^selinux: on for family debian/],
    ['install with a doubled space', { ...rhel, install: 'dnf  install' }, /^install: doubled space/],
    ['PHP version with a patch level', { ...rhel, php: { ...rhel.php!, version: '8.3.1' } }, /^php\.version/],
    ['unit with a capital', { ...rhel, php: { ...rhel.php!, unit: 'PHP-fpm' } }, /^php\.unit: not a unit name/],
    ['unit with a space', { ...rhel, php: { ...rhel.php!, unit: 'php {v}-fpm' } }, /^php\.unit: not a unit name/],
    ['placeholder other than {v}/{vv}', { ...rhel, php: { ...rhel.php!, socket: '/run/php/{version}.sock' } }, /^php\.socket: unknown placeholder \{version\}/],
    ['stray brace', { ...rhel, php: { ...rhel.php!, socket: '/run/php/{v.sock' } }, /^php\.socket: stray brace/],
    ['relative path', { ...rhel, php: { ...rhel.php!, ini: 'etc/php.ini' } }, /^php\.ini: not absolute/],
    ['path with a space', { ...rhel, php: { ...rhel.php!, log: '/var/log/php fpm/error.log' } }, /^php\.log: has a space/],
    ['doubled slash', { ...rhel, php: { ...rhel.php!, mainConf: '/etc//php-fpm.conf' } }, /^php\.mainConf: doubled slash/],
    ['folder with a trailing slash', { ...rhel, php: { ...rhel.php!, poolDir: '/etc/php-fpm.d/' } }, /^php\.poolDir: ends with a slash/],
    ['pool outside the pool folder', { ...rhel, php: { ...rhel.php!, pool: '/etc/www.conf' } }, /^php\.pool: not in php\.poolDir/],
    ['program with a space', { ...rhel, php: { ...rhel.php!, program: 'php fpm' } }, /^php\.program: neither/],
    ['empty generatedBy', { ...rhel, php: { ...rhel.php!, generatedBy: '' } }, /^php\.generatedBy: empty/],
    ['web server unit with a slash', { ...rhel, apache: { ...rhel.apache!, unit: 'httpd/2' } }, /^apache\.unit: not a unit name/],
    ['empty test command', { ...rhel, nginx: { ...rhel.nginx!, test: '' } }, /^nginx\.test: empty or padded/],
    ['relative log', { ...rhel, nginx: { ...rhel.nginx!, errorLog: 'logs/error.log' } }, /^nginx\.errorLog: not absolute/],
    ['one file for both logs', { ...rhel, apache: { ...rhel.apache!, accessLog: rhel.apache!.errorLog } }, /^apache: error and access logs are the same file/],
    [
      'firewall find without the example address',
      { ...rhel, firewall: { ...rhel.firewall!, find: 'csf -g' } },
      /^firewall\.find: does not name 203\.0\.113\.7/,
    ],
    ['firewall stop = start', { ...rhel, firewall: { ...rhel.firewall!, start: rhel.firewall!.stop } }, /^firewall: stop and start are the same/],
    ['firewall off with no way back on', { ...rhel, firewall: { ...rhel.firewall!, start: undefined } }, /^firewall: a way to switch it off needs/],
    ['empty firewall name', { ...rhel, firewall: { ...rhel.firewall!, name: '' } }, /^firewall\.name: empty/],
    ['empty panel name', { ...panel, panel: { ...panel.panel!, name: '' } }, /^panel\.name: empty/],
    ['unknown panel task', { ...panel, panel: { ...panel.panel!, admin: { logs: { path: ['Logs'] } } as never } }, /^panel\.admin\.logs: unknown task/],
    ['crumb with no steps', { ...panel, panel: { ...panel.panel!, account: { 'error-log': { path: [] } } } }, /^panel\.account\.error-log: empty path/],
    [
      'crumb with an empty step',
      { ...panel, panel: { ...panel.panel!, account: { 'error-log': { path: ['Metrics', ''] } } } },
      /^panel\.account\.error-log\.path\[1\]: empty/,
    ],
    [
      'crumb with a padded note',
      { ...panel, panel: { ...panel.panel!, account: { ssh: { path: ['Security', 'SSH Access'], note: ' x ' } } } },
      /^panel\.account\.ssh\.note: empty or padded/,
    ],
  ];

  for (const [what, entry, expected] of broken) {
    test(what, () => {
      const found = problems(entry);
      assert.ok(
        found.some((p) => expected.test(p)),
        `expected ${expected}, got ${JSON.stringify(found)}`,
      );
    });
  }
});
