// Contained failures: a crash in one area leaves the others working and can be retried; an
// unreadable dataset offers the bundled one.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch } from './browser';

const TIMELINE = '[role=region][aria-label="Timeline"]';
const MAP = '[role=region][aria-label="Map"]';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function crashing(area: string, path = './') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  await context.addInitScript(
    (a) => ((window as unknown as { __ITINERA_CRASH__: string }).__ITINERA_CRASH__ = a),
    area,
  );
  const page = await context.newPage();
  const uncaught: string[] = [];
  page.on('pageerror', (e) => uncaught.push(e.message));
  await page.goto(new URL(path, baseUrl()).href);
  return { page, context, uncaught };
}

/** Clicks the first shown mark of the timeline; its event id. */
async function selectOnTimeline(page: Page): Promise<string> {
  const id = await page.$eval(`${TIMELINE} [data-event-id]:not([style*="display: none"])`, (el) =>
    el.getAttribute('data-event-id')!,
  );
  await page.click(`${TIMELINE} [data-event-id="${id}"]`);
  return id;
}

/** The map marks the event selected elsewhere. */
const mapSelects = (page: Page, id: string) =>
  page.waitForSelector(`${MAP} [data-event-id="${id}"][aria-current="true"]`, { state: 'attached' });

describe('a crash in one area', () => {
  it('map: the timeline and details still work, and the map comes back on retry', async () => {
    const { page, context, uncaught } = await crashing('map');
    await page.waitForSelector('.area-error[role=alert]');
    expect(await page.textContent('.area-error')).toContain('forced crash in map');
    expect(await page.locator(MAP).count()).toBe(0);
    await page.waitForSelector(`${TIMELINE} [data-event-id]`, { state: 'attached' });
    const id = await selectOnTimeline(page);
    await page.waitForSelector('#details-title');
    await page.evaluate(() => delete (window as unknown as { __ITINERA_CRASH__?: string }).__ITINERA_CRASH__);
    await page.getByRole('button', { name: 'Try again' }).click();
    await mapSelects(page, id);
    expect(uncaught).toEqual([]);
    await context.close();
  });

  it('timeline: the map still selects and shows details', async () => {
    const { page, context, uncaught } = await crashing('timeline');
    await page.waitForSelector('.area-error[role=alert]');
    expect(await page.locator(TIMELINE).count()).toBe(0);
    await page.waitForSelector(`${MAP} .leaflet-marker-pane [data-event-id]`, { state: 'attached' });
    const marker = page.locator(`${MAP} .leaflet-marker-pane [data-event-id]:not(.is-out)`).first();
    await marker.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#details-title');
    expect(uncaught).toEqual([]);
    await context.close();
  });

  it('timeline crashing in the middle of a brush drag: the address still follows the window afterwards', async () => {
    // No area crashes at first; the timeline is made to crash while its brush is held.
    const { page, context, uncaught } = await crashing('none');
    await page.waitForSelector(`${TIMELINE} [data-event-id]`, { state: 'attached' });
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBeTruthy();
    const box = (await page.locator(`${TIMELINE} .tl-brush .overlay`).boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.02, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.2, y, { steps: 4 });
    await page.evaluate(() => ((window as unknown as { __ITINERA_CRASH__: string }).__ITINERA_CRASH__ = 'timeline'));
    // The next move changes the window, the app draws again, and the timeline's area crashes.
    await page.mouse.move(box.x + box.width * 0.3, y, { steps: 4 });
    await page.waitForSelector('.area-error[role=alert]');
    await page.mouse.up();
    await page.evaluate(() => delete (window as unknown as { __ITINERA_CRASH__?: string }).__ITINERA_CRASH__);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.waitForSelector(`${TIMELINE} [data-event-id]`, { state: 'attached' });
    // The gesture cut short is over: a window moved with the buttons is written to the address.
    await page.waitForTimeout(400);
    const before = page.url();
    await page.locator(`${TIMELINE} .tl-later`).click();
    await expect.poll(() => page.url(), { timeout: 3000 }).not.toBe(before);
    expect(uncaught).toEqual([]);
    await context.close();
  });

  it('details: the map and the timeline stay in sync', async () => {
    const { page, context, uncaught } = await crashing('details');
    await page.waitForSelector('.area-error[role=alert]');
    await page.waitForSelector(`${TIMELINE} [data-event-id]`, { state: 'attached' });
    const id = await selectOnTimeline(page);
    await mapSelects(page, id);
    expect(uncaught).toEqual([]);
    await context.close();
  });
});

describe('a crash in the list or a dialog', () => {
  it('list: the map comes back with the toggle and the timeline still selects', async () => {
    const { page, context, uncaught } = await crashing('list');
    await page.waitForSelector(`${TIMELINE} [data-event-id]`, { state: 'attached' });
    await page.getByRole('button', { name: 'List', exact: true }).click();
    await page.waitForSelector('.list-pane .area-error[role=alert]');
    expect(await page.textContent('.list-pane .area-error')).toContain('forced crash in list');
    const id = await selectOnTimeline(page);
    await page.waitForSelector('#details-title');
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await mapSelects(page, id);
    expect(uncaught).toEqual([]);
    await context.close();
  });

  it('Share dialog: the message stays in the header and the app keeps working', async () => {
    const { page, context, uncaught } = await crashing('dialog');
    await page.waitForSelector(`${TIMELINE} [data-event-id]`, { state: 'attached' });
    await page.getByRole('button', { name: 'Share / Embed' }).click();
    await page.waitForSelector('.area-error[role=alert]');
    expect(await page.textContent('.area-error')).toContain('forced crash in dialog');
    expect(await page.locator('h1').count()).toBe(1);
    const id = await selectOnTimeline(page);
    await mapSelects(page, id);
    expect(uncaught).toEqual([]);
    await context.close();
  });
});

describe('an unreadable dataset', () => {
  it('offers the bundled dataset, which then loads', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(new URL('./?data=fixtures/truncated.json', baseUrl()).href);
    await page.waitForSelector('[role=alert]');
    await page.getByRole('link', { name: 'Show the bundled dataset instead' }).click();
    await page.waitForSelector(`${TIMELINE} [data-event-id]`, { state: 'attached' });
    expect(new URL(page.url()).searchParams.get('data')).toBeNull();
    expect(await page.locator('.problems').count()).toBe(0);
    await context.close();
  });
});
