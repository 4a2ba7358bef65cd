import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { errorPageDrawings } from '@/app/_components/error-pages/drawings';
import { guidanceComponents } from '@/app/_components/guidance';
import { sshFoldLabel } from '@/app/_components/guidance/conditional';
import type { Facts } from '@/machines/facts';
import { stepIds, stepMeta } from '@/machines/steps';
import { outsideSshFolds, renderStep, serverCommandsIn, textOf } from './support/content';
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
    assert.deepEqual(
      guidanceNames.filter((name) => !files.includes(`${name}.mdx`)),
      [],
    );
  });

  test('no guidance file is orphaned', () => {
    assert.deepEqual(
      files.filter((f) => !guidanceNames.includes(f.replace(/\.mdx$/, ''))),
      [],
    );
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

/** The machine's step for a guidance file, if the machine has one yet. */
const stepFor = (name: string) => stepIds.find((id) => stepMeta(id).guidance === name);
const names = files.map((f) => f.replace(/\.mdx$/, ''));

describe('answer labels live in the frontmatter', () => {
  for (const name of names) {
    test(`${name}: the frontmatter labels exactly the machine’s answers, in its order`, async () => {
      const step = stepFor(name);
      assert.ok(step, `${name}.mdx has no step in the machine yet`);
      const { frontmatter } = await evaluateGuidance(`${dir}/${name}.mdx`);
      const meta = stepMeta(step);
      if (meta.kind === 'ending') {
        assert.equal(frontmatter.answers, undefined, 'an ending has no answers');
        return;
      }
      assert.deepEqual(
        Object.keys(frontmatter.answers ?? {}),
        meta.answers.map((a) => a.id),
      );
    });
  }

  test('every error page a person can pick has a drawing and a description', async () => {
    const { frontmatter } = await evaluateGuidance(`${dir}/error-page.mdx`);
    for (const id of Object.keys(frontmatter.answers ?? {})) {
      const picture = errorPageDrawings[id];
      assert.ok(picture, `no drawing for ${id}`);
      assert.ok(picture.description.length > 20, `no description for ${id}`);
    }
  });
});

describe('server commands reach only people who can run them', () => {
  const panel: Facts = { role: 'owner', access: 'panel' };
  const none: Facts = { role: 'owner', access: 'none' };

  for (const name of names) {
    test(`${name}: a panel-only person sees no server command outside the SSH fold`, async () => {
      assert.deepEqual(serverCommandsIn(outsideSshFolds(await renderStep(name, panel)), { panel: true }), []);
    });

    test(`${name}: a person without access sees no server command at all`, async () => {
      const html = await renderStep(name, none);
      assert.doesNotMatch(html, /data-fold="ssh"/);
      assert.deepEqual(serverCommandsIn(html), []);
    });
  }

  test('the SSH fold holds the commands for panel users and unknown access, and opens up for SSH users', async () => {
    const ssh = await renderStep('server-health', { role: 'owner', access: 'ssh' });
    const forPanel = await renderStep('server-health', panel);
    const unknown = await renderStep('server-health', {});
    const withoutAccess = await renderStep('server-health', none);

    assert.match(ssh, /sudo reboot/);
    assert.doesNotMatch(ssh, /data-fold="ssh"/);
    assert.ok(serverCommandsIn(ssh).length > 0, 'SSH users see the commands in place');

    for (const html of [forPanel, unknown]) {
      assert.ok(html.includes(sshFoldLabel), 'the fold says who its commands are for');
      assert.match(html, /sudo reboot/);
      assert.doesNotMatch(outsideSshFolds(html), /sudo reboot/);
    }
    assert.doesNotMatch(withoutAccess, /sudo reboot|If you also have SSH/);
  });
});

describe('every fix ends by saying how to tell it worked', () => {
  const fixSteps = stepIds.filter((id) => stepMeta(id).kind === 'fix');
  const people: Facts[] = [{}, { role: 'owner', access: 'ssh' }, { role: 'owner', access: 'panel' }, { role: 'owner', access: 'none' }];

  for (const step of fixSteps) {
    test(`${step}: “How to tell it worked” is its last heading, with a check under it`, async () => {
      for (const facts of people) {
        const html = await renderStep(stepMeta(step).guidance, facts);
        const heading = html.indexOf('<h2 id="did-it-work">How to tell it worked</h2>');
        assert.ok(heading !== -1, `no check for ${JSON.stringify(facts)}`);
        assert.equal(html.lastIndexOf('<h2'), heading, 'nothing comes after the check');
        assert.ok(textOf(html.slice(heading)).length > 120, `the check says too little for ${JSON.stringify(facts)}`);
      }
    });
  }
});

describe('commands follow the PHP version a log line revealed', () => {
  test('fenced blocks and inline code use it, not only <Command>', async () => {
    const html = await renderStep('proxy', { access: 'ssh', server: 'nginx', platform: 'debian-12', php: '8.3' });
    assert.match(html, /<code>\/etc\/php\/8\.3\/fpm\/pool\.d\/www\.conf<\/code>/, 'inline code');
    assert.doesNotMatch(html, /php8\.2-fpm|php-fpm8\.2|\/etc\/php\/8\.2\//);
  });

  test('Nginx is pointed at Debian’s version-free socket, which survives a PHP upgrade', async () => {
    const html = await renderStep('proxy', { access: 'ssh', server: 'nginx', platform: 'debian-13' });
    assert.match(html, /fastcgi_pass unix:\/run\/php\/php-fpm\.sock;/, 'the fenced Nginx block');
  });
});
