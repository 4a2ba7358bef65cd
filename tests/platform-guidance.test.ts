import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Facts } from '@/machines/facts';
import { serverFixes } from '@/machines/fixes';
import { stepMeta } from '@/machines/steps';
import { platformOrder, platforms } from '@/platforms';
import { fill, withVersion } from '@/platforms/fill';
import type { PanelTask, Platform } from '@/platforms/types';
import { renderStep, textOf } from './support/content';

/**
 * Every platform × every server step: the page shows that platform's
 * commands, paths and panel screens, and none of another platform's.
 */

const servers = ['nginx', 'apache'] as const;
const steps = serverFixes.map((s) => stepMeta(s).guidance);
const source = (step: string) => readFileSync(`content/steps/${step}.mdx`, 'utf8');

/** The names a platform's commands and paths use, filled with its own PHP version. */
function namesOf(p: Platform): Set<string> {
  const version = p.php?.version ?? '';
  const php = p.php ? [p.php.unit, p.php.program, p.php.socket, p.php.poolDir, p.php.pool, p.php.mainConf, p.php.ini, p.php.log] : [];
  const web = [p.nginx, p.apache, p.litespeed].flatMap((w) => (w ? [w.unit, w.test, w.sites, w.errorLog, w.accessLog] : []));
  const firewall = p.firewall ? [p.firewall.list, p.firewall.stop, p.firewall.start].filter((c): c is string => Boolean(c)) : [];
  return new Set([...php, ...web, ...firewall].map((t) => withVersion(t, version)));
}

/** `name` as a whole word of a command or path, not part of a longer one. */
function mentions(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w./-])${escaped}(?![\\w/-]|\\.\\w)`).test(text);
}

const rendered = new Map<string, Promise<string>>();
function page(step: string, facts: Facts): Promise<string> {
  const key = `${step} ${JSON.stringify(facts)}`;
  if (!rendered.has(key)) rendered.set(key, renderStep(step, facts));
  return rendered.get(key)!;
}

describe('each platform sees only its own commands and paths', () => {
  for (const id of platformOrder) {
    const p = platforms[id];
    const own = namesOf(p);
    const foreign = [...new Set(platformOrder.filter((q) => q !== id).flatMap((q) => [...namesOf(platforms[q])]))].filter((n) => !own.has(n));
    test(`${p.label}`, async () => {
      const accesses: Facts['access'][] = p.kind === 'panel' ? ['ssh', 'server-panel', 'panel'] : ['ssh'];
      for (const step of steps)
        for (const server of servers)
          for (const access of accesses) {
            const text = textOf(await page(step, { role: 'owner', access, platform: id, server }));
            assert.doesNotMatch(text, /\{\{/, `${step} (${server}, ${access}) left a fact unfilled`);
            const shown = foreign.filter((n) => mentions(text, n));
            assert.deepEqual(shown, [], `${step} (${server}, ${access}) shows another platform's names`);
          }
    });
  }
});

describe("commands name the platform's own PHP-FPM", () => {
  for (const id of platformOrder.filter((i) => platforms[i].php)) {
    const p = platforms[id];
    test(`${p.label}: restarting names ${fill('{{php-unit}}', p)}`, async () => {
      const text = textOf(await page('restart', { role: 'owner', access: 'ssh', platform: id, server: 'nginx' }));
      assert.ok(text.includes(`systemctl restart ${fill('{{php-unit}}', p)}`), text.slice(0, 400));
    });
  }

  test('a PHP version from a log line wins over the release’s own', async () => {
    const text = textOf(await page('restart', { role: 'owner', access: 'ssh', platform: 'debian-13', server: 'nginx', php: '8.3' }));
    assert.match(text, /systemctl restart php8\.3-fpm/);
    assert.doesNotMatch(text, /php8\.4-fpm/);
  });

  test('Debian 13 sees PHP 8.4, Ubuntu 22.04 PHP 8.1', async () => {
    assert.match(textOf(await page('restart', { access: 'ssh', platform: 'debian-13', server: 'nginx' })), /php8\.4-fpm/);
    assert.match(textOf(await page('restart', { access: 'ssh', platform: 'ubuntu-22.04', server: 'nginx' })), /php8\.1-fpm/);
  });
});

