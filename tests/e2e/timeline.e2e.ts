// The timeline in real Chromium: 24 px targets that never overlap (WCAG 2.5.8), the overview brush
// by keyboard (WCAG 2.5.7), symbols by kind with a legend, the canvas level of detail for large
// datasets, and snapshots of the timeline's SVG for named scenarios (in the manner of Observable
// Plot's tests: a fixed dataset, window, width, language and time zone; numbers rounded, generated
// ids made stable, text measured by a fixed rule so that fonts do not matter).
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../scripts/bench/generate.mjs';
import { baseUrl, launch, ready, screenshot } from './browser';

const dataset = JSON.parse(readFileSync(new URL('../../data/kim-trips.json', import.meta.url), 'utf8')) as {
  events: { id: string; kind: string }[];
};
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
}

async function open(path: string, o: Options = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: o.viewport ?? { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'UTC',
    reducedMotion: 'reduce',
  });
  const origin = new URL(baseUrl()).origin;
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const body = o.serve?.[url.pathname];
    if (body !== undefined) return route.fulfill({ status: 200, contentType: 'application/json', body });
    if (url.origin === origin || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    return route.abort();
  });
  if (o.fixedText)
    await context.addInitScript(() => {
      CanvasRenderingContext2D.prototype.measureText = function measureText(text: string) {
        const px = parseFloat(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? '10');
        return { width: Array.from(text).length * px * 0.56 } as TextMetrics;
      };
    });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await page.goto(new URL(path, baseUrl()).href);
  return { page, errors };
}

const windowOf = (page: Page) => {
  const q = new URL(page.url()).searchParams;
  return [Date.parse(q.get('from')!), Date.parse(q.get('to')!)] as const;
};
const widthOf = (w: readonly [number, number]) => w[1] - w[0];

/** The hit areas of the displayed marks: too small ones, and overlapping pairs. */
async function targets(page: Page) {
  return page.evaluate(() => {
    const hits = [...document.querySelectorAll<SVGGElement>('.tl-detail .tl-mark')]
      .filter((g) => g.getClientRects().length > 0 && getComputedStyle(g).display !== 'none')
      .map((g) => ({ id: g.dataset.eventId!, r: g.querySelector('.tl-hit')!.getBoundingClientRect() }));
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
    return { count: hits.length, small, overlapping };
  });
}

describe('targets (WCAG 2.5.8)', () => {
  for (const [name, path, viewport] of [
    ['the default view', './', { width: 1280, height: 800 }],
    ['the default view at 360 px', './', { width: 360, height: 740 }],
    ['the 2019 trip by days', './?from=2019-04-23&to=2019-04-28', { width: 1280, height: 800 }],
    ['the 2019 trip by days at 360 px', './?from=2019-04-23&to=2019-04-28', { width: 360, height: 740 }],
  ] as const) {
    it(`gives every mark of ${name} a hit area of at least 24 × 24 px that overlaps no other`, async () => {
      const { page } = await open(path, { viewport });
      await ready(page);
      await page.waitForTimeout(300);
      const t = await targets(page);
      expect(t.count).toBeGreaterThan(5);
      expect(t.small).toEqual([]);
      expect(t.overlapping).toEqual([]);
      await page.context().close();
    });
  }
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
    await page.context().close();
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
    const items = await legend.locator('li').allTextContents();
    expect(items).toHaveLength(new Set(dataset.events.map((e) => e.kind)).size);
    expect(items).toContain('Talks');
    expect(items).toContain('Border crossing');
    await screenshot(page, 'timeline-legend');
    await legend.locator('summary').click();
    expect(await legend.locator('ul').isVisible()).toBe(false);
    await page.context().close();
  });

  it('says the window is empty, and names the window in words', async () => {
    const { page } = await open('./?from=2010-01-01&to=2010-02-01');
    await ready(page);
    await expect.poll(() => page.locator(`${TIMELINE} .tl-empty`).isVisible()).toBe(true);
    expect(await page.textContent(`${TIMELINE} .tl-empty`)).toBe('No events in this window');
    expect(await page.textContent(`${TIMELINE} .tl-range`)).toMatch(/Jan 1.*Feb 1, 2010|Jan 1.*2010/);
    await page.context().close();
  });
});

describe('10,000 events', () => {
  const big = JSON.stringify(generateDataset(10_000, { seed: 20_240_913 }));
  const serve = { '/bench-10k.json': big };

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
    await page.context().close();
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
  await page.context().close();
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
