import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startApp, type AppServer } from './server';

/**
 * For a browser test file: the production app on a free port and one
 * Chromium, started before its tests and stopped after them. Read them
 * inside tests (`env.app.url`, `env.browser`), once `before` has run.
 */
export function appAndBrowser({ env: appEnv }: { env?: Record<string, string> } = {}): { app: AppServer; browser: Browser } {
  const env = {} as { app: AppServer; browser: Browser };
  before(async () => {
    [env.app, env.browser] = await Promise.all([startApp({ env: appEnv }), launchBrowser()]);
  });
  after(async () => {
    await env.browser?.close();
    await env.app?.stop();
  });
  return env;
}
