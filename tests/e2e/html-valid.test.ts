import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { stepIds } from '@/machines/steps';
import { stateFromSegments } from '@/machines/url-state';
import { cookieName, sessionCookie } from '@/security/insights-session';
import { journeyPages, threeEndings } from '@/tests/support/journeys';
import { startApp, type AppServer } from '@/tests/support/server';

/**
 * Every kind of page the app serves, as the production build sends it,
 * checked by the Nu Html Checker (vnu, the W3C's validator). Invalid HTML
 * is what browsers and screen readers repair each in their own way: a
 * <style> in the body, a duplicate id, a list item outside a list.
 */

const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

/** React renders a server action's form with `action=""`; the framework's, not ours. */
const allowed = ['Bad value “” for attribute “action” on element “form”: Must be non-empty.'];

/** A journey's address, and the step it must land on (so the page is the kind it claims to be). */
function journey(segments: string[], expect: string): string {
  const { step } = stateFromSegments(segments);
  assert.equal(step, expect, `/fix/${segments.join('/')} lands on ${step}, not ${expect}`);
  return `/${segments.join('/')}`;
}

const insightsPassword = 'a long team password';

const toErrorPage = ['role=owner', 'evidence=skip', 'reach=everyone'];
const toHandoff = [...toErrorPage, 'error-page=nginx', 'reload=broken', 'access=none', 'cdn=no', 'cms=none', 'contact-host=broken'];

/** Name → address. The names become file names in vnu's report. */
function pages(): Record<string, string> {
  return {
    landing: '/',
    question: '/fix',
    'evidence-question': `/fix${journey(['role=owner'], 'evidence')}`,
    'picture-question': `/fix${journey(toErrorPage, 'error-page')}`,
    'quick-fix': `/fix${journey([...toErrorPage, 'error-page=nginx'], 'reload')}`,
    ending: `/fix${journey([...toErrorPage, 'error-page=nginx', 'reload=fixed'], 'fixed')}`,
    handoff: `/fix${journey(toHandoff, 'handoff')}`,
    summary: `/summary${journey(toHandoff, 'handoff')}`,
    message: `/message${journey(toHandoff, 'handoff')}?site=example.com`,
    steps: '/steps',
    'steps-link': '/steps/link?server=nginx&cms=wordpress',
    map: '/map',
    check: '/check/role=owner',
    explain: '/explain/role=owner',
    'insights-sign-in': '/insights',
    insights: '/insights?signed-in',
    ...Object.fromEntries(stepIds.map((id) => [`step-${id}`, `/step/${id}`])),
    'not-found': '/no-such-page',
  };
}

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

function vnu(files: string[]): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    // vnu exits non-zero when it finds an error; the JSON report on stdout says which.
    execFile('java', ['-jar', vnuJar, '--format', 'json', '--stdout', ...files], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      try {
        resolve((JSON.parse(stdout) as { messages: VnuMessage[] }).messages);
      } catch {
        reject(new Error(`vnu gave no report: ${error?.message ?? ''} ${stderr}`));
      }
    });
  });
}

describe('every kind of page is valid HTML', () => {
  let app: AppServer;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'html-valid-'));
    app = await startApp({ env: { INSIGHTS_PASSWORD: insightsPassword, DATA_DIR: join(dir, 'data') } });
    // Three journeys and a vote, so /insights draws every kind of chart.
    const journeys = threeEndings();
    const post = (path: string, type: string, body: string) =>
      fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': type, 'sec-fetch-site': 'same-origin' }, body, redirect: 'manual' });
    for (const href of Object.values(journeys)) for (const p of journeyPages(href)) await post('/api/outcomes', 'application/json', JSON.stringify({ p }));
    await post('/api/outcomes/helpful', 'application/x-www-form-urlencoded', String(new URLSearchParams({ p: journeys.fixed, helpful: 'yes' })));
  });
  after(async () => {
    await app?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('the Nu Html Checker finds no error on any page', { timeout: 180_000 }, async () => {
    const files: string[] = [];
    for (const [name, path] of Object.entries(pages())) {
      // The signed-in insights page: the same page with the team's cookie.
      const signedIn = path === '/insights?signed-in';
      const res = await fetch(`${app.url}${signedIn ? '/insights' : path}`, {
        headers: signedIn ? { cookie: `${cookieName}=${sessionCookie(insightsPassword)}` } : {},
      });
      assert.equal(res.status, name === 'not-found' ? 404 : 200, path);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/, path);
      const file = join(dir, `${name}.html`);
      const html = await res.text();
      if (signedIn) assert.match(html, /How journeys ended/, 'the insights page shows its figures');
      await writeFile(file, html);
      files.push(file);
    }
    // A page with two known mistakes, checked in the same run: a checker that sees nothing would pass every page.
    const control = join(dir, 'control.html');
    await writeFile(
      control,
      '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><p id="x"></p><p id="x"></p><div><li>x</li></div></body></html>',
    );
    const messages = await vnu([...files, control]);
    const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error' || m.subType === 'fatal');
    const name = (m: VnuMessage) => m.url?.split('/').at(-1) ?? '?';
    const caught = errors.filter((m) => name(m) === 'control.html').map((m) => m.message);
    assert.ok(caught.some((m) => /Duplicate ID/.test(m)) && caught.some((m) => /“li” not allowed/.test(m)), JSON.stringify(caught));
    assert.deepEqual(
      errors
        .filter((m) => name(m) !== 'control.html' && !allowed.includes(m.message))
        .map((m) => `${name(m)}:${m.lastLine ?? '?'}: ${m.message}${m.extract ? ` [${m.extract.trim()}]` : ''}`),
      [],
    );
  });
});
