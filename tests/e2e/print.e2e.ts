// The printable itinerary (?print=1) in real Chromium: one table per trip holding every event, with
// a page break between trips under print media.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const shipped = JSON.parse(readFileSync(new URL('../../data/kim-trips.json', import.meta.url), 'utf8')) as {
  trips: { id: string }[];
  events: { id: string; trip: string }[];
};

describe('print view', () => {
  it('has one table per trip with every event, local times with offsets, and page breaks', async () => {
    const { page, consoleErrors } = await openPage(browser, './?print=1');
    await page.waitForSelector('.print-trip table', { timeout: 15_000 });
    const trips = await page.$$eval('.print-trip', (els) => els.map((e) => e.getAttribute('data-trip-id')));
    const withEvents = shipped.trips.filter((t) => shipped.events.some((e) => e.trip === t.id)).map((t) => t.id);
    expect(trips.sort()).toEqual([...withEvents].sort());
    expect(await page.locator('.print-trip table').count()).toBe(trips.length);
    const rows = await page.$$eval('.print-trip tr[data-event-id]', (els) =>
      els.map((e) => e.getAttribute('data-event-id')),
    );
    expect(rows.sort()).toEqual(shipped.events.map((e) => e.id).sort());
    // The 2019 summit: 13:00 at UTC+10; the legs with their km.
    const summit = await page.textContent('tr[data-event-id="kju-2019-summit-talks"]');
    expect(summit).toContain('13:00 (UTC+10:00)');
    expect(await page.locator('.print-trip[data-trip-id="kju-2023-russia"] tr.print-leg').count()).toBeGreaterThan(0);
    expect(await page.textContent('.print-trip[data-trip-id="kju-2023-russia"] tr.print-leg')).toMatch(/\d km/);
    expect(
      await page.locator('.print-trip[data-trip-id="kju-2023-russia"] svg.print-map polyline').count(),
    ).toBeGreaterThan(0);

    await page.emulateMedia({ media: 'print' });
    const breaks = await page.$$eval('.print-trip', (els) => els.map((e) => getComputedStyle(e).breakBefore));
    expect(breaks.slice(1).every((b) => b === 'page')).toBe(true);
    expect(await page.isVisible('.print-actions')).toBe(false);
    await screenshot(page, 'print-view');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
