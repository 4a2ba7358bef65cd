import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { closeOutcomes, currentOutcomes, openOutcomes } from '@/outcomes/index';
import { getPixel, gif, postHelpful, postOutcome } from '@/outcomes/routes';
import { counts, examplePath } from './support/outcomes-store';

let dir = '';
const saved = { ...process.env };
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outcomes-'));
  Object.assign(process.env, { DATA_DIR: dir, DATABASE_URL: '', OUTCOMES: '', OUTCOMES_RATE_LIMIT: '1000' });
  assert.ok(await openOutcomes());
});
after(async () => {
  await closeOutcomes();
  process.env = saved;
  await rm(dir, { recursive: true, force: true });
});

const stored = async () => counts(currentOutcomes()!.store);
function post(body: string, headers: Record<string, string> = {}) {
  return postOutcome(
    new Request('http://127.0.0.1:3000/api/outcomes', {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/plain;charset=UTF-8', host: '127.0.0.1:3000', 'sec-fetch-site': 'same-origin', ...headers },
    }),
  );
}

describe('POST /api/outcomes', () => {
  test('a beacon of the example path is stored before the 204', async () => {
    const before = await stored();
    const response = await post(JSON.stringify({ p: examplePath }));
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await stored(), { views: before.views + 1, outcomes: before.outcomes + 1, votes: 0 });
  });

  test('JSON and a form body are accepted too', async () => {
    assert.equal((await post(JSON.stringify({ p: '/fix' }), { 'content-type': 'application/json' })).status, 204);
    assert.equal((await post(new URLSearchParams({ p: '/fix/role=owner' }).toString(), { 'content-type': 'application/x-www-form-urlencoded' })).status, 204);
  });

  test('unknown steps, answers, tampered paths and bodies without p are 400 and store nothing', async () => {
    const before = await stored();
    for (const body of ['{"p":"/fix/made-up=yes"}', '{"p":"/fix/role=admin"}', '{"p":"/fix/reach=everyone/role=owner"}', '{}', '[]', 'not json', '{"p":42}']) {
      assert.equal((await post(body)).status, 400, body);
    }
    assert.deepEqual(await stored(), before);
  });

  test('a body over 4 KiB is 413, declared or not', async () => {
    const big = JSON.stringify({ p: `/fix/${'x'.repeat(4096)}` });
    assert.equal((await post(big)).status, 413);
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const response = await postOutcome(
      new Request('http://127.0.0.1:3000/api/outcomes', {
        method: 'POST',
        body: stream,
        duplex: 'half',
        headers: { 'content-type': 'text/plain' },
      } as RequestInit),
    );
    assert.equal(response.status, 413);
  });

  test('another site’s page is 403; another content type is 415', async () => {
    const body = JSON.stringify({ p: '/fix' });
    assert.equal((await post(body, { 'sec-fetch-site': 'cross-site' })).status, 403);
    assert.equal((await post(body, { 'content-type': 'multipart/form-data; boundary=x' })).status, 415);
  });

  test('Global Privacy Control gets the usual answer and nothing is stored', async () => {
    const before = await stored();
    assert.equal((await post(JSON.stringify({ p: examplePath }), { 'sec-gpc': '1' })).status, 204);
    assert.deepEqual(await stored(), before);
  });

  test('past the rate limit: 429 with Retry-After, nothing stored', async () => {
    process.env.OUTCOMES_RATE_LIMIT = '3';
    try {
      const headers = { 'x-forwarded-for': '198.51.100.9' };
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await post(JSON.stringify({ p: '/fix' }), headers)).status);
      assert.deepEqual(statuses, [204, 204, 204, 429, 429]);
      const refused = await post(JSON.stringify({ p: '/fix' }), headers);
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    } finally {
      process.env.OUTCOMES_RATE_LIMIT = '1000';
    }
  });

  test('OUTCOMES=off is 404', async () => {
    process.env.OUTCOMES = 'off';
    try {
      assert.equal((await post(JSON.stringify({ p: '/fix' }))).status, 404);
    } finally {
      process.env.OUTCOMES = '';
    }
  });
});

describe('GET /api/outcomes/pixel', () => {
  test('the image request stores the view and answers the 43-byte GIF, kept by that browser only', async () => {
    const before = await stored();
    const response = await getPixel(new Request(`http://127.0.0.1:3000/api/outcomes/pixel?p=${encodeURIComponent(examplePath)}`));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/gif');
    // The reload after "Did this help?" shows the page again: its pixel comes from the browser's cache, not counted twice.
    assert.equal(response.headers.get('cache-control'), 'private, max-age=3600');
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.equal(bytes.length, 43);
    assert.deepEqual(bytes, gif);
    assert.equal(bytes.subarray(0, 6).toString(), 'GIF89a');
    assert.equal((await stored()).outcomes, before.outcomes + 1);
  });

  test('an invalid path is 400 with the same GIF', async () => {
    const response = await getPixel(new Request('http://127.0.0.1:3000/api/outcomes/pixel?p=/fix/role=admin'));
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(Buffer.from(await response.arrayBuffer()).length, 43);
  });
});

