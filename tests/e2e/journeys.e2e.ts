// Journeys in real Chromium against the production build: playback, t= in the URL, comparison.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, openPage, ready, screenshot } from './browser';

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
      const table = page.locator('[data-testid=compare-table]');
      expect(await table.locator('tbody tr').count()).toBe(7);
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
