import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { join } from 'node:path';
import { startApp, type AppServer } from '@/tests/support/server';
import { flood, folderBytes, residentBytes, warmUp } from '@/tests/support/flood';
import { hostileLinks } from '@/tests/support/hostile-links';
import { prerenderedAnswers } from '@/app/fix/prerender';

const MiB = 1024 * 1024;

// Enough made-up links to fill the page cache several times over (it keeps
// 24 MiB); `npm run flood` sends 10,000 and reports the figures.
const count = 1500;

describe('a flood of made-up links (production build)', () => {
  let app: AppServer;
  before(async () => {
    app = await startApp();
  });
  after(() => app?.stop());

  test('is answered without a 5xx, and grows neither the disk nor the memory without bound', async () => {
    // A real step built ahead of time, seven answers in, asked for before the flood.
    const real = `/fix/${prerenderedAnswers(7)
      .find((answers) => answers.length === 7)
      ?.join('/')}`;
    await warmUp(app.url);
    assert.equal((await fetch(`${app.url}${real}`)).headers.get('x-nextjs-cache'), 'HIT');
    const disk = await folderBytes(join(process.cwd(), '.next'));
    const memory = residentBytes(app.pid);

    const statuses = await flood(app.url, hostileLinks(count));

    const diskGrowth = (await folderBytes(join(process.cwd(), '.next'))) - disk;
    const memoryGrowth = residentBytes(app.pid) - memory;
    const unexpected = [...statuses].filter(([status]) => ![200, 308, 404].includes(status));
    assert.deepEqual(unexpected, [], `only pages, redirects and not-found pages: ${JSON.stringify([...statuses])}`);
    assert.ok(diskGrowth <= 1 * MiB, `the disk grew by ${(diskGrowth / MiB).toFixed(1)} MiB`);
    assert.ok(memoryGrowth <= 100 * MiB, `memory grew by ${(memoryGrowth / MiB).toFixed(1)} MiB`);

    // The real step is still cached: its first request after the flood is a hit.
    const after = await fetch(`${app.url}${real}`);
    assert.equal(after.status, 200);
    assert.equal(after.headers.get('x-nextjs-cache'), 'HIT', 'made-up links did not push it out');
  });

  test('a link in another form is redirected to the one its page is kept under, with what was dropped', async () => {
    const reordered = await fetch(`${app.url}/fix/reach=everyone/role=owner`, { redirect: 'manual' });
    assert.equal(reordered.status, 308);
    assert.equal(new URL(reordered.headers.get('location')!, app.url).pathname, '/fix/role=owner/reach=everyone');
    assert.equal(new URL(reordered.headers.get('location')!, app.url).search, '', 'nothing was dropped, so no note');

    const junk = await fetch(`${app.url}/fix/role=owner/junk-segment`, { redirect: 'manual' });
    assert.equal(junk.status, 308);
    const target = new URL(junk.headers.get('location')!, app.url);
    assert.equal(target.pathname, '/fix/role=owner');
    const page = await fetch(target);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('cache-control') ?? '', /no-store/, 'the note is never kept');
    const html = await page.text();
    assert.match(html, /didn’t make sense, so we left it out/);
    assert.match(html, /junk-segment/);
    assert.match(page.headers.get('content-security-policy') ?? '', /'nonce-/, 'it repeats part of a link, so it gets the strict policy');
  });

  test('a forged note names nothing that was not in a link to that page', async () => {
    const page = await fetch(`${app.url}/fix/role=owner?from=${encodeURIComponent('/fix/role=visitor/CALL-0800-HACKED')}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.doesNotMatch(html, /didn’t make sense/, 'no note is shown');
    const shown = html.replace(/<script[\s\S]*?<\/script>/g, '');
    assert.doesNotMatch(shown, /CALL-0800-HACKED/, 'the forged words are not on the page');
  });
});
