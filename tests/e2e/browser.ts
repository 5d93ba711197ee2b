// Real headless Chromium (Debian's /usr/bin/chromium) through playwright-core, with a page that
// records console errors, uncaught exceptions and every request outside the app's origin.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium.mjs';
import { inject } from 'vitest';

export { CHROMIUM } from '../../scripts/chromium.mjs';
export const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url).pathname;

export function baseUrl(): string {
  return inject('baseUrl');
}

export function launch(): Promise<Browser> {
  return launchChromium();
}

export interface Watched {
  page: Page;
  consoleErrors: string[];
  foreignRequests: string[];
}

export async function openPage(
  browser: Browser,
  path: string,
  viewport = { width: 1280, height: 800 },
  options: { locale?: string; reducedMotion?: 'reduce' | 'no-preference' } = {},
): Promise<Watched> {
  const context = await browser.newContext({
    viewport,
    locale: options.locale ?? 'en-US',
    reducedMotion: options.reducedMotion ?? 'reduce',
  });
  const page = await context.newPage();
  const origin = new URL(baseUrl()).origin;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`uncaught: ${e.message}`));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  await page.goto(new URL(path, baseUrl()).href);
  return { page, consoleErrors, foreignRequests };
}

/** Wait until the app has drawn both views (the map's basemap and the timeline's marks). */
export async function ready(page: Page): Promise<void> {
  await page.waitForSelector('[role=region] .tl [data-event-id]', { state: 'attached', timeout: 15_000 });
  await page.waitForSelector('[role=region] .leaflet-marker-pane [data-event-id]', {
    state: 'attached',
    timeout: 15_000,
  });
  await page.waitForFunction(() => document.querySelectorAll('.leaflet-pane path').length > 0, undefined, {
    timeout: 15_000,
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}${name}.png` });
}
