// The timeline in real Chromium: 24 px targets that never overlap (WCAG 2.5.8) at every zoom, with
// bins (level of detail) where marks have no room for targets of their own, the overview brush
// by keyboard (WCAG 2.5.7), symbols by kind with a legend, the canvas level of detail for large
// datasets, and snapshots of the timeline's SVG for named scenarios (in the manner of Observable
// Plot's tests: a fixed dataset, window, width, language and time zone; numbers rounded, generated
// ids made stable, text measured by a fixed rule so that fonts do not matter).
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../scripts/bench/generate.mjs';
import { baseUrl, launch, openPage, ready, screenshot } from './browser';

const dataset = JSON.parse(readFileSync(new URL('../../data/kim-trips.json', import.meta.url), 'utf8')) as {
  events: { id: string; kind: string; trip: string }[];
};
const eventsOf = (trip: string) => dataset.events.filter((e) => e.trip === trip).map((e) => e.id);
const TIMELINE = '[role=region][aria-label="Timeline"]';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Options {
  viewport?: { width: number; height: number };
  /** Answer these paths with these bodies (a generated dataset). */
  serve?: Record<string, string>;
  /** Text widths by a fixed rule (0.56 em a character), for snapshots independent of fonts. */
  fixedText?: boolean;
  /** Run in the page before its own scripts. */
  init?: () => void;
}

async function open(path: string, o: Options = {}): Promise<{ page: Page; errors: string[] }> {
  const { page, consoleErrors } = await openPage(browser, 'about:blank', o.viewport, { timezoneId: 'UTC' });
  if (o.serve) {
    const serve = o.serve;
    await page.route('**/*', (route) => {
      const body = serve[new URL(route.request().url()).pathname];
      if (body === undefined) return route.fallback();
      return route.fulfill({ status: 200, contentType: 'application/json', body });
    });
  }
  if (o.fixedText)
    await page.addInitScript(() => {
      CanvasRenderingContext2D.prototype.measureText = function measureText(text: string) {
        const px = parseFloat(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? '10');
        return { width: Array.from(text).length * px * 0.56 } as TextMetrics;
      };
    });
  if (o.init) await page.addInitScript(o.init);
  await page.goto(new URL(path, baseUrl()).href);
  return { page, errors: consoleErrors };
}

const windowOf = (page: Page) => {
  const q = new URL(page.url()).searchParams;
  return [Date.parse(q.get('from')!), Date.parse(q.get('to')!)] as const;
};
const widthOf = (w: readonly [number, number]) => w[1] - w[0];

/**
 * The hit areas of the displayed targets (marks and bins, in the detail view or the compare lanes):
 * too small ones, and overlapping pairs. The selected event of a bin is drawn on it but is not a
 * target (the bin is), so it is left out.
 */
async function targets(page: Page) {
  return page.evaluate(() => {
    const hits = [...document.querySelectorAll<SVGGElement>('.tl .tl-mark:not(.is-in-bin), .tl .tl-bin')]
      .filter((g) => g.getClientRects().length > 0 && getComputedStyle(g).display !== 'none')
      .map((g) => ({
        id: g.dataset.eventId ?? g.dataset.bin!,
        r: g.querySelector('.tl-hit')!.getBoundingClientRect(),
      }));
    const small = hits
      .filter((h) => h.r.width < 23.99 || h.r.height < 23.99)
      .map((h) => `${h.id} ${h.r.width.toFixed(1)}×${h.r.height.toFixed(1)}`);
    const overlapping: string[] = [];
    for (let i = 0; i < hits.length; i++)
      for (let j = i + 1; j < hits.length; j++) {
        const [a, b] = [hits[i]!.r, hits[j]!.r];
        const ox = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const oy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (ox > 0.5 && oy > 0.5) overlapping.push(`${hits[i]!.id} / ${hits[j]!.id}`);
      }
    const bins = hits.filter((h) => h.id.startsWith('bin:')).length;
    return { count: hits.length, bins, small, overlapping };
  });
}

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const COMPARE = './?compare=kju-2019-russia,kju-2023-russia';

