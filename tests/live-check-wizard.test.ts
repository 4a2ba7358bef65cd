import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { recheckOffer, rememberAddress, storedAddress, type AddressStore } from '@/app/_components/live-check/recheck';
import { refusalOf, resultLinks, type CheckView } from '@/live-check/for-wizard';
import { interpret } from '@/live-check/interpret';
import type { Hop } from '@/live-check/report';
import { stateFromSegments } from '@/machines/url-state';
import { oneAnswer } from './support/check-reports';

/** What a check of https://shop.example.com/ answering with `hop` tells the wizard. */
function reading(hop: Partial<Hop>) {
  return interpret(oneAnswer(hop));
}

const nginx502 = reading({
  status: 502,
  headers: { server: 'nginx/1.22.1' },
  body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.22.1</center></body></html>',
});
const cloudflare521 = reading({
  status: 521,
  headers: { server: 'cloudflare', 'cf-ray': '8c1f2e3d4b5a6978-LHR' },
  body: '<div id="cf-wrapper"><div id="cf-error-details">Web server is down</div></div>',
});
const segments = (href: string) => href.split('/').slice(2);

describe('the result’s links into the wizard', () => {
  test('from the evidence step, “use these answers” answers it too, and the wizard moves past it', () => {
    const links = resultLinks(nginx502, ['role=owner']);
    assert.equal(stateFromSegments(['role=owner']).step, 'evidence', 'an owner is asked for evidence first');
    assert.equal(links.useHref, '/fix/role=owner/evidence=checked/reach=everyone/error-page=nginx/cdn=no/check=http-502+page-nginx+server-nginx');
    const after = stateFromSegments(segments(links.useHref));
    assert.deepEqual(after.rejected, []);
    assert.ok(after.path.some((a) => a.step === 'evidence' && a.answer === 'checked'));
    assert.notEqual(after.step, 'evidence');
    assert.notEqual(after.step, 'reach', 'the check answered “everyone or only you?” too');
    assert.equal(links.returnHref, '/fix/role=owner', 'back goes to the evidence step');
  });

  test('from any other step the result adds no evidence answer', () => {
    const links = resultLinks(nginx502, ['role=owner', 'evidence=skip']);
    assert.equal(links.useHref, '/fix/role=owner/evidence=skip/reach=everyone/error-page=nginx/cdn=no/check=http-502+page-nginx+server-nginx');
    assert.equal(links.returnHref, '/fix/role=owner/evidence=skip');
  });

  test('the suggested answers replace earlier ones, and an earlier result', () => {
    const links = resultLinks(nginx502, ['role=owner', 'evidence=skip', 'reach=only-me', 'error-page=browser', 'check=up']);
    assert.equal(links.useHref, '/fix/role=owner/evidence=skip/reach=everyone/error-page=nginx/cdn=no/check=http-502+page-nginx+server-nginx');
  });

  test('a Cloudflare 521 answers the error page and its number', () => {
    const links = resultLinks(cloudflare521, ['role=owner']);
    assert.equal(
      links.useHref,
      '/fix/role=owner/evidence=checked/reach=everyone/error-page=cloudflare-52x/cf-code=521/cdn=yes/check=http-521+page-cloudflare+cdn-cloudflare',
    );
    const after = stateFromSegments(segments(links.useHref));
    assert.deepEqual(after.rejected, []);
    assert.equal(after.context.facts.cfCode, '521');
  });
});

describe('what typed addresses get before any check runs', () => {
  test('an address that is not a web address gets today’s message; a fine one none', () => {
    assert.match(refusalOf('my site')?.error ?? '', /no spaces/);
    assert.equal(refusalOf('my site')?.input, 'my site');
    assert.match(refusalOf('gopher://example.com/')?.error ?? '', /“gopher:”/);
    assert.match(refusalOf('')?.error ?? '', /Type your site’s address/);
    assert.equal(refusalOf('example.com'), undefined);
  });
});

