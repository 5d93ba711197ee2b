// What the first load fetches (issue 8): the default view asks for no chunk of a mode it does not
// show (other languages, present, compare, export, share, importers, the zod schemas, dense-map
// clustering). A French reader gets the French strings with the data, so the first paint is French;
// a dense dataset fetches the clustering chunk. Chunks are told by their file names without the hash
// (`fr-<hash>.js`), and by a string only their code holds; the build is checked to have each of them,
// so a renamed or merged chunk fails here rather than passing unseen.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../scripts/bench/generate.mjs';
import { firstLoadFiles } from '../../scripts/size-budget.mjs';
import { baseUrl, launch, openPage, ready } from './browser';

const DIST = process.env.ITINERA_DIST ?? fileURLToPath(new URL('../../dist', import.meta.url));
const ASSETS = readdirSync(`${DIST}/assets`);
/** `assets/fr-AbC123.js` → `fr`. */
const chunkName = (file: string) => file.replace(/^.*\//, '').replace(/-[\w-]{8}\.(js|css)$/, '');

/** Chunks the default view must not fetch: each is a mode, a language or a tool loaded on demand. */
const ON_DEMAND = [
  'fr',
  'ko',
  'ru',
  'present-mode',
  'speaker-view',
  'print-view',
  'compare-table',
  'timeline-compare',
  'leg-details',
  'itinerary-table',
  'share-dialog',
  'export-image',
  'to-csv',
  'to-geojson',
  'dataset-to-raw',
  'load-text',
  'papaparse.min',
  'restore',
  'place-clusters',
  'problems-panel',
];
/** Strings only the code of a lazy chunk holds (library internals, translated text). */
const MARKERS = {
  zod: '$ZodError',
  supercluster: 'getClusterExpansionZoom',
  french: 'Zoom arrière',
  korean: '타임라인',
  russian: 'Карта',
};

const FIXTURE = new URL('../fixtures/first-load-10k.json', import.meta.url);
let browser: Browser;
beforeAll(async () => {
  writeFileSync(FIXTURE, JSON.stringify(generateDataset(10_000)));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(FIXTURE, { force: true });
});

interface Fetched {
  name: string;
  body: string;
}

/** Opens a page and records every script and stylesheet of the app it fetches, with its text. */
async function openRecording(path: string, options?: { locale?: string }) {
  const fetched: Fetched[] = [];
  const pending: Promise<void>[] = [];
  const watched = await openPage(browser, 'about:blank', undefined, { ...options, fresh: true });
  watched.page.on('response', (res) => {
    const url = new URL(res.url());
    if (!/\/assets\/[^/]+\.(js|css)$/.test(url.pathname)) return;
    pending.push(
      res.text().then(
        (body) => void fetched.push({ name: chunkName(url.pathname), body }),
        () => void fetched.push({ name: chunkName(url.pathname), body: '' }),
      ),
    );
  });
  await watched.page.addInitScript(recordHeaderAtEveryChange);
  await watched.page.goto(new URL(path, baseUrl()).href);
  return {
    ...watched,
    async fetched() {
      await Promise.all(pending);
      return fetched;
    },
  };
}

/**
 * In the page, before the app's code: after every change of the DOM (before the browser can paint
 * it), the text of the event count and the share button, and whether the map is drawn.
 */
function recordHeaderAtEveryChange() {
  const seen: { count: string; share: string; map: boolean }[] = [];
  (window as unknown as { __header: typeof seen }).__header = seen;
  new MutationObserver(() => {
    const count = document.querySelector('[data-testid=event-count]');
    if (!count) return;
    const state = {
      count: count.textContent ?? '',
      share: document.querySelector('.share-button')?.textContent ?? '',
      map: !!document.querySelector('.leaflet-container'),
    };
    const last = seen[seen.length - 1];
    if (!last || last.count !== state.count || last.share !== state.share || last.map !== state.map) seen.push(state);
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

const headerStates = (page: Page) =>
  page.evaluate(() => (window as unknown as { __header: { count: string; share: string; map: boolean }[] }).__header);

describe('the first load', () => {
  it('has every on-demand chunk in the build, each outside the first load', () => {
    const names = new Set(ASSETS.map(chunkName));
    const missing = ON_DEMAND.filter((n) => !names.has(n));
    expect(missing, 'chunks renamed or merged: update ON_DEMAND').toEqual([]);
    // The first load: the entry, the app chunk it starts with a modulepreload link, what they import.
    const first = firstLoadFiles(DIST).filter((f) => f.endsWith('.js'));
    expect(first.map(chunkName)).toEqual(expect.arrayContaining(['index', 'mount']));
    for (const [what, marker] of Object.entries(MARKERS)) {
      for (const file of first)
        expect(readFileSync(file, 'utf8').includes(marker), `${what} is in ${chunkName(file)}, of the first load`).toBe(
          false,
        );
      expect(
        ASSETS.some((f) => f.endsWith('.js') && readFileSync(`${DIST}/assets/${f}`, 'utf8').includes(marker)),
        `${what}: no chunk holds ${marker}`,
      ).toBe(true);
    }
  });

  it('of the default view fetches no chunk of a mode, a language or a tool it does not show', async () => {
    const { page, consoleErrors, fetched } = await openRecording('./', { locale: 'en-US' });
    await ready(page);
    const files = await fetched();
    expect(files.map((f) => f.name)).toContain('index');
    expect(files.map((f) => f.name).filter((n) => ON_DEMAND.includes(n))).toEqual([]);
    for (const [what, marker] of Object.entries(MARKERS))
      expect(
        files.filter((f) => f.body.includes(marker)).map((f) => f.name),
        `${what} was fetched`,
      ).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('in French (lang=fr) fetches the French strings with the data and paints French from the first frame', async () => {
    const { page, consoleErrors, fetched } = await openRecording('./?lang=fr', { locale: 'en-US' });
    await ready(page);
    const names = (await fetched()).map((f) => f.name);
    expect(names).toContain('fr');
    expect(names).not.toContain('ko');
    expect(names).not.toContain('ru');
    const states = await headerStates(page);
    // The header was drawn, and the map after or with it; at no moment did it speak English.
    expect(states.length).toBeGreaterThan(0);
    expect(states.some((s) => s.map)).toBe(true);
    for (const s of states) {
      expect(s.count).toMatch(/^\d+ événements sur \d+$/);
      expect(s.share).toBe('Partager / Intégrer');
    }
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it("in the browser's language (Korean) without lang= fetches the Korean strings, and a switch fetches another", async () => {
    const { page, fetched } = await openRecording('./', { locale: 'ko-KR' });
    await ready(page);
    for (const s of await headerStates(page)) expect(s.count).toMatch(/^전체 \d+건 중 \d+건$/);
    expect((await fetched()).map((f) => f.name)).not.toContain('ru');
    await page.selectOption('.lang-switch select', 'ru');
    await expect.poll(() => page.textContent('[data-testid=event-count]')).toMatch(/^\d+ из \d+ событий$/);
    const names = (await fetched()).map((f) => f.name);
    expect(names).toContain('ko');
    expect(names).toContain('ru');
    await page.context().close();
  });

  it("asks for the dataset before the app's code (React, Leaflet, D3) has arrived", async () => {
    // The app chunk is held back 1.5 s: the entry alone must start the data, so that the fetch and the
    // restore run while the browser downloads and compiles the app, not after. The app then finds the
    // data ready, and shows no loading bar on the way.
    const watched = await openPage(browser, 'about:blank', undefined, { fresh: true });
    const order: string[] = [];
    await watched.page.route(/\/assets\/mount-[\w-]+\.js$/, async (route) => {
      order.push('app code asked');
      const response = await route.fetch();
      await new Promise((r) => setTimeout(r, 1500));
      order.push('app code sent');
      await route.fulfill({ response });
    });
    watched.page.on('request', (req) => {
      if (/\/assets\/kim-trips-[\w-]+\.json$/.test(new URL(req.url()).pathname)) order.push('data asked');
    });
    // Whether a loading bar ever shows: the data is restored long before the app mounts, so none should.
    await watched.page.addInitScript(() => {
      const w = window as unknown as { __barShown: boolean };
      w.__barShown = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid=load-progress]')) w.__barShown = true;
      }).observe(document, { subtree: true, childList: true });
    });
    await watched.page.goto(baseUrl());
    await ready(watched.page);
    expect(order).toEqual(['app code asked', 'data asked', 'app code sent']);
    expect(await watched.page.evaluate(() => (window as unknown as { __barShown: boolean }).__barShown)).toBe(false);
    expect(watched.consoleErrors).toEqual([]);
  });

  it("says what went wrong, instead of a blank page, when the app's code cannot load", async () => {
    const watched = await openPage(browser, 'about:blank', undefined, { fresh: true });
    await watched.page.route(/\/assets\/mount-[\w-]+\.js$/, (route) => route.abort());
    await watched.page.goto(baseUrl());
    await expect
      .poll(() => watched.page.locator('#root [role=alert]').textContent(), { timeout: 15_000 })
      .toMatch(/^Itinera could not start: its code did not load \(.+\)\. Reload the page to try again\.$/);
  });

  it("says it in the page's language (lang=, else the browser's)", async () => {
    for (const [query, locale, text] of [
      ['?lang=fr', 'en-US', /^Itinera n’a pas pu démarrer : son code ne s’est pas chargé \(.+\)\. Rechargez la page/],
      ['', 'ru-RU', /^Не удалось запустить Itinera: её код не загрузился \(.+\)\./],
    ] as const) {
      const watched = await openPage(browser, 'about:blank', undefined, { fresh: true, locale });
      await watched.page.route(/\/assets\/mount-[\w-]+\.js$/, (route) => route.abort());
      await watched.page.goto(new URL(query, baseUrl()).href);
      await expect
        .poll(() => watched.page.locator('#root [role=alert]').textContent(), { timeout: 15_000 })
        .toMatch(text);
      expect(await watched.page.locator('#root [role=alert]').getAttribute('lang')).toBe(query ? 'fr' : 'ru');
    }
  });

  it('draws the routes once, at the view fitted to the trip in the window, not at a default view and again', async () => {
    // Leaflet projects every route again at each new view (10k events: 0.3 s). The routes' SVG gets
    // a viewBox at each drawing: one value means one drawing. Before, the map was fitted after its
    // layers were drawn, and again when the timeline below took its height.
    const watched = await openPage(browser, 'about:blank', undefined, { fresh: true });
    await watched.page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __viewBoxes: string[] }).__viewBoxes = seen;
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target as Element;
          if (r.attributeName !== 'viewBox' || !el.closest('.leaflet-overlay-pane')) continue;
          const v = el.getAttribute('viewBox') ?? '';
          if (seen[seen.length - 1] !== v) seen.push(v);
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['viewBox'] });
    });
    await watched.page.goto(baseUrl());
    await ready(watched.page);
    await watched.page.waitForTimeout(500);
    const boxes = await watched.page.evaluate(() => (window as unknown as { __viewBoxes: string[] }).__viewBoxes);
    expect(boxes).toHaveLength(1);
    expect(watched.consoleErrors).toEqual([]);
  });

  it('of a dense dataset (10,000 events) fetches the clustering chunk, and draws clusters', async () => {
    const { page, fetched } = await openRecording('./?data=/fixtures/first-load-10k.json');
    await page.waitForSelector('.leaflet-marker-pane [data-cluster-count]', { state: 'attached', timeout: 90_000 });
    const files = await fetched();
    expect(files.map((f) => f.name)).toContain('place-clusters');
    expect(files.some((f) => f.body.includes(MARKERS.supercluster))).toBe(true);
    await page.context().close();
  }, 150_000);
});

describe('the test browser', () => {
  it('opens no browser-UI page (chrome://) for a new context, which would take CPU from the page under test', async () => {
    for (let i = 0; i < 2; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto('about:blank');
      const cdp = await browser.newBrowserCDPSession();
      const { targetInfos } = await cdp.send('Target.getTargets');
      expect(targetInfos.map((t) => t.url).filter((u) => u.startsWith('chrome://'))).toEqual([]);
      await cdp.detach();
      await context.close();
    }
  });
});