describe('an unknown platform shows the likely variants, each labelled', () => {
  test('fenced blocks stay whole: variants are separate blocks, never labels inside one', async () => {
    for (const step of steps) {
      const html = await page(step, { role: 'owner', access: 'ssh', platform: 'not-sure' });
      for (const m of html.matchAll(/<pre\b[^>]*>([\s\S]*?)<\/pre>/g))
        assert.doesNotMatch(textOf(m[1]), /\((?:Debian|Ubuntu|AlmaLinux|CloudLinux|cPanel|Plesk|DirectAdmin)[^)]*\)/, `${step}: ${textOf(m[1]).slice(0, 80)}`);
    }
  });

  test('nobody, known platform or not, is told to edit a pool file their panel rewrites', async () => {
    const writers = platformOrder.map((i) => platforms[i]).filter((p) => p.php?.generatedBy);
    assert.ok(writers.length >= 2);
    for (const step of steps)
      for (const platform of [...writers.map((p) => p.id), 'not-sure'] as Facts['platform'][]) {
        const text = textOf(await page(step, { role: 'owner', access: 'ssh', platform, server: 'nginx' }));
        for (const p of writers)
          for (const file of [p.php!.pool, p.php!.mainConf]) {
            const path = withVersion(file, p.php!.version);
            assert.ok(!text.includes(`nano ${path}`), `${step} (${platform}) opens ${path} in an editor`);
          }
      }
  });

  test('every fact is filled on every server step, whatever is unknown', async () => {
    for (const step of steps)
      for (const facts of [
        {},
        { access: 'ssh', platform: 'not-sure' },
        { access: 'panel', platform: 'other-panel' },
        { access: 'ssh', platform: 'other-system', server: 'apache' },
      ] as Facts[])
        assert.doesNotMatch(textOf(await page(step, facts)), /\{\{/, `${step} with ${JSON.stringify(facts)}`);
  });

  for (const platform of ['not-sure', 'other-system', undefined] as const) {
    test(`platform ${platform ?? 'not asked'}`, async () => {
      const html = await page('restart', { role: 'owner', access: 'ssh', platform, server: 'nginx' });
      const systems = platformOrder.map((i) => platforms[i]).filter((p) => p.php && (platform !== 'other-system' || p.kind === 'system'));
      for (const p of systems) {
        const unit = fill('{{php-unit}}', p)!;
        assert.ok(mentions(textOf(html), `${unit}`), `${p.label}'s ${unit} is missing`);
      }
      assert.match(html, /<figcaption[^>]*>Debian\/Ubuntu:|<figcaption[^>]*>Debian 13/);
    });
  }
});

/** Where each step sends a panel user, and the task it names. */
const panelScreens: [step: string, task: PanelTask, access: 'panel' | 'server-panel'][] = [
  ['logs', 'error-log', 'panel'],
  ['php-version', 'php-version', 'panel'],
  ['php-limits', 'php-settings', 'panel'],
  ['php-workers', 'fpm-settings', 'server-panel'],
  ['restart', 'restart-php', 'server-panel'],
  ['restart', 'restart-web', 'server-panel'],
  ['server-health', 'resource-usage', 'panel'],
  ['dns', 'dns-zone', 'panel'],
  ['firewall', 'firewall', 'server-panel'],
];

describe("panel users get their panel's exact screens, or an honest “ask your host”", () => {
  for (const id of platformOrder.filter((i) => platforms[i].panel)) {
    const p = platforms[id];
    for (const [step, task, access] of panelScreens) {
      test(`${p.label}, ${step}: ${task} (${access})`, async () => {
        assert.match(source(step), new RegExp(`<PanelPath to="${task}"`), `${step}.mdx never names the ${task} screen`);
        const text = textOf(await page(step, { role: 'owner', access, platform: id, server: 'apache' }));
        const side = access === 'server-panel' ? (p.panel!.admin[task] ?? p.panel!.account[task]) : p.panel!.account[task];
        const root = access === 'server-panel' && p.panel!.admin[task] ? (p.panel!.adminName ?? p.panel!.name) : p.panel!.name;
        if (side) assert.ok(text.includes([root, ...side.path].join(' » ')), `${step} lacks ${[root, ...side.path].join(' » ')}`);
        else
          assert.ok(
            text.includes(access === 'panel' ? `${p.panel!.name} has no screen for it, so ask your host` : `${p.panel!.name} has no screen for it`),
            `${step} hides the gap`,
          );
      });
    }
  }
});

describe('SELinux, where a permission error is possible', () => {
  test('AlmaLinux and its kind are told about SELinux when a socket or port is refused', async () => {
    const text = textOf(await page('proxy', { role: 'owner', access: 'ssh', platform: 'rhel', server: 'nginx' }));
    assert.match(text, /SELinux/);
    assert.match(text, /setsebool -P httpd_can_network_connect 1/);
  });
  test('Debian is not', async () => {
    const text = textOf(await page('proxy', { role: 'owner', access: 'ssh', platform: 'debian-12', server: 'nginx' }));
    assert.doesNotMatch(text, /setsebool|SELinux/);
  });
});

describe('guidance sources name facts, never one platform’s paths', () => {
  // Literal names that belong in platforms/table/, not in the MDX.
  const literal =
    /\/etc\/php\/|\/etc\/php-fpm|php\d\.\d-fpm|php-fpm\d\.\d|\/run\/php|\/etc\/nginx\/|\/etc\/apache2|\/etc\/httpd|\/var\/log\/(nginx|apache2|httpd|php)|\bwww\.conf\b|\/opt\/(cpanel|plesk|alt)\//;
  for (const step of steps) {
    test(`${step}.mdx`, () => {
      const lines = source(step)
        .split('\n')
        .filter((l) => literal.test(l));
      assert.deepEqual(lines, []);
    });
  }
});

describe('the log explainer’s “where is my error log?” reads the same table', () => {
  const render = async (facts: Facts) => {
    const { createElement } = await import('react');
    const { renderToStaticMarkup } = await import('react-dom/server');
    const { WhereLogsAre } = await import('@/app/_components/explain/WhereLogsAre');
    return textOf(renderToStaticMarkup(createElement(WhereLogsAre, { facts })));
  };

  test('a cPanel customer is sent to cPanel’s screen and cPanel’s logs', async () => {
    const text = await render({ access: 'panel', platform: 'cpanel' });
    assert.ok(text.includes(['cPanel', ...platforms.cpanel.panel!.account['error-log']!.path].join(' » ')));
    assert.ok(text.includes(fill('{{php-log}}', platforms.cpanel)!));
    assert.doesNotMatch(text, /\/etc\/php|php8\.\d-fpm\.log|(?<!\/usr)\/var\/log\/php-fpm\//);
  });

  test('AlmaLinux without a panel gets its own logs and no panel line', async () => {
    const text = await render({ access: 'ssh', platform: 'rhel' });
    assert.ok(text.includes(fill('{{php-log}}', platforms.rhel)!));
    assert.doesNotMatch(text, /control panel/);
  });
});
