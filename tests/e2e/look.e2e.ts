// The look (issue 10) in real Chromium: map labels without collisions, the header in one row and its
// "More" menu, the footer, loading and empty states, the problems panel, the page's title and share
// card, and screenshots of the main views for review (test-artifacts/look-*.png).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, ready, screenshot } from './browser';

const MAP = '[role=region][aria-label="Map"]';
const TIMELINE = '[role=region][aria-label="Timeline"]';
const MENU = '[data-testid=header-menu]';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Box = { x: number; y: number; w: number; h: number; text: string };
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The visible map labels (place and country names) and what they must not cover. */
function mapLabels(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height, text: el.textContent ?? '' };
    };
    const visible = (el: Element) => el.getClientRects().length > 0 && !(el as HTMLElement).closest('[hidden]');
    const map = document.querySelector('.itinera-map')!.getBoundingClientRect();
    return {
      map: { x: map.x, y: map.y, w: map.width, h: map.height, text: 'map' },
      places: [...document.querySelectorAll('.itinera-place-label')].filter(visible).map(box),
      countries: [...document.querySelectorAll('.itinera-country-label')].filter(visible).map(box),
      markers: [...document.querySelectorAll('.leaflet-marker-pane > *')].filter(visible).map(box),
      controls: [...document.querySelectorAll('.leaflet-control, [data-map-overlay]')].filter(visible).map(box),
    };
  });
}

async function expectLabelsClear(page: Page, minPlaces: number, minCountries: number) {
  const { map, places, countries, markers, controls } = await mapLabels(page);
  expect(places.length, places.map((p) => p.text).join(', ')).toBeGreaterThanOrEqual(minPlaces);
  expect(countries.length, countries.map((p) => p.text).join(', ')).toBeGreaterThanOrEqual(minCountries);
  const labels = [...places, ...countries];
  for (let i = 0; i < labels.length; i++) {
    const a = labels[i]!;
    expect(a.x >= map.x - 0.5 && a.y >= map.y - 0.5, `${a.text} inside the map`).toBe(true);
    expect(a.x + a.w <= map.x + map.w + 0.5 && a.y + a.h <= map.y + map.h + 0.5, `${a.text} inside the map`).toBe(true);
    for (let j = i + 1; j < labels.length; j++)
      expect(overlap(a, labels[j]!), `${a.text} × ${labels[j]!.text}`).toBe(false);
    for (const o of [...markers, ...controls]) expect(overlap(a, o), `${a.text} × a marker or control`).toBe(false);
  }
  return { places, countries };
}

