import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { guidanceComponents } from '@/app/_components/guidance';
import type { Facts } from '@/machines/facts';
import { stepIds, stepMeta } from '@/machines/steps';
import { evaluateGuidance } from './mdx-compile';

const dir = 'content/steps';
const files = readdirSync(dir).filter((f) => f.endsWith('.mdx'));
const guidanceNames = stepIds.map((id) => stepMeta(id).guidance);

/** Situations the guidance must read well in: nothing known, and two real setups. */
const situations: Facts[] = [
  {},
  { role: 'owner', reach: 'everyone', access: 'ssh', cdn: 'yes', cms: 'wordpress', server: 'nginx' },
  { role: 'owner', reach: 'only-me', access: 'panel', cdn: 'no', cms: 'none', server: 'apache' },
];

describe('guidance content', () => {
  test('every step has a guidance file', () => {
    assert.deepEqual(guidanceNames.filter((name) => !files.includes(`${name}.mdx`)), []);
  });

  test('no guidance file is orphaned', () => {
    assert.deepEqual(files.filter((f) => !guidanceNames.includes(f.replace(/\.mdx$/, ''))), []);
  });

  for (const file of files) {
    test(`${file}: valid MDX and frontmatter, renders in every situation`, async () => {
      const { Content, frontmatter } = await evaluateGuidance(`${dir}/${file}`);
      if (stepMeta(file.replace(/\.mdx$/, '')).kind === 'question') assert.equal(frontmatter.minutes, 0);
      for (const facts of situations) {
        const html = renderToStaticMarkup(createElement(Content, { components: guidanceComponents(facts) }));
        assert.ok(html.length > 200, `${file} renders almost nothing`);
        assert.doesNotMatch(html, /<h1/, `${file}: the page already has the h1`);
      }
    });
  }

  test('<Panel /> never starts a sentence, since it renders in lower case', async () => {
    const { readFile } = await import('node:fs/promises');
    for (const file of files) {
      const source = await readFile(`${dir}/${file}`, 'utf8');
      assert.doesNotMatch(source, /(^|[.!?]\**\s+|^\s*\d+\.\s+|^\s*[-*]\s+)<Panel \/>/m, file);
    }
  });

  test('step titles are unique, so every page and history entry can be told apart', async () => {
    const titles = await Promise.all(files.map(async (f) => (await evaluateGuidance(`${dir}/${f}`)).frontmatter.title));
    assert.equal(new Set(titles).size, titles.length);
  });

  test('guidance adapts to the web server: Apache guidance is hidden from Nginx users', async () => {
    const { Content } = await evaluateGuidance(`${dir}/restart.mdx`);
    const render = (facts: Facts) => renderToStaticMarkup(createElement(Content, { components: guidanceComponents(facts) }));
    const nginx = render({ access: 'ssh', server: 'nginx' });
    const unknown = render({ access: 'ssh', server: 'not-sure' });
    assert.match(nginx, /restart nginx/);
    assert.doesNotMatch(nginx, /apache2/);
    assert.match(unknown, /restart nginx/);
    assert.match(unknown, /apache2/);
  });
});

describe('guidance that adapts to evidence', () => {
  test('commands use the PHP version a log line revealed', async () => {
    const { Content } = await evaluateGuidance(`${dir}/restart.mdx`);
    const html = renderToStaticMarkup(createElement(Content, { components: guidanceComponents({ access: 'ssh', server: 'nginx', php: '8.1' }) }));
    assert.match(html, /restart php8\.1-fpm/);
    assert.doesNotMatch(html, /restart php8\.2-fpm/);
  });
});