describe('targets (WCAG 2.5.8)', () => {
  // [name, path, viewport, click Show all first, bins expected (null: either way)]
  for (const [name, path, viewport, showAll, binned] of [
    ['the default view', './', DESKTOP, false, false],
    ['the default view at 360 px', './', PHONE, false, false],
    ['the 2019 trip by days', './?from=2019-04-23&to=2019-04-28', DESKTOP, false, false],
    ['the 2019 trip by days at 360 px', './?from=2019-04-23&to=2019-04-28', PHONE, false, false],
    ['Show all', './', DESKTOP, true, true],
    ['Show all at 360 px', './', PHONE, true, true],
    ['2015–2026', './?from=2015-01-01&to=2026-01-01', DESKTOP, false, true],
    ['2015–2026 at 360 px', './?from=2015-01-01&to=2026-01-01', PHONE, false, true],
    ['the comparison of two trips', COMPARE, DESKTOP, false, false],
    ['the comparison of two trips at 360 px', COMPARE, PHONE, false, false],
  ] as const) {
    it(`gives every mark and bin of ${name} a hit area of at least 24 × 24 px that overlaps no other`, async () => {
      const { page, errors } = await open(path, { viewport });
      await ready(page);
      if (showAll) {
        await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBeTruthy();
        await page.getByRole('button', { name: 'Show all' }).click();
        await expect
          .poll(() => page.textContent('[data-testid=event-count]'))
          .toMatch(new RegExp(`^${dataset.events.length} of`));
      }
      await page.waitForTimeout(300);
      const t = await targets(page);
      // Far out, the events of a trip are one bin: fewer targets than trips' worth of events.
      expect(t.count).toBeGreaterThan(binned ? 2 : 5);
      expect(t.bins > 0).toBe(binned);
      expect(t.small).toEqual([]);
      expect(t.overlapping).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

describe('bins (level of detail)', () => {
  const showAll = async (page: Page) => {
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBeTruthy();
    await page.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(() => page.locator(`${TIMELINE} .tl-bin`).count()).toBeGreaterThan(2);
    // The address follows the window after a short delay: wait for it before reading the window from it.
    await expect.poll(() => windowOf(page)[0]).toBeLessThan(Date.UTC(1950, 0, 1));
  };
  /** Events of a trip drawn as marks of their own (not in a bin), and the bins left. */
  const ownMarks = (page: Page, ids: readonly string[]) =>
    page.evaluate((ids) => {
      const own = ids.filter((id) => {
        const g = document.querySelector(`.tl-detail .tl-mark[data-event-id="${id}"]`);
        return g && g.getClientRects().length > 0 && !g.classList.contains('is-in-bin');
      });
      return { own: own.length, bins: document.querySelectorAll('.tl-detail .tl-bin').length };
    }, ids);

  it('reaches a bin with the arrow keys, names it with its count and dates, and opens it with Enter', async () => {
    const { page, errors } = await open('./');
    await ready(page);
    await showAll(page);
    const trip = eventsOf('kju-2019-russia');
    let reached = false;
    for (let i = 0; i < 150 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => !!document.activeElement?.closest('.tl-detail .tl-mark, .tl-detail .tl-bin'));
    }
    expect(reached).toBe(true);
    // Home, then right in time order through marks and bins to the 2019 trip's bin.
    await page.keyboard.press('Home');
    const seen: string[] = [];
    for (let i = 0; i < 15; i++) {
      const at = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
      seen.push(at);
      if (/Apr 24, 2019/.test(at)) break;
      await page.keyboard.press('ArrowRight');
    }
    const focused = await page.evaluate(() => ({
      cls: document.activeElement?.getAttribute('class'),
      name: document.activeElement?.getAttribute('aria-label'),
      role: document.activeElement?.getAttribute('role'),
      outline: getComputedStyle(document.activeElement!.querySelector('.tl-ring')!).stroke,
    }));
    expect(focused.cls).toBe('tl-bin');
    expect(focused.role).toBe('button');
    // The focus is visible: the bin's ring is drawn.
    expect(focused.outline).not.toBe('none');
    expect(focused.name).toBe(`${trip.length} events, Apr 24, 2019 – Apr 27, 2019: zoom in`);
    // Bins and marks were passed in time order: 1949 first, the 2019 bin after those of 2011.
    expect(seen[0]).toMatch(/1949/);
    expect(seen.findIndex((n) => /2011/.test(n))).toBeLessThan(seen.length - 1);
    const before = windowOf(page);
    expect(await ownMarks(page, trip)).toMatchObject({ own: 0 });
    await screenshot(page, 'timeline-bin-focus');

    await page.keyboard.press('Enter');
    await expect.poll(() => widthOf(windowOf(page))).toBeLessThan(widthOf(before) / 1000);
    const w = windowOf(page);
    expect(w[0]).toBeLessThan(Date.UTC(2019, 3, 24));
    expect(w[1]).toBeGreaterThan(Date.UTC(2019, 3, 27));
    await expect.poll(() => ownMarks(page, trip)).toEqual({ own: trip.length, bins: 0 });
    // The focus goes on to the bin's first event, now a mark of its own.
    const now = await page.evaluate(() => document.activeElement?.getAttribute('data-event-id'));
    expect(trip).toContain(now);
    const t = await targets(page);
    expect(t.small).toEqual([]);
    expect(t.overlapping).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a bin with a click, and shows its span on hover', async () => {
    const { page, errors } = await open('./', { viewport: PHONE });
    await ready(page);
    await showAll(page);
    const trip = eventsOf('kji-2011-russia');
    const bin = page.locator(`${TIMELINE} .tl-bin[data-bin^="bin:kji-2011"]`);
    expect(await bin.getAttribute('aria-label')).toBe(`${trip.length} events, Aug 20, 2011 – Aug 24, 2011: zoom in`);
    expect(await bin.locator('.tl-bin-count').textContent()).toBe(String(trip.length));
    expect(await bin.locator('title').textContent()).toBe(`${trip.length} events, Aug 20, 2011 – Aug 24, 2011`);
    await bin.scrollIntoViewIfNeeded();
    await bin.hover();
    await expect.poll(() => page.locator(`${TIMELINE} .tl-bin-span`).isVisible()).toBe(true);
    const before = windowOf(page);
    await bin.click();
    await expect.poll(() => widthOf(windowOf(page))).toBeLessThan(widthOf(before) / 1000);
    await expect.poll(() => ownMarks(page, trip)).toEqual({ own: trip.length, bins: 0 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws the selected event on its bin, and names bins in the page language', async () => {
    const { page } = await open('./?lang=fr&event=kju-2019-summit-talks');
    await ready(page);
    // The window comes to the selected event first; then Show all.
    await expect.poll(() => windowOf(page)[0]).toBeGreaterThan(Date.UTC(2019, 0, 1));
    await page.waitForTimeout(300);
    await page.getByRole('button', { name: 'Tout afficher' }).click();
    await expect.poll(() => windowOf(page)[0]).toBeLessThan(Date.UTC(1950, 0, 1));
    const bin = page.locator(`.tl .tl-bin[data-bin^="bin:kju-2019"]`);
    await expect.poll(() => bin.count()).toBe(1);
    expect(await bin.getAttribute('class')).toContain('has-selected');
    expect(await bin.getAttribute('aria-label')).toMatch(
      new RegExp(`^${eventsOf('kju-2019-russia').length} événements, .*2019 : zoomer$`),
    );
    const sel = page.locator(`.tl .tl-mark.is-selected[data-event-id="kju-2019-summit-talks"]`);
    expect(await sel.isVisible()).toBe(true);
    expect(await sel.getAttribute('class')).toContain('is-in-bin');
    // Drawn inside its bin.
    const [b, m] = [
      (await bin.locator('.tl-hit').boundingBox())!,
      (await sel.locator('.tl-dot, .tl-bar').first().boundingBox())!,
    ];
    expect(m.x + m.width / 2).toBeGreaterThan(b.x - 1);
    expect(m.x + m.width / 2).toBeLessThan(b.x + b.width + 1);
    expect(Math.abs(m.y + m.height / 2 - (b.y + b.height / 2))).toBeLessThan(3);
    await screenshot(page, 'timeline-bin-selected');
    await page.close();
  });
});

describe('the overview by keyboard (WCAG 2.5.7)', () => {
  it('reaches the window slider with Tab, shows the focus, and moves, resizes and zooms it by keys', async () => {
    const { page, errors } = await open('./');
    await ready(page);
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBeTruthy();
    let reached = false;
    for (let i = 0; i < 120 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.classList.contains('tl-brush') ?? false);
    }
    expect(reached).toBe(true);
    const focus = await page.evaluate(() => {
      const a = document.activeElement!;
      const cs = getComputedStyle(a);
      return { role: a.getAttribute('role'), name: a.getAttribute('aria-label'), outline: cs.outlineStyle };
    });
    expect(focus.role).toBe('slider');
    expect(focus.name).toMatch(/Time window/);
    expect(focus.outline).not.toBe('none');
    await screenshot(page, 'timeline-brush-focus');

    const start = windowOf(page);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => windowOf(page)[0]).toBeLessThan(start[0]);
    expect(widthOf(windowOf(page))).toBeCloseTo(widthOf(start), -5);
    const moved = windowOf(page);
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => widthOf(windowOf(page))).toBeGreaterThan(widthOf(moved) * 1.2);
    const wider = windowOf(page);
    await page.keyboard.press('+');
    await expect.poll(() => widthOf(windowOf(page))).toBeLessThan(widthOf(wider) * 0.6);
    await page.keyboard.press('Home');
    await expect.poll(() => windowOf(page)[0]).toBeLessThan(Date.UTC(1960, 0, 1));
    await expect.poll(() => page.textContent('[data-testid=event-count]')).not.toMatch(/^0 of/);
    const count = await page.textContent('[data-testid=event-count]');
    await page.keyboard.press('End');
    await expect.poll(() => windowOf(page)[1]).toBeGreaterThan(Date.UTC(2023, 8, 1));
    await expect.poll(() => page.textContent('[data-testid=event-count]')).not.toBe(count);
    expect(await page.textContent('[data-testid=event-count]')).not.toMatch(/^0 of/);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('tl-brush'))).toBe(true);
    expect(await page.getAttribute(`${TIMELINE} .tl-brush`, 'aria-valuetext')).toMatch(/20(23|24)/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the overview by pointer', () => {
  it('moves a narrow window when its middle is dragged, and resizes it from the handle beside it', async () => {
    const { page, errors } = await open('./');
    await ready(page);
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBeTruthy();
    const sel = (await page.locator(`${TIMELINE} .tl-brush .selection`).boundingBox())!;
    // The bundled trip's window is a few pixels of an overview of years: narrower than two handles.
    expect(sel.width).toBeLessThan(20);
    const y = sel.y + sel.height / 2;
    const mid = sel.x + sel.width / 2;
    expect(await page.evaluate(([x, yy]) => document.elementFromPoint(x!, yy!)?.getAttribute('class'), [mid, y])).toBe(
      'selection',
    );
    const before = windowOf(page);
    await page.mouse.move(mid, y);
    await page.mouse.down();
    await page.mouse.move(mid - 60, y, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => windowOf(page)[0]).toBeLessThan(before[0]);
    const moved = windowOf(page);
    // Moved, not resized: the width is kept (to a pixel of the overview's scale, a few days).
    expect(Math.abs(widthOf(moved) - widthOf(before))).toBeLessThan(widthOf(before) * 0.05);

    // Just right of the selection is its resize handle: dragging it outwards widens the window.
    const after = (await page.locator(`${TIMELINE} .tl-brush .selection`).boundingBox())!;
    const edge = after.x + after.width + 3;
    expect(await page.evaluate(([x, yy]) => document.elementFromPoint(x!, yy!)?.getAttribute('class'), [edge, y])).toBe(
      'handle handle--e',
    );
    await page.mouse.move(edge, y);
    await page.mouse.down();
    await page.mouse.move(edge + 30, y, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => widthOf(windowOf(page))).toBeGreaterThan(widthOf(moved) * 1.5);
    expect(windowOf(page)[0]).toBeCloseTo(moved[0], -7);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the axis during a pan', () => {
  it('keeps the ticks that stay, labels only the new ones, and ends as a fresh axis of that window would', async () => {
    const path = './?lang=en&from=2019-04-23&to=2019-04-28';
    const { page, errors } = await open(path);
    await ready(page);
    const AXIS = `${TIMELINE} .tl-axis`;
    /** Each tick's time (d3's datum), label and place (to a pixel), and whether it is a major tick. */
    const ticksOf = (p: Page) =>
      p.$$eval(`${AXIS} .tick`, (ticks) =>
        ticks.map((g) => ({
          t: Number((g as Element & { __data__?: Date }).__data__),
          label: g.querySelector('text')?.textContent ?? '',
          x: Math.round(Number(/translate\(([-\d.]+)/.exec(g.getAttribute('transform') ?? '')?.[1])),
          major: g.classList.contains('is-major'),
        })),
      );
    const before = await ticksOf(page);
    expect(before.length).toBeGreaterThan(3);
    // The labels' text nodes and the ticks, kept to tell which are the same elements after the pan;
    // every label written during it is counted.
    await page.evaluate((sel) => {
      const w = window as unknown as { kept: Element[]; labelWrites: number };
      w.kept = [...document.querySelectorAll(`${sel} .tick`)];
      w.labelWrites = 0;
      new MutationObserver((records) => {
        for (const r of records) if ((r.target as Element).closest?.('text')) w.labelWrites++;
      }).observe(document.querySelector(sel)!, { subtree: true, childList: true, characterData: true });
    }, AXIS);
    // Pan by a third of the detail's width, in small steps: each step brings a tick in at most.
    const surface = (await page.locator(`${TIMELINE} .tl-detail .tl-surface`).boundingBox())!;
    const y = surface.y + surface.height / 2;
    const x = surface.x + surface.width * 0.7;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x - surface.width / 3, y, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => windowOf(page)[0]).toBeGreaterThan(Date.parse('2019-04-24'));
    await page.waitForTimeout(300);
    const after = await ticksOf(page);
    const { kept, writes } = await page.evaluate((sel) => {
      const w = window as unknown as { kept: Element[]; labelWrites: number };
      const now = [...document.querySelectorAll(`${sel} .tick`)];
      return { kept: now.filter((g) => w.kept.includes(g)).length, writes: w.labelWrites };
    }, AXIS);
    // Some ticks stayed in view, as the same elements; only the new ones (and the first, which carries
    // the year) had their labels written.
    const stayed = after.filter((t) => before.some((b) => b.t === t.t)).length;
    expect(stayed).toBeGreaterThan(0);
    expect(kept).toBe(stayed);
    expect(writes).toBeLessThanOrEqual(2 * (after.length - stayed + 2));
    // The same axis as one drawn fresh for the window the pan ended on.
    const fresh = await open(`./?lang=en&${new URL(page.url()).searchParams.toString()}`);
    await ready(fresh.page);
    await expect.poll(() => ticksOf(fresh.page)).toEqual(after);
    expect(errors).toEqual([]);
    expect(fresh.errors).toEqual([]);
    await page.close();
    await fresh.page.close();
  });
});

describe('symbols by kind', () => {
  it('draws each mark with the glyph of its kind and lists the kinds in a foldable legend', async () => {
    const { page } = await open('./?from=2019-04-23&to=2019-04-28');
    await ready(page);
    const marks = await page.$$eval(`${TIMELINE} .tl-detail .tl-mark`, (els) =>
      els
        .filter((g) => getComputedStyle(g).display !== 'none')
        .map((g) => ({ kind: g.getAttribute('data-kind'), glyph: g.querySelector('.tl-glyph')?.innerHTML ?? '' })),
    );
    expect(marks.length).toBeGreaterThan(5);
    for (const m of marks) expect(m.glyph).toMatch(/<(path|circle)/);
    const glyphOf = new Map(marks.map((m) => [m.kind, m.glyph]));
    expect(new Set(glyphOf.values()).size).toBe(glyphOf.size);

    const legend = page.locator(`${TIMELINE} .tl-legend`);
    expect(await legend.locator('ul').isVisible()).toBe(false);
    await legend.locator('summary').click();
    // The list is built on the <details>' toggle event, which the browser fires in a task after the click.
    const kinds = new Set(dataset.events.map((e) => e.kind)).size;
    await expect.poll(() => legend.locator('li').count()).toBe(kinds);
    const items = await legend.locator('li').allTextContents();
    expect(items).toHaveLength(kinds);
    expect(items).toContain('Talks');
    expect(items).toContain('Border crossing');
    await screenshot(page, 'timeline-legend');
    await legend.locator('summary').click();
    expect(await legend.locator('ul').isVisible()).toBe(false);
    await page.close();
  });

  it('says the window is empty, and names the window in words', async () => {
    const { page } = await open('./?from=2010-01-01&to=2010-02-01');
    await ready(page);
    await expect.poll(() => page.locator(`${TIMELINE} .tl-empty`).isVisible()).toBe(true);
    expect(await page.textContent(`${TIMELINE} .tl-empty`)).toBe('No events in this window');
    expect(await page.textContent(`${TIMELINE} .tl-range`)).toMatch(/Jan 1.*Feb 1, 2010|Jan 1.*2010/);
    await page.close();
  });
});

describe('latency', () => {
  it('draws a wheel zoom in the frame that handles it', async () => {
    const { page } = await open('./?from=2019-04-23&to=2019-04-28');
    await ready(page);
    const seen = await page.evaluate(async () => {
      const surface = document.querySelector('[role=region][aria-label="Timeline"] .tl-detail .tl-surface')!;
      const r = surface.getBoundingClientRect();
      const caption = () => document.querySelector('[role=region][aria-label="Timeline"] .tl-range')!.textContent;
      const before = { caption: caption() };
      // Zoom in on the right end (Vladivostok, 25–26 April): the departure from Pyongyang leaves the window.
      surface.dispatchEvent(
        new WheelEvent('wheel', {
          deltaY: -600,
          clientX: r.right - 4,
          clientY: r.top + r.height / 2,
          bubbles: true,
          cancelable: true,
        }),
      );
      // The timeline asks for the window in its next animation frame; this callback runs after it, in the
      // same frame, before the browser paints: what it reads is what that frame shows.
      const inFrame = await new Promise<{ caption: string | null }>((done) =>
        requestAnimationFrame(() => done({ caption: caption() })),
      );
      return { before, inFrame };
    });
    expect(seen.inFrame.caption).not.toBe(seen.before.caption);
    await expect.poll(() => page.url()).toMatch(/from=2019-04-2[4-6]/);
    expect(await page.textContent(`${TIMELINE} .tl-range`)).toBe(seen.inFrame.caption);
    await page.close();
  });
});

describe('700 events', () => {
  // Above EAGER_MAX (400) the marks get DOM when they enter the window, not all at load (1k in the
  // benchmark: ~0.4 s sooner to first render); the rows still follow the zoom's time level (up to 1,000).
  const mid = generateDataset(700, { seed: 7 });
  const serve = { '/mid-700.json': JSON.stringify(mid) };

  it('makes DOM for the marks of the window only, and for those that come into it', async () => {
    const { page, errors } = await open('./?data=mid-700.json', { serve });
    await page.waitForSelector(`${TIMELINE} .tl [data-event-id]`, { state: 'attached' });
    const inWindow = async () =>
      Number(/^([\d,]+) of/.exec((await page.textContent('[data-testid=event-count]'))!)![1]!.replace(/,/g, ''));
    const marks = () => page.locator(`${TIMELINE} .tl-detail [data-event-id]`).count();
    const shown = await inWindow();
    expect(shown).toBeLessThan(mid.events.length);
    expect(await marks()).toBeLessThanOrEqual(shown);
    expect(await marks()).toBeGreaterThan(0);
    // Show all: every event is in the window now; past DOM_MAX they are painted on the canvas.
    await page.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(inWindow).toBe(mid.events.length);
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.querySelector('.tl-canvas')!).display))
      .not.toBe('none');
    expect(await marks()).toBeLessThan(mid.events.length);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('2,000 events: marks sketched on the canvas while a gesture brings many new ones in', () => {
  // 40 events a trip: the window of one trip has 40 marks with DOM (not crowded: no canvas).
  const data = generateDataset(2000, { seed: 7 });
  const serve = { '/mid-2000.json': JSON.stringify(data) };
  const trip = (id: string) => {
    const ts = data.events
      .filter((e) => e.trip === id)
      .flatMap((e) => [Date.parse(e.start), Date.parse(e.end ?? e.start)]);
    return [Math.min(...ts), Math.max(...ts)] as const;
  };
  const [t10, t11] = [trip('t10'), trip('t11')];
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const times = data.events.flatMap((e) => [Date.parse(e.start), Date.parse(e.end ?? e.start)]);
  const [lo, hi] = [Math.min(...times), Math.max(...times)];
  /** Presses the middle of the brush's window and moves it on to the next trip (t11) in one move; the button stays down. */
  const dragToNextTrip = async (page: Page) => {
    const sel = (await page.locator(`${TIMELINE} .tl-brush .selection`).boundingBox())!;
    const y = sel.y + sel.height / 2;
    const x = sel.x + sel.width / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    // The overview spans the dataset padded by 4% on each side.
    const band = (await page.locator(`${TIMELINE} .tl-brush .overlay`).boundingBox())!;
    await page.mouse.move(x + (t11[0] - t10[0]) * (band.width / ((hi - lo) * 1.08)), y);
  };
  const seen = (page: Page) =>
    page.evaluate(() => ({
      canvas: getComputedStyle(document.querySelector('.tl-canvas')!).display,
      marks: [...document.querySelectorAll<SVGElement>('.tl-detail .tl-mark')].filter((g) => g.style.display !== 'none')
        .length,
      note: getComputedStyle(document.querySelector('.tl-empty')!).display,
    }));

  it('sketches them while the brush is dragged to the next trip, and gives them DOM on release', async () => {
    const { page, errors } = await open(
      `./?data=mid-2000.json&from=${day(t10[0] - 864e5)}&to=${day(t10[1] + 2 * 864e5)}`,
      {
        serve,
      },
    );
    await page.waitForSelector(`${TIMELINE} .tl [data-event-id]`, { state: 'attached' });
    const before = await seen(page);
    expect(before.canvas).toBe('none');
    expect(before.marks).toBeGreaterThan(24);
    // On to the next trip in one move: its 40 marks come in at once (more than SKETCH_NEW, 24).
    await dragToNextTrip(page);
    await expect.poll(async () => (await seen(page)).canvas).not.toBe('none');
    const during = await seen(page);
    expect(during.marks).toBeLessThanOrEqual(3);
    // A sketch is not the crowded canvas: no "zoom in to see" over it.
    expect(during.note).toBe('none');
    await page.mouse.up();
    await expect.poll(async () => (await seen(page)).canvas).toBe('none');
    expect((await seen(page)).marks).toBeGreaterThan(24);
    await expect.poll(() => windowOf(page)[0]).toBeGreaterThan(t10[1]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sketches them while the wheel zooms in on a trip drawn as bins, and gives them DOM at its rest', async () => {
    // Five months around a trip: its 40 events are mostly bins.
    const { page, errors } = await open(
      `./?data=mid-2000.json&from=${day(t10[0] - 60 * 864e5)}&to=${day(t10[1] + 60 * 864e5)}`,
      {
        serve,
      },
    );
    await page.waitForSelector(`${TIMELINE} .tl-bin`, { state: 'attached' });
    const before = await seen(page);
    expect(before.canvas).toBe('none');
    expect(before.marks).toBeLessThan(16);
    // One wheel over the middle of the trip. The canvas's style is watched: whether it was shown at any
    // moment (even one whose frame a busy machine never painted, as when the rest, 150 ms after the
    // wheel, comes before the first frame), and how many DOM marks there were whenever it was.
    await page.evaluate(() => {
      const fo = document.querySelector<SVGElement>('.tl-canvas')!;
      const w = window as unknown as { sketch: { shown: boolean; marks: number } };
      w.sketch = { shown: false, marks: 0 };
      new MutationObserver((records) => {
        const shownNow = fo.style.display !== 'none';
        const shownBefore = records.some((r) => !/display:\s*none/.test(r.oldValue ?? ''));
        if (shownNow || shownBefore) w.sketch.shown = true;
        if (shownNow)
          w.sketch.marks = Math.max(
            w.sketch.marks,
            [...document.querySelectorAll<SVGElement>('.tl-detail .tl-mark')].filter((g) => g.style.display !== 'none')
              .length,
          );
      }).observe(fo, { attributes: true, attributeFilter: ['style'], attributeOldValue: true });
      const surface = document.querySelector('[role=region][aria-label="Timeline"] .tl-detail .tl-surface')!;
      const r = surface.getBoundingClientRect();
      surface.dispatchEvent(
        new WheelEvent('wheel', {
          deltaY: -700,
          clientX: r.left + r.width / 2,
          clientY: r.top + r.height / 2,
          bubbles: true,
          cancelable: true,
        }),
      );
    });
    // At its rest: DOM for the marks, and the canvas gone.
    await expect.poll(async () => (await seen(page)).marks).toBeGreaterThan(24);
    expect((await seen(page)).canvas).toBe('none');
    const sketch = await page.evaluate(
      () => (window as unknown as { sketch: { shown: boolean; marks: number } }).sketch,
    );
    expect(sketch.shown).toBe(true);
    expect(sketch.marks).toBeLessThanOrEqual(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("sketches the map's new markers, and holds the new legs' arrows, until the drag ends", async () => {
    const MAP = '[role=region][aria-label="Map"]';
    const { page, errors } = await open(
      `./?data=mid-2000.json&from=${day(t10[0] - 864e5)}&to=${day(t10[1] + 2 * 864e5)}`,
      { serve },
    );
    await page.waitForSelector(`${MAP} .leaflet-marker-pane [data-event-id]`, { state: 'attached' });
    const ofTrip = (id: string) => data.events.filter((e) => e.trip === id && e.place !== undefined).map((e) => e.id);
    const legsOf = (id: string) => data.legs.filter((l) => l.trip === id).length;
    expect(legsOf('t11')).toBeGreaterThan(0);
    const map = (ids: string[]) =>
      page.evaluate(
        ({ MAP, ids }) => {
          const pane = document.querySelector(`${MAP} .leaflet-marker-pane`)!;
          const sketch = document.querySelector<HTMLCanvasElement>(`${MAP} canvas.itinera-marker-sketch`);
          return {
            markers: ids.filter((id) => pane.querySelector(`[data-event-id="${id}"]`)).length,
            discs: sketch && !sketch.hidden ? Number(sketch.dataset.discs) : 0,
            arrows: document.querySelectorAll(`${MAP} .itinera-arrow`).length,
          };
        },
        { MAP, ids },
      );
    const t11Events = ofTrip('t11');
    const before = await map(t11Events);
    expect(before.markers).toBe(0);
    expect(before.discs).toBe(0);
    await dragToNextTrip(page);
    // The next trip's events are in the window: drawn as discs, not as marker elements (more than
    // SKETCH_NEW_MARKERS, 12, came in at once); its legs' arrows are not put on the map yet.
    await expect.poll(async () => (await map(t11Events)).discs).toBeGreaterThan(12);
    const during = await map(t11Events);
    expect(during.markers).toBe(0);
    await page.mouse.up();
    await expect.poll(async () => (await map(t11Events)).discs).toBe(0);
    const after = await map(t11Events);
    expect(after.markers).toBeGreaterThan(12);
    expect(after.arrows).toBeGreaterThan(during.arrows);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws the routes a brush move brings in within the frame that draws its window', async () => {
    // Each animation frame is known by the timestamp its callbacks get. Recorded: the frames in which
    // the timeline's axis changed (the window drawn) and those in which the routes' canvases drew.
    const { page, errors } = await open(
      `./?data=mid-2000.json&from=${day(t10[0] - 864e5)}&to=${day(t10[1] + 2 * 864e5)}`,
      {
        serve,
        init: () => {
          const w = window as unknown as { frameNow: number; routeFrames: number[]; watching: boolean };
          const raf = window.requestAnimationFrame.bind(window);
          w.frameNow = -1;
          w.routeFrames = [];
          w.watching = false;
          window.requestAnimationFrame = (cb) =>
            raf((ts) => {
              w.frameNow = ts;
              cb(ts);
            });
          const stroke = CanvasRenderingContext2D.prototype.stroke as (
            this: CanvasRenderingContext2D,
            ...a: unknown[]
          ) => void;
          CanvasRenderingContext2D.prototype.stroke = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
            if (w.watching && this.canvas.closest('.leaflet-overlay-pane')) w.routeFrames.push(w.frameNow);
            stroke.apply(this, args);
          };
        },
      },
    );
    await page.waitForSelector(`${TIMELINE} .tl [data-event-id]`, { state: 'attached' });
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      const w = window as unknown as { frameNow: number; axisFrames: number[]; watching: boolean };
      w.axisFrames = [];
      // A mutation observer runs right after the callback that changed the axis, before the next one.
      new MutationObserver(() => w.axisFrames.push(w.frameNow)).observe(document.querySelector('.tl-axis')!, {
        subtree: true,
        attributes: true,
        childList: true,
        characterData: true,
      });
      w.watching = true;
    });
    await dragToNextTrip(page);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { routeFrames: number[] }).routeFrames.length))
      .toBeGreaterThan(0);
    await page.waitForTimeout(300);
    const { axisFrames, routeFrames } = await page.evaluate(() => {
      const w = window as unknown as { axisFrames: number[]; routeFrames: number[] };
      return { axisFrames: w.axisFrames, routeFrames: w.routeFrames };
    });
    await page.mouse.up();
    const windowFrame = axisFrames.at(-1)!;
    expect(windowFrame).toBeGreaterThan(0);
    expect(routeFrames).toContain(windowFrame);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('10,000 events', () => {
  const big = JSON.stringify(generateDataset(10_000, { seed: 20_240_913 }));
  const serve = { '/bench-10k.json': big };

  it('names the lanes without writing one name over another when 50 trips share the height', async () => {
    const { page, errors } = await open('./?data=bench-10k.json&from=1999-01-01&to=2026-01-01', { serve });
    await page.waitForSelector(`${TIMELINE} .tl-lane-labels text`, { state: 'attached', timeout: 60_000 });
    await page.waitForTimeout(300);
    const names = await page.$$eval(`${TIMELINE} .tl-lane-labels g`, (gs) =>
      gs
        .filter((g) => getComputedStyle(g).visibility !== 'hidden')
        .map((g) => {
          const r = g.querySelector('text')!.getBoundingClientRect();
          return { text: g.querySelector('text')!.textContent ?? '', top: r.top, bottom: r.bottom };
        })
        .sort((a, b) => a.top - b.top),
    );
    // Fifty lanes of a few pixels each: every few is named, each name on its own line.
    expect(await page.locator(`${TIMELINE} .tl-lane-labels g`).count()).toBe(50);
    expect(names.length).toBeGreaterThanOrEqual(8);
    expect(names.length).toBeLessThan(50);
    for (let i = 1; i < names.length; i++) expect(names[i]!.top).toBeGreaterThanOrEqual(names[i - 1]!.bottom - 0.5);
    expect(names[0]!.text).toMatch(/^Trip 1\b/);
    expect(errors).toEqual([]);
  });

  it('keeps the DOM small, paints a crowded window on a canvas, and still hovers and selects there', async () => {
    const { page, errors } = await open('./?data=bench-10k.json', { serve });
    await page.waitForSelector(`${TIMELINE} .tl [data-event-id]`, { state: 'attached', timeout: 60_000 });
    await page.waitForTimeout(500);
    const dom = await page.evaluate(() => ({
      marks: document.querySelectorAll('.tl-detail [data-event-id]').length,
      elements: document.querySelectorAll('.tl *').length,
      canvas: getComputedStyle(document.querySelector('.tl-canvas')!).display,
    }));
    expect(dom.canvas).not.toBe('none');
    expect(dom.marks).toBeLessThanOrEqual(3);
    expect(dom.elements).toBeLessThan(1500);
    // A painted pixel of the canvas is a mark: hovering it lights the mark up, clicking selects it.
    const spot = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('.tl-canvas canvas')!;
      const r = c.getBoundingClientRect();
      const ctx = c.getContext('2d')!;
      const { data, width, height } = ctx.getImageData(0, 0, c.width, c.height);
      for (let y = 0; y < height; y += 2)
        for (let x = Math.floor(width / 3); x < width; x += 2)
          if (data[(y * width + x) * 4 + 3]! > 200)
            return { x: r.left + (x / width) * r.width, y: r.top + (y / height) * r.height };
      return null;
    });
    expect(spot).not.toBeNull();
    await page.mouse.move(spot!.x, spot!.y);
    await expect.poll(() => page.locator(`${TIMELINE} .tl-mark.is-hover`).count()).toBe(1);
    const id = await page.getAttribute(`${TIMELINE} .tl-mark.is-hover`, 'data-event-id');
    await page.mouse.click(spot!.x, spot!.y);
    await expect.poll(() => new URL(page.url()).searchParams.get('event')).toBe(id);
    expect(await page.getAttribute(`${TIMELINE} [data-event-id="${id}"]`, 'aria-current')).toBe('true');
    await screenshot(page, 'timeline-10k');

    // Show all: 10,000 events, still a handful of DOM marks; the overview is a histogram.
    await page.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(() => page.textContent('[data-testid=event-count]')).toMatch(/10,000 of 10,000|10000 of 10000/);
    expect(await page.locator(`${TIMELINE} .tl-detail [data-event-id]`).count()).toBeLessThanOrEqual(3);
    expect(await page.locator(`${TIMELINE} .tl-overview-ticks line`).count()).toBe(0);
    expect((await page.getAttribute(`${TIMELINE} .tl-overview-hist`, 'd'))?.length).toBeGreaterThan(100);
    expect(errors).toEqual([]);
    await page.close();
  });
});

// ---- Snapshots -------------------------------------------------------------------------------------

const SNAPSHOT_WIDTH = 960;

/** The timeline's SVG as stable text: numbers to one decimal, generated ids numbered, one tag a line. */
function normalize(svg: string): string {
  return svg
    .replace(/itinera-tl-\d+/g, 'itinera-tl')
    .replace(/-?\d+\.\d+(e-?\d+)?/g, (n) => {
      const v = Math.round(Number(n) * 10) / 10;
      return String(Object.is(v, -0) ? 0 : v);
    })
    .replace(/></g, '>\n<');
}

async function timelineSvg(path: string, selector = '.app-timeline svg.tl-svg'): Promise<string> {
  const { page, errors } = await open(path, { fixedText: true });
  await ready(page);
  await page.addStyleTag({
    content: `.app-timeline .tl-host { width: ${SNAPSHOT_WIDTH}px !important; max-width: none !important; }`,
  });
  await page.waitForFunction(
    (w) => Math.round(document.querySelector('.tl')!.getBoundingClientRect().width) === w,
    SNAPSHOT_WIDTH,
  );
  await page.waitForTimeout(300);
  const svg = await page.$eval(selector, (el) => el.outerHTML);
  expect(errors).toEqual([]);
  await page.close();
  return normalize(svg);
}

describe('snapshots of the timeline SVG', () => {
  const dir = '../timeline/__snapshots__';
  for (const [name, path, selector] of [
    ['seed-default', './?lang=en'],
    ['trip-2019-days', './?lang=en&from=2019-04-23&to=2019-04-28'],
    ['trip-2019-hours', './?lang=en&from=2019-04-25T00:00Z&to=2019-04-25T12:00Z'],
    ['compare', './?lang=en&compare=kju-2019-russia,kju-2023-russia', '.app-timeline svg.tl-compare'],
    ['french-days', './?lang=fr&from=2019-04-23&to=2019-04-28'],
    ['empty-window', './?lang=en&from=2010-01-01&to=2010-02-01'],
    ['bins-2015-2026', './?lang=en&from=2015-01-01&to=2026-01-01'],
  ] as const) {
    it(`matches ${name}`, async () => {
      const svg = await timelineSvg(path, selector);
      expect(svg).toMatch(/^<svg/);
      await expect(svg).toMatchFileSnapshot(`${dir}/${name}.svg`);
    });
  }

  it('normalizes numbers and generated ids', () => {
    expect(normalize('<g id="itinera-tl-12-clip" x="10.04" y="-0.01"></g>')).toBe(
      '<g id="itinera-tl-clip" x="10" y="0">\n</g>',
    );
  });
});