describe('map labels', () => {
  it('labels the places and countries of the default view, no two overlapping, none under a marker', async () => {
    const { page, consoleErrors } = await openPage(browser, './');
    await ready(page);
    await page.locator('.itinera-country-label:not([hidden])').first().waitFor();
    const { places, countries } = await expectLabelsClear(page, 3, 2);
    expect(places.map((p) => p.text)).toContain('Pyongyang Station');
    expect(countries.map((c) => c.text)).toContain('Russia');
    expect(await page.locator('.leaflet-control-scale-line').first().textContent()).toMatch(/\d+ k?m/);
    // Zoomed in (the labels are placed again when the view settles), and in another window.
    await page.getByRole('button', { name: 'Zoom in' }).first().click();
    await page.waitForTimeout(400);
    await expectLabelsClear(page, 2, 0);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('follow the time window once it rests, after quick zoom steps', async () => {
    const { page } = await openPage(browser, './?from=2019-04-23&to=2019-04-28');
    await ready(page);
    const placeNames = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.itinera-place-label')]
          .filter((el) => !el.closest('[hidden]'))
          .map((el) => el.textContent),
      );
    await expect.poll(placeNames).toContain('Pyongyang Station');
    // Three steps in quick succession: the labels are placed once the window rests, for the last one.
    const zoomIn = page.locator(`${TIMELINE} .tl-zoom-in`);
    for (let i = 0; i < 3; i++) await zoomIn.click();
    await page.waitForURL(/from=2019-04-25/);
    // The departure from Pyongyang (24 April) is out of the window now; its label goes, others stay.
    await expect.poll(placeNames).not.toContain('Pyongyang Station');
    expect((await placeNames()).length).toBeGreaterThan(0);
    await expectLabelsClear(page, 1, 0);
    await page.close();
  });

  it('names countries in the language of the page', async () => {
    const { page } = await openPage(browser, './?lang=fr&from=2019-04-23&to=2019-04-28');
    await ready(page);
    await page.locator('.itinera-country-label:not([hidden])').first().waitFor();
    const { countries } = await expectLabelsClear(page, 3, 2);
    // Which countries find room depends on where the fanned markers sit; each name shown is French.
    const names = countries.map((c) => c.text);
    expect(names.filter((n) => ['Russie', 'Chine', 'Japon', 'Mongolie', 'Corée du Nord'].includes(n)).length).toBe(
      names.length,
    );
    await page.close();
  });
});

describe('a fan too big for the map', () => {
  /** The whole span (every trip), where the Far East's events make one fan too big for the map. */
  async function openShowAll(query = '') {
    const opened = await openPage(browser, `./?from=1946-01-01&to=2028-01-01${query}`);
    await ready(opened.page);
    const disc = opened.page.locator(`${MAP} .leaflet-marker-pane .itinera-cluster`).first();
    await disc.waitFor();
    return { ...opened, disc, count: Number(await disc.getAttribute('data-cluster-count')) };
  }

  it('keeps the selected event out of the disc, and takes it back when the selection is closed', async () => {
    // An event of the disc, selected through the address: its marker is drawn on its own.
    const id = 'kju-2019-lunch';
    const { page, consoleErrors, disc, count } = await openShowAll(`&event=${id}`);
    const marker = page.locator(`${MAP} .leaflet-marker-pane [data-event-id="${id}"]`);
    expect(await marker.evaluate((el) => el.classList.contains('is-stacked'))).toBe(false);
    // Closing the details puts it back in the disc.
    await page.locator('.app-details').getByRole('button', { name: 'Close' }).first().click();
    await expect.poll(() => disc.getAttribute('data-cluster-count')).toBe(String(count + 1));
    expect(await marker.evaluate((el) => el.classList.contains('is-stacked'))).toBe(true);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('is drawn as one disc with its count, every marker inside the map, and opens by keyboard', async () => {
    const { page, consoleErrors, disc, count } = await openShowAll();
    expect(count).toBeGreaterThan(20);
    expect(await disc.getAttribute('aria-label')).toBe(`${count} events here: zoom in`);
    // Every marker and disc shown lies wholly inside the map.
    const { map, markers } = await mapLabels(page);
    for (const m of markers) {
      expect(m.x >= map.x && m.y >= map.y, 'inside the map').toBe(true);
      expect(m.x + m.w <= map.x + map.w && m.y + m.h <= map.y + map.h, 'inside the map').toBe(true);
    }
    const zoom = () => page.evaluate(() => document.querySelector('.leaflet-control-scale-line')?.textContent);
    const scale = await zoom();
    await disc.focus();
    await page.keyboard.press('Enter');
    await expect.poll(zoom).not.toBe(scale);
    // Zoomed in towards it, some of its events come out as markers.
    await expect
      .poll(async () => Number((await disc.getAttribute('data-cluster-count').catch(() => null)) ?? 0))
      .toBeLessThan(count);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('the header', () => {
  it('holds one row at 1280 px: the title block and the tools side by side', async () => {
    const { page } = await openPage(browser, './');
    await ready(page);
    const rows = await page.evaluate(() => {
      const r = (s: string) => document.querySelector(s)!.getBoundingClientRect();
      const tools = [...document.querySelectorAll('.app-tools > *')].map((el) => el.getBoundingClientRect());
      return { title: r('.app-title'), tools, header: r('.app-bar') };
    });
    expect(rows.tools.length).toBeGreaterThanOrEqual(4);
    const mid = (b: DOMRect) => b.y + b.height / 2;
    for (const b of rows.tools) {
      expect(Math.abs(mid(b) - mid(rows.tools[0]!))).toBeLessThan(2);
      expect(b.x).toBeGreaterThanOrEqual(rows.title.x + rows.title.width);
    }
    expect(rows.header.height).toBeLessThan(120);
    await page.close();
  });

  it('opens the More menu, closes it with Escape (inner menu first) and gives the focus back', async () => {
    const { page, consoleErrors } = await openPage(browser, './');
    await ready(page);
    const summary = page.locator(`${MENU} > summary`);
    expect(await page.locator('[data-testid=present]').isVisible()).toBe(false);
    await summary.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=present]').waitFor();
    for (const name of ['Present', 'Open a file…', 'Export', 'Image / print', 'Theme'])
      expect(await page.locator(`${MENU} [open], ${MENU}`).getByText(name, { exact: true }).count(), name).toBe(1);
    await screenshot(page, 'look-menu');
    // An export menu inside it: Escape closes that one first, then the menu.
    await page.locator(`${MENU} .data-menu:not(.image-menu) > summary`).click();
    await page.locator(`${MENU} [data-export=json]`).focus();
    await page.keyboard.press('Escape');
    expect(
      await page.locator(`${MENU} .data-menu:not(.image-menu)`).evaluate((d) => (d as HTMLDetailsElement).open),
    ).toBe(false);
    expect(await page.locator(MENU).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator(MENU).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await summary.evaluate((s) => s === document.activeElement)).toBe(true);
    // A click elsewhere closes it too.
    await summary.click();
    await page.locator(MAP).click({ position: { x: 300, y: 200 } });
    expect(await page.locator(MAP).count()).toBe(1);
    expect(await page.locator(MENU).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('fits a phone: the tools in one row under the title, within 360 px', async () => {
    const { page } = await openPage(browser, './', { width: 360, height: 740 });
    await ready(page);
    const tools = await page.$$eval('.app-tools > :not(.event-count)', (els) =>
      els.map((el) => el.getBoundingClientRect()).map((r) => ({ top: r.top, right: r.right })),
    );
    expect(tools.length).toBe(3); // language, Share, More
    for (const t of tools) {
      expect(Math.abs(t.top - tools[0]!.top)).toBeLessThan(2);
      expect(t.right).toBeLessThanOrEqual(360);
    }
    await page.close();
  });

  it('has a footer with the count of sources, which opens their list, and the attribution', async () => {
    const { page } = await openPage(browser, './');
    await ready(page);
    const footer = page.getByRole('contentinfo');
    expect(await footer.textContent()).toMatch(/\d+ sources.*Made with Natural Earth/);
    // Folded, the list is not made at all (it is a third of the page's elements); opened, it is.
    const links = footer.locator('.footer-sources-panel a[href^="https://"]');
    expect(await footer.locator('li').count()).toBe(0);
    // The list is made on the details' toggle event, which the browser fires in a task after the click.
    await page.click('[data-testid=footer-sources]');
    await expect.poll(() => links.count()).toBeGreaterThan(20);
    await expect.poll(() => links.first().isVisible()).toBe(true);
    // Folded again and reopened, it is still there.
    await page.click('[data-testid=footer-sources]');
    await page.click('[data-testid=footer-sources]');
    await expect.poll(() => links.count()).toBeGreaterThan(20);
    await page.close();
  });
});

describe('states', () => {
  it('shows the skeleton of the layout while the dataset loads', async () => {
    const { page } = await openPage(browser, './');
    await ready(page);
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route(/kim-trips.*\.json/, async (route) => {
      await held;
      await route.continue();
    });
    await page.reload({ waitUntil: 'domcontentloaded' });
    const skeleton = page.locator('[data-testid=skeleton]');
    await skeleton.waitFor();
    expect(await skeleton.getAttribute('role')).toBe('status');
    expect(await page.locator('.sk-map').isVisible()).toBe(true);
    await screenshot(page, 'look-skeleton');
    release();
    await ready(page);
    expect(await skeleton.count()).toBe(0);
    await page.close();
  });

  it('says when the time window holds no event, and shows all of them on request', async () => {
    const { page, consoleErrors } = await openPage(browser, './?from=1995-01-01&to=1995-01-10');
    await page.locator('[data-testid=empty-window]').waitFor();
    expect(await page.textContent('[data-testid=empty-window]')).toMatch(
      /No events between Jan 1, 1995 and Jan 10, 1995/,
    );
    expect(await page.textContent('[data-testid=event-count]')).toMatch(/^0 of/);
    await screenshot(page, 'look-empty-window');
    await page.getByRole('button', { name: 'Show all events' }).click();
    await expect.poll(() => page.locator('[data-testid=empty-window]').count()).toBe(0);
    expect(await page.textContent('[data-testid=event-count]')).toMatch(/^(\d+) of \1 events/);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('shows a dataset without places as the timeline and the list, with a note instead of an empty map', async () => {
    const { page, consoleErrors } = await openPage(browser, './?data=fixtures/no-places.json');
    await page.waitForSelector(`${TIMELINE} [data-event-id="n3"]`, { state: 'attached' });
    expect(await page.textContent('[data-testid=no-places]')).toMatch(/no places/);
    // The list is its own chunk, loaded when shown: it may come a moment after the timeline.
    await expect.poll(() => page.locator('[data-testid=itinerary] tbody tr').count()).toBe(3);
    expect(await page.locator('.map-pane').isVisible()).toBe(false);
    expect(await page.locator('[data-testid=view-map]').count()).toBe(0);
    await screenshot(page, 'look-no-places');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('groups the problems of a file by collection and says what to do next', async () => {
    const { page } = await openPage(browser, './?data=fixtures/broken-records.json');
    await page.waitForSelector('[role=alert]');
    const panel = page.locator('[role=alert]');
    expect(await panel.textContent()).toMatch(/To fix: correct these records in the file/);
    const groups = await panel.locator('.problems-group h3').allTextContents();
    expect(groups.length).toBeGreaterThanOrEqual(2);
    expect(groups.some((g) => /^events: \d+$/.test(g))).toBe(true);
    await screenshot(page, 'look-problems');
    await page.close();
  });
});

describe('sharing', () => {
  it('names the page after the dataset, in its language, with a favicon and a share card', async () => {
    const { page } = await openPage(browser, './?lang=fr');
    await ready(page);
    await expect.poll(() => page.title()).toMatch(/^Les trains de Kim Jong-un vers la Russie, 2019 et 2023 · Itinera$/);
    expect(await page.getAttribute('meta[name=description]', 'content')).toMatch(/^Les voyages en train blindé/);
    const icon = await page.getAttribute('link[rel=icon]', 'href');
    const og = await page.getAttribute('meta[property="og:image"]', 'content');
    expect(await page.getAttribute('meta[name="twitter:card"]', 'content')).toBe('summary_large_image');
    const [iconRes, ogRes] = await Promise.all(
      [icon!, og!].map((href) => page.request.get(new URL(href, page.url()).href)),
    );
    expect(iconRes!.headers()['content-type']).toMatch(/image\/svg\+xml/);
    const png = await ogRes!.body();
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    await page.close();
  });

  it('takes the title of an opened dataset', async () => {
    const { page } = await openPage(browser, './?data=fixtures/no-places.json');
    await page.waitForSelector(`${TIMELINE} [data-event-id="n1"]`, { state: 'attached' });
    await expect.poll(() => page.title()).toBe('A chronology without places · Itinera');
    expect(await page.getAttribute('meta[name=description]', 'content')).toBe(
      'Statements only: nothing to put on a map.',
    );
    await page.close();
  });
});

describe('screenshots of the main views (test-artifacts/look-*.png)', () => {
  const views: [string, string, { width: number; height: number }?][] = [
    ['look-desktop', './'],
    ['look-desktop-2019', './?from=2019-04-23&to=2019-04-28&event=kju-2019-summit-talks'],
    ['look-phone', './', { width: 360, height: 740 }],
    ['look-embed', './?embed=1', { width: 640, height: 560 }],
    ['look-present', './?present=1&step=3'],
    ['look-fr', './?lang=fr'],
    ['look-dark', './?theme=dark'],
    ['look-compare', './?compare=kju-2019-russia,kju-2023-russia'],
  ];
  for (const [name, path, viewport] of views)
    it(name, async () => {
      const { page, consoleErrors } = await openPage(browser, path, viewport);
      await ready(page);
      await page.waitForTimeout(300);
      await screenshot(page, name);
      expect(consoleErrors).toEqual([]);
      await page.close();
    });
});
