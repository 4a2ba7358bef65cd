import type { Browser } from 'playwright-core';

export interface Timing {
  samples: number;
  medianMs: number;
  p95Ms: number;
}

const pick = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { samples: sorted.length, medianMs: pick(sorted, 0.5), p95Ms: pick(sorted, 0.95) };
}

/**
 * Walks journeys by clicking answers, and times each from the click to the
 * next step's heading being on screen. With JavaScript, measured in the page
 * (click event to the heading changing); without, a full page load each
 * time, measured from the click to the new heading being visible.
 */
export async function stepTiming(browser: Browser, baseUrl: string, javaScriptEnabled: boolean, minimum = 50): Promise<Timing> {
  const samples: number[] = [];
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled });
  const page = await context.newPage();
  // Answer choices cycle, so the journeys differ; "fixed" ends one early, so skip it.
  for (let journey = 0; samples.length < minimum && journey < 20; journey++) {
    await page.goto(`${baseUrl}/fix`);
    if (javaScriptEnabled) {
      await page.evaluate(() => {
        const w = window as unknown as { start: number; times: number[]; last: string };
        w.times = [];
        w.last = document.querySelector('main h1')?.textContent ?? '';
        document.addEventListener('click', () => (w.start = performance.now()), true);
        new MutationObserver(() => {
          const now = document.querySelector('main h1')?.textContent ?? '';
          if (now !== w.last) {
            w.last = now;
            w.times.push(performance.now() - w.start);
          }
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    }
    for (let step = 0; step < 25; step++) {
      const answers = page.locator('#answers-heading + ul a');
      const count = await answers.count();
      if (!count) break;
      let choice = (journey + step) % count;
      if ((await answers.nth(choice).innerText()).startsWith('That fixed it') || (await answers.nth(choice).innerText()).startsWith('They fixed it'))
        choice = (choice + 1) % count;
      const before = await page.locator('main h1').innerText();
      const url = page.url();
      if (javaScriptEnabled) {
        // Half a second on each step, far less than anyone takes to read one,
        // lets the prefetch of the next steps finish as it would in real use.
        await page.waitForTimeout(Number(process.env.STEP_WAIT ?? 500));
        await answers.nth(choice).click();
        await page.waitForFunction((b) => document.querySelector('main h1')?.textContent !== b, before);
      } else {
        const t0 = performance.now();
        await answers.nth(choice).click();
        await page.waitForURL((u) => u.href !== url);
        await page.locator('main h1').waitFor();
        samples.push(performance.now() - t0);
      }
    }
    if (javaScriptEnabled) samples.push(...(await page.evaluate(() => (window as unknown as { times: number[] }).times)));
  }
  await context.close();
  return summarise(samples);
}
