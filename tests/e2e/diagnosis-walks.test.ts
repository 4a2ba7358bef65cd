import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { stepIds, stepMeta } from '@/machines/steps';
import { titleOf } from '@/tests/support/content';
import { appAndBrowser } from '@/tests/support/harness';
import { describeWalks, type Walk } from '@/tests/support/walk-checks';
import { heading, labelOf, walk } from '@/tests/support/wizard';

/**
 * Diagnosis from the evidence, walked from the landing page on a 360 px
 * phone, once with JavaScript and once without: a pasted log line, the
 * number on a Cloudflare page, an Nginx page, a panel-only owner and a Node
 * app each lead to the fix that fits, and only to fixes that can help.
 * Every page reached is checked with axe-core, and each walk's last page is
 * kept as a screenshot in /tmp/walks for people to look at.
 */

const env = appAndBrowser();

/** The step a page shows, told by its heading. */
const stepByTitle = (async () => new Map(await Promise.all(stepIds.map(async (id) => [await titleOf(id), id] as const))))();
async function currentStep(page: Page): Promise<string> {
  const title = await heading(page);
  const step = (await stepByTitle).get(title);
  assert.ok(step, `no step has the heading “${title}” (${page.url()})`);
  return step;
}

async function mainText(page: Page): Promise<string> {
  return page.locator('main').innerText();
}

const owner = ['role=owner', 'evidence'] as const;
const skip = ['evidence=skip', 'reach'] as const;
const everyone = ['reach=everyone', 'error-page'] as const;

const workersLine =
  '2026/11/26 09:14:03 [error] 1234#1234: *56 connect() to unix:/run/php/php8.2-fpm.sock failed (11: Resource temporarily unavailable) while connecting to upstream, client: 203.0.113.7, server: example.com, request: "GET / HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "example.com"';

/** Server commands a panel user could mistake for their next step. */
const serverCommand = /\bsudo\b|\bsystemctl\b/;