describe('POST /api/outcomes/helpful', () => {
  function vote(fields: Record<string, string>, headers: Record<string, string> = {}) {
    return postHelpful(
      new Request('http://127.0.0.1:3000/api/outcomes/helpful', {
        method: 'POST',
        body: new URLSearchParams(fields).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', host: '127.0.0.1:3000', 'sec-fetch-site': 'same-origin', ...headers },
      }),
    );
  }
  const votes = async () =>
    currentOutcomes()!.store.query<{ ending: string; fixed_by: string; answer: string; votes: number }>(
      'SELECT ending, fixed_by, answer, votes FROM helpful ORDER BY answer',
    );

  test('a yes and a no on an ending are stored and answered with a 303 back to the page’s thank-you', async () => {
    const yes = await vote({ p: examplePath, helpful: 'yes' });
    assert.equal(yes.status, 303);
    assert.equal(yes.headers.get('location'), `${examplePath}#thanks`);
    assert.equal(yes.headers.get('cache-control'), 'no-store');
    assert.equal((await vote({ p: examplePath, helpful: 'no' })).status, 303);
    // The page's own beacon is no navigation: stored, and 204 rather than a redirect it would follow.
    const beacon = await vote({ p: examplePath, helpful: 'yes' }, { 'sec-fetch-mode': 'no-cors' });
    assert.equal(beacon.status, 204);
    assert.equal(beacon.headers.get('location'), null);
    assert.deepEqual(
      (await votes()).map((r) => ({ ...r, votes: Number(r.votes) })),
      [
        { ending: 'fixed', fixed_by: 'php-workers', answer: 'no', votes: 1 },
        { ending: 'fixed', fixed_by: 'php-workers', answer: 'yes', votes: 2 },
      ],
    );
  });

  test('a page that is no ending, another answer, a missing field or a made-up link is 400 and stores nothing', async () => {
    const before = await stored();
    const cases: Record<string, string>[] = [
      { p: '/fix', helpful: 'yes' },
      { p: '/fix/role=owner', helpful: 'no' },
      { p: examplePath, helpful: 'maybe' },
      { p: examplePath },
      { helpful: 'yes' },
      { p: `${examplePath}/x=y`, helpful: 'yes' },
      { p: 'https://elsewhere.example/fix', helpful: 'yes' },
    ];
    for (const fields of cases) {
      const response = await vote(fields);
      assert.equal(response.status, 400, JSON.stringify(fields));
      assert.equal(response.headers.get('location'), null);
      assert.match(await response.text(), /does not belong/);
    }
    assert.deepEqual(await stored(), before);
  });

  test('the same guards: another site 403, JSON 415, a large body 413, GPC redirects and stores nothing, OUTCOMES=off 404', async () => {
    const before = await stored();
    assert.equal((await vote({ p: examplePath, helpful: 'yes' }, { 'sec-fetch-site': 'cross-site' })).status, 403);
    assert.equal((await vote({ p: examplePath, helpful: 'yes' }, { 'content-type': 'application/json' })).status, 415);
    assert.equal((await vote({ p: examplePath, helpful: 'yes', pad: 'x'.repeat(4096) })).status, 413);
    const gpc = await vote({ p: examplePath, helpful: 'yes' }, { 'sec-gpc': '1' });
    assert.equal(gpc.status, 303);
    assert.equal(gpc.headers.get('location'), `${examplePath}#thanks`);
    assert.deepEqual(await stored(), before);
    process.env.OUTCOMES = 'off';
    try {
      assert.equal((await vote({ p: examplePath, helpful: 'yes' })).status, 404);
    } finally {
      process.env.OUTCOMES = '';
    }
    assert.deepEqual(await stored(), before);
  });

  test('past the rate limit: 429 with Retry-After and a sentence, no redirect', async () => {
    process.env.OUTCOMES_RATE_LIMIT = '2';
    try {
      const headers = { 'x-forwarded-for': '198.51.100.77' };
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await vote({ p: examplePath, helpful: 'yes' }, headers)).status);
      assert.deepEqual(statuses, [303, 303, 429]);
      const refused = await vote({ p: examplePath, helpful: 'no' }, headers);
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
      assert.match(await refused.text(), /Too many answers/);
    } finally {
      process.env.OUTCOMES_RATE_LIMIT = '1000';
    }
  });
});
