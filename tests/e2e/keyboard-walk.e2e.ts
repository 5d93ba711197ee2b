// A keyboard-only walk through the app, without the mouse: Tab from the top to the timeline, move
// between events with the arrows, select with Enter, reach the details, move the time window by keys,
// and open and close every dialog and menu with Enter and Escape. After every key the focus must be on
// an element (never the page itself) with a visible focus indicator, and closing gives it back.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, ready, screenshot } from './browser';

const TIMELINE = '[role=region][aria-label="Timeline"]';
const PHONE = { width: 360, height: 740 };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Focus {
  /** A short description of the focused element, for messages. */
  desc: string;
  /** How its focus shows: "outline", "box-shadow", "focus stroke", or null when nothing shows it. */
  indicator: string | null;
  /** Its box has a size and is at least partly in the viewport. */
  onScreen: boolean;
}

/** The focused element, and whether its focus is visible. Null when the focus is on the page itself. */
function focusInfo(page: Page): Promise<Focus | null> {
  return page.evaluate(() => {
    let a: Element | null = document.activeElement;
    if (!a || a === document.body || a === document.documentElement) return null;
    // In a frame of this site: the element focused inside it.
    while (a instanceof HTMLIFrameElement) {
      const doc: Document | null = a.contentDocument;
      const inner: Element | null | undefined = doc?.activeElement;
      if (!inner || inner === doc?.body) break;
      a = inner;
    }
    const el: Element = a;
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
    const desc = `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` class="${el.className}"` : ''}> ${name}`;
    const cs = getComputedStyle(el);
    let indicator: string | null = null;
    if (el.matches(':focus-visible')) {
      if (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1) indicator = 'outline';
      else if (cs.boxShadow && cs.boxShadow !== 'none') indicator = 'box-shadow';
      else if (el instanceof SVGElement) {
        // An SVG mark draws its focus ring inside: a part stroked in the focus colour.
        const probe = document.createElement('span');
        probe.style.color = 'var(--tl-focus, var(--focus))';
        (el.closest('.tl') ?? document.body).append(probe);
        const focusColour = getComputedStyle(probe).color;
        probe.remove();
        for (const part of [el, ...el.querySelectorAll('*')]) {
          const s = getComputedStyle(part);
          if (s.stroke === focusColour && parseFloat(s.strokeWidth) >= 2 && s.display !== 'none') {
            indicator = 'focus stroke';
            break;
          }
        }
      }
    }
    const r = el.getBoundingClientRect();
    const onScreen =
      r.width >= 2 && r.height >= 2 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
    return { desc, indicator, onScreen };
  });
}

/** Presses a key and checks that the focus is on something, visibly. Returns the focus. */
async function press(page: Page, key: string, step = key): Promise<Focus> {
  await page.keyboard.press(key);
  const f = await focusInfo(page);
  expect(f, `after ${step}: the focus fell to the page`).not.toBeNull();
  expect(f!.indicator, `after ${step}: no visible focus on ${f!.desc}`).not.toBeNull();
  expect(f!.onScreen, `after ${step}: ${f!.desc} is focused off screen`).toBe(true);
  return f!;
}

/** Tabs (or Shift+Tabs) until the focused element matches `selector`, checking the focus at each step. */
async function tabTo(page: Page, selector: string, options: { back?: boolean; max?: number } = {}): Promise<string[]> {
  const key = options.back ? 'Shift+Tab' : 'Tab';
  const seen: string[] = [];
  if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return seen;
  for (let i = 0; i < (options.max ?? 150); i++) {
    const f = await press(page, key, `${key} towards ${selector}`);
    seen.push(f.desc);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return seen;
  }
  throw new Error(`${selector} not reached with ${key}; went through:\n${seen.join('\n')}`);
}

const activeMatches = (page: Page, selector: string) =>
  page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
const activeEventId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-event-id') ?? null);
const urlFrom = (page: Page) => new URL(page.url()).searchParams.get('from');