const walks: Walk[] = [
  {
    name: 'worker-exhaustion-log',
    title: 'a log line of busy PHP workers leads from the evidence step to the PHP workers step',
    async run(page, visited) {
      await walk(page, [owner], visited);
      await page.getByRole('link', { name: 'Explain my error log' }).click();
      await page.waitForURL(/\/explain\/role=owner$/);
      assert.equal(await heading(page), 'Explain my error log');
      await visited();

      await page.getByLabel('Lines from your error log').fill(workersLine);
      await page.getByRole('button', { name: 'Explain these lines' }).click();
      await page.getByRole('heading', { level: 2, name: /stands? out|didn’t recognise/ }).waitFor();
      await visited();
      const finding = page.locator('[data-finding]').first();
      assert.ok((await finding.count()) > 0, 'the explainer recognises the line of busy PHP workers');
      assert.doesNotMatch(page.url(), /sock|203\.0\.113|example\.com/, 'no log text in the address');
      const workers = await titleOf('php-workers');
      const link = finding.getByRole('link', { name: /^Go to the fix/ });
      assert.equal((await link.innerText()).trim(), `Go to the fix: ${workers}`, 'the line is read as busy PHP workers');

      await link.click();
      await page.waitForURL(/start=php-workers/);
      await page.locator('h1').waitFor();
      assert.equal(await heading(page), workers);
      assert.match(page.url(), /php=8\.2/, 'the PHP version the line gave away comes along');
      assert.match(page.url(), /found=/);
      assert.match((await page.locator('main').textContent()) ?? '', /pm\.max_children/);
      assert.match(await page.getByRole('region', { name: 'Your answers so far' }).innerText(), /PHP version\s+8\.2/);
      await visited();
    },
  },
  {
    name: 'cloudflare-524',
    title: 'a Cloudflare 524 leads a panel user on WordPress and Nginx to the PHP time limits first',
    async run(page, visited) {
      await walk(
        page,
        [
          owner,
          skip,
          everyone,
          ['error-page=cloudflare-52x', 'cf-code'],
          ['cf-code=524', 'reload'],
          ['reload=broken', 'access'],
          // The Cloudflare page answered the CDN question.
          ['access=panel', 'platform'],
          ['platform=cpanel', 'cms'],
          ['cms=wordpress', 'server'],
          ['server=nginx', 'php-limits'],
        ],
        visited,
      );
      assert.match(await mainText(page), /time limit|max_execution_time/i);
    },
  },
  {
    name: 'cloudflare-526',
    title: 'a Cloudflare 526 leads to Cloudflare’s SSL/TLS mode, with Full (strict) named',
    async run(page, visited) {
      await walk(
        page,
        [
          owner,
          skip,
          everyone,
          ['error-page=cloudflare-52x', 'cf-code'],
          ['cf-code=526', 'reload'],
          ['reload=broken', 'access'],
          ['access=ssh', 'platform'],
          ['platform=debian-12', 'cms'],
          ['cms=wordpress', 'server'],
          ['server=nginx', 'cloudflare-ssl'],
        ],
        visited,
      );
      assert.match(await mainText(page), /Full \(strict\)/);
    },
  },
  {
    name: 'nginx-ssh',
    title: 'an Nginx page with SSH: every fix up to the hand-off, and never the firewall test',
    async run(page, visited) {
      await walk(
        page,
        [
          owner,
          skip,
          everyone,
          ['error-page=nginx', 'reload'],
          ['reload=broken', 'access'],
          ['access=ssh', 'platform'],
          ['platform=debian-12', 'cdn'],
          ['cdn=no', 'cms'],
          ['cms=wordpress', 'proxy'],
        ],
        visited,
      );
      const firewall = await titleOf('firewall');
      const handoff = await titleOf('handoff');
      const fixesSeen: string[] = [];
      for (let i = 0; i < stepIds.length; i++) {
        const step = await currentStep(page);
        assert.notEqual(step, 'firewall');
        assert.doesNotMatch(
          await mainText(page),
          /switch(?:ing|ed)? (?:it|the firewall|your firewall) off|(?:switch|turn)(?:ing)? off (?:the|your) firewall/i,
          `${step} talks of switching the firewall off`,
        );
        if (step === 'handoff') break;
        assert.equal(stepMeta(step).kind, 'fix', `${step} comes among the fixes`);
        fixesSeen.push(step);
        const before = page.url();
        await page.getByRole('link', { name: await labelOf(step, 'broken'), exact: true }).click();
        await page.waitForURL((url) => url.href !== before);
        await page.locator('h1').waitFor();
        await visited();
      }
      assert.equal(await heading(page), handoff, `the fixes ran out at ${page.url()}`);
      assert.equal(fixesSeen[0], 'proxy', 'with SSH, what the web server passes to comes first');
      assert.ok(fixesSeen.length >= 5, fixesSeen.join(', '));
      assert.equal(new Set(fixesSeen).size, fixesSeen.length, `no fix twice: ${fixesSeen.join(', ')}`);
      assert.equal(fixesSeen.at(-1), 'contact-host');
      for (const ruledOut of ['firewall', 'firewall-back-on', 'bans', 'dns'])
        assert.ok(!fixesSeen.includes(ruledOut), `${ruledOut} after an Nginx page: ${fixesSeen.join(', ')}`);
      const record = await page.getByRole('region', { name: 'Your answers so far' }).innerText();
      assert.ok(!record.includes(firewall), 'the firewall step is nowhere in the journey');
    },
  },
  {
    name: 'panel-only',
    title: 'a panel-only owner sees no server command outside the closed “If you also have SSH” fold',
    async run(page, visited) {
      let folded = 0;
      const commandsInView = async (step: string) => {
        const found = await page.locator('pre, code').evaluateAll(
          (els, pattern) =>
            els
              .filter((el) => new RegExp(pattern).test(el.textContent ?? ''))
              .map((el) => {
                const folds: HTMLDetailsElement[] = [];
                for (let d = el.parentElement?.closest('details'); d; d = d.parentElement?.closest('details')) folds.push(d as HTMLDetailsElement);
                const ssh = folds.find((d) => /^If you also have SSH/.test(d.querySelector(':scope > summary')?.textContent?.trim() ?? ''));
                return { text: (el.textContent ?? '').slice(0, 60), inSshFold: Boolean(ssh), foldOpen: Boolean(ssh?.open), visible: el.checkVisibility() };
              }),
          serverCommand.source,
        );
        folded += found.length;
        for (const c of found) {
          assert.ok(c.inSshFold, `${step}: “${c.text}” is not inside the “If you also have SSH” fold`);
          assert.ok(!c.foldOpen, `${step}: the fold holding “${c.text}” is open`);
          assert.ok(!c.visible, `${step}: “${c.text}” can be seen`);
        }
      };
      await walk(
        page,
        [
          owner,
          skip,
          everyone,
          ['error-page=not-sure', 'reload'],
          ['reload=broken', 'access'],
          ['access=panel', 'platform'],
          ['platform=cpanel', 'cdn'],
          ['cdn=no', 'cms'],
          ['cms=wordpress', 'server'],
          ['server=nginx', 'logs'],
        ],
        visited,
      );
      await commandsInView('logs');
      await walk(page, [['logs=broken', 'php-workers']], visited);
      await commandsInView('php-workers');
      await walk(page, [['php-workers=broken', 'plugins']], visited);
      await commandsInView('plugins');
      assert.ok(folded > 0, 'the server commands of these steps are there, folded away: the check has something to check');
    },
  },
  {
    name: 'node-app',
    title: 'a Node app behind Nginx leads to the app server first, with its loopback address',
    async run(page, visited) {
      await walk(
        page,
        [
          owner,
          skip,
          everyone,
          ['error-page=nginx', 'reload'],
          ['reload=broken', 'access'],
          ['access=ssh', 'platform'],
          ['platform=debian-12', 'cdn'],
          ['cdn=no', 'cms'],
          ['cms=none', 'app'],
          ['app=node', 'app-server'],
        ],
        visited,
      );
      // The part for Node.js apps is a fold of its own; opening it shows the two loopback addresses.
      await page.locator('summary', { hasText: 'Node.js' }).first().click();
      assert.match(await mainText(page), /::1|localhost/);
    },
  },
];

describeWalks('diagnosis walks from the landing page, at 360 px', walks, env);
