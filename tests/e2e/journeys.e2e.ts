// Journeys in real Chromium against the production build: playback, t= in the URL, comparison.
import { rmSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../scripts/bench/generate.mjs';
import { routeGeometry } from '../../src/core/geo';
import { greatCircleArc, splitAntimeridian } from '../../src/core/route';
import { DENSE_LEGS } from '../../src/map/leg-style';
import { baseUrl, launch, openPage, ready, screenshot } from './browser';
import { viewFromStops, type Place, type Pt } from './map-view';

const TIMELINE = '[role=region][aria-label="Timeline"]';
const MAP = '[role=region][aria-label="Map"]';
const MOVER = `${MAP} .itinera-mover[data-trip-id]`;
const PLAY = '[data-testid=play]';
const CLOCK = '[data-testid=playback-clock]';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function moverCentre(page: Page, trip?: string): Promise<[number, number]> {
  const box = await page.locator(trip ? `${MOVER}[data-trip-id="${trip}"]` : MOVER).boundingBox();
  if (!box) throw new Error('no moving marker');
  return [box.x + box.width / 2, box.y + box.height / 2];
}
const playheadX = (page: Page) =>
  page.$eval(`${TIMELINE} .tl-detail .tl-playhead`, (el) => el.getAttribute('transform') ?? '');

describe('playback', () => {
  it('moves the playhead and the train, then stops at the end of the trip', async () => {
    const { page, consoleErrors } = await openPage(browser, './?t=2023-09-18T00:00Z', undefined, {
      reducedMotion: 'no-preference',
    });
    await ready(page);
    await page.waitForSelector(MOVER);
    await page.selectOption('.pb-speed select', String(86_400_000));
    const m0 = await moverCentre(page);
    const p0 = await playheadX(page);
    await page.click(PLAY);
    expect(await page.getAttribute(PLAY, 'aria-pressed')).toBe('true');
    await page.waitForTimeout(500);
    const m1 = await moverCentre(page);
    expect(Math.hypot(m1[0] - m0[0], m1[1] - m0[1])).toBeGreaterThan(3);
    expect(await playheadX(page)).not.toBe(p0);
    // 1.5 days of story at one day per second: over within a few seconds, and it stays put.
    await expect.poll(() => page.getAttribute(PLAY, 'aria-pressed'), { timeout: 6000 }).toBe('false');
    const end = await moverCentre(page);
    await page.waitForTimeout(400);
    expect(await moverCentre(page)).toEqual(end);
    // Back in Pyongyang on 19 September, and the stopped moment is in the address.
    await expect.poll(() => new URL(page.url()).searchParams.get('t')).toMatch(/^2023-09-19T/);
    expect(await page.textContent(CLOCK)).toContain('September 19, 2023');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('restores a shared moment from t=', async () => {
    const { page } = await openPage(browser, './?t=2023-09-12T03:15Z');
    await ready(page);
    await page.waitForSelector(MOVER);
    // 03:15 UTC is 13:15 in Primorye, on the third day of the trip (it left Pyongyang on 10 September).
    await expect.poll(() => page.textContent(CLOCK)).toContain('13:15');
    expect(await page.textContent(CLOCK)).toContain('Day 3');
    expect(await page.isVisible(`${TIMELINE} .tl-detail .tl-playhead`)).toBe(true);
    await page.waitForTimeout(300);
    expect(new URL(page.url()).searchParams.get('t')).toBe('2023-09-12T03:15Z');
    await page.close();
  });

  it('steps from event to event with reduced motion, and takes Space and the arrow keys', async () => {
    const { page } = await openPage(browser, './?t=2023-09-12T03:15Z', undefined, { reducedMotion: 'reduce' });
    await ready(page);
    const clock0 = await page.textContent(CLOCK);
    await page.focus('body');
    await page.keyboard.press('Space');
    expect(await page.getAttribute(PLAY, 'aria-pressed')).toBe('true');
    // No animation: the playhead jumps to the next event and selects it.
    await expect.poll(() => page.locator(`${TIMELINE} [aria-current="true"]`).count(), { timeout: 4000 }).toBe(1);
    const first = await page.getAttribute(`${TIMELINE} [aria-current="true"]`, 'data-event-id');
    expect(await page.textContent(CLOCK)).not.toBe(clock0);
    await page.keyboard.press('Space');
    expect(await page.getAttribute(PLAY, 'aria-pressed')).toBe('false');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getAttribute(`${TIMELINE} [aria-current="true"]`, 'data-event-id')).not.toBe(first);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getAttribute(`${TIMELINE} [aria-current="true"]`, 'data-event-id')).toBe(first);
    await page.close();
  });

  it('shows the details of a route when it is clicked: computed length, duration, speed, reported figures', async () => {
    const { page } = await openPage(browser, './');
    await ready(page);
    const hit = page.locator(`${MAP} path.itinera-leg-hit`).first();
    await page.evaluate(() => {
      const el = document.querySelector('path.itinera-leg-hit');
      el?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    await hit.count();
    await page.waitForSelector('[data-leg-id]');
    expect(await page.textContent('[data-testid=leg-length]')).toMatch(/\d+ km/);
    expect(await page.textContent('[data-testid=leg-duration]')).toMatch(/\d+ h/);
    expect(await page.textContent('[data-testid=leg-speed]')).toMatch(/km\/h/);
    await page.close();
  });
});

describe('compare=', () => {
  const A = 'kju-2019-russia';
  const B = 'kju-2023-russia';

  it("says so in the timeline when the comparison's code cannot load, and keeps the map", async () => {
    // The lanes' code is a chunk of its own, fetched when a comparison opens (not in the first load).
    const { page } = await openPage(browser, 'about:blank', undefined, { fresh: true });
    await page.route(/\/assets\/timeline-compare-[\w-]+\.js$/, (route) => route.abort());
    await page.goto(new URL(`./?compare=${A},${B}`, baseUrl()).href);
    await page.waitForSelector(`${TIMELINE} .tl-compare-error[role=alert]`);
    expect(await page.textContent(`${TIMELINE} .tl-compare-error`)).toMatch(/could not be loaded/);
    expect(await page.locator(`${TIMELINE} .tl-compare`).count()).toBe(0);
    await page.waitForSelector(`${MAP} .leaflet-marker-pane [data-event-id]`, { state: 'attached' });
    expect(await page.locator(`${MAP} path.itinera-leg`).count()).toBeGreaterThan(0);
  });

  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['360', { width: 360, height: 740 }],
  ] as const) {
    it(`shows two lanes aligned by day, both routes and the table (${name})`, async () => {
      const { page, consoleErrors } = await openPage(browser, `./?compare=${A},${B}`, viewport);
      await ready(page);
      const lanes = await page.$$eval(`${TIMELINE} .tl-compare .tl-cmp-lane`, (els) =>
        els.map((e) => e.getAttribute('data-trip-id')),
      );
      expect(lanes).toEqual([A, B]);
      // Both departures from Pyongyang are on day 1: same x in both lanes.
      const x = (id: string) =>
        page.$eval(`${TIMELINE} .tl-compare [data-event-id="${id}"] .tl-bar`, (el) => Number(el.getAttribute('x')));
      expect(
        Math.abs((await x('kju-2019-pyongyang-departure')) - (await x('kju-2023-pyongyang-departure'))),
      ).toBeLessThan(1);
      // Both routes drawn in full, in two colours; the other trips' legs are out of the way.
      const colours = await page.$$eval(`${MAP} path.itinera-leg`, (els) => [
        ...new Set(
          els.filter((e) => Number(e.getAttribute('stroke-opacity') ?? 1) > 0.5).map((e) => e.getAttribute('stroke')),
        ),
      ]);
      expect(colours.filter((c) => c !== '#ffffff')).toHaveLength(2);
      // The table's code loads on demand: it may come a little after the lanes and the routes.
      const table = page.locator('[data-testid=compare-table]');
      await expect.poll(() => table.locator('tbody tr').count()).toBe(7);
      expect(await table.locator('[data-row=cmp_railKm] td').first().textContent()).toMatch(/\d/);
      await page.click(PLAY);
      await expect.poll(() => page.locator(MOVER).count()).toBe(2);
      await page.click(PLAY);
      await expect.poll(() => new URL(page.url()).searchParams.get('compare')).toBe(`${A},${B}`);
      if (name === '360') await page.locator('[data-testid=compare-table]').scrollIntoViewIfNeeded();
      await screenshot(page, `compare-${name}`);
      expect(consoleErrors).toEqual([]);
      await page.close();
    });
  }
});

describe('the routes of a dense dataset (500 legs batched on one canvas)', () => {
  // 50 trips of 10 legs; 250 events stay one marker each, so only the legs are dense. They cover
  // Europe and Asia thickly, so one leg takes a detour south over the Indian Ocean, where no other
  // route goes: a stretch of it is a place to point at one leg only (the map fits legs' routes too).
  const dataset = generateDataset(250);
  const DETOUR = dataset.legs[3] as { id: string; waypoints?: [number, number][] };
  DETOUR.waypoints = [[8, 72]];
  const FIXTURE = new URL('../fixtures/dense-legs.json', import.meta.url);
  beforeAll(() => writeFileSync(FIXTURE, JSON.stringify(dataset)));
  afterAll(() => rmSync(FIXTURE, { force: true }));
  const places = new Map(dataset.places.map((p: Place) => [p.id, p]));

  /** Each leg's drawn route in page pixels (the view read from the border-crossing stops). */
  async function legsOnScreen(page: Page): Promise<Map<string, Pt[][]>> {
    const { toScreen } = await viewFromStops(page, MAP, places);
    const out = new Map<string, Pt[][]>();
    for (const leg of dataset.legs as { id: string; from: string; to: string; waypoints?: Pt[] }[]) {
      const from = places.get(leg.from)!;
      const to = places.get(leg.to)!;
      const geometry = routeGeometry([from.lat, from.lon], [to.lat, to.lon], leg.waypoints ?? []);
      out.set(
        leg.id,
        splitAntimeridian(greatCircleArc(geometry)).map((part) => part.map(toScreen)),
      );
    }
    return out;
  }

  const distance = (p: Pt, parts: Pt[][]) => {
    let best = Infinity;
    for (const part of parts)
      for (let i = 1; i < part.length; i++) {
        const [a, b] = [part[i - 1]!, part[i]!];
        const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
        const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
        best = Math.min(best, Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy));
      }
    return best;
  };

  it('picks the leg under the pointer: a hand over it, its details on a click, a halo around it', async () => {
    expect(dataset.legs.length).toBeGreaterThan(DENSE_LEGS);
    // Every leg in the window (drawn at full strength, its border stops shown).
    const { page, consoleErrors } = await openPage(
      browser,
      './?data=/fixtures/dense-legs.json&from=1999-01-01&to=2026-01-01',
    );
    await page.waitForSelector(`${MAP} .leaflet-marker-pane [data-event-id]`, { state: 'attached' });
    await page.waitForSelector(`${MAP} .leaflet-overlay-pane canvas`, { state: 'attached' });
    // No SVG path per leg: the routes are on the canvas.
    expect(await page.locator(`${MAP} path.itinera-leg, ${MAP} path.itinera-leg-hit`).count()).toBe(0);
    await page.locator(`${MAP} .itinera-border-stop`).first().waitFor({ state: 'attached' });
    const legs = await legsOnScreen(page);
    const box = (await page.locator(`${MAP} .leaflet-container`).boundingBox())!;
    // A point on one leg only (every other leg > 12 px away) where a click reaches the map itself
    // (no marker, control or label over it), and a point more than 20 px from every leg.
    const canvasAt = (p: Pt) => page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.tagName === 'CANVAS', p);
    let on: { id: string; p: Pt } | null = null;
    let off: Pt | null = null;
    for (const [id, parts] of [...legs].sort(([x], [y]) => Number(y === DETOUR.id) - Number(x === DETOUR.id))) {
      if (on) break;
      for (const part of parts)
        for (const p of part.slice(1, -1)) {
          const inside =
            p[0] > box.x + 60 && p[0] < box.x + box.width - 60 && p[1] > box.y + 60 && p[1] < box.y + box.height - 60;
          if (!inside || [...legs].some(([other, q]) => other !== id && distance(p, q) < 12)) continue;
          if (!(await canvasAt(p))) continue;
          on = { id, p };
          break;
        }
    }
    for (let y = box.y + 80; !off && y < box.y + box.height - 80; y += 23)
      for (let x = box.x + 80; !off && x < box.x + box.width - 80; x += 23)
        if ([...legs.values()].every((q) => distance([x, y], q) > 20) && (await canvasAt([x, y]))) off = [x, y];
    expect(on, 'a point on a single leg').not.toBeNull();
    expect(off, 'a point away from every leg').not.toBeNull();

    const overLeg = () => page.$eval(`${MAP} .leaflet-container`, (el) => el.classList.contains('itinera-over-leg'));
    await page.mouse.move(...off!);
    await expect.poll(overLeg).toBe(false);
    await page.mouse.move(...on!.p);
    await expect.poll(overLeg).toBe(true);
    await page.mouse.click(...off!);
    await page.waitForTimeout(200);
    expect(await page.locator('[data-leg-id]').count()).toBe(0);

    const clip = { x: on!.p[0] - 10, y: on!.p[1] - 10, width: 20, height: 20 };
    const before = await page.screenshot({ clip });
    await page.mouse.click(...on!.p);
    await page.waitForSelector(`[data-leg-id="${on!.id}"]`);
    await page.mouse.move(...off!);
    // The selected leg's halo is drawn on the canvas around it.
    await expect.poll(async () => (await page.screenshot({ clip })).equals(before)).toBe(false);
    expect(consoleErrors).toEqual([]);
  });

  it('draws a world view of the routes with a fraction of the points, and the full arcs zoomed in', async () => {
    const { page, consoleErrors } = await openPage(
      browser,
      './?data=/fixtures/dense-legs.json&from=1999-01-01&to=2026-01-01',
    );
    await page.waitForSelector(`${MAP} .leaflet-overlay-pane canvas`, { state: 'attached' });
    await page.locator(`${MAP} .itinera-border-stop`).first().waitFor({ state: 'attached' });
    // The routes' canvases are drawn at 1.2 × the map first and widened to 1.6 × when the page is idle
    // (widen-when-idle.ts), which redraws every route: a redraw counted below must be a pan's alone (on a
    // fast machine the widening fell inside the first one and doubled it).
    const container = page.locator(`${MAP} .leaflet-container`);
    const mapWidth = await container.evaluate((el) => el.clientWidth);
    await expect
      .poll(() =>
        page.$$eval(
          `${MAP} .leaflet-overlay-pane canvas`,
          (cs, w) => cs.every((c) => c.clientWidth >= w * 1.5),
          mapWidth,
        ),
      )
      .toBe(true);
    // Segments drawn on the routes' canvas from here on.
    await page.evaluate(() => {
      const w = window as unknown as { segments: number };
      w.segments = 0;
      const lineTo = CanvasRenderingContext2D.prototype.lineTo;
      CanvasRenderingContext2D.prototype.lineTo = function (x: number, y: number) {
        if (this.canvas.parentElement?.classList.contains('leaflet-overlay-pane')) w.segments++;
        return lineTo.call(this, x, y);
      };
    });
    /** The segments of one redraw of every route: the map panned by the keyboard, and at rest. */
    const redraw = async () => {
      await page.evaluate(() => ((window as unknown as { segments: number }).segments = 0));
      await container.focus();
      await page.keyboard.press('ArrowRight');
      let last = -1;
      for (;;) {
        await page.waitForTimeout(150);
        const n = await page.evaluate(() => (window as unknown as { segments: number }).segments);
        if (n > 0 && n === last) return n;
        last = n;
      }
    };
    const world = await redraw();
    // Five levels in from the world view (zoom 2, the least), each zoom done before the next.
    for (let i = 0; i < 5; i++) {
      await page.locator(`${MAP} .leaflet-control-zoom-in`).click();
      await page.waitForTimeout(350);
      await expect.poll(() => page.locator(`${MAP} .leaflet-zoom-anim`).count()).toBe(0);
    }
    const zoomed = await redraw();
    // 50 km steps from zoom 5 on; 200 or 400 km at the world view (arcStepKm).
    expect(world * 2.5).toBeLessThan(zoomed);
    expect(consoleErrors).toEqual([]);
  });
});