/** A Storage that keeps its items in a map, and can be made to fail. */
function memoryStore(failing = false): AddressStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  const guard = () => {
    if (failing) throw new DOMException('blocked', 'SecurityError');
  };
  return {
    items,
    getItem: (k) => {
      guard();
      return items.get(k) ?? null;
    },
    setItem: (k, v) => {
      guard();
      items.set(k, v);
    },
    removeItem: (k) => {
      guard();
      items.delete(k);
    },
  };
}

const view = (over: Partial<CheckView>): CheckView => ({
  url: 'https://shop.example.com/',
  checkedAt: '2026-11-26T10:00:00.000Z',
  totalMs: 300,
  tone: 'good',
  verdict: 'Your site loads for us',
  explanation: '',
  findings: [],
  suggestions: [],
  tokens: ['up'],
  useHref: '/fix',
  returnHref: '/fix',
  ...over,
});

describe('checking again from a fix page', () => {
  const hrefs = { fixedHref: '/fix/role=owner/proxy=fixed', brokenHref: '/fix/role=owner/proxy=broken' };

  test('a site that loads offers the page’s “fixed” answer', () => {
    assert.deepEqual(recheckOffer({ state: { view: view({}) } }, hrefs), {
      line: 'Your site loads for us.',
      href: hrefs.fixedHref,
      action: 'Tell the wizard it’s fixed',
    });
  });

  test('a site that still fails offers “broken”, with the verdict', () => {
    const failing = view({ tone: 'bad', verdict: 'Your site is down for everyone: Nginx can’t reach what runs your site', tokens: ['http-502', 'page-nginx'] });
    assert.deepEqual(recheckOffer({ state: { view: failing } }, hrefs), {
      line: 'Your site is down for everyone: Nginx can’t reach what runs your site.',
      href: hrefs.brokenHref,
      action: 'Tell the wizard it’s still broken',
    });
    // A page without that answer: the verdict alone.
    assert.deepEqual(recheckOffer({ state: { view: failing } }, {}), {
      line: 'Your site is down for everyone: Nginx can’t reach what runs your site.',
      href: undefined,
      action: undefined,
    });
  });

  test('a result that says nothing either way, a refusal and a check that could not run offer no answer', () => {
    const blocked = view({ tone: 'unsure', verdict: 'Your site answered “403 Forbidden”', tokens: ['http-403'] });
    assert.deepEqual(recheckOffer({ state: { view: blocked } }, hrefs), { line: 'Your site answered “403 Forbidden”.' });
    assert.deepEqual(recheckOffer({ state: { error: 'Please wait 30 seconds and try again.' } }, hrefs), { line: 'Please wait 30 seconds and try again.' });
    assert.deepEqual(recheckOffer({ problem: 'We could not reach our own server (Failed to fetch).' }, hrefs), {
      line: 'We could not reach our own server (Failed to fetch). Try again in a moment.',
    });
    assert.equal(recheckOffer({}, hrefs), undefined);
  });

  test('only a checked web address is kept, only under its key, and storage that fails is no error', () => {
    const store = memoryStore();
    assert.equal(storedAddress(store), undefined, 'nothing checked in this tab yet: no offer');
    rememberAddress(store, 'https://shop.example.com/');
    assert.equal(storedAddress(store), 'https://shop.example.com/');
    assert.deepEqual([...store.items.values()], ['https://shop.example.com/'], 'the address and nothing else');

    rememberAddress(store, 'javascript:alert(1)');
    assert.equal(storedAddress(store), 'https://shop.example.com/', 'not a web address: not kept');
    store.items.set([...store.items.keys()][0], 'javascript:alert(1)');
    assert.equal(storedAddress(store), undefined, 'something else under the key is dropped');
    assert.equal(store.items.size, 0);

    const blocked = memoryStore(true);
    assert.doesNotThrow(() => rememberAddress(blocked, 'https://shop.example.com/'));
    assert.equal(storedAddress(blocked), undefined);
    assert.equal(storedAddress(undefined), undefined);
  });
});
