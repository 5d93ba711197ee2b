// A phone at 360 × 740: the header's controls, the map and the timeline stacked, none cut off or
// overlapping; the list view and the details reachable.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, ready, screenshot } from './browser';

const PHONE = { width: 360, height: 740 };
const TIMELINE = '[role=region][aria-label="Timeline"]';
const MAP = '[role=region][aria-label="Map"]';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Box = { x: number; y: number; width: number; height: number; name: string };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

async function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.$$eval(selector, (els) =>
    els
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, name: el.outerHTML.slice(0, 60) };
      }),
  );
}

describe('a phone at 360 × 740', () => {
  it('lays out the header controls, the map and the timeline without overlap, within the width', async () => {
    const { page, consoleErrors } = await openPage(browser, './', PHONE);
    await ready(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const controls = await boxes(page, '.app-bar > :not(.app-header), .app-header > *, .app-bar select');
    const areas = [...(await boxes(page, MAP)), ...(await boxes(page, TIMELINE))];
    const all = [...controls, ...areas];
    for (const b of all) {
      expect(b.x, b.name).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width, b.name).toBeLessThanOrEqual(PHONE.width + 0.5);
    }
    // Siblings only: a select inside its label is not an overlap.
    const tops = [
      ...(await boxes(page, '.app-bar > :not(.app-header)')),
      ...(await boxes(page, '.app-header > *')),
      ...areas,
    ];
    for (let i = 0; i < tops.length; i++)
      for (let j = i + 1; j < tops.length; j++)
        expect(overlap(tops[i]!, tops[j]!), `${tops[i]!.name} × ${tops[j]!.name}`).toBe(false);
    const map = areas[0]!;
    const tl = areas[1]!;
    expect(tl.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
    expect(consoleErrors).toEqual([]);
    await screenshot(page, 'phone-a11y-360');
    await page.context().close();
  });

  it('shows the list in place of the map, and selecting a row shows its details', async () => {
    const { page } = await openPage(browser, './', PHONE);
    await ready(page);
    await page.click('[data-testid=view-list]');
    const row = page.locator('[data-testid=itinerary] tbody tr').first();
    await row.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await row.locator('.it-select').click();
    await expect.poll(() => page.locator('#details-title').count()).toBe(1);
    await page.context().close();
  });

  it('shows the details in a bottom sheet that takes the focus and gives it back on close', async () => {
    const { page } = await openPage(browser, './', PHONE);
    await ready(page);
    const sheet = page.locator('.app-details');
    const fixed = () => sheet.evaluate((el) => getComputedStyle(el).position === 'fixed');
    expect(await fixed()).toBe(false);
    const mark = page.locator(`${TIMELINE} [data-event-id][tabindex="0"]`);
    const id = await mark.getAttribute('data-event-id');
    await mark.focus();
    await page.keyboard.press('Enter');
    await expect.poll(fixed).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('details-title');
    const box = (await sheet.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width + 0.5);
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height + 0.5);
    await screenshot(page, 'phone-sheet');
    await page.getByRole('button', { name: 'Close' }).click();
    await expect.poll(fixed).toBe(false);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-event-id') ?? null))
      .toBe(id);
    await page.context().close();
  });
});

describe('the map legend', () => {
  it('starts folded on a phone and open on a desktop', async () => {
    const legendOpen = async (width: number, height: number) => {
      const { page } = await openPage(browser, './', { width, height });
      await ready(page);
      const open = await page.$eval('.leaflet-control-container details', (d) => (d as HTMLDetailsElement).open);
      await page.context().close();
      return open;
    };
    expect(await legendOpen(360, 740)).toBe(false);
    expect(await legendOpen(1280, 800)).toBe(true);
  });
});
