import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { newPhone } from '@/tests/support/browser';
import { loopbackAllowed, startCheckFixtures, type CheckFixtures } from '@/tests/support/check-fixtures';
import { titleOf } from '@/tests/support/content';
import { appAndBrowser } from '@/tests/support/harness';
import { nginxAvailable, startNginx, type NginxServer } from '@/tests/support/nginx';
import { startApp, type AppServer } from '@/tests/support/server';
import { heading, labelOf } from '@/tests/support/wizard';

const env = appAndBrowser({ env: { ...loopbackAllowed, CHECK_RATE_LIMIT: '500' } });
let nginx: NginxServer;
let fixtures: CheckFixtures;
before(async () => {
  assert.ok(nginxAvailable(), 'nginx is needed: .ci/run installs it');
  [nginx, fixtures] = await Promise.all([startNginx(), startCheckFixtures()]);
});
after(async () => {
  await nginx?.stop();
  await fixtures?.stop();
});

/** Types an address into the check and submits it; waits for the result or a message. */
async function runCheck(page: Page, address: string) {
  await page.getByLabel('Your site’s address').fill(address);
  await page.getByRole('button', { name: /Check my site|Check again/ }).click();
  await page.locator('#verdict, #url-error').first().waitFor({ timeout: 15_000 });
}

