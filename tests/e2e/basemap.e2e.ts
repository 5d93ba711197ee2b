// The offline basemap in real Chromium against the production build: its canvas holds land where the
// Natural Earth countries are and nothing over the sea, at the first view, after a zoom and after a
// pan (src/map/basemap-layer.ts draws it from vertices projected once).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoBounds, geoContains } from 'd3-geo';
import type { Browser, Page } from 'playwright-core';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../scripts/bench/generate.mjs';
import { landAsOne } from '../../src/map/land-geometry';
import { baseUrl, launch, openPage } from './browser';
import { viewFromStops, type Place, type Pt, type ScreenView } from './map-view';

const MAP = '[role=region][aria-label="Map"]';
const BASEMAP = `${MAP} .leaflet-itinera-basemap-pane canvas`;

const topo = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('world-atlas/countries-110m.json'), 'utf8'),
) as Topology;
// Each polygon with its bounds, so a point is tested against the few polygons around it only.
const polygons = landAsOne(feature(topo, topo.objects.countries as GeometryCollection)).coordinates.map(
  (coordinates) => {
    const f = { type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates } };
    return { f, bounds: geoBounds(f) };
  },
);
/** Natural Earth says land at [lat, lon]. */
const isLand = ([lat, lon]: Pt) =>
  polygons.some(({ f, bounds: [[w, s], [e, n]] }) => {
    if (lat < s || lat > n) return false;
    if (w <= e ? lon < w || lon > e : lon < w && lon > e) return false; // bounds across ±180° have w > e
    return geoContains(f, [lon, lat]);
  });

// Places over Europe and Asia, and border stops among them to read the view from.
const dataset = generateDataset(250);
const places = new Map(dataset.places.map((p: Place) => [p.id, p]));
const FIXTURE = new URL('../fixtures/basemap.json', import.meta.url);

let browser: Browser;
beforeAll(async () => {
  writeFileSync(FIXTURE, JSON.stringify(dataset));
  browser = await launch();
});
afterAll(async () => {
  rmSync(FIXTURE, { force: true });
  await browser?.close();
});

/**
 * Compares the basemap's canvas with Natural Earth on a grid over the map: land (an opaque pixel) or
 * sea (a transparent one). Points within 4 px of a coast (where the two ways of drawing an edge may
 * differ by a pixel) are left out. Returns the share that agree and how many of each were compared.
 */
async function agreement(page: Page, view: ScreenView) {
  const box = (await page.locator(`${MAP} .leaflet-container`).boundingBox())!;
  const grid: { p: Pt; land: boolean }[] = [];
  for (let y = box.y + 10; y < box.y + box.height - 10; y += 17)
    for (let x = box.x + 10; x < box.x + box.width - 10; x += 17) {
      const here = view.fromScreen([x, y]);
      // The map is one world wide: beyond ±180° (Alaska seen east of Chukotka) it draws nothing.
      if (Math.abs(here[0]) > 80 || Math.abs(here[1]) > 179) continue;
      const near = [
        [x + 4, y],
        [x - 4, y],
        [x, y + 4],
        [x, y - 4],
      ].map((q) => isLand(view.fromScreen(q as Pt)));
      const l = isLand(here);
      if (near.some((n) => n !== l)) continue;
      grid.push({ p: [x, y], land: l });
    }
  const drawn = await page.$eval(
    BASEMAP,
    (c, points) => {
      const canvas = c as HTMLCanvasElement;
      const r = canvas.getBoundingClientRect();
      const ctx = canvas.getContext('2d')!;
      const sx = canvas.width / r.width;
      const sy = canvas.height / r.height;
      return points.map(
        ([x, y]) => ctx.getImageData(Math.floor((x - r.left) * sx), Math.floor((y - r.top) * sy), 1, 1).data[3]! > 128,
      );
    },
    grid.map((g) => g.p),
  );
  const agree = grid.filter((g, i) => g.land === drawn[i]).length;
  return {
    share: agree / grid.length,
    land: grid.filter((g) => g.land).length,
    sea: grid.filter((g) => !g.land).length,
  };
}

describe('the offline basemap', () => {
  it('draws land where Natural Earth has it, at the first view, after a zoom and after a pan', async () => {
    const { page, consoleErrors } = await openPage(
      browser,
      './?data=/fixtures/basemap.json&from=1999-01-01&to=2026-01-01',
    );
    await page.locator(`${MAP} .itinera-border-stop`).first().waitFor({ state: 'attached' });
    await page.waitForSelector(BASEMAP, { state: 'attached' });
    const check = async () => {
      await page.waitForTimeout(300); // the redraw after moveend
      const view = await viewFromStops(page, MAP, places);
      const a = await agreement(page, view);
      expect(a.land).toBeGreaterThan(30);
      expect(a.sea).toBeGreaterThan(30);
      expect(a.share).toBeGreaterThan(0.98);
      return a;
    };
    // The basemap arrives after the markers: its file, then a draw.
    await expect
      .poll(async () => (await agreement(page, await viewFromStops(page, MAP, places))).share, {
        timeout: 10_000,
        interval: 250,
      })
      .toBeGreaterThan(0.98);
    await check();
    // Zoom in (reduced motion: no animation) around the centre, then drag the map.
    await page.locator(`${MAP} .leaflet-control-zoom-in`).click();
    await check();
    const box = (await page.locator(`${MAP} .leaflet-container`).boundingBox())!;
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx - 150, cy - 60, { steps: 8 });
    await page.mouse.up();
    await check();
    expect(consoleErrors).toEqual([]);
  });

  it('draws its first canvas a little wider than the map, and widens it once the page is idle', async () => {
    // A context of its own, with every fill of the basemap's canvas recorded with that canvas's size.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      await context.addInitScript(() => {
        const fills: [number, number][] = [];
        (window as unknown as { basemapFills: typeof fills }).basemapFills = fills;
        const fill = CanvasRenderingContext2D.prototype.fill as (
          this: CanvasRenderingContext2D,
          ...a: unknown[]
        ) => void;
        CanvasRenderingContext2D.prototype.fill = function (this: CanvasRenderingContext2D, ...a: unknown[]) {
          if (this.canvas.closest('.leaflet-itinera-basemap-pane')) fills.push([this.canvas.width, this.canvas.height]);
          return fill.apply(this, a);
        } as typeof CanvasRenderingContext2D.prototype.fill;
      });
      const page = await context.newPage();
      await page.goto(baseUrl());
      const fills = () => page.evaluate(() => (window as unknown as { basemapFills: [number, number][] }).basemapFills);
      await expect.poll(async () => (await fills()).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
      const map = (await page.locator(`${MAP} .leaflet-container`).boundingBox())!;
      const [first, ...later] = await fills();
      // Padding 0.1 on each side (1.2 × the map), then 0.5 (2 ×); Leaflet rounds the corners.
      expect(first![0] / map.width).toBeCloseTo(1.2, 1);
      expect(first![1] / map.height).toBeCloseTo(1.2, 1);
      expect(later.at(-1)![0] / map.width).toBeCloseTo(2, 1);
      expect(later.at(-1)![1] / map.height).toBeCloseTo(2, 1);
    } finally {
      await context.close();
    }
  });
});
