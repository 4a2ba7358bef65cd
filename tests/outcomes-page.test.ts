import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { type Beacons, Helpful, sendHelpful, sendView } from '@/app/_components/step/Outcomes';
import { CountView, outcomeParts } from '@/app/_components/step/StepOutcomes';
import { stateFromSegments } from '@/machines/url-state';
import { helpfulRow, rowsForPath } from '@/outcomes/record';
import { examplePath } from './support/outcomes-store';
import { openHref as open } from './support/journeys';

/** What a step page sends and shows for outcomes: the beacon, the pixel without JavaScript, and "Did this help?" on an ending. */

function fakeNavigator(gpc?: boolean, accepts = true) {
  const calls: { url: string; body: unknown }[] = [];
  const nav: Beacons = {
    globalPrivacyControl: gpc,
    sendBeacon: (url: string | URL, body?: BodyInit | null) => {
      calls.push({ url: String(url), body });
      return accepts;
    },
  };
  return { nav, calls };
}

describe('the beacon', () => {
  test('sends the page’s own link once per link, as a JSON string the route turns into rows', () => {
    const { nav, calls } = fakeNavigator();
    assert.equal(sendView(examplePath, nav), true);
    assert.equal(sendView(examplePath, nav), false, 'the same link again in this tab');
    assert.equal(sendView('/fix', nav), true);
    assert.equal(calls.length, 2);
    assert.equal(calls[0].url, '/api/outcomes');
    assert.equal(typeof calls[0].body, 'string', 'a string goes as text/plain; a Blob of JSON would not be sent');
    const sent = JSON.parse(calls[0].body as string);
    assert.deepEqual(Object.keys(sent), ['p'], 'the link and nothing else');
    assert.ok(rowsForPath(sent.p), 'the route accepts what the page sends');
  });

  test('a reload, or a return with Back, is not a new view; a beacon the browser refused goes next time', () => {
    const { nav, calls } = fakeNavigator();
    assert.equal(sendView('/fix/role=visitor', nav, 'reload'), false);
    assert.equal(sendView('/fix/role=owner/evidence=skip', nav, 'back_forward'), false);
    assert.equal(calls.length, 0);
    assert.equal(sendView('/fix/role=visitor', nav), false, 'the reloaded page stays counted once');
    const full = fakeNavigator(undefined, false);
    assert.equal(sendView('/fix/role=owner/evidence=skip/reach=everyone', full.nav), false, 'the browser refused it');
    assert.equal(sendView('/fix/role=owner/evidence=skip/reach=everyone', nav), true, 'so it goes when the page is shown again');
    assert.equal(calls.length, 1);
  });

  test('Global Privacy Control sends nothing', () => {
    const { nav, calls } = fakeNavigator(true);
    assert.equal(sendView('/fix/role=owner', nav), false);
    assert.equal(calls.length, 0);
  });

  test('the answer to "Did this help?" goes urlencoded; with GPC it is not sent, and a refused beacon leaves the form to post', () => {
    const { nav, calls } = fakeNavigator();
    assert.equal(sendHelpful(examplePath, 'yes', nav), true);
    assert.equal(calls[0].url, '/api/outcomes/helpful');
    assert.ok(calls[0].body instanceof URLSearchParams);
    const form = calls[0].body as URLSearchParams;
    assert.ok(helpfulRow(form.get('p'), form.get('helpful')), 'the route accepts what the page sends');
    const gpc = fakeNavigator(true);
    assert.equal(sendHelpful(examplePath, 'no', gpc.nav), true);
    assert.equal(gpc.calls.length, 0);
    assert.equal(sendHelpful(examplePath, 'no', fakeNavigator(false, false).nav), false);
  });
});

const render = (element: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(element);

describe('the step page', () => {
  const pixel = (href: string) => `<noscript><img src="/api/outcomes/pixel?p=${encodeURIComponent(href)}" alt="" width="1" height="1"`;

  test('every step is counted under its own canonical link; only an ending asks "Did this help?"', () => {
    assert.deepEqual(outcomeParts(open('/fix/role=owner'), {}), { path: '/fix/role=owner', count: true, ask: false });
    assert.deepEqual(outcomeParts(open(examplePath), {}), { path: examplePath, count: true, ask: true });
    // A jump-in link counts under the link the route accepts.
    const jump = outcomeParts(stateFromSegments(['start=php-workers']), {});
    assert.ok(rowsForPath(jump.path), `${jump.path} is refused by the route`);
  });

  test('OUTCOMES=off: no beacon, no pixel, no form', () => {
    assert.deepEqual(outcomeParts(open(examplePath), { OUTCOMES: 'off' }), { path: examplePath, count: false, ask: false });
  });

  test('the pixel is in the server-rendered HTML, inside <noscript>, for the step’s link only', () => {
    const html = render(createElement(CountView, { path: examplePath }));
    assert.ok(html.startsWith(pixel(examplePath)), html);
    assert.equal(html.match(/<img/g)?.length, 1);
  });

  /** The attributes of each `<tag …>` in the markup, in any order. */
  const tags = (html: string, tag: string) =>
    [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))].map((m) =>
      Object.fromEntries([...m[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
    );

  test('"Did this help?": a labelled plain form with two buttons and a thank-you shown at #thanks', () => {
    const html = render(createElement(Helpful, { path: examplePath }));
    assert.deepEqual(tags(html, 'section')[0], {
      id: 'thanks',
      'aria-labelledby': 'helpful-heading',
      class: tags(html, 'section')[0].class,
    });
    assert.match(html, /<h2 id="helpful-heading"[^>]*>Did this help\?<\/h2>/);
    const [form] = tags(html, 'form');
    assert.equal(form.action, '/api/outcomes/helpful');
    assert.equal(form.method, 'post');
    assert.deepEqual(tags(html, 'input'), [{ type: 'hidden', name: 'p', value: examplePath }]);
    const buttons = tags(html, 'button');
    assert.deepEqual(
      buttons.map((b) => [b.type, b.name, b.value, b.class]),
      [
        ['submit', 'helpful', 'yes', 'button-outline'],
        ['submit', 'helpful', 'no', 'button-outline'],
      ],
    );
    assert.match(html, />Yes, it helped<\/button><button[^>]*>No, it did not<\/button>/);
    // Hidden until the page is opened at #thanks (CSS :target), with or without JavaScript; the form goes then.
    assert.match(form.class, /\bgroup-target:hidden\b/);
    const thanks = tags(html, 'p').find((p) => p.id === 'thanks-text');
    assert.ok(thanks);
    assert.equal(thanks.tabindex, '-1');
    assert.match(thanks.class, /(^| )hidden group-target:block\b/);
    assert.match(html, /id="thanks-text"[^>]*>Thank you for answering\./);
    // What the buttons send is what the route stores.
    assert.ok(helpfulRow(examplePath, 'yes') && helpfulRow(examplePath, 'no'));
  });
});
