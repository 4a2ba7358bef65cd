import assert from 'node:assert/strict';
import { actionBodyLimitMb } from '@/security/headers.mjs';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { startApp, type AppServer } from '@/tests/support/server';

/**
 * Hostile requests against the production build (`next build` first): each
 * is refused with the status it deserves, and the server goes on serving
 * step pages afterwards.
 */

let app: AppServer;
before(async () => {
  app = await startApp();
});
after(() => app?.stop());

/** Server actions' limit, as next.config.js and proxy.ts read it. */
const actionLimit = actionBodyLimitMb * 1024 * 1024;

/**
 * A POST sent by hand: `body` is a string, or a number of bytes of `x` to
 * stream in 64 KB chunks (chunked unless the headers give a length). Stops
 * sending once the server answers; resolves with the answer.
 */
function post(path: string, headers: Record<string, string>, body: string | number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${app.url}${path}`, { method: 'POST', headers, agent: false });
    let answered = false;
    request.on('response', (response) => {
      answered = true;
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (d) => (text += d));
      response.on('error', () => {});
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, text });
        request.destroy();
      });
    });
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (typeof body === 'string') {
      request.end(body);
      return;
    }
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    const pump = () => {
      while (!answered && sent < body) {
        const part = chunk.subarray(0, Math.min(chunk.length, body - sent));
        sent += part.length;
        if (!request.write(part)) {
          request.once('drain', pump);
          return;
        }
      }
      if (!answered) request.end();
    };
    pump();
  });
}

async function stillServing() {
  const page = await fetch(`${app.url}/fix/role=owner`);
  assert.equal(page.status, 200, 'a step page still answers');
  await page.arrayBuffer();
}

const json = { 'content-type': 'application/json' };
const refusedWith = (text: string) => (JSON.parse(text) as { state: { error: string } }).state.error;

describe('POST /api/check', () => {
  test('50 MB streamed without a length is cut off at 4 KB with a 413', async () => {
    const { status, text } = await post('/api/check', json, 50 * 1024 * 1024);
    assert.equal(status, 413);
    assert.match(refusedWith(text), /too large/);
    await stillServing();
  });

  test('a huge Content-Length is refused before any of the body is read', async () => {
    const { status } = await post('/api/check', { ...json, 'content-length': '300000000' }, 0);
    assert.equal(status, 413);
    await stillServing();
  });

  test('a cross-site text/plain post is refused, and so is one that is not JSON', async () => {
    const body = JSON.stringify({ url: 'example.com' });
    const crossSite = await post('/api/check', { 'content-type': 'text/plain', origin: 'http://evil.example' }, body);
    assert.equal(crossSite.status, 403);
    assert.match(refusedWith(crossSite.text), /this site/);
    const fetched = await post('/api/check', { ...json, 'sec-fetch-site': 'cross-site', origin: app.url }, body);
    assert.equal(fetched.status, 403, 'Sec-Fetch-Site decides when a browser sends it');
    const plain = await post('/api/check', { 'content-type': 'text/plain' }, body);
    assert.equal(plain.status, 415);
    const array = await post('/api/check', json, '[0,0,0]');
    assert.equal(array.status, 400);
    await stillServing();
  });

  test('our own pages’ requests are accepted; a 3 KB context of slashes is read and cut', async () => {
    const { status, text } = await post(
      '/api/check',
      { ...json, origin: app.url, 'sec-fetch-site': 'same-origin' },
      JSON.stringify({ url: '127.0.0.1', context: '/'.repeat(3000) }),
    );
    assert.equal(status, 200);
    const last = JSON.parse(text.trim().split('\n').at(-1) ?? '{}') as { state?: { error?: string } };
    assert.match(last.state?.error ?? '', /public internet/);
    await stillServing();
  });
});

/** The explainer's form as a browser without JavaScript posts it: its hidden fields, plus the pasted log. */
async function explainForm(log: string): Promise<FormData> {
  const html = await (await fetch(`${app.url}/explain`)).text();
  const form = new FormData();
  for (const input of html.match(/<input[^>]*type="hidden"[^>]*>/g) ?? []) {
    const name = /name="([^"]*)"/.exec(input)?.[1];
    const value = /value="([^"]*)"/.exec(input)?.[1] ?? '';
    const decode = (s: string) =>
      s
        .replace(/&quot;/g, '"')
        .replace(/&#x27;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    if (name) form.append(decode(name), decode(value));
  }
  assert.ok(
    [...form.keys()].some((k) => k.startsWith('$ACTION')),
    'the form carries its action',
  );
  form.append('log', log);
  return form;
}

describe('the log explainer', () => {
  test('six pastes of 200 KB of one-character lines at once are all explained', async () => {
    const form = await explainForm('x\n'.repeat(100 * 1024));
    const pages = await Promise.all(Array.from({ length: 6 }, () => fetch(`${app.url}/explain`, { method: 'POST', body: form })));
    for (const page of pages) {
      assert.equal(page.status, 200);
      // The form's encoding turns each line break into CR LF, so 200 KB of it holds about 68,000 lines.
      const read = /We read <!-- -->(\d+)<!-- --> <!-- -->lines/.exec(await page.text());
      assert.ok(Number(read?.[1]) > 60_000, `the page says ${read?.[0]}`);
    }
    await stillServing();
  });

  test('a post over the server actions’ limit gets 413, not 500', async () => {
    const multipart = { 'content-type': 'multipart/form-data; boundary=x' };
    for (const bytes of [actionLimit + 1, 20 * 1024 * 1024]) {
      const { status, text } = await post('/explain', { ...multipart, 'content-length': String(bytes) }, bytes);
      assert.equal(status, 413, `${bytes} bytes`);
      assert.match(text, /2 MB/);
    }
    // An action may be posted to any page, not only the ones the proxy runs for.
    const elsewhere = await post('/map', { ...multipart, 'next-action': 'x', 'content-length': String(actionLimit + 1) }, actionLimit + 1);
    assert.equal(elsewhere.status, 413, 'an action post to another page');
    await stillServing();
  });
});
