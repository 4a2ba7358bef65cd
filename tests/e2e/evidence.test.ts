import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { recognisers } from '@/evidence/log-lines';
import { axeViolations, newPhone } from '@/tests/support/browser';
import { appAndBrowser } from '@/tests/support/harness';
import { titleOf } from '@/tests/support/content';
import { answer, heading, labelOf, labels, pick } from '@/tests/support/wizard';

/** Diagnosing from evidence: the error page a person sees, and the lines of their log. */

const pages = new Set<string>();

const env = appAndBrowser();

const toErrorPage = '/fix/role=owner/evidence=skip/reach=everyone';

async function journey(page: Page): Promise<string> {
  return page.getByRole('region', { name: 'Your answers so far' }).innerText();
}

describe('let us look at your site first', () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`an owner is offered the live check and the log explainer, or can skip them (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const page = await newPhone(env.browser, { javaScriptEnabled });
      await page.goto(`${env.app.url}/fix`);
      await answer(page, labels.owner, 'evidence');
      pages.add(new URL(page.url()).pathname);
      // A plain GET form, so it works without scripts and the step stays static.
      const form = page.locator('form').filter({ has: page.locator('input[name="url"]') });
      assert.equal(await form.count(), 1);
      assert.equal(await form.getAttribute('method'), 'get');
      assert.equal(await form.getAttribute('action'), '/check/role=owner');
      assert.equal(await page.getByRole('link', { name: 'Explain my error log' }).getAttribute('href'), '/explain/role=owner');
      // The check's own answer is given by its result link, never offered as a button.
      const offered = await page.locator('#answers a').allInnerTexts();
      assert.deepEqual(
        offered.map((t) => t.trim()),
        [await labelOf('evidence', 'skip')],
      );

      // An address the check refuses at once: the check page gets it and says why, keeping what was typed.
      await page.getByLabel('Your site’s address').fill('ftp://example.com');
      await page.getByRole('button', { name: 'Check it' }).click();
      await page.waitForURL(/\/check\/role=owner\?url=ftp%3A%2F%2Fexample\.com/);
      assert.equal(await heading(page), 'Is my site down for everyone?');
      await page.locator('#url-error').waitFor();
      assert.equal(await page.getByLabel('Your site’s address').inputValue(), 'ftp://example.com');

      await page.goBack();
      await page.locator('h1', { hasText: await titleOf('evidence') }).waitFor();
      await pick(page, 'evidence=skip', 'reach');
      assert.match(page.url(), /\/fix\/role=owner\/evidence=skip$/);
      await page.context().close();
    });
  }

  test('a visitor is never asked: the questions start with who sees the error', async () => {
    const page = await newPhone(env.browser, { javaScriptEnabled: false });
    await page.goto(`${env.app.url}/fix`);
    await pick(page, 'role=visitor', 'reach');
    await page.context().close();
  });
});

describe('which error page do you see?', () => {
  test('pictures can be chosen with the keyboard, and a bare Nginx page skips the web-server question', async () => {
    const page = await newPhone(env.browser);
    await page.goto(`${env.app.url}${toErrorPage}`);
    pages.add(toErrorPage);
    assert.equal(await heading(page), await titleOf('error-page'));
    const nginx = page.getByRole('link', { name: 'A plain “502 Bad Gateway” page with “nginx” under it' });
    // Its description is announced with it.
    assert.match((await nginx.getAttribute('aria-describedby')) ?? '', /picture-nginx/);
    assert.match(await page.locator('#picture-nginx').innerText(), /nginx/);
    for (let i = 0; i < 40 && !(await nginx.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    assert.ok(await nginx.evaluate((el) => el === document.activeElement), 'reachable with Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/error-page=nginx$/);
    assert.equal(await heading(page), await titleOf('reload'));
    assert.match(await journey(page), /Web server\s+Nginx/);
    await answer(page, labels.broken, 'access');
    await answer(page, 'I can log in to the server (SSH)', 'platform');
    await answer(page, 'Debian 12 (bookworm), no panel', 'cdn');
    await answer(page, 'No', 'cms');
    await answer(page, 'WordPress', 'proxy');
    pages.add(new URL(page.url()).pathname);
    await page.context().close();
  });

  test('without JavaScript, a Cloudflare page with a number asks for it, skips the CDN question, and a 521 leads a panel user to server load, then the firewall', async () => {
    const page = await newPhone(env.browser, { javaScriptEnabled: false });
    await page.goto(`${env.app.url}${toErrorPage}`);
    await pick(page, 'error-page=cloudflare-52x', 'cf-code');
    pages.add(new URL(page.url()).pathname);
    for (const code of ['520', '521', '522', '523', '524', '525', '526', '530', 'other']) {
      assert.equal(await page.getByRole('link', { name: await labelOf('cf-code', code), exact: true }).count(), 1, `the answer for ${code}`);
    }
    await pick(page, 'cf-code=521', 'reload');
    await answer(page, labels.broken, 'access');
    await answer(page, 'Only a control panel for my hosting account', 'platform');
    await answer(page, 'cPanel (WHM on the administrator’s side)', 'cms');
    await answer(page, 'No, it’s custom code or plain pages', 'server');
    await answer(page, 'Apache', 'server-health');
    await answer(page, labels.broken, 'firewall');
    assert.match(await journey(page), /CDN in front\s+Yes/);
    pages.add(new URL(page.url()).pathname);
    await page.context().close();
  });

  test('a visitor who sees a numbered Cloudflare page is not asked for the number', async () => {
    const page = await newPhone(env.browser, { javaScriptEnabled: false });
    await page.goto(`${env.app.url}/fix/role=visitor/reach=everyone`);
    await pick(page, 'error-page=cloudflare-52x', 'reload');
    await page.context().close();
  });

  test('the browser’s own error page leads to DNS first; “not sure” goes on as before', async () => {
    const page = await newPhone(env.browser, { javaScriptEnabled: false });
    await page.goto(`${env.app.url}${toErrorPage}/error-page=browser/reload=broken/access=ssh/platform=debian-12/cdn=no/cms=none/server=nginx/app=php`);
    assert.equal(await heading(page), await titleOf('dns'));
    await page.goto(`${env.app.url}${toErrorPage}/error-page=not-sure/reload=broken/access=ssh/platform=debian-12/cdn=no/cms=none/server=nginx/app=php`);
    assert.equal(await heading(page), await titleOf('proxy'));
    await page.context().close();
  });

  test('changing the web server from the summary reopens the error-page question it came from', async () => {
    const page = await newPhone(env.browser, { javaScriptEnabled: false });
    await page.goto(`${env.app.url}/summary${toErrorPage.slice(4)}/error-page=apache/reload=broken/access=panel/platform=cpanel/cdn=no/cms=none`);
    pages.add(new URL(page.url()).pathname);
    await page.getByRole('link', { name: /Change your answer to “Web server”/ }).click();
    assert.equal(await heading(page), await titleOf('error-page'));
    await answer(page, /^None of these/, 'server');
    await page.context().close();
  });
});

const sample = (id: string) => recognisers.find((r) => r.id === id)!;
const socketLine =
  '2026/11/26 09:14:03 [crit] 812#812: *3 connect() to unix:/run/php/php8.1-fpm.sock failed (2: No such file or directory) while connecting to upstream, client: 203.0.113.7, server: example.com, request: "GET / HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.1-fpm.sock:", host: "example.com"';
const noise = '2026/11/26 09:14:04 [notice] 812#812: zzqqnoiseline gracefully shutting down';

async function paste(page: Page, text: string) {
  await page.getByLabel('Lines from your error log').fill(text);
  await page.getByRole('button', { name: 'Explain these lines' }).click();
  await page.getByRole('heading', { level: 2, name: /stands? out|didn’t recognise/ }).waitFor();
}

describe('explain my error log', () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`pasted lines are explained, most serious first, and the fix link carries the context (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const page = await newPhone(env.browser, { javaScriptEnabled });
      const from = `${toErrorPage}/error-page=not-sure/reload=broken/access=ssh/platform=debian-12/cdn=no/cms=wordpress`;
      await page.goto(`${env.app.url}/explain${from.slice(4)}`);
      pages.add(new URL(page.url()).pathname);
      await paste(page, [noise, socketLine, noise, socketLine, ''].join('\n'));
      assert.doesNotMatch(page.url(), /php8|sock|zzqq/, 'no log text in the address');
      assert.equal(await page.getByText('zzqqnoiseline').count(), 0, 'unrecognised lines are not echoed');
      const findings = page.locator('[data-finding]');
      const ids = await findings.evaluateAll((els) => els.map((e) => e.getAttribute('data-finding')));
      assert.ok(ids.length >= 1);
      const first = recognisers.find((r) => r.id === ids[0])!;
      assert.equal(first.step, 'proxy');
      assert.match(await findings.first().innerText(), /Seen 2 times/);
      assert.match(await page.getByText(/We read \d+ lines/).innerText(), /We read 4 lines; 2 matched nothing/);

      await findings
        .first()
        .getByRole('link', { name: /^Go to the fix/ })
        .click();
      await page.waitForURL(/start=proxy/);
      assert.equal(await heading(page), await titleOf('proxy'));
      assert.match(page.url(), /server=nginx/);
      // A missing socket names the PHP version Nginx looks for, which may be the one the server lacks: not taken as theirs.
      assert.doesNotMatch(page.url(), /php=/);
      assert.match(page.url(), /found=/);
      const record = await journey(page);
      assert.doesNotMatch(record, /PHP version/);
      assert.match(record, /Web server\s+Nginx/);
      assert.match(record, /CMS\s+WordPress/, 'the person’s own answers come along');
      pages.add(new URL(page.url()).pathname);
      await page.context().close();
    });
  }

  test('an empty paste gets a clear message; a paste with nothing recognised says so', async () => {
    const page = await newPhone(env.browser, { javaScriptEnabled: false });
    await page.goto(`${env.app.url}/explain`);
    await page.getByLabel('Lines from your error log').fill('   ');
    await page.evaluate(() => document.querySelector('textarea')?.removeAttribute('required')).catch(() => {});
    await page.getByRole('button', { name: 'Explain these lines' }).click();
    await page.getByLabel('Lines from your error log').waitFor();
    assert.match(await page.locator('body').innerText(), /Paste some lines from your error log first/);
    await paste(page, '<b>hello</b>\nnothing here');
    assert.match(await heading(page), /Explain my error log/);
    assert.equal(await page.locator('main b').filter({ hasText: 'hello' }).count(), 0, 'pasted HTML is never rendered');
    await page.context().close();
  });

  test('the findings reach the summary and the hand-off message as meanings', async () => {
    const found = [sample(recognisers[0].id), sample(recognisers[1].id)];
    const page = await newPhone(env.browser, { javaScriptEnabled: false });
    const path = `/summary${toErrorPage.slice(4)}/error-page=nginx/reload=broken/access=none/cdn=no/cms=none/found=${found.map((f) => f.id).join('+')}`;
    await page.goto(`${env.app.url}${path}`);
    pages.add(path);
    const section = await page.getByRole('region', { name: 'What your error log shows' }).innerText();
    for (const f of found) assert.ok(section.includes(f.title), f.title);
    const message = await page.getByLabel('The message').inputValue();
    assert.match(message, /What my error log shows:/);
    for (const f of found) assert.ok(message.includes(f.meaning), f.meaning);
    assert.match(message, /Error page: A plain “502 Bad Gateway” page/);
    await page.context().close();
  });

  test('axe-core finds no violations on the evidence pages, light or dark', async () => {
    const violations: string[] = [];
    for (const path of pages) {
      violations.push(...(await axeViolations(env.browser, `${env.app.url}${path}`)));
      violations.push(...(await axeViolations(env.browser, `${env.app.url}${path}`, 'dark')));
    }
    // The explainer with its results on screen.
    const page = await newPhone(env.browser);
    await page.goto(`${env.app.url}/explain`);
    await paste(page, socketLine);
    const { default: AxeBuilder } = await import('@axe-core/playwright');
    const results = await new AxeBuilder({ page }).analyze();
    violations.push(...results.violations.map((v) => `explain results: ${v.id}: ${v.help}`));
    await page.context().close();
    assert.deepEqual(violations, []);
  });
});
