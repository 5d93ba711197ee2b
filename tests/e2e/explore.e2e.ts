// The foundation in real Chromium against the production build: map and timeline in sync.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, ready, screenshot } from './browser';

const dataset = JSON.parse(readFileSync(new URL('../../data/kim-trips.json', import.meta.url), 'utf8')) as {
  events: { id: string; place?: string }[];
};
const TIMELINE = '[role=region][aria-label="Timeline"]';
const MAP = '[role=region][aria-label="Map"]';
const mark = (id: string) => `${TIMELINE} [data-event-id="${id}"]`;
const marker = (id: string) => `${MAP} [data-event-id="${id}"]`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function count(page: Page): Promise<[number, number]> {
  const text = (await page.textContent('[data-testid=event-count]')) ?? '';
  const m = /(\d+)\D+(\d+)/.exec(text);
  if (!m) throw new Error(`no count in "${text}"`);
  return [Number(m[1]), Number(m[2])];
}

async function visibleMarkerIds(page: Page): Promise<string[]> {
  return page.$$eval(`${MAP} [data-event-id]`, (els) =>
    els
      .filter((el) => (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0)
      .map((el) => el.getAttribute('data-event-id')!),
  );
}

describe('the default dataset', () => {
  it('loads with no console error and no request outside its origin', async () => {
    const { page, consoleErrors, foreignRequests } = await openPage(browser, './');
    await ready(page);
    await page.waitForTimeout(500);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(await page.locator(`${MAP} .leaflet-control-attribution`).textContent()).toContain('Natural Earth');
    await screenshot(page, 'desktop');
    await page.close();
  });

  it('has a timeline mark for every event and a map marker for every event with a place', async () => {
    const { page } = await openPage(browser, './');
    await ready(page);
    const markIds = await page.$$eval(`${TIMELINE} [data-event-id]`, (els) =>
      els.map((e) => e.getAttribute('data-event-id')),
    );
    expect(new Set(markIds)).toEqual(new Set(dataset.events.map((e) => e.id)));
    expect(markIds).toHaveLength(dataset.events.length);
    const markerIds = await page.$$eval(`${MAP} [data-event-id]`, (els) =>
      els.map((e) => e.getAttribute('data-event-id')),
    );
    expect(new Set(markerIds)).toEqual(new Set(dataset.events.filter((e) => e.place).map((e) => e.id)));
    await page.close();
  });

  it('selects the marker and writes event= when a timeline mark is clicked', async () => {
    const { page } = await openPage(browser, './');
    await ready(page);
    const id = await page.$eval(`${TIMELINE} [data-event-id]:not([style*="display: none"])`, (el) =>
      el.getAttribute('data-event-id')!,
    );
    await page.click(mark(id));
    await expect.poll(() => page.getAttribute(marker(id), 'aria-current')).toBe('true');
    expect(await page.getAttribute(mark(id), 'aria-current')).toBe('true');
    await expect.poll(() => new URL(page.url()).searchParams.get('event')).toBe(id);
    expect(await page.locator('#details-title').textContent()).toBeTruthy();
    expect(await page.locator(`${MAP} [aria-current="true"]`).count()).toBe(1);
    await page.close();
  });

  it('selects the timeline mark when a map marker is clicked, and shows it in the window', async () => {
    const { page } = await openPage(browser, './?lang=en');
    await ready(page);
    const ids = await visibleMarkerIds(page);
    expect(ids.length).toBeGreaterThan(3);
    const id = ids[Math.floor(ids.length / 2)]!;
    await page.click(marker(id));
    await expect.poll(() => page.getAttribute(mark(id), 'aria-current')).toBe('true');
    await expect(page.locator(mark(id)).isVisible()).resolves.toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('event')).toBe(id);
    await page.close();
  });

  it('selects by keyboard: Enter on a focused timeline mark', async () => {
    const { page } = await openPage(browser, './');
    await ready(page);
    const id = await page.$eval(`${TIMELINE} [data-event-id]:not([style*="display: none"])`, (el) =>
      el.getAttribute('data-event-id')!,
    );
    await page.focus(mark(id));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getAttribute(marker(id), 'aria-current')).toBe('true');
    await page.close();
  });

  it('highlights the other side on hover, both ways', async () => {
    const { page } = await openPage(browser, './');
    await ready(page);
    const ids = await visibleMarkerIds(page);
    const id = ids[0]!;
    await page.hover(mark(id));
    await expect.poll(() => page.$eval(marker(id), (el) => el.classList.contains('is-hover'))).toBe(true);
    await page.mouse.move(2, 2);
    await expect.poll(() => page.$eval(marker(id), (el) => el.classList.contains('is-hover'))).toBe(false);
    const other = ids[ids.length - 1]!;
    await page.hover(marker(other));
    await expect.poll(() => page.$eval(mark(other), (el) => el.classList.contains('is-hover'))).toBe(true);
    await page.close();
  });

  it('restores the selection from event= in the URL', async () => {
    const target = dataset.events.find((e) => e.place && e.id.includes('2019')) ?? dataset.events.find((e) => e.place)!;
    const { page, consoleErrors } = await openPage(browser, `./?event=${encodeURIComponent(target.id)}`);
    await ready(page);
    await expect.poll(() => page.getAttribute(mark(target.id), 'aria-current')).toBe('true');
    await expect.poll(() => page.getAttribute(marker(target.id), 'aria-current')).toBe('true');
    expect(await page.locator(mark(target.id)).isVisible()).toBe(true);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('filters the map when a window is brushed on the overview, and counts "N of M"', async () => {
    const { page } = await openPage(browser, './');
    await ready(page);
    const [shownBefore, total] = await count(page);
    expect(total).toBe(dataset.events.length);
    const markersBefore = await visibleMarkerIds(page);
    expect(markersBefore.length).toBeGreaterThan(0);

    // Brush a new window across the left part of the overview (years 2000–2011).
    const overview = page.locator(`${TIMELINE} .tl-brush .overlay`);
    const box = (await overview.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.02, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();

    await expect.poll(async () => (await count(page))[0]).not.toBe(shownBefore);
    const [shownAfter] = await count(page);
    const markersAfter = await visibleMarkerIds(page);
    expect(new Set(markersAfter)).not.toEqual(new Set(markersBefore));
    expect(markersAfter.length).toBeLessThanOrEqual(shownAfter);
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBeTruthy();
    await page.close();
  });
});

describe('the timeline window', () => {
  const windowOf = (page: Page) => {
    const q = new URL(page.url()).searchParams;
    return [Date.parse(q.get('from')!), Date.parse(q.get('to')!)] as const;
  };
  const width = (w: readonly [number, number]) => w[1] - w[0];
  const placeNames = (page: Page) =>
    page.$$eval('.itinera-place-label', (els) =>
      els
        .filter((el) => !(el as HTMLElement).hidden)
        .map((el) => el.textContent)
        .sort()
        .join('|'),
    );

  it('keeps the place names and the address while the brush is held, and updates both when it is let go', async () => {
    const { page } = await openPage(browser, './');
    await ready(page);
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBeTruthy();
    await expect.poll(() => placeNames(page)).not.toBe('');
    const urlBefore = page.url();
    const namesBefore = await placeNames(page);

    // Brush a window over the early years, then hold still with the button down: a pause longer than
    // the rest that the names (120 ms) and the address (150 ms) wait for.
    const box = (await page.locator(`${TIMELINE} .tl-brush .overlay`).boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.02, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 8 });
    await page.waitForTimeout(700);
    expect(page.url()).toBe(urlBefore);
    expect(await placeNames(page)).toBe(namesBefore);

    await page.mouse.up();
    await expect.poll(() => page.url()).not.toBe(urlBefore);
    await expect.poll(() => placeNames(page)).not.toBe(namesBefore);
    await page.close();
  });

  it('moves the axis ticks on a small pan without writing their labels again', async () => {
    const { page } = await openPage(browser, './');
    await ready(page);
    const box = (await page.locator(`${TIMELINE} .tl-surface`).boundingBox())!;
    // Each tick's time, place and label node (kept on the page, compared by identity after the pan).
    const ticks = () =>
      page.evaluate(() => {
        const w = window as unknown as { tickNodes?: Map<number, Node | null> };
        const seen = new Map<number, Node | null>();
        const out: { t: number; x: number; same: boolean }[] = [];
        for (const g of document.querySelectorAll<SVGGElement>('.tl-axis .tick')) {
          const t = +(g as unknown as { __data__: Date }).__data__;
          const node = g.querySelector('text')?.firstChild ?? null;
          seen.set(t, node);
          const x = Number(/translate\(([-\d.e]+)/.exec(g.getAttribute('transform') ?? '')?.[1]);
          out.push({ t, x, same: !!w.tickNodes && w.tickNodes.get(t) === node });
        }
        w.tickNodes = seen;
        return out;
      });
    // A pan of 2 px can bring a tick in or take one out at an edge; then another one is tried.
    let moved = false;
    for (let attempt = 0; attempt < 4 && !moved; attempt++) {
      const before = await ticks();
      const y = box.y + box.height / 2;
      const x0 = box.x + box.width * (0.5 + attempt * 0.05);
      await page.mouse.move(x0, y);
      await page.mouse.down();
      await page.mouse.move(x0 - 1, y);
      await page.mouse.move(x0 - 2, y);
      await page.mouse.up();
      await page.waitForTimeout(100);
      const after = await ticks();
      if (after.map((k) => k.t).join() !== before.map((k) => k.t).join()) continue;
      moved = true;
      expect(before.length).toBeGreaterThan(2);
      // Every tick moved with the pan, by the same distance, and kept its label's text node.
      const dx = after.map((k, i) => k.x - before[i]!.x);
      expect(Math.abs(dx[0]! + 2)).toBeLessThan(0.6);
      for (const d of dx) expect(d).toBeCloseTo(dx[0]!, 3);
      expect(after.every((k) => k.same)).toBe(true);
    }
    expect(moved).toBe(true);
    await page.close();
  });

  it('zooms with the + and − buttons and resets with Show all', async () => {
    const { page } = await openPage(browser, './');
    await ready(page);
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBeTruthy();
    const before = windowOf(page);
    await page.getByRole('button', { name: 'Zoom in' }).last().click();
    await expect.poll(() => width(windowOf(page))).toBeLessThan(width(before) * 0.75);
    const zoomed = windowOf(page);
    await page.getByRole('button', { name: 'Zoom out' }).last().click();
    await expect.poll(() => width(windowOf(page))).toBeGreaterThan(width(zoomed) * 1.5);
    await page.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(async () => (await count(page))[0]).toBe(dataset.events.length);
    await page.close();
  });

  it('zooms with the mouse wheel and pans by dragging the detail view', async () => {
    const { page } = await openPage(browser, './');
    await ready(page);
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBeTruthy();
    const before = windowOf(page);
    const box = (await page.locator(`${TIMELINE} svg`).first().boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + 30);
    await page.mouse.wheel(0, -400);
    await expect.poll(() => width(windowOf(page))).toBeLessThan(width(before) * 0.9);
    const zoomed = windowOf(page);
    await page.mouse.move(box.x + box.width * 0.6, box.y + 10);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3, box.y + 10, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => windowOf(page)[0]).toBeGreaterThan(zoomed[0]);
    expect(width(windowOf(page))).toBeCloseTo(width(zoomed), -5);
    await page.close();
  });
});

describe('the details of an event', () => {
  it('give the local time at the place with its UTC offset, the place, people and sources', async () => {
    const { page } = await openPage(browser, './?event=kju-2023-khasan-arrival');
    await ready(page);
    const details = page.locator('.details');
    await expect.poll(() => details.textContent()).toContain('Khasan');
    const text = (await details.textContent()) ?? '';
    expect(text).toMatch(/September 12, 2023/);
    expect(text).toMatch(/UTC\+10:00|morning/);
    const links = await details
      .locator('.source-list a')
      .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('rel'), a.getAttribute('target')]));
    expect(links.length).toBeGreaterThan(0);
    for (const [href, rel, target] of links) {
      expect(href).toMatch(/^https?:\/\//);
      expect(rel).toBe('noopener noreferrer');
      expect(target).toBe('_blank');
    }
    await page.close();
  });

  it('shows an event with a clock time in local time with its offset', async () => {
    const { page } = await openPage(browser, './?event=kju-2023-pyongyang-arrival');
    await ready(page);
    await expect.poll(() => page.locator('.details').textContent()).toMatch(/21:00 \(UTC\+09:00\)/);
    await page.close();
  });
});

