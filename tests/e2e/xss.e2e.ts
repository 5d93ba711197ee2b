// Hostile text in every text field of a dataset: no script runs, no dialog opens, the text stays
// readable as text. (Importers get the same treatment in the data tests.)
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch } from './browser';

const VECTORS = JSON.parse(readFileSync(new URL('../fixtures/xss-vectors.json', import.meta.url), 'utf8')) as string[];
const URL_VECTORS = [
  'javascript:window.__xss=1',
  'JaVaScRiPt:window.__xss=1',
  ' javascript:window.__xss=1',
  'data:text/html,<script>parent.__xss=1</script>',
  'vbscript:msgbox(1)',
];

/** A dataset whose every text field holds a payload; event i carries payload i everywhere it can. */
function hostileDataset() {
  const text = (s: string) => ({ en: s, fr: s });
  const sources = [
    ...VECTORS.map((v, i) => ({
      id: `s${i}`,
      publisher: v,
      title: v,
      url: 'https://example.org/a',
      language: 'en',
      author: v,
      note: v,
    })),
    ...URL_VECTORS.map((u, i) => ({ id: `u${i}`, publisher: 'p', title: 't', url: u, language: 'en' })),
  ];
  return {
    format: 'itinera/1',
    meta: { id: 'xss', title: text(VECTORS[0]!), description: text(VECTORS[1]!) },
    sources,
    people: VECTORS.map((v, i) => ({ id: `p${i}`, names: { en: v, fr: v, ko: v, ru: v }, role: text(v) })),
    places: VECTORS.map((v, i) => ({
      id: `pl${i}`,
      names: text(v),
      note: text(v),
      lat: 40 + (i % 10) * 0.5,
      lon: 125 + Math.floor(i / 10) * 0.5,
      timeZone: 'Asia/Vladivostok',
      country: 'RU',
      approximate: i % 2 === 0,
    })),
    trips: [{ id: 't0', traveller: 'p0', title: text(VECTORS[2]!), summary: text(VECTORS[3]!) }],
    legs: [
      {
        id: 'l0',
        trip: 't0',
        from: 'pl0',
        to: 'pl1',
        mode: 'train',
        start: '2023-09-10T10:00+10:00',
        end: '2023-09-10T12:00+10:00',
        distances: VECTORS.map((v, i) => ({ km: 10 + i, basis: 'rail', label: text(v), sources: [`s${i}`] })),
      },
    ],
    events: VECTORS.map((v, i) => ({
      id: `e${i}`,
      trip: 't0',
      kind: 'talks',
      start: `2023-09-${String(10 + (i % 15)).padStart(2, '0')}T${String(8 + (i % 10)).padStart(2, '0')}:00+10:00`,
      timeText: text(v),
      place: `pl${i}`,
      participants: [`p${i}`],
      title: text(v),
      summary: text(v),
      sources: [`s${i}`],
    })),
    claims: [
      ...VECTORS.map((v, i) => ({ id: `c${i}`, about: `e${i}`, text: text(v), sources: [`s${i}`] })),
      ...URL_VECTORS.map((_, i) => ({ id: `cu${i}`, about: 'e0', text: text('x'), sources: [`u${i}`] })),
    ],
  };
}

const csvCell = (v: string) => `"${v.replace(/"/g, '""')}"`;
const day = (i: number) => `2019-04-${String(1 + (i % 28)).padStart(2, '0')}`;

