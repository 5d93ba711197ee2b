// Real headless Chromium (Debian's /usr/bin/chromium) through playwright-core, with a page that
// records console errors, uncaught exceptions and every request outside the app's origin.
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium.mjs';
import { inject, onTestFinished } from 'vitest';

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

export interface PageOptions {
  locale?: string;
  reducedMotion?: 'reduce' | 'no-preference';
  timezoneId?: string;
  /** A context of its own, closed with the page: a first visit, with cold caches. */
  fresh?: boolean;
}

/** One context per browser and options, whose pages record the requests leaving the app's origin. */
interface Shared {
  context: BrowserContext;
  foreign: Map<Page, string[]>;
}
const shared = new WeakMap<Browser, Map<string, Promise<Shared>>>();

function sharedContext(browser: Browser, o: Required<Pick<PageOptions, 'locale' | 'reducedMotion'>> & PageOptions) {
  let byKey = shared.get(browser);
  if (!byKey) shared.set(browser, (byKey = new Map()));
  const key = `${o.locale}|${o.reducedMotion}|${o.timezoneId ?? ''}`;
  let made = o.fresh ? undefined : byKey.get(key);
  if (!made) {
    made = (async () => {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        locale: o.locale,
        reducedMotion: o.reducedMotion,
        ...(o.timezoneId ? { timezoneId: o.timezoneId } : {}),
      });
      const foreign = new Map<Page, string[]>();
      const origin = new URL(baseUrl()).origin;
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin)
          return route.continue();
        let page: Page | null = null;
        try {
          page = route.request().frame().page();
        } catch {
          /* a worker's request: charged to every open page below */
        }
        for (const [p, list] of foreign) if (!page || p === page) list.push(url);
        return route.abort();
      });
      if (!o.fresh) {
        context.on('close', () => byKey.delete(key));
        // A page of the app's origin kept open: the next pages join its renderer process, which has
        // already loaded the fonts and the time-zone data and compiled the code (about 1 s a page here).
        const keeper = await context.newPage();
        await keeper.goto(new URL('favicon.svg', baseUrl()).href);
      }
      return { context, foreign };
    })();
    if (!o.fresh) byKey.set(key, made);
  }
  return made;
}

/**
 * Opens `path` in a new page of a context shared by the file's tests with the same options: the pages
 * of one file share the browser's caches (compiled code, fonts, time-zone data), as a returning
 * reader's do, so a test waits for the app rather than for a cold browser. The page closes when the
 * test ends, passed or failed. Tests that need a cold start, or other context options, make their own.
 */
export async function openPage(
  browser: Browser,
  path: string,
  viewport = { width: 1280, height: 800 },
  options: PageOptions = {},
): Promise<Watched> {
  const { context, foreign } = await sharedContext(browser, {
    ...options,
    locale: options.locale ?? 'en-US',
    reducedMotion: options.reducedMotion ?? 'reduce',
  });
  const page = await context.newPage();
  try {
    onTestFinished(() => (options.fresh ? context.close() : page.close()));
  } catch {
    /* opened outside a test (beforeAll): the caller closes it */
  }
  await page.setViewportSize(viewport);
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  foreign.set(page, foreignRequests);
  page.on('close', () => foreign.delete(page));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`uncaught: ${e.message}`));
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
  // A comparison's lanes come with their own code, loaded when the comparison opens.
  if (new URL(page.url()).searchParams.has('compare'))
    await page.waitForSelector('[role=region] .tl-compare .tl-cmp-lane', { state: 'attached', timeout: 15_000 });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}${name}.png` });
}
