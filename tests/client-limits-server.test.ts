import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkStatuses, explainPage } from './support/limits-client';
import { type AppServer, startApp } from './support/server';

/**
 * The per-client limits against the production build (`next build` must
 * have run): a client cannot get a fresh allowance by making up
 * X-Forwarded-For, with or without a proxy in front. Every check is of
 * 127.0.0.1, admitted and then refused for its address.
 */

const limit = { CHECK_RATE_LIMIT: '3', EXPLAIN_RATE_LIMIT: '2' };
const spoofed = (i: number) => `198.51.100.${i + 1}`;
/** The page without the comments React puts between pieces of text. */
const text = (html: string) => html.replaceAll('<!-- -->', '');

describe('TRUST_PROXY unset: the connection is the client', () => {
  let app: AppServer;
  before(async () => {
    app = await startApp({ env: { ...limit, TRUST_PROXY: '' } });
  });
  after(() => app?.stop());

  test('a new X-Forwarded-For on every check gets no new allowance', async () => {
    assert.deepEqual(await checkStatuses(app.url, 6, spoofed), [200, 200, 200, 429, 429, 429]);
  });

  test('nor does a made-up copy of the connection stamp', async () => {
    const res = await fetch(`${app.url}/api/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-socket-address': '198.51.100.77 00000000-0000-0000-0000-000000000000' },
      body: JSON.stringify({ url: '127.0.0.1' }),
    });
    assert.equal(res.status, 429);
    assert.match(res.headers.get('retry-after') ?? '', /^\d+$/);
  });

  test('the log explainer: two pastes a minute here, then a plain sentence saying to wait', async () => {
    const pages = [];
    for (let i = 0; i < 3; i++)
      pages.push(text(await explainPage(app.url, 'connect() failed (111: Connection refused) while connecting to upstream', spoofed(i))));
    for (const page of pages.slice(0, 2)) assert.match(page, /We read 1 line;/);
    assert.doesNotMatch(pages[2], /We read/);
    assert.match(pages[2], /You have had a lot of logs read in the last minute\. Please wait \d+ seconds and try again\./);
    assert.match(
      pages[2],
      /<textarea[^>]*>connect\(\) failed \(111: Connection refused\) while connecting to upstream<\/textarea>/,
      'the paste is kept for the next try',
    );
  });
});

describe('TRUST_PROXY=1: one proxy in front', () => {
  let app: AppServer;
  before(async () => {
    app = await startApp({ env: { ...limit, TRUST_PROXY: '1' } });
  });
  after(() => app?.stop());

  test('the entry the proxy appended counts; the client’s own entries before it do not', async () => {
    // As a proxy passes them on: whatever the client sent, then the address the proxy saw.
    assert.deepEqual(await checkStatuses(app.url, 5, (i) => `${spoofed(i)}, 203.0.113.10`), [200, 200, 200, 429, 429]);
    assert.deepEqual(await checkStatuses(app.url, 1, () => '203.0.113.11'), [200], 'another client behind the same proxy');
  });
});

describe('TRUST_PROXY as proxy addresses', () => {
  let app: AppServer;
  before(async () => {
    app = await startApp({ env: { ...limit, TRUST_PROXY: '127.0.0.1, ::1' } });
  });
  after(() => app?.stop());

  test('the connection is a trusted proxy, so the address it forwarded is the client', async () => {
    assert.deepEqual(await checkStatuses(app.url, 4, () => '203.0.113.20'), [200, 200, 200, 429]);
    assert.deepEqual(await checkStatuses(app.url, 4, (i) => `${spoofed(i)}, 203.0.113.20`), [429, 429, 429, 429]);
    assert.deepEqual(await checkStatuses(app.url, 1, () => '203.0.113.21'), [200]);
  });
});

describe('a TRUST_PROXY the app cannot read', () => {
  let app: AppServer;
  before(async () => {
    app = await startApp({ env: { ...limit, TRUST_PROXY: 'the nginx box' } });
  });
  after(() => app?.stop());

  test('says so once at start, and the check says it is not set up rather than failing', async () => {
    assert.match(app.output(), /TRUST_PROXY: “the” is not a proxy address or range/);
    const res = await fetch(`${app.url}/api/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"url":"127.0.0.1"}' });
    assert.equal(res.status, 503);
    assert.match(JSON.stringify(await res.json()), /not set up correctly/);
    assert.equal((await fetch(app.url)).status, 200, 'the pages still work');
  });
});
