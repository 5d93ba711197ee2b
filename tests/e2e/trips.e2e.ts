// The trip filter in real Chromium: the "Trips" panel, `trips=` in the address, map, timeline, list and
// count all drawing only the chosen trips.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, ready, screenshot } from './browser';

const dataset = JSON.parse(readFileSync(new URL('../../data/kim-trips.json', import.meta.url), 'utf8')) as {
  events: { id: string; trip: string }[];
  trips: { id: string }[];
};
const tripOf = new Map(dataset.events.map((e) => [e.id, e.trip]));
const T19 = 'kju-2019-russia';
const T23 = 'kju-2023-russia';
const TIMELINE = '[role=region][aria-label="Timeline"]';
const MAP = '[role=region][aria-label="Map"]';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The trips of the events drawn in an area (timeline marks, map markers, list rows). */
const tripsDrawn = async (page: Page, area: string) =>
  new Set(
    (await page.$$eval(`${area} [data-event-id]`, (els) => els.map((e) => e.getAttribute('data-event-id')!))).map(
      (id) => tripOf.get(id),
    ),
  );
const query = (page: Page) => new URL(page.url()).searchParams;

describe('the trip filter', () => {
  it('unticking a trip hides it everywhere and writes trips= to the address; Show every trip undoes it', async () => {
    const { page, consoleErrors } = await openPage(browser, `./?trips=${T19},${T23}&from=2019-04-20&to=2023-09-20`);
    await ready(page);
    expect(await tripsDrawn(page, TIMELINE)).toEqual(new Set([T19, T23]));
    const button = page.locator('[data-testid=trip-filter]');
    expect(await button.textContent()).toBe(`Trips: 2 of ${dataset.trips.length}`);
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await page.locator(`input[data-trip-id="${T23}"]`).uncheck();
    await expect.poll(() => tripsDrawn(page, TIMELINE)).toEqual(new Set([T19]));
    await expect.poll(() => tripsDrawn(page, MAP)).toEqual(new Set([T19]));
    await expect.poll(() => query(page).get('trips')).toBe(T19);
    // The last trip shown cannot be unticked: the view is never empty by accident.
    expect(await page.locator(`input[data-trip-id="${T19}"]`).isDisabled()).toBe(true);
    await screenshot(page, 'trip-filter');
    // Escape closes the panel and gives the focus back to its button.
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('trip-filter');
    await button.click();
    await page.getByRole('button', { name: 'Show every trip' }).click();
    await expect.poll(() => query(page).has('trips')).toBe(false);
    expect(await button.textContent()).toBe('Trips: all');
    expect([...(await tripsDrawn(page, TIMELINE))].length).toBeGreaterThan(2);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('trips= alone opens on those trips, in the list view too, and the count follows', async () => {
    const { page } = await openPage(browser, `./?trips=${T19}`);
    await ready(page);
    await expect.poll(() => tripsDrawn(page, TIMELINE)).toEqual(new Set([T19]));
    expect(await tripsDrawn(page, MAP)).toEqual(new Set([T19]));
    const count = (await page.textContent('[data-testid=event-count]')) ?? '';
    const [shown, total] = (/(\d+)\D+(\d+)/.exec(count) ?? []).slice(1).map(Number);
    expect(shown).toBe(dataset.events.filter((e) => e.trip === T19).length);
    expect(total).toBe(dataset.events.length);
    await page.click('[data-testid=view-list]');
    await expect.poll(() => tripsDrawn(page, '.list-pane')).toEqual(new Set([T19]));
    await page.close();
  });

  it('a deep link to an event of a hidden trip shows that trip too', async () => {
    const e23 = dataset.events.find((e) => e.trip === T23)!.id;
    const { page } = await openPage(browser, `./?trips=${T19}&event=${e23}`);
    await ready(page);
    await expect.poll(() => page.getAttribute(`${TIMELINE} [data-event-id="${e23}"]`, 'aria-current')).toBe('true');
    await expect.poll(() => query(page).get('trips')).toBe(`${T19},${T23}`);
    await page.close();
  });
});