describe('a keyboard-only walk', () => {
  it('tabs to the timeline, moves between events, selects one, reads its details, moves the window', async () => {
    const { page, consoleErrors } = await openPage(browser, './?lang=en');
    await ready(page);
    // From the top of the page to the first timeline mark, through the header, the map and its markers.
    const seen = await tabTo(page, `${TIMELINE} [data-event-id]`);
    expect(
      seen.some((d) => /itinera-marker/.test(d)),
      `no map marker on the way:\n${seen.join('\n')}`,
    ).toBe(true);
    const first = (await activeEventId(page))!;
    // The arrows move between the events in time order; Home and End go to the ends.
    await press(page, 'ArrowRight');
    const second = await activeEventId(page);
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
    await press(page, 'End');
    const last = await activeEventId(page);
    await press(page, 'Home');
    expect(await activeEventId(page)).toBe(first);
    expect(last).not.toBe(first);
    await press(page, 'ArrowRight');
    // Enter selects: the mark is current, the details show it, the live region says it.
    await press(page, 'Enter');
    const mark = page.locator(`${TIMELINE} [data-event-id="${second}"]`);
    await expect.poll(() => mark.getAttribute('aria-current')).toBe('true');
    const title = page.locator('#details-title');
    await title.waitFor();
    await expect
      .poll(() => page.textContent('[data-testid=live-region]'))
      .toContain((await title.locator('span').first().textContent())!);
    // The details come before the timeline: back to their Close button, which gives the focus back.
    await tabTo(page, '.app-details button', { back: true });
    await press(page, 'Enter', 'Enter on Close');
    await expect.poll(() => page.locator('#details-title').count()).toBe(0);
    expect(await activeMatches(page, `${TIMELINE} [data-event-id]`), 'the focus went back to the timeline').toBe(true);
    // The window by keys: the buttons (Earlier) and the overview's slider (arrows, + and −).
    await expect.poll(() => urlFrom(page)).toBeTruthy();
    let from = urlFrom(page);
    await tabToward(page, page.locator(`${TIMELINE} button.tl-earlier`));
    await press(page, 'Enter', 'Enter on Earlier');
    await expect.poll(() => urlFrom(page)).not.toBe(from);
    from = urlFrom(page);
    await tabToward(page, page.locator(`${TIMELINE} [role=slider]`));
    const valueText = () => page.evaluate(() => document.activeElement?.getAttribute('aria-valuetext') ?? '');
    const before = await valueText();
    await press(page, 'ArrowLeft', 'ArrowLeft on the window slider');
    await expect.poll(() => urlFrom(page)).not.toBe(from);
    await expect.poll(valueText).not.toBe(before);
    const width = () => {
      const q = new URL(page.url()).searchParams;
      return Date.parse(q.get('to')!) - Date.parse(q.get('from')!);
    };
    await expect.poll(() => new URL(page.url()).searchParams.get('to')).toBeTruthy();
    const wide = width();
    await press(page, '+', '+ on the window slider (zoom in)');
    await expect.poll(width).toBeLessThan(wide);
    await screenshot(page, 'keyboard-walk');
    expect(consoleErrors).toEqual([]);
    await page.close();
  }, 120_000);

  it('opens and closes every dialog and menu with Enter and Escape, and the focus comes back', async () => {
    const { page } = await openPage(browser, './?lang=en');
    await ready(page);
    // Share: a modal dialog that keeps the focus inside and gives it back.
    await tabTo(page, '.share-button');
    await press(page, 'Enter', 'Enter on Share');
    await page.locator('dialog.share-dialog[open]').waitFor();
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true);
    for (let i = 0; i < 14; i++) {
      await press(page, 'Tab', `Tab ${i + 1} in the Share dialog`);
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]')), `Tab ${i + 1}`).toBe(true);
    }
    await press(page, 'Escape', 'Escape in the Share dialog');
    await expect.poll(() => page.locator('dialog.share-dialog[open]').count()).toBe(0);
    expect(await activeMatches(page, '.share-button')).toBe(true);

    // Every menu of the header (a <details>, maybe inside another): Enter opens, Escape closes.
    const summaries = await page.locator('.app-bar summary').count();
    expect(summaries).toBeGreaterThan(0);
    for (let k = 0; k < summaries; k++) {
      await closeMenus(page);
      const summary = page.locator('.app-bar summary').nth(k);
      const label = (await summary.textContent())!.trim();
      // The menus holding this one are opened on the way, by keyboard too.
      const chain = await summary.evaluate((s) => {
        const all = [...document.querySelectorAll('.app-bar summary')];
        const out: number[] = [];
        for (let d: Element | null | undefined = s.parentElement; d; d = d.parentElement?.closest('details'))
          out.unshift(all.indexOf(d.querySelector(':scope > summary')!));
        return out;
      });
      for (const i of chain) {
        await tabToward(page, page.locator('.app-bar summary').nth(i));
        await press(page, 'Enter', `Enter on ${i === k ? label : `the menu holding ${label}`}`);
      }
      const open = () => summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open);
      expect(await open(), `${label} opens with Enter`).toBe(true);
      await press(page, 'Tab', `Tab into ${label}`);
      await press(page, 'Escape', `Escape in ${label}`);
      expect(await open(), `${label} closes with Escape`).toBe(false);
      expect(await activeMatches(page, '.app-bar summary'), `the focus is back on a menu button after ${label}`).toBe(
        true,
      );
    }

    // The disclosures of the playback bar (trips, compare): Enter opens, Escape closes, focus returns.
    const toggles = await page.$$eval('.app-timeline button[aria-expanded]', (els) => els.length);
    for (let k = 0; k < toggles; k++) {
      const toggle = page.locator('.app-timeline button[aria-expanded]').nth(k);
      const label = (await toggle.textContent())!.trim();
      await tabToward(page, toggle);
      await press(page, 'Enter', `Enter on ${label}`);
      expect(await toggle.getAttribute('aria-expanded'), `${label} opens with Enter`).toBe('true');
      await press(page, 'Tab', `Tab into ${label}`);
      await press(page, 'Escape', `Escape in ${label}`);
      expect(await toggle.getAttribute('aria-expanded'), `${label} closes with Escape`).toBe('false');
      expect(await toggle.evaluate((el) => el === document.activeElement), `the focus is back on ${label}`).toBe(true);
    }

    // Presentation mode: entered from the header by keyboard, left with Escape.
    await closeMenus(page);
    const present = page.locator('[data-testid=present]');
    const holder = page.locator('.app-bar details:has([data-testid=present]) > summary');
    if (await holder.count()) {
      await tabToward(page, holder.first());
      await press(page, 'Enter', 'Enter on the menu holding Present');
    }
    await tabToward(page, present);
    await page.keyboard.press('Enter');
    await page.locator('.app.is-present').waitFor();
    // The slide takes the focus once presentation mode has loaded.
    await expect.poll(() => activeMatches(page, '.present-slide')).toBe(true);
    expect((await focusInfo(page))?.indicator, 'the slide shows its focus').not.toBeNull();
    await press(page, 'ArrowRight', 'ArrowRight (next step) in presentation mode');
    await press(page, 'Escape', 'Escape in presentation mode');
    await expect.poll(() => page.locator('.app.is-present').count()).toBe(0);
    await expect.poll(() => activeMatches(page, '.app-bar summary, [data-testid=present]')).toBe(true);
    await page.close();
  }, 180_000);

  it('on a phone: Enter on a mark opens the bottom sheet with the focus in it; Escape gives it back', async () => {
    const { page } = await openPage(browser, './?lang=en', PHONE);
    await ready(page);
    await tabTo(page, `${TIMELINE} [data-event-id]`);
    const id = await activeEventId(page);
    await press(page, 'Enter', 'Enter on a mark');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('details-title');
    // The heading takes the focus programmatically: it still has to show.
    const f = await focusInfo(page);
    expect(f?.indicator, 'the sheet heading shows its focus').not.toBeNull();
    await press(page, 'Tab', 'Tab in the sheet');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.app-details'))).toBe(true);
    await press(page, 'Escape', 'Escape in the sheet');
    await expect.poll(() => page.locator('#details-title').count()).toBe(0);
    expect(await activeEventId(page)).toBe(id);
    // The list view by keyboard: the toggle, then a row, then Enter.
    await tabTo(page, '[data-testid=view-list]', { back: true });
    await press(page, 'Enter', 'Enter on List');
    await page.locator('[data-testid=itinerary] tbody tr').first().waitFor();
    await tabTo(page, '[data-testid=itinerary] .it-select');
    await press(page, 'ArrowDown');
    await press(page, 'Enter', 'Enter on a row');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('details-title');
    await press(page, 'Escape', 'Escape in the sheet over the list');
    expect(await activeMatches(page, '[data-testid=itinerary] .it-select')).toBe(true);
    await page.close();
  }, 120_000);
});

/** Closes the open menus of the header by keyboard (Escape), as a reader would. */
async function closeMenus(page: Page): Promise<void> {
  for (let i = 0; i < 4 && (await page.locator('.app-bar details[open]').count()) > 0; i++)
    await press(page, 'Escape', 'Escape to close the menus');
  expect(await page.locator('.app-bar details[open]').count(), 'Escape closes the menus').toBe(0);
}

/** Tabs forwards or backwards, whichever way the element lies from the focus, until it has the focus. */
async function tabToward(page: Page, target: Locator): Promise<void> {
  const back = await target.evaluate((el) => {
    const a = document.activeElement;
    return !!a && a !== document.body && !!(a.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
  });
  await target.evaluate((el) => el.setAttribute('data-walk-target', ''));
  try {
    await tabTo(page, '[data-walk-target]', { back });
  } finally {
    await target.evaluate((el) => el.removeAttribute('data-walk-target'));
  }
}
