// Bringing data in and out, in real Chromium: hostile files give clear messages (never a blank page
// or an uncaught error), other tools' files open by picker and by drop, exports download and re-load.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../scripts/bench/generate.mjs';
import { DEEP_NESTING, FIVE_MB_STRING } from '../core/import/hostile';
import { baseUrl, launch, openPage, ready, screenshot } from './browser';

const TIMELINE = '[role=region][aria-label="Timeline"]';
const MAP = '[role=region][aria-label="Map"]';
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function alertText(page: Page): Promise<string> {
  await page.waitForSelector('[role=alert]');
  return (await page.textContent('[role=alert]')) ?? '';
}

async function openWithPicker(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await page.getByRole('button', { name: 'Open a file…', includeHidden: true }).waitFor({ state: 'attached' });
  await page.setInputFiles('[data-testid=file-input]', { name, mimeType, buffer });
}

describe('hostile files through ?data=: a clear message, the views still there, no uncaught error', () => {
  const cases: [string, RegExp][] = [
    ['empty.json', /the file is empty/],
    ['truncated.json', /not valid JSON at line 2, column 1/],
    ['html-error-page.json', /this is an HTML page, not a dataset/],
    ['array-root.json', /the file is a JSON array; a dataset is a JSON object/],
    ['bom-comment.json', /not valid JSON at line 2, column 3: .*comments are not allowed in JSON/],
    [
      'wrong-types.json',
      /0 of 4 events shown, 4 dropped.*sources \(line 4, column 14\): expected an array, got an object/s,
    ],
  ];
  for (const [name, message] of cases)
    it(name, async () => {
      const { page, consoleErrors } = await openPage(browser, `./?data=fixtures/${name}`);
      expect(await alertText(page)).toMatch(message);
      expect(await page.locator(MAP).count()).toBe(1);
      expect(await page.locator(TIMELINE).count()).toBe(1);
      expect(consoleErrors).toEqual([]);
      await page.close();
    });

  it('shows line and column next to each path in the problems panel', async () => {
    const { page } = await openPage(browser, './?data=fixtures/broken-records.json');
    expect(await alertText(page)).toContain('events[2].kind (line 21, column 47): "teleport" is not one of');
    await page.close();
  });
});

