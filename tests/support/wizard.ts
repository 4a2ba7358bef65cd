import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { evaluateGuidance } from '@/tests/mdx-compile';
import { titleOf } from './content';

export async function heading(page: Page): Promise<string> {
  return (await page.locator('h1').innerText()).trim();
}

/** Clicks an answer by its visible label, waits for the next step and checks it is `nextStep`. */
export async function answer(page: Page, label: string | RegExp, nextStep: string): Promise<void> {
  const before = page.url();
  await page.getByRole('link', typeof label === 'string' ? { name: label, exact: true } : { name: label }).click();
  await page.waitForURL((url) => url.href !== before);
  await page.locator('h1').waitFor();
  assert.equal(await heading(page), await titleOf(nextStep), `after “${label}” expected step ${nextStep} at ${page.url()}`);
}

/** An answer's label, as the step's guidance file names it (its frontmatter `answers:`). */
export async function labelOf(step: string, answerId: string): Promise<string> {
  const { frontmatter } = await evaluateGuidance(`content/steps/${step}.mdx`);
  const label = frontmatter.answers?.[answerId];
  assert.ok(label, `content/steps/${step}.mdx has no label for the answer “${answerId}”`);
  return label;
}

/**
 * Answers by id, as a URL segment says it (`access=ssh`): checks the page is
 * that step, clicks the answer's label from the step's frontmatter, and
 * checks the step it leads to.
 */
export async function pick(page: Page, segment: string, nextStep: string): Promise<void> {
  const [step, id] = segment.split('=');
  assert.equal(await heading(page), await titleOf(step), `expected step ${step} before answering ${segment} at ${page.url()}`);
  await answer(page, await labelOf(step, id), nextStep);
}

/** Answers a run of steps: `[segment, next step]` pairs, as `pick` takes them. */
export async function walk(page: Page, steps: readonly (readonly [segment: string, next: string])[], each?: (step: string) => Promise<void>): Promise<void> {
  for (const [segment, next] of steps) {
    await pick(page, segment, next);
    await each?.(next);
  }
}

export const labels = {
  owner: 'It’s my site, or I look after it',
  everyone: 'It’s down for everyone',
  notSure: 'None of these, or I’m not sure',
  broken: 'Still broken',
  cannot: 'I can’t do this',
  fixed: 'That fixed it: the site works',
};