for (const javaScriptEnabled of [true, false]) {
  describe(`the live check with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test('from “everyone or only you?”: a 502 from Nginx, carried into the wizard, the summary and the hand-off', async () => {
      const page = await newPhone(env.browser, { javaScriptEnabled });
      await page.goto(`${env.app.url}/fix/role=owner/evidence=skip`);
      assert.equal(await heading(page), await titleOf('reach'));
      await page.getByRole('link', { name: 'Check my site now' }).click();
      await page.waitForURL(/\/check\/role=owner\/evidence=skip$/);
      assert.equal(await heading(page), 'Is my site down for everyone?');

      await runCheck(page, `${nginx.url}/closed`);
      assert.equal(await page.locator('#verdict').innerText(), 'Your site is down for everyone: Nginx can’t reach what runs your site');
      if (javaScriptEnabled) assert.equal(await page.evaluate(() => document.activeElement?.id), 'verdict');
      const suggested = await page.locator('dl dd strong').allInnerTexts();
      assert.deepEqual(suggested, [await labelOf('reach', 'everyone'), await labelOf('error-page', 'nginx'), await labelOf('cdn', 'no')]);
      await page.locator('[data-finding="status"] summary').click();
      assert.match(await page.locator('[data-finding="status"] pre').innerText(), /server: nginx/);

      await page.getByRole('link', { name: 'Use these answers' }).click();
      await page.waitForURL(/\/fix\/role=owner\/evidence=skip\/reach=everyone\/error-page=nginx\/cdn=no\/check=http-502\+page-nginx\+server-nginx$/);
      // The check loaded the site and saw it fail: that was the reload, so the wizard asks about access next.
      assert.equal(await heading(page), await titleOf('access'));

      await page.getByRole('link', { name: 'Check all your answers' }).click();
      await page.waitForURL(/\/summary\//);
      await page.getByRole('heading', { name: 'What the live check saw' }).waitFor();
      assert.match(await page.locator('main').innerText(), /The site answered with HTTP status 502; the error page is Nginx’s own; the web server is Nginx\./);
      await page.context().close();
    });

    test('evidence first: the owner’s address is checked at once, and the result answers the evidence step', async () => {
      const page = await newPhone(env.browser, { javaScriptEnabled });
      await page.goto(`${env.app.url}/fix/role=owner`);
      assert.equal(await heading(page), await titleOf('evidence'));
      await page.getByLabel('Your site’s address').fill(`${nginx.url}/closed`);
      await page.getByRole('button', { name: 'Check it' }).click();
      // With JavaScript the page checks the address itself, then drops it from the address bar;
      // without, it comes back once the server has checked it.
      await page.locator('#verdict').waitFor({ timeout: 15_000 });
      assert.equal(await page.locator('#verdict').innerText(), 'Your site is down for everyone: Nginx can’t reach what runs your site');
      assert.equal(await page.getByLabel('Your site’s address').inputValue(), `${nginx.url}/closed`);
      if (javaScriptEnabled) assert.equal(new URL(page.url()).search, '', 'the address is not kept in the address bar');
      assert.equal(await page.getByRole('link', { name: 'Carry on without them' }).getAttribute('href'), '/fix/role=owner');

      await page.getByRole('link', { name: 'Use these answers' }).click();
      await page.waitForURL(/\/fix\/role=owner\/evidence=checked\/reach=everyone\/error-page=nginx\/cdn=no\/check=http-502\+page-nginx\+server-nginx$/);
      // The check loaded the site and saw it fail: that was the reload, so the wizard asks about access next.
      assert.equal(await heading(page), await titleOf('access'));
      await page.context().close();
    });

    test('a link with an address that is not a website, or not public, gives the message, never an error page', async () => {
      const page = await newPhone(env.browser, { javaScriptEnabled });
      const bad = await page.goto(`${env.app.url}/check/role=owner?url=my%20site`);
      assert.equal(bad?.status(), 200);
      assert.match(await page.locator('#url-error').innerText(), /no spaces/);
      assert.equal(await page.getByLabel('Your site’s address').inputValue(), 'my site');

      await page.goto(`${env.app.url}/check/role=owner?url=${encodeURIComponent('http://0xa9fea9fe/latest/meta-data/')}`);
      await page.getByText(/We only check sites on the public internet\. 169\.254\.169\.254 is a local-link address/).waitFor({ timeout: 15_000 });
      await page.context().close();
    });

    test('an address that is not a website, or not public, gets a message and keeps what was typed', async () => {
      const page = await newPhone(env.browser, { javaScriptEnabled });
      await page.goto(`${env.app.url}/check`);
      await runCheck(page, 'my site');
      assert.match(await page.locator('#url-error').innerText(), /no spaces/);
      assert.equal(await page.getByLabel('Your site’s address').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.getByLabel('Your site’s address').inputValue(), 'my site');

      await runCheck(page, 'http://0xa9fea9fe/latest/meta-data/');
      await page.getByText(/We only check sites on the public internet\. 169\.254\.169\.254 is a local-link address/).waitFor();
      assert.equal(await page.getByLabel('Your site’s address').inputValue(), 'http://0xa9fea9fe/latest/meta-data/');
      await page.context().close();
    });
  });
}

describe('the live check in the browser', () => {
  test('shows progress while it runs, and can be cancelled', async () => {
    const page = await newPhone(env.browser);
    await page.goto(`${env.app.url}/check/role=owner`);
    await page.getByLabel('Your site’s address').fill(`${fixtures.url}/slow`);
    await page.getByRole('button', { name: 'Check my site' }).click();
    await page.getByText(/Connecting to 127\.0\.0\.1 port \d+…/).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Checking…' }).isDisabled(), true);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Check cancelled.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'url');
    assert.equal(await page.locator('#verdict').count(), 0);

    // The same address again, left to run: the check gives up at 8 seconds and says the server is slow.
    await runCheck(page, `${fixtures.url}/slow`);
    assert.equal(await page.locator('#verdict').innerText(), 'Your server is up, but sent no answer in 8 seconds');
    await page.context().close();
  });

  test('the result is accessible, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await newPhone(env.browser, { colorScheme });
      await page.goto(`${env.app.url}/check/role=owner`);
      await runCheck(page, `${fixtures.url}/cloudflare-502`);
      for (const details of await page.locator('details').all()) await details.locator('summary').click();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
      assert.deepEqual(
        results.violations.map((v) => `${colorScheme}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`),
        [],
      );
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(overflow, false, 'nothing wider than a 360 px phone');
      await page.context().close();
    }
  });

  test('the steps that end with “open your site again” offer the check', async () => {
    const page = await newPhone(env.browser);
    for (const step of ['proxy', 'dns', 'reload']) {
      await page.goto(`${env.app.url}/step/${step}`);
      assert.equal(await page.getByRole('link', { name: 'Check my site now' }).getAttribute('href'), `/check/start=${step}`);
    }
    await page.goto(`${env.app.url}/step/fixed`);
    assert.equal(await page.getByRole('link', { name: 'Check my site now' }).count(), 0);
    await page.context().close();
  });

  test('after a check, a fix page offers to check again and the answer the result supports', async () => {
    // Needs <Recheck> at the end of the fix pages (placed by the step page).
    const page = await newPhone(env.browser);
    await page.goto(`${env.app.url}/step/reload`);
    assert.equal(await page.getByRole('button', { name: 'Check my site again' }).count(), 0, 'no check in this tab yet: nothing offered');
    await page.goto(`${env.app.url}/check/role=owner/evidence=skip`);
    await runCheck(page, `${fixtures.url}/healthy`);
    await page.goto(`${env.app.url}/fix/role=owner/evidence=skip/reach=everyone/error-page=nginx`);
    assert.equal(await heading(page), await titleOf('reload'));
    await page.getByRole('button', { name: 'Check my site again' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Your site loads for us.' });
    await status.waitFor({ timeout: 15_000 });
    assert.match((await status.getByRole('link', { name: 'Tell the wizard it’s fixed' }).getAttribute('href')) ?? '', /reload=fixed$/);
    await page.context().close();

    const noScript = await newPhone(env.browser, { javaScriptEnabled: false });
    await noScript.goto(`${env.app.url}/step/reload`);
    assert.equal(await noScript.getByRole('button', { name: 'Check my site again' }).count(), 0);
    await noScript.context().close();
  });

  test('the hand-off message says what the check saw', async () => {
    // In any order in the link, said in one: the status, who wrote the page, who sits in front.
    const res = await fetch(`${env.app.url}/message/role=owner/reach=everyone/check=cdn-cloudflare+page-edge+http-502`);
    const html = await res.text();
    assert.match(
      html,
      /What a live check of the site from outside saw:\n- The site answered with HTTP status 502; the error came from the CDN’s own servers; Cloudflare sits in front of the site\./,
    );
  });
});

describe('the check’s API', () => {
  let limited: AppServer;
  before(async () => {
    limited = await startApp({ env: { ...loopbackAllowed, CHECK_RATE_LIMIT: '3', CHECK_MAX_CONCURRENT: '1' } });
  });
  after(() => limited?.stop());

  const post = (app: AppServer, body: unknown, signal?: AbortSignal) =>
    fetch(`${app.url}/api/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      signal,
    });

  test('bad input is a 400 with a message; a result streams as JSON lines', async () => {
    const bad = await post(env.app, '{not json');
    assert.equal(bad.status, 400);
    assert.match((await bad.json()).state.error, /as JSON/);
    const refused = await post(env.app, { url: 'gopher://example.com/' });
    assert.equal(refused.status, 400);
    assert.match((await refused.json()).state.error, /“gopher:”/);

    const ok = await post(env.app, { url: `${fixtures.url}/healthy`, context: '/role=owner' });
    assert.equal(ok.status, 200);
    assert.match(ok.headers.get('content-type') ?? '', /ndjson/);
    const lines = (await ok.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.ok(lines.some((l) => l.progress?.stage === 'connect'));
    const { view } = lines.at(-1).state;
    assert.equal(view.verdict, 'Your site loads for us');
    // Sent from the evidence step (an owner's next question), the result answers it too.
    assert.equal(view.useHref, '/fix/role=owner/evidence=checked/reach=only-me/cdn=no/server=nginx/check=up+server-nginx');
    assert.equal(view.returnHref, '/fix/role=owner');
    assert.deepEqual(view.tokens, ['up', 'server-nginx']);
  });

  test('a link with ?url= is not cached or indexed, and runs a check only once the page asks for it', async () => {
    const address = encodeURIComponent(`${fixtures.url}/healthy`);
    const first = await fetch(`${env.app.url}/check/role=owner?url=${address}`);
    assert.equal(first.status, 200);
    assert.match(first.headers.get('cache-control') ?? '', /no-store/);
    const html = await first.text();
    assert.match(html, /<meta name="robots" content="noindex, nofollow"/);
    assert.doesNotMatch(html, /id="verdict"/, 'the first answer runs no check: a browser with JavaScript streams it');
    assert.match(html, /<noscript><meta http-equiv="refresh" content="0;url=\/check\/role=owner\?url=[^"]+&amp;run=1"/);

    const ran = await fetch(`${env.app.url}/check/role=owner?url=${address}&run=1`);
    assert.match(ran.headers.get('cache-control') ?? '', /no-store/);
    assert.match(await ran.text(), /Your site loads for us/);
  });

  test('a cancelled check frees its place; past the per-minute limit, 429 with Retry-After', async () => {
    const controller = new AbortController();
    const slow = await post(limited, { url: `${fixtures.url}/slow` }, controller.signal);
    assert.equal(slow.status, 200);
    // Only one check may run at once here: a second is turned away while the first runs…
    const busy = await post(limited, { url: `${fixtures.url}/healthy` });
    assert.equal(busy.status, 503);
    assert.ok(Number(busy.headers.get('retry-after')) > 0);
    controller.abort();
    // …and admitted once the first is cancelled.
    let next: Response | undefined;
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 100));
      next = await post(limited, { url: `${fixtures.url}/healthy` });
      if (next.status !== 503) break;
    }
    assert.equal(next?.status, 200);
    await next?.text();

    let limitedResponse: Response | undefined;
    for (let i = 0; i < 5; i++) {
      limitedResponse = await post(limited, { url: `${fixtures.url}/healthy` });
      if (limitedResponse.status === 429) break;
      await limitedResponse.text();
    }
    assert.equal(limitedResponse?.status, 429);
    const wait = Number(limitedResponse?.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 60, `Retry-After: ${wait}`);
    assert.match((await limitedResponse!.json()).state.error, new RegExp(`wait ${wait} seconds`));
  });
});