describe('where the data downloads and restores', () => {
  // ~4.7 MB: a file opened on the drawn page from 512 KB goes to the parse worker; the first load
  // restores here whatever the size (load-dataset.ts, fetchDataset).
  const BIG = JSON.stringify(generateDataset(25_000));
  const big = JSON.parse(BIG) as { events: { id: string; title: { en: string } }[] };

  /** The files the page asked for, those its main thread fetched, the workers it started. */
  async function load(path: string, { blockWorker = false } = {}) {
    // Motion on: the loading sweep's animation is looked at.
    const { page, consoleErrors } = await openPage(browser, 'about:blank', undefined, {
      reducedMotion: 'no-preference',
    });
    await page.route(/\/fixtures\/generated-big\.json$/, async (route) => {
      // As over a network slower than the app's start: the file arrives once the app shows its skeleton.
      await page.waitForSelector('[data-testid=skeleton]', { state: 'attached' });
      await route.fulfill({ body: BIG, contentType: 'application/json' });
    });
    // As in a single-file build opened from disk, whose worker file is not beside it.
    if (blockWorker) await page.route(/\/parse-worker-[\w-]+\.js$/, (route) => route.abort());
    const asked: string[] = [];
    page.on('request', (r) => void asked.push(new URL(r.url()).pathname));
    // Every text the loading status shows, as the page changes it, and what its sweep animates.
    await page.addInitScript(() => {
      const seen: string[] = [];
      const sweep: string[] = [];
      Object.assign(window, { __status: seen, __sweep: sweep });
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid=load-progress] span')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
        for (const a of document.querySelector('.load-progress__sweep')?.getAnimations() ?? [])
          for (const frame of (a.effect as KeyframeEffect).getKeyframes())
            for (const k of Object.keys(frame)) if (!sweep.includes(k)) sweep.push(k);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(new URL(path, baseUrl()).href);
    await ready(page);
    const onMain = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
    );
    const restored = () =>
      page.evaluate(() =>
        performance.getEntriesByName('itinera:restored-in-worker').map((m) => (m as PerformanceMark).detail as unknown),
      );
    const status = () =>
      page.evaluate(() => {
        const w = window as unknown as { __status: string[]; __sweep: string[] };
        return { texts: w.__status, sweep: w.__sweep };
      });
    return { page, asked, onMain, restored, status, consoleErrors };
  }

  it('a big file of the address downloads and restores here, without the worker, saying so meanwhile', async () => {
    const last = big.events[big.events.length - 1]!;
    const { page, asked, onMain, restored, status, consoleErrors } = await load(
      `./?data=fixtures/generated-big.json&event=${last.id}`,
    );
    expect(onMain.filter((p) => p.endsWith('/fixtures/generated-big.json'))).toHaveLength(1);
    expect(asked.filter((p) => p.includes('parse-worker'))).toEqual([]);
    expect(await restored()).toEqual([]);
    // The bytes counted, then "Reading the file" painted before this thread restores it, with a sweep
    // moved by transform: the compositor runs that while this thread is busy.
    const { texts, sweep } = await status();
    expect(texts.at(-1)).toBe('Reading the file…');
    expect(sweep).toContain('transform');
    // Every event is there, and a deep link reaches the last one, with its own title.
    const count = `\n${big.events.length} events loaded`;
    await page.waitForFunction((text) => document.body.innerText.includes(text), count);
    await page.waitForSelector(`${TIMELINE} [data-event-id="${last.id}"]`, { state: 'attached' });
    expect(await page.locator('body').innerText()).toContain(last.title.en);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('the bundled default, small, downloads and restores on the main thread', async () => {
    const { page, asked, onMain, restored } = await load('./');
    const isData = (p: string) => /\/assets\/kim-trips-[\w-]+\.json$/.test(p);
    expect(asked.filter(isData)).toHaveLength(1);
    expect(onMain.filter(isData)).toHaveLength(1);
    expect(asked.filter((p) => p.includes('parse-worker'))).toEqual([]);
    expect(await restored()).toEqual([]);
    await page.close();
  });

  it('a big file opened on the drawn page is restored by the worker and handed back', async () => {
    const { page, asked, restored, consoleErrors } = await load('./');
    await openWithPicker(page, 'generated-big.json', 'application/json', Buffer.from(BIG));
    const count = `\n${big.events.length} events loaded`;
    await page.waitForFunction((text) => document.body.innerText.includes(text), count, { timeout: 60_000 });
    expect(asked.filter((p) => p.includes('parse-worker'))).toHaveLength(1);
    // The columns came back and joined this thread's own parse (not the whole dataset by clone).
    expect(await restored()).toEqual([{ handoff: true }]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('a big file opened on the drawn page still loads, on the main thread, when the parse worker cannot start', async () => {
    const { page, asked, restored, consoleErrors } = await load('./', { blockWorker: true });
    await openWithPicker(page, 'generated-big.json', 'application/json', Buffer.from(BIG));
    const count = `\n${big.events.length} events loaded`;
    await page.waitForFunction((text) => document.body.innerText.includes(text), count, { timeout: 60_000 });
    expect(asked.filter((p) => p.includes('parse-worker'))).toHaveLength(1);
    expect(await restored()).toEqual([]); // not by the worker
    expect(consoleErrors.filter((m) => !/Failed to load resource/.test(m))).toEqual([]);
    await page.close();
  });
});

describe('generated hostile files through the file picker', () => {
  it('a 5 MB string: parsed off the main thread, the message stays short', async () => {
    const { page, consoleErrors } = await openPage(browser, './');
    await openWithPicker(page, 'big-string.json', 'application/json', Buffer.from(FIVE_MB_STRING()));
    await expect
      .poll(() => page.locator('[role=alert]').textContent(), { timeout: 20_000 })
      .toMatch(/5242880 characters/);
    const text = await alertText(page);
    expect(text.length).toBeLessThan(2000);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('200,000-deep nesting', async () => {
    const { page, consoleErrors } = await openPage(browser, './');
    await openWithPicker(page, 'deep.json', 'application/json', Buffer.from(DEEP_NESTING()));
    await expect
      .poll(() => page.locator('[role=alert]').textContent(), { timeout: 20_000 })
      .toMatch(/meta \(line 1, column 34\): expected object, got an array/);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});

describe("other tools' files", () => {
  it('opens a TimelineJS file with the picker: events without places on the timeline, problems in its terms', async () => {
    const { page, consoleErrors } = await openPage(browser, './?data=fixtures/small.json&event=e2');
    await page.waitForSelector(`${TIMELINE} [data-event-id="e2"]`);
    await openWithPicker(page, 'timeline.json', 'application/json', fixture('timelinejs.json'));
    const text = await alertText(page);
    expect(text).toContain('2 of 5 events shown, 3 dropped');
    expect(text).toContain('events[2].start_date.month (line 24, column 48): 13 is not in 1–12');
    await page.waitForSelector(`${TIMELINE} [data-event-id="dep-2019"]`, { state: 'attached' });
    expect(await page.locator(`${TIMELINE} [data-event-id]`).count()).toBe(2);
    expect(await page.locator(`${MAP} [data-event-id]`).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('data')).toBeNull();
    expect(await page.locator('h1').textContent()).toBe("Kim's train to Russia");
    expect(consoleErrors).toEqual([]);
    await screenshot(page, 'import-timelinejs');
    await page.close();
  });

  it('opens a CSV file dropped on the page, with markers at its places', async () => {
    const { page, consoleErrors } = await openPage(browser, './');
    await page.getByRole('button', { name: 'Open a file…', includeHidden: true }).waitFor({ state: 'attached' });
    const csv = fixture('events.csv').toString('utf8');
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'events.csv', { type: 'text/csv' }));
      return dt;
    }, csv);
    await page.dispatchEvent('body', 'dragenter', { dataTransfer });
    expect(await page.locator('.file-drop').textContent()).toBe('Drop the file to open it');
    await page.dispatchEvent('body', 'drop', { dataTransfer });
    expect(await alertText(page)).toContain('2 of 5 events shown, 3 dropped');
    expect(await page.locator('.file-drop').count()).toBe(0);
    await page.waitForSelector(`${MAP} [data-event-id="dep"]`, { state: 'attached' });
    expect(await page.locator(`${MAP} [data-event-id="talks"]`).count()).toBe(1);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('loads an https address from elsewhere (and says so clearly when it cannot be reached)', async () => {
    const { page, foreignRequests } = await openPage(browser, './?data=https://example.org/data.json');
    expect(await alertText(page)).toMatch(/https:\/\/example\.org\/data\.json could not be loaded/);
    expect(foreignRequests).toEqual(['https://example.org/data.json']);
    await page.close();
  });
});

describe('exports', () => {
  async function download(page: Page, format: 'json' | 'geojson' | 'csv'): Promise<string> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export=${format}]`)]);
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  it('downloads the dataset as our JSON, GeoJSON and CSV, and the JSON opens again', async () => {
    const { page, consoleErrors } = await openPage(browser, './?data=fixtures/small.json');
    await page.waitForSelector(`${TIMELINE} [data-event-id="e1"]`, { state: 'attached' });
    await page.click('[data-testid=header-menu] > summary'); // the header's "More" menu
    await page.click('.data-menu summary');
    await page.getByLabel('All events (3)').check();
    await screenshot(page, 'export-menu');
    const json = JSON.parse(await download(page, 'json'));
    expect(json.format).toBe('itinera/1');
    expect(json.events.map((e: { id: string }) => e.id)).toEqual(['e1', 'e2', 'e3']);
    const geo = JSON.parse(await download(page, 'geojson'));
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.find((f: { id: string }) => f.id === 'khasan').geometry.coordinates).toEqual([
      130.6449, 42.4301,
    ]);
    const csv = await download(page, 'csv');
    expect(csv.split('\r\n')[0]).toMatch(/^\ufeff?id,title,start,end,kind/);

    await openWithPicker(page, 'again.json', 'application/json', Buffer.from(JSON.stringify(json)));
    await page.waitForSelector(`${TIMELINE} [data-event-id="e3"]`, { state: 'attached' });
    expect(await page.locator('[role=alert]').count()).toBe(0);
    expect(await page.locator(`${TIMELINE} [data-event-id]`).count()).toBe(3);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('downloads only the events of the time window when asked', async () => {
    const { page } = await openPage(browser, './?data=fixtures/small.json&from=2019-04-25&to=2019-04-25');
    await page.waitForSelector(`${TIMELINE} [data-event-id="e3"]`, { state: 'attached' });
    await page.click('[data-testid=header-menu] > summary'); // the header's "More" menu
    await page.click('.data-menu summary');
    await page.getByLabel(/Events in the time window/).check();
    const json = JSON.parse(await download(page, 'json'));
    expect(json.events.map((e: { id: string }) => e.id)).toEqual(['e3']);
    expect(json.places.map((p: { id: string }) => p.id)).toEqual(['vladivostok']);
    await page.close();
  });
});
