import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export interface LighthouseFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Set when Lighthouse could not measure the page at all. */
  runtimeError?: string;
}

/**
 * Lighthouse 12.2.3 with its default mobile settings (emulated phone,
 * simulated slow 4G and CPU). A run that Lighthouse itself reports as failed
 * (a runtime error, not a low score) is tried again, up to three times.
 */
export async function runLighthouse(url: string): Promise<LighthouseFigures> {
  let last: LighthouseFigures = { performance: 0, accessibility: 0, bestPractices: 0, seo: 0, lcpMs: NaN, tbtMs: NaN, cls: NaN };
  for (let attempt = 0; attempt < 3; attempt++) {
    last = await runOnce(url);
    if (!last.runtimeError) return last;
  }
  return last;
}

async function runOnce(url: string): Promise<LighthouseFigures> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
    const lhr = result!.lhr;
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    return {
      runtimeError: lhr.runtimeError?.message,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      lcpMs: lhr.audits['largest-contentful-paint'].numericValue ?? NaN,
      tbtMs: lhr.audits['total-blocking-time'].numericValue ?? NaN,
      cls: lhr.audits['cumulative-layout-shift'].numericValue ?? NaN,
    };
  } finally {
    await chrome.kill();
  }
}

/** The audits that cost points, for the report. */
export async function lighthouseFailures(url: string): Promise<string[]> {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH || '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    const lhr = (await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' }))!.lhr;
    return Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
      .map((a) => `${a.id}: ${a.title}`);
  } finally {
    await chrome.kill();
  }
}