/** The same payloads in each format another tool writes, every text field filled. */
const IMPORTS: Record<string, { file: string; contentType: string; body: () => string }> = {
  TimelineJS: {
    file: 'hostile-timelinejs.json',
    contentType: 'application/json',
    body: () =>
      JSON.stringify({
        title: { text: { headline: VECTORS[0], text: VECTORS[1] } },
        events: VECTORS.map((v, i) => ({
          unique_id: `t${i}`,
          start_date: { year: 2019, month: 4, day: 1 + (i % 28), display_date: v },
          text: { headline: v, text: v },
          group: v,
          display_date: v,
          media: { url: URL_VECTORS[i % URL_VECTORS.length], caption: v, credit: v },
        })),
        eras: [
          { start_date: { year: 2019 }, end_date: { year: 2020 }, text: { headline: VECTORS[2], text: VECTORS[3] } },
        ],
      }),
  },
  StoryMapJS: {
    file: 'hostile-storymap.json',
    contentType: 'application/json',
    body: () =>
      JSON.stringify({
        storymap: {
          line: true,
          slides: [
            { type: 'overview', text: { headline: VECTORS[0], text: VECTORS[1] } },
            ...VECTORS.map((v, i) => ({
              date: day(i),
              location: { lat: 40 + (i % 10) * 0.5, lon: 125 + Math.floor(i / 10) * 0.5, name: v },
              text: { headline: v, text: v },
              media: { url: URL_VECTORS[i % URL_VECTORS.length], caption: v, credit: v },
            })),
          ],
        },
      }),
  },
  CSV: {
    file: 'hostile.csv',
    contentType: 'text/csv',
    body: () =>
      [
        'id,title,start,kind,time,summary,place,lat,lon,timeZone,country,trip,source_url,source_publisher,source_title',
        ...VECTORS.map((v, i) =>
          [
            `c${i}`,
            csvCell(v),
            day(i),
            'talks',
            csvCell(v),
            csvCell(v),
            csvCell(v),
            40 + (i % 10) * 0.5,
            125 + Math.floor(i / 10) * 0.5,
            'Asia/Vladivostok',
            'RU',
            csvCell(v),
            URL_VECTORS[i % URL_VECTORS.length],
            csvCell(v),
            csvCell(v),
          ].join(','),
        ),
      ].join('\n'),
  },
  GeoJSON: {
    file: 'hostile.geojson',
    contentType: 'application/geo+json',
    body: () =>
      JSON.stringify({
        type: 'FeatureCollection',
        features: VECTORS.map((v, i) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [125 + Math.floor(i / 10) * 0.5, 40 + (i % 10) * 0.5] },
          properties: {
            id: `g${i}`,
            name: v,
            title: v,
            summary: v,
            start: day(i),
            trip: v,
            sources: [URL_VECTORS[i % URL_VECTORS.length], 'https://example.org/x'],
          },
        })),
      }),
  },
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe(`${VECTORS.length} XSS vectors in every text field`, () => {
  it('run no script, open no dialog, and read as text', async () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(30);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const body = JSON.stringify(hostileDataset());
    await context.route('**/fixtures/hostile.json', (route) =>
      route.fulfill({ contentType: 'application/json', body }),
    );
    await page.goto(new URL('./?data=fixtures/hostile.json&from=2023-09-01&to=2023-10-01', baseUrl()).href);
    const TL = '[role=region][aria-label="Timeline"]';
    await page.waitForSelector(`${TL} [data-event-id]`, { state: 'attached' });

    // The links that are not http(s) were refused, with a reason.
    expect(await page.textContent('[role=alert]')).toMatch(/sources\[\d+\]\.url/);

    for (let i = 0; i < VECTORS.length; i++) {
      await page.$eval(`${TL} [data-event-id="e${i}"]`, (el) =>
        el.dispatchEvent(new MouseEvent('click', { bubbles: true })),
      );
      await page.waitForSelector(`#details-title`);
      expect(await page.textContent('#details-title')).toBe(VECTORS[i]);
      const marker = page.locator(`[role=region][aria-label="Map"] [data-event-id="e${i}"]`);
      if (await marker.count()) await marker.hover({ force: true, timeout: 2000 }).catch(() => undefined);
    }
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    // No element from the payloads made it into the DOM as markup.
    expect(await page.locator('img[onerror], svg[onload], iframe[srcdoc], object, embed, marquee').count()).toBe(0);
    // Every link in the page is http(s) (or mailto), and external ones carry rel=noopener noreferrer.
    const hrefs = await page.$$eval('a[href]', (as) =>
      as.map((a) => [a.getAttribute('href') ?? '', a.getAttribute('rel') ?? ''] as const),
    );
    for (const [href, rel] of hrefs) {
      expect(href).toMatch(/^(https?:|mailto:|\?|#|\.\/)/i);
      if (/^https?:/i.test(href) && !href.startsWith(baseUrl())) expect(rel).toContain('noopener');
    }
    await context.close();
  });
});

describe('the same vectors in every import format', () => {
  for (const [name, spec] of Object.entries(IMPORTS)) {
    it(`${name}: no script runs, no dialog opens, the events are listed`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const body = spec.body();
      await context.route(`**/fixtures/${spec.file}`, (route) =>
        route.fulfill({ contentType: spec.contentType, body }),
      );
      await page.goto(new URL(`./?data=fixtures/${spec.file}&from=2019-03-20&to=2019-05-10`, baseUrl()).href);
      const TL = '[role=region][aria-label="Timeline"]';
      await page.waitForSelector(`${TL} [data-event-id]`, { state: 'attached' });
      const ids = await page.$$eval(`${TL} [data-event-id]`, (els) => els.map((e) => e.getAttribute('data-event-id')!));
      expect(ids.length).toBeGreaterThanOrEqual(VECTORS.length - 2);
      for (const id of ids) {
        await page.$eval(`${TL} [data-event-id="${id}"]`, (el) =>
          el.dispatchEvent(new MouseEvent('click', { bubbles: true })),
        );
        await page.waitForSelector('#details-title');
      }
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(await page.locator('img[onerror], svg[onload], iframe[srcdoc], object, embed, marquee').count()).toBe(0);
      const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
      for (const href of hrefs) expect(href).toMatch(/^(https?:|mailto:|\?|#|\.\/|blob:)/i);
      await context.close();
    });
  }
});
