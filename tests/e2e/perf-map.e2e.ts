// The map of a dense dataset (10,000 generated events, the benchmark's generator): clusters with a
// count instead of one marker per event, a click (or Enter) on a disc zooms in until the events are
// markers again, and selection and the time window keep working.
import { rmSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../scripts/bench/generate.mjs';
import { baseUrl, launch, openPage, screenshot } from './browser';

const MAP = '[role=region][aria-label="Map"]';
const CLUSTER = `${MAP} .leaflet-marker-pane [data-cluster-count]`;
const MARKER = `${MAP} .leaflet-marker-pane [data-event-id]`;
const FIXTURE = new URL('../fixtures/perf-10k.json', import.meta.url);
const DATA = 'data=/fixtures/perf-10k.json';

const dataset = generateDataset(10_000);
let browser: Browser;
beforeAll(async () => {
  // Written at test time (the server serves tests/fixtures at /fixtures/), removed afterwards.
  writeFileSync(FIXTURE, JSON.stringify(dataset));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(FIXTURE, { force: true });
});

async function shownCount(page: Page): Promise<[number, number]> {
  const text = ((await page.textContent('[data-testid=event-count]')) ?? '').replace(
    /[\s,.\u00a0\u202f](?=\d{3})/g,
    '',
  );
  const m = /(\d+)\D+(\d+)/.exec(text);
  if (!m) throw new Error(`no count in "${text}"`);
  return [Number(m[1]), Number(m[2])];
}

async function clusterCounts(page: Page): Promise<number[]> {
  return page.$$eval(CLUSTER, (els) => els.map((el) => Number((el as HTMLElement).dataset.clusterCount)));
}

async function open(path: string): Promise<{ page: Page; consoleErrors: string[] }> {
  const watched = await openPage(browser, path);
  await watched.page.waitForSelector(`${CLUSTER}, ${MARKER}`, { state: 'attached', timeout: 90_000 });
  return watched;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
/** Loading 10,000 events on a busy 2-core machine can take a while: a generous limit per test. */
const SLOW = 150_000;

describe('a dense dataset on the map (10,000 events)', () => {
  it(
    'draws clusters whose counts add up to the events in the window, not a marker per event',
    async () => {
      const { page, consoleErrors } = await open(`./?${DATA}`);
      const [inWindow, total] = await shownCount(page);
      expect(total).toBe(10_000);
      const counts = await clusterCounts(page);
      expect(counts.length).toBeGreaterThan(0);
      expect(sum(counts) + (await page.locator(MARKER).count())).toBe(inWindow);
      expect(await page.locator(MARKER).count()).toBeLessThan(100);
      // Each disc is a named button.
      const first = page.locator(CLUSTER).first();
      expect(await first.getAttribute('role')).toBe('button');
      expect(await first.getAttribute('aria-label')).toMatch(/\d+ events here/);
      await screenshot(page, 'perf-10k-clusters');
      expect(consoleErrors).toEqual([]);
      await page.close();
    },
    SLOW,
  );

  it(
    'follows the time window: the whole span puts every event in the clusters',
    async () => {
      const { page } = await open(`./?${DATA}&from=1999-01-01&to=2026-01-01`);
      await expect.poll(() => shownCount(page)).toEqual([10_000, 10_000]);
      await expect.poll(async () => sum(await clusterCounts(page))).toBe(10_000);
      await page.close();
    },
    SLOW,
  );

  it(
    'zooms in on a click until the events are markers, and a marker selects its event',
    async () => {
      const { page, consoleErrors } = await open(`./?${DATA}`);
      for (let i = 0; i < 8 && (await page.locator(MARKER).count()) === 0; i++) {
        const before = await clusterCounts(page);
        // The biggest disc, by mouse the first time and by keyboard after.
        const biggest = before.indexOf(Math.max(...before));
        const disc = page.locator(CLUSTER).nth(biggest);
        if (i === 0) await disc.click();
        else {
          await disc.focus();
          await page.keyboard.press('Enter');
        }
        await expect.poll(async () => JSON.stringify(await clusterCounts(page))).not.toBe(JSON.stringify(before));
      }
      const markers = page.locator(MARKER);
      expect(await markers.count()).toBeGreaterThan(0);
      const marker = markers.first();
      const id = (await marker.getAttribute('data-event-id'))!;
      await marker.click();
      await expect.poll(() => page.getAttribute(`${MARKER}[data-event-id="${id}"]`, 'aria-current')).toBe('true');
      await expect.poll(() => page.url()).toContain(`event=${id}`);
      await screenshot(page, 'perf-10k-zoomed');
      // Out until the discs are back, then in again: the markers drawn anew are still named buttons.
      const zoomOut = page.locator(`${MAP} .leaflet-control-zoom-out`);
      const zoomIn = page.locator(`${MAP} .leaflet-control-zoom-in`);
      let outs = 0;
      while (outs < 8 && (await page.locator(CLUSTER).count()) === 0) {
        await zoomOut.click();
        outs++;
      }
      expect(await page.locator(CLUSTER).count()).toBeGreaterThan(0);
      for (let i = 0; i < outs; i++) await zoomIn.click();
      await expect.poll(() => page.locator(MARKER).count()).toBeGreaterThan(1);
      const named = await page.$$eval(MARKER, (els) =>
        els.map((el) => [el.getAttribute('role'), el.getAttribute('tabindex'), !!el.getAttribute('aria-label')]),
      );
      expect(named.every(([role, tab, label]) => role === 'button' && tab === '0' && label)).toBe(true);
      // Every marker element on the map is one of ours (Leaflet's fresh element was set up, not a stale one).
      const ids = await page.$$eval(MARKER, (els) => els.map((el) => el.getAttribute('data-event-id')));
      expect(new Set(ids).size).toBe(ids.length);
      expect(await page.locator(`${MAP} .leaflet-marker-pane .itinera-marker`).count()).toBe(ids.length);
      expect(consoleErrors).toEqual([]);
      await page.close();
    },
    SLOW,
  );

  it(
    'draws the selected event above the clusters',
    async () => {
      const inWindow = dataset.events.at(-1)!;
      const { page } = await open(`./?${DATA}&event=${inWindow.id}`);
      await expect
        .poll(() => page.getAttribute(`${MARKER}[data-event-id="${inWindow.id}"]`, 'aria-current'))
        .toBe('true');
      expect(await page.locator(CLUSTER).count()).toBeGreaterThan(0);
      await page.close();
    },
    SLOW,
  );

  /** Runs `run` on a page of a fresh context (cold caches) whose pages run `init` before their own scripts. */
  async function inFreshContext<T>(init: () => void, run: (page: Page) => Promise<T>): Promise<T> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    try {
      await context.addInitScript(init);
      return await run(await context.newPage());
    } finally {
      await context.close();
    }
  }

  /**
   * When the clustering code's request started and when Leaflet last made a map (it marks its
   * container with a class), by the page's own clock, once `go` has brought a dense dataset in.
   */
  async function clusterRequestAndMap(go: (page: Page) => Promise<void>): Promise<[number, number]> {
    const init = () => {
      const w = window as unknown as { mapAt?: number };
      const add = DOMTokenList.prototype.add;
      DOMTokenList.prototype.add = function (...tokens: string[]) {
        if (tokens.includes('leaflet-container')) w.mapAt = performance.now();
        return add.apply(this, tokens);
      };
    };
    return inFreshContext(init, async (page) => {
      await go(page);
      await page.waitForSelector(CLUSTER, { state: 'attached', timeout: 90_000 });
      const { mapAt, clustersAt } = await page.evaluate(() => ({
        mapAt: (window as unknown as { mapAt?: number }).mapAt ?? null,
        clustersAt:
          performance
            .getEntriesByType('resource')
            .find((e) => /\/place-clusters-[^/]*\.js$/.test(new URL(e.name).pathname))?.startTime ?? null,
      }));
      expect(mapAt).not.toBeNull();
      expect(clustersAt).not.toBeNull();
      return [clustersAt!, mapAt!];
    });
  }

  /**
   * Init script: records, per canvas of the routes, each call to clearRect with the canvas's width at
   * the time. Each full redraw of one of Leaflet's canvases starts by clearing it; the routes are on two
   * (every route faint below, the window's at full strength above: src/map/leg-batches.ts).
   */
  const countClears = () => {
    const w = window as unknown as { routeClears: Map<HTMLCanvasElement, number[]> };
    w.routeClears = new Map();
    const clearRect = CanvasRenderingContext2D.prototype.clearRect;
    CanvasRenderingContext2D.prototype.clearRect = function (...args: [number, number, number, number]) {
      const c = this.canvas as HTMLCanvasElement;
      if (c.parentElement?.classList.contains('leaflet-overlay-pane'))
        w.routeClears.set(c, [...(w.routeClears.get(c) ?? []), c.width]);
      return clearRect.apply(this, args);
    };
  };
  /** The clears of each canvas of the routes, in their order in the pane (the lower one first). */
  const readClears = (page: Page) =>
    page.evaluate(() => {
      const clears = (window as unknown as { routeClears: Map<HTMLCanvasElement, number[]> }).routeClears;
      return [...document.querySelectorAll<HTMLCanvasElement>('.leaflet-overlay-pane canvas')].map(
        (c) => clears.get(c) ?? [],
      );
    });

  it(
    'draws the routes once as the page loads, not again when the map first learns its size (then once widened)',
    async () => {
      const [clears, mapWidth] = await inFreshContext(countClears, async (page) => {
        await page.goto(new URL(`./?${DATA}`, baseUrl()).href);
        await page.waitForSelector(CLUSTER, { state: 'attached', timeout: 90_000 });
        await page.waitForTimeout(1500);
        return [
          await readClears(page),
          (await page.locator(`${MAP} .leaflet-container`).boundingBox())!.width,
        ] as const;
      });
      // Each canvas: one drawing at its first size, padding 0.1 (1.2 × the map), and one when the page
      // is idle and it is widened to 0.3 (1.6 ×; widen-when-idle.ts), nothing more.
      expect(clears.map((ws) => ws.length)).toEqual([2, 2]);
      for (const [narrow, wide] of clears) {
        expect(narrow! / mapWidth).toBeCloseTo(1.2, 1);
        expect(wide! / mapWidth).toBeCloseTo(1.6, 1);
      }
    },
    SLOW,
  );

  it(
    'keeps a marker element when the window takes its event away and brings it back',
    async () => {
      // A few days of one trip: few enough events for a marker each.
      const { page, consoleErrors } = await open(`./?${DATA}&from=2000-03-05&to=2000-03-10`);
      await page.waitForSelector(MARKER, { state: 'attached' });
      // The markers of the window, kept by id on the page.
      await page.evaluate((sel) => {
        const w = window as unknown as { kept: Map<string, Element> };
        w.kept = new Map([...document.querySelectorAll(sel)].map((el) => [el.getAttribute('data-event-id')!, el]));
      }, MARKER);
      await page.locator('.tl-later').click();
      await page.waitForTimeout(500);
      const gone = await page.evaluate(() =>
        [...(window as unknown as { kept: Map<string, Element> }).kept]
          .filter(([, el]) => !el.isConnected)
          .map(([id]) => id),
      );
      expect(gone.length).toBeGreaterThan(0);
      await page.locator('.tl-earlier').click();
      await page.waitForTimeout(500);
      // Back on the map: the same elements, not new ones.
      const same = await page.evaluate(
        ([sel, ids]) => {
          const kept = (window as unknown as { kept: Map<string, Element> }).kept;
          return ids.map((id) => document.querySelector(`${sel}[data-event-id="${id}"]`) === kept.get(id));
        },
        [MARKER, gone] as const,
      );
      expect(same).toEqual(gone.map(() => true));
      expect(consoleErrors).toEqual([]);
    },
    SLOW,
  );

  it(
    "keeps a leg's arrows and border stops when the window takes the leg away and brings it back",
    async () => {
      const ARROW = '.leaflet-itinera-arrows-pane :is(.itinera-arrow, .itinera-border-stop)';
      const { page, consoleErrors } = await open(`./?${DATA}&from=2000-03-05&to=2000-03-10`);
      await page.waitForSelector(ARROW, { state: 'attached' });
      await page.evaluate((sel) => {
        (window as unknown as { kept: Element[] }).kept = [...document.querySelectorAll(sel)];
      }, ARROW);
      const read = () =>
        page.evaluate((sel) => {
          const kept = (window as unknown as { kept: Element[] }).kept;
          const now = [...document.querySelectorAll(sel)];
          return {
            kept: kept.length,
            connected: kept.filter((el) => el.isConnected).length,
            now: now.length,
            old: now.filter((el) => kept.includes(el)).length,
          };
        }, ARROW);
      expect((await read()).kept).toBeGreaterThan(0);
      expect(await page.locator('.leaflet-itinera-arrows-pane .itinera-border-stop').count()).toBeGreaterThan(0);
      await page.locator('.tl-later').click();
      await expect.poll(async () => (await read()).connected).toBeLessThan((await read()).kept);
      await page.locator('.tl-earlier').click();
      // Back in the window: its arrows are the same elements, all on the map again.
      await expect.poll(async () => (await read()).connected).toBe((await read()).kept);
      const back = await read();
      expect(back.old).toBe(back.kept);
      expect(consoleErrors).toEqual([]);
    },
    SLOW,
  );

  it(
    'moves the window without drawing every route again: only the canvas of the routes in the window',
    async () => {
      const read = async (page: Page) => (await readClears(page)).map((ws) => ws.length);
      const [before, after] = await inFreshContext(countClears, async (page) => {
        await page.goto(new URL(`./?${DATA}`, baseUrl()).href);
        await page.waitForSelector(CLUSTER, { state: 'attached', timeout: 90_000 });
        // Drawn, then drawn once more when widened.
        await expect.poll(() => read(page), { timeout: 10_000 }).toEqual([2, 2]);
        const first = await read(page);
        // Three windows later, each drawn.
        for (let i = 0; i < 3; i++) {
          await page.locator('.tl-later').click();
          await page.waitForTimeout(300);
        }
        return [first, await read(page)];
      });
      expect(after[0]).toBe(before[0]);
      expect(after[1]).toBeGreaterThanOrEqual(before[1]! + 1);
    },
    SLOW,
  );

  it(
    'starts loading the clustering code with the data, before the map exists, so the map draws clusters at once',
    async () => {
      const [clustersAt, mapAt] = await clusterRequestAndMap((page) =>
        page.goto(new URL(`./?${DATA}`, baseUrl()).href).then(() => undefined),
      );
      expect(clustersAt).toBeLessThan(mapAt);
    },
    SLOW,
  );

  it(
    'does the same for a dense file opened on the drawn page (the views are made anew for it)',
    async () => {
      const [clustersAt, mapAt] = await clusterRequestAndMap(async (page) => {
        await page.goto(baseUrl());
        await page.waitForSelector(`${MARKER}`, { state: 'attached', timeout: 30_000 });
        await page.getByRole('button', { name: 'Open a file…', includeHidden: true }).waitFor({ state: 'attached' });
        await page.setInputFiles('[data-testid=file-input]', {
          name: '10k.json',
          mimeType: 'application/json',
          buffer: Buffer.from(JSON.stringify(dataset)),
        });
      });
      expect(clustersAt).toBeLessThan(mapAt);
    },
    SLOW,
  );
});
