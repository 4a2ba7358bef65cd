import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildBareNext } from '@/tests/support/bare-next';
import { scriptBytes, scriptSources } from '@/tests/support/script-bytes';

/**
 * The JavaScript budget, deterministic: a step page may ship at most 20 KiB
 * of gzip-compressed script beyond a bare Next.js page built with the same
 * versions. Timings belong to `npm run bench`, not here.
 */

const budget = 20 * 1024;
let bareDir: string;
let floor: { raw: number; gzip: number };

before(async () => {
  bareDir = await buildBareNext();
  const html = await readFile(join(bareDir, '.next/server/app/index.html'), 'utf8');
  floor = await scriptBytes(bareDir, scriptSources(html));
});
after(async () => {
  if (bareDir) await rm(bareDir, { recursive: true, force: true });
});

const pages = {
  'a question': 'fix.html',
  // Seven answers deep: the deepest prerendered step (app/fix/[[...answers]]/page.tsx).
  'a deep step': 'fix/role=owner/evidence=skip/reach=everyone/error-page=not-sure/reload=broken/access=ssh/platform=debian-12.html',
  'the live-check offer': 'fix/role=owner.html',
  'a jump-in step': 'step/restart.html',
  'the landing page': 'index.html',
};

describe('JavaScript budget', () => {
  for (const [name, file] of Object.entries(pages)) {
    test(`${name} ships at most 20 KiB gzip of script beyond the bare Next.js floor`, async () => {
      const html = await readFile(join('.next/server/app', file), 'utf8');
      const sources = scriptSources(html);
      assert.ok(sources.length > 0, 'the page loads scripts');
      const ours = await scriptBytes('.', sources);
      const extra = ours.gzip - floor.gzip;
      assert.ok(floor.gzip > 30 * 1024, `the floor looks wrong: ${floor.gzip} bytes`);
      assert.ok(
        extra <= budget,
        `${name}: ${(extra / 1024).toFixed(1)} KiB gzip beyond the floor (${(ours.gzip / 1024).toFixed(1)} vs ${(floor.gzip / 1024).toFixed(1)} KiB); the budget is 20 KiB`,
      );
    });
  }
});
