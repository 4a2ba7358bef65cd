import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { serverFixes } from '@/machines/fixes';
import { platformOrder, platforms } from '@/platforms';
import { fill } from '@/platforms/fill';
import type { PanelTask, PlatformId } from '@/platforms/types';
import { newPhone } from '@/tests/support/browser';
import { appAndBrowser } from '@/tests/support/harness';
import { describeWalks, type Walk } from '@/tests/support/walk-checks';
import { walk } from '@/tests/support/wizard';

/**
 * Four people on four platforms, each walked from the landing page to a fix
 * on a 360 px phone, with JavaScript and without: the page shows their own
 * panel's screens and their own system's commands, and nobody else's. Each
 * walk's pages are checked with axe-core; its last page is kept as a
 * screenshot in /tmp/walks.
 */

const env = appAndBrowser();

const start = [
  ['role=owner', 'evidence'],
  ['evidence=skip', 'reach'],
  ['reach=everyone', 'error-page'],
] as const;

/** A panel screen as the page writes it: "WHM » Restart Services » …". An administrator also has the account's screens. */
function crumb(id: PlatformId, task: PanelTask, side: 'account' | 'admin'): string {
  const panel = platforms[id].panel!;
  const admin = side === 'admin' ? panel.admin[task] : undefined;
  const found = admin ?? panel.account[task];
  assert.ok(found, `the table has no ${side} screen for ${task} on ${id}`);
  return [admin ? (panel.adminName ?? panel.name) : panel.name, ...found.path].join(' » ');
}

async function mainText(page: Page): Promise<string> {
  return page.locator('main').innerText();
}

/** Opens every fold, so the text read is all the page holds. */
async function openFolds(page: Page): Promise<void> {
  await page.locator('details:not([open]) > summary').evaluateAll((els) => {
    for (const el of els) (el.parentElement as HTMLDetailsElement).open = true;
  });
}

const walks: Walk[] = [
  {
    name: 'platform-cpanel-customer',
    title: 'a cPanel customer reads their error log in cPanel, and is never sent to a pool file',
    async run(page, visited) {
      await walk(
        page,
        [
          ...start,
          ['error-page=not-sure', 'reload'],
          ['reload=broken', 'access'],
          ['access=panel', 'platform'],
          ['platform=cpanel', 'cdn'],
          ['cdn=no', 'cms'],
          ['cms=wordpress', 'server'],
          ['server=apache', 'logs'],
        ],
        visited,
      );
      assert.ok((await mainText(page)).includes(crumb('cpanel', 'error-log', 'account')));
      await walk(page, [['logs=broken', 'php-workers']], visited);
      await openFolds(page);
      const text = await mainText(page);
      assert.match(text, /ask your host/i, 'a cPanel account cannot set PHP workers: the page says who can');
      assert.doesNotMatch(text, /\/etc\/php|pool\.d|www\.conf/, 'no Debian pool file on a cPanel page');
      assert.doesNotMatch(text, /nano \/opt\/cpanel/, 'nor cPanel’s own pool file, which cPanel rewrites');
      assert.ok(text.includes(crumb('cpanel', 'fpm-settings', 'admin')), 'the warning names where the lasting change goes');
    },
  },
  {
    name: 'platform-whm-admin',
    title: 'a WHM administrator sets Max Children and restarts PHP-FPM in WHM',
    async run(page, visited) {
      await walk(
        page,
        [
          ...start,
          ['error-page=not-sure', 'reload'],
          ['reload=broken', 'access'],
          ['access=server-panel', 'platform'],
          ['platform=cpanel', 'cdn'],
          ['cdn=no', 'cms'],
          ['cms=wordpress', 'server'],
          ['server=apache', 'logs'],
          ['logs=broken', 'php-workers'],
        ],
        visited,
      );
      assert.ok((await mainText(page)).includes(crumb('cpanel', 'fpm-settings', 'admin')));
      await walk(page, [['php-workers=broken', 'restart']], visited);
      const text = await mainText(page);
      assert.ok(text.includes(crumb('cpanel', 'restart-php', 'admin')), 'the restart is in WHM');
      assert.ok(text.includes(crumb('cpanel', 'restart-web', 'admin')));
    },
  },
  {
    name: 'platform-plesk-admin',
    title: 'a Plesk administrator behind Nginx restarts in Plesk, then sets the workers there',
    async run(page, visited) {
      await walk(
        page,
        [
          ...start,
          ['error-page=nginx', 'reload'],
          ['reload=broken', 'access'],
          ['access=server-panel', 'platform'],
          ['platform=plesk', 'cdn'],
          ['cdn=no', 'cms'],
          // A page from Nginx itself: is PHP running? A server panel can restart it.
          ['cms=wordpress', 'restart'],
        ],
        visited,
      );
      await openFolds(page);
      const restart = await mainText(page);
      assert.ok(restart.includes(crumb('plesk', 'restart-web', 'admin')), 'the restart is in Plesk');
      assert.ok(restart.includes(`systemctl restart ${fill('{{php-unit}}', platforms.plesk)}`), 'Plesk’s PHP-FPM service by its name');
      assert.doesNotMatch(restart, /\/etc\/php\/|php8\.\d-fpm\b|\bea-php/, 'no other platform’s PHP-FPM');
      await walk(
        page,
        [
          ['restart=broken', 'logs'],
          ['logs=broken', 'php-workers'],
        ],
        visited,
      );
      assert.ok((await mainText(page)).includes(crumb('plesk', 'fpm-settings', 'admin')));
    },
  },
  {
    name: 'platform-almalinux-ssh',
    title: 'an AlmaLinux owner with SSH is told about SELinux, with AlmaLinux’s socket and service names',
    async run(page, visited) {
      await walk(
        page,
        [
          ...start,
          ['error-page=nginx', 'reload'],
          ['reload=broken', 'access'],
          ['access=ssh', 'platform'],
          ['platform=rhel', 'cdn'],
          ['cdn=no', 'cms'],
          ['cms=wordpress', 'proxy'],
        ],
        visited,
      );
      await openFolds(page);
      const proxy = await mainText(page);
      assert.match(proxy, /SELinux/);
      assert.match(proxy, /setsebool -P httpd_can_network_connect 1/);
      assert.ok(proxy.includes(fill('{{php-socket}}', platforms.rhel)!), 'AlmaLinux’s socket');
      assert.doesNotMatch(proxy, /\/etc\/php\/|\/run\/php\/|sites-enabled/, 'no Debian path');
      await walk(page, [['proxy=broken', 'restart']], visited);
      await openFolds(page);
      assert.match(await mainText(page), /systemctl restart php-fpm\b/);
    },
  },
];

describeWalks('platform walks from the landing page, at 360 px', walks, env);

describe('long paths never push a 320 px page sideways', () => {
  test('every server step on every platform, every fold open', async () => {
    const page = await newPhone(env.browser, { javaScriptEnabled: false });
    await page.setViewportSize({ width: 320, height: 640 });
    const wide: string[] = [];
    try {
      for (const id of platformOrder)
        for (const step of serverFixes) {
          const access = platforms[id].kind === 'panel' ? 'server-panel' : 'ssh';
          await page.goto(`${env.app.url}/fix/start=${step}/access=${access}/platform=${id}/server=nginx`);
          await openFolds(page);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          if (width > 320) wide.push(`${step} on ${id}: ${width} px`);
        }
    } finally {
      await page.context().close();
    }
    assert.deepEqual(wide, []);
  });
});
