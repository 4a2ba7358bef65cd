import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
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

export const labels = {
  owner: 'It’s my site, or I look after it',
  everyone: 'It’s down for everyone',
  notSure: 'None of these, or I’m not sure',
  broken: 'Still broken',
  cannot: 'I can’t do this',
  fixed: 'That fixed it: the site works',
};
