// A phone at 360 × 740: the header's controls, the map and the timeline stacked, none cut off or
// overlapping; the list view and the details reachable.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, openPage, ready, screenshot } from './browser';

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
    await page.close();
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
    await page.close();
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
    await page.close();
  });
});

describe('the map legend', () => {
  it('starts folded on a phone and open on a desktop', async () => {
    const legendOpen = async (width: number, height: number) => {
      const { page } = await openPage(browser, './', { width, height });
      await ready(page);
      const open = await page.$eval('.leaflet-control-container details', (d) => (d as HTMLDetailsElement).open);
      await page.close();
      return open;
    };
    expect(await legendOpen(360, 740)).toBe(false);
    expect(await legendOpen(1280, 800)).toBe(true);
  });
});

describe('every mode at 360 × 740', () => {
  const modes = [
    ['default', ''],
    ['embed', 'embed=1'],
    ['present', 'present=1'],
    ['compare', 'compare=kju-2019-russia,kju-2023-russia'],
    ['error panel', 'data=/fixtures/broken-records.json'],
    ['list', ''],
  ] as const;
  for (const [name, query] of modes)
    it(`${name}: the main regions lie within the width and do not overlap`, async () => {
      const { page, consoleErrors } = await openPage(browser, `./?lang=en&${query}`, PHONE);
      await ready(page);
      if (name === 'list') {
        await page.click('[data-testid=view-list]');
        await page.locator('[data-testid=itinerary] tbody tr').first().waitFor();
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      // The blocks of the page, in flow: the header bar, the problems, the map or list, the details
      // (unless a bottom sheet over the rest), the playback bar and the timeline.
      const regions = await boxes(
        page,
        '.app > .app-bar, .app > .problems, .app-main > .app-map, .app-main > .app-details:not(:empty), .app-timeline > *',
      );
      const inFlow = [];
      for (const b of regions) {
        expect(b.x, b.name).toBeGreaterThanOrEqual(-0.5);
        expect(b.x + b.width, b.name).toBeLessThanOrEqual(PHONE.width + 0.5);
        if (b.width > 0 && b.height > 0) inFlow.push(b);
      }
      const sheets = await page.$$eval(
        '.app-details',
        (els) => els.filter((el) => getComputedStyle(el).position === 'fixed').length,
      );
      const flow = sheets ? inFlow.filter((b) => !b.name.includes('app-details')) : inFlow;
      for (let i = 0; i < flow.length; i++)
        for (let j = i + 1; j < flow.length; j++)
          expect(overlap(flow[i]!, flow[j]!), `${flow[i]!.name} × ${flow[j]!.name}`).toBe(false);
      // Each text of the header bar is whole: nothing cut off at its right edge.
      const clipped = await page.$$eval('.app-bar button, .app-bar summary, .app-bar select, .app-bar a', (els) =>
        els
          .filter((el) => el.getClientRects().length > 0 && el.scrollWidth > el.clientWidth + 1)
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      expect(clipped).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await screenshot(page, `phone-360-${name.replace(' ', '-')}`);
      await page.close();
    }, 60_000);
});

describe('touch', () => {
  /** Two fingers on (cx, cy), spreading from `from` to `to` px apart, through the DevTools protocol. */
  async function pinch(page: Page, cx: number, cy: number, from: number, to: number) {
    const cdp = await page.context().newCDPSession(page);
    const points = (d: number) => [
      { x: cx - d / 2, y: cy, id: 1 },
      { x: cx + d / 2, y: cy, id: 2 },
    ];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(from) });
    for (let i = 1; i <= 10; i++)
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: points(from + ((to - from) * i) / 10),
      });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
  }

  it('zooms the map with a two-finger pinch', async () => {
    const context = await browser.newContext({
      viewport: PHONE,
      hasTouch: true,
      isMobile: true,
      locale: 'en-US',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.goto(new URL('./?lang=en', baseUrl()).href);
    await ready(page);
    // The map zooms in: the metric scale bar stands for fewer metres per pixel. (Marker spread is no
    // measure: fanned markers keep their pixel spacing at every zoom.)
    const spread = () =>
      page.$eval(`${MAP} .leaflet-control-scale-line`, (el) => {
        const m = /([\d.,]+)\s*(km|m)\b/.exec(el.textContent ?? '');
        if (!m) return NaN;
        const metres = Number(m[1]!.replace(/,/g, '')) * (m[2] === 'km' ? 1000 : 1);
        return (el as HTMLElement).offsetWidth / metres;
      });
    const before = await spread();
    const map = (await page.locator(MAP).boundingBox())!;
    await pinch(page, map.x + map.width / 2, map.y + map.height / 2, 40, 160);
    await expect.poll(spread, { timeout: 10_000 }).toBeGreaterThan(before * 1.5);
    await context.close();
  }, 60_000);

  it('zooms the timeline with a two-finger pinch', async () => {
    const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(new URL('./?lang=en', baseUrl()).href);
    await ready(page);
    // The timeline: the time window narrows.
    await expect.poll(() => new URL(page.url()).searchParams.get('to')).toBeTruthy();
    const width = () => {
      const q = new URL(page.url()).searchParams;
      return Date.parse(q.get('to')!) - Date.parse(q.get('from')!);
    };
    const wide = width();
    // At 360 px the timeline is below the fold: bring it on screen, where a finger can reach it.
    await page.locator(`${TIMELINE} .tl-detail`).first().scrollIntoViewIfNeeded();
    const detail = (await page.locator(`${TIMELINE} .tl-detail`).first().boundingBox())!;
    await pinch(page, detail.x + detail.width / 2, detail.y + Math.min(30, detail.height / 2), 40, 160);
    await expect.poll(width, { timeout: 10_000 }).toBeLessThan(wide * 0.8);
    await context.close();
  }, 60_000);
});