describe('the language', () => {
  it('switches to French from the menu and writes lang=fr', async () => {
    const { page } = await openPage(browser, './');
    await ready(page);
    await page.selectOption('.lang-switch select', 'fr');
    await page.waitForSelector('[role=region][aria-label="Carte"]');
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('fr');
    expect(await page.textContent('h1')).toMatch(/Les trains de Kim Jong-un/);
    await page.close();
  });
});

describe('a file with broken records (data=)', () => {
  it('shows what was dropped and still draws the valid events', async () => {
    const { page, consoleErrors } = await openPage(browser, './?data=fixtures/broken-records.json');
    await page.waitForSelector('[role=alert]');
    const alert = (await page.textContent('[role=alert]')) ?? '';
    expect(alert).toContain('2 of 8 events shown, 6 dropped');
    expect(alert).toContain('events[2].kind');
    expect(alert).toContain('legs[1].to');
    await page.waitForSelector(mark('good-1'));
    expect(await page.locator(mark('good-2')).count()).toBe(1);
    expect(await page.locator(marker('good-2')).count()).toBe(1);
    expect(await page.locator(`${TIMELINE} [data-event-id]`).count()).toBe(2);
    await screenshot(page, 'broken-records');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.locator('[role=alert]').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('shows an unreadable file as an error, never a blank page', async () => {
    const { page, consoleErrors } = await openPage(browser, './?data=fixtures/truncated.json');
    await page.waitForSelector('[role=alert]');
    expect(await page.textContent('[role=alert]')).toMatch(/not valid JSON at line \d+, column \d+/);
    expect(await page.locator(`${MAP}`).count()).toBe(1);
    expect(await page.locator(`${TIMELINE}`).count()).toBe(1);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('refuses a dataset from another origin with a clear message', async () => {
    // https elsewhere is allowed (see data.e2e.ts); plain http from another origin is not.
    const { page, foreignRequests } = await openPage(browser, './?data=http://example.org/data.json');
    await page.waitForSelector('[role=alert]');
    expect(await page.textContent('[role=alert]')).toContain('only files from this site');
    expect(foreignRequests).toEqual([]);
    await page.close();
  });
});

describe('a phone', () => {
  it('stacks the map and the timeline at 360 px with nothing wider than the screen', async () => {
    const { page, consoleErrors } = await openPage(browser, './', { width: 360, height: 740 });
    await ready(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    const mapBox = (await page.locator(MAP).boundingBox())!;
    const tlBox = (await page.locator(TIMELINE).boundingBox())!;
    expect(tlBox.y).toBeGreaterThanOrEqual(mapBox.y + mapBox.height - 1);
    expect(consoleErrors).toEqual([]);
    await screenshot(page, 'phone-360');
    await page.close();
  });
});

describe('French', () => {
  it('speaks French with lang=fr', async () => {
    const { page } = await openPage(browser, './?lang=fr');
    await page.waitForSelector('[role=region][aria-label="Carte"]');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.textContent('[data-testid=event-count]')).toMatch(/événements sur/);
    await screenshot(page, 'french');
    await page.close();
  });
});
