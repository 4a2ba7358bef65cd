import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { judgeLink, repairNote } from '@/security/canonical-links';
import { recognisers } from '@/evidence/log-lines';

const none = new URLSearchParams();
const [first, second] = recognisers.map((r) => r.id);

describe('every page is kept under one link', () => {
  test('a link in its one form is served as it is', () => {
    assert.deepEqual(judgeLink('/fix/role=owner/reach=everyone', none), { kind: 'canonical' });
    assert.deepEqual(judgeLink('/map', none), { kind: 'canonical' }, 'other pages are not wizard links');
  });

  test('answers reordered, or in capitals, redirect without a note: nothing was dropped', () => {
    assert.deepEqual(judgeLink('/fix/reach=everyone/role=owner', none), { kind: 'redirect', location: '/fix/role=owner/reach=everyone' });
    assert.deepEqual(judgeLink('/summary/ROLE=OWNER', none), { kind: 'redirect', location: '/summary/role=owner' });
  });

  test('lists of findings in another order, repeated, or a PHP version spelt another way, are the same link', () => {
    assert.deepEqual(judgeLink(`/fix/role=owner/found=${first}+${second}`, none), { kind: 'canonical' });
    assert.deepEqual(judgeLink(`/fix/role=owner/found=${second}+${first}+${second}`, none), {
      kind: 'redirect',
      location: `/fix/role=owner/found=${first}+${second}`,
    });
    assert.deepEqual(judgeLink('/fix/role=owner/php=08.01', none), { kind: 'redirect', location: '/fix/role=owner/php=8.1' });
    assert.deepEqual(judgeLink('/fix/role=owner/check=server-nginx+http-502', none), {
      kind: 'redirect',
      location: '/fix/role=owner/check=http-502+server-nginx',
    });
  });

  test('a link with parts left out redirects with the original, for the note', () => {
    const verdict = judgeLink('/fix/role=owner/junk', none);
    assert.equal(verdict.kind, 'redirect');
    const target = new URL(verdict.kind === 'redirect' ? verdict.location : '', 'http://x');
    assert.equal(target.pathname, '/fix/role=owner');
    assert.equal(target.searchParams.get('from'), '/fix/role=owner/junk');
    assert.deepEqual(judgeLink(target.pathname, target.searchParams), { kind: 'repaired', rewrite: '/repaired/fix/role=owner' });
  });

  test('an empty or forged ?from= never makes a page rendered per request with words from it', () => {
    assert.deepEqual(judgeLink('/fix/role=owner', new URLSearchParams('from=')), { kind: 'canonical' }, 'empty: the cached page');
    assert.deepEqual(judgeLink('/fix/role=owner', new URLSearchParams('from')), { kind: 'canonical' });
    // On a link that is not in its one form, a ?from= is replaced by the link's own.
    const forged = judgeLink('/fix/CALL-0800-HACKED', new URLSearchParams({ from: '/fix/WIRE-MONEY' }));
    assert.equal(forged.kind, 'redirect');
    assert.doesNotMatch(forged.kind === 'redirect' ? decodeURIComponent(forged.location) : '', /WIRE-MONEY/);
    // A note only for an original that really leads to the page.
    assert.equal(repairNote('/fix/role=owner', '/fix/role=visitor/junk'), null);
    assert.equal(repairNote('/fix/role=owner', '/summary/role=owner/junk'), null);
    assert.deepEqual(
      repairNote('/fix/role=owner', '/fix/role=owner/junk')?.rejected.map((r) => r.segment),
      ['junk'],
    );
  });
});
