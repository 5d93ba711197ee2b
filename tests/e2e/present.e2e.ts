// Presentation mode in real Chromium: keys step through the shipped narrative (the timeline mark, the
// map and the progress follow), step= restores, the speaker view follows over BroadcastChannel, and the
// image exports (PNG of the view, SVG of the timeline).
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, openPage, ready, screenshot } from './browser';

const TIMELINE = '[role=region][aria-label="Timeline"]';
const PROGRESS = '[data-testid=present-progress]';
const PLAY = '[data-testid=play]';
const STEPS = [
  'kju-2019-pyongyang-departure',
  'kju-2019-khasan-crossing',
  'kju-2019-khasan-welcome',
  'kju-2019-vladivostok-arrival',
  'kju-2019-summit-talks',
  'kju-2019-reception',
  'kju-2019-return-home',
  'kju-2023-pyongyang-departure',
  'kju-2023-khasan-arrival',
  'kju-2023-razdolnaya-bridge',
  'kju-2023-vostochny-talks',
  'kju-2023-pyongyang-arrival',
];
const VIEWPORT = { width: 1280, height: 720 };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const selected = (page: Page) => page.getAttribute(`${TIMELINE} [aria-current="true"]`, 'data-event-id');
/** The step's marker is on the map and inside its visible area (the map brought it into view). */
async function markerInView(page: Page, id: string): Promise<boolean> {
  const map = await page.locator('[role=region][aria-label="Map"] .leaflet-container').boundingBox();
  const marker = await page.locator(`.leaflet-marker-pane [data-event-id="${id}"]`).first().boundingBox();
  if (!map || !marker) return false;
  const [x, y] = [marker.x + marker.width / 2, marker.y + marker.height / 2];
  return x > map.x && x < map.x + map.width && y > map.y && y < map.y + map.height;
}

async function expectStep(page: Page, n: number) {
  await expect.poll(() => page.textContent(PROGRESS)).toContain(`${n} / 12`);
  await expect.poll(() => selected(page)).toBe(STEPS[n - 1]);
}

describe('presentation mode', () => {
  it('steps with → ↓ PageDown Space ← ↑ PageUp Home End and number + Enter; playback keys stay quiet', async () => {
    const { page, consoleErrors } = await openPage(browser, './?present=1', VIEWPORT);
    await ready(page);
    await expectStep(page, 1);
    await page.focus('body');
    const presses: [string, number][] = [
      ['ArrowRight', 2],
      ['ArrowDown', 3],
      ['PageDown', 4],
      ['Space', 5],
      ['ArrowLeft', 4],
      ['ArrowUp', 3],
      ['PageUp', 2],
      ['End', 12],
    ];
    for (const [key, n] of presses) {
      await page.keyboard.press(key);
      await expectStep(page, n);
      await expect.poll(() => markerInView(page, STEPS[n - 1]!)).toBe(true);
    }
    // Space moved the presentation, not playback.
    expect(await page.getAttribute(PLAY, 'aria-pressed')).not.toBe('true');
    await expect.poll(() => markerInView(page, STEPS[11]!)).toBe(true);
    await page.keyboard.press('Home');
    await expectStep(page, 1);
    await page.keyboard.press('1');
    await page.keyboard.press('0');
    await page.keyboard.press('Enter');
    await expectStep(page, 10);
    await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('10');
    expect(await page.textContent('.present-next')).toContain('Vostochny');
    await screenshot(page, 'present-1280x720');
    // Escape leaves presentation mode.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.app.is-present').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('present')).toBeNull();
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('restores the step from step= and enters from the header button', async () => {
    const { page } = await openPage(browser, './?present=1&step=4', VIEWPORT);
    await ready(page);
    await expectStep(page, 4);
    await page.goto(new URL('./', baseUrl()).href);
    await ready(page);
    await page.click('[data-testid=header-menu] > summary'); // the header's "More" menu
    await page.click('[data-testid=present]');
    await expectStep(page, 1);
    await page.close();
  });

  it('keeps the speaker view in step with the presenter over BroadcastChannel', async () => {
    // A context of its own: the two windows talk over BroadcastChannel, which no other page may join.
    const { page } = await openPage(browser, './?present=1&step=2', VIEWPORT, { fresh: true });
    await ready(page);
    await expectStep(page, 2);
    const notes = await page.context().newPage();
    await notes.goto(new URL('./?present=1&notes=1', baseUrl()).href);
    // The speaker view asks the presenter for its step when it opens.
    await expect.poll(() => notes.textContent('[data-testid=speaker-progress]')).toContain('2 / 12');
    expect(await notes.textContent('[data-testid=speaker-notes]')).toContain('Tumangang');
    expect(await notes.textContent('[data-testid=speaker-next]')).toContain('Bread-and-salt');
    expect(await notes.textContent('[data-testid=speaker-clock]')).toMatch(/\d\d:\d\d:\d\d/);
    await page.bringToFront();
    await page.keyboard.press('PageDown');
    await expectStep(page, 3);
    await expect.poll(() => notes.textContent('[data-testid=speaker-progress]')).toContain('3 / 12');
    // And the other way: a clicker on the speaker's window moves the projected one.
    await notes.bringToFront();
    await notes.keyboard.press('PageDown');
    await expectStep(page, 4);
    await screenshot(notes, 'present-speaker-view');
    await page.close();
  });
});

describe('image export', () => {
  it('downloads the view as a PNG and the timeline as an SVG holding every mark', async () => {
    const { page, consoleErrors } = await openPage(browser, './?from=2019-04-23&to=2019-04-28', VIEWPORT);
    await ready(page);
    await page.click('[data-testid=header-menu] > summary'); // the header's "More" menu
    await page.click('.image-menu summary');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-export=png]')]);
    expect(png.suggestedFilename()).toMatch(/^kim-trains-russia_2019-04-2\d_2019-04-2\d\.png$/);
    const bytes = readFileSync((await png.path())!);
    expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(20_000);
    const box = await page.locator('.app-main').boundingBox();
    expect(bytes.readUInt32BE(16)).toBe(Math.round(box!.width));
    expect(bytes.readUInt32BE(20)).toBeGreaterThanOrEqual(Math.round(box!.height));
    // The map's place labels are HTML, not canvas: they are in the image too, in their dark ink. The
    // share of dark pixels in each label's box, in the PNG (the land and sea around are light).
    const ink = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const origin = document.querySelector('.app-main')!.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>('.itinera-place-label')]
        .filter((l) => !l.hidden && l.getBoundingClientRect().width > 0)
        .map((l) => {
          const r = l.getBoundingClientRect();
          const px = ctx.getImageData(r.left - origin.left, r.top - origin.top, r.width, r.height).data;
          let dark = 0;
          for (let i = 0; i < px.length; i += 4) if (0.3 * px[i]! + 0.59 * px[i + 1]! + 0.11 * px[i + 2]! < 110) dark++;
          return { label: l.textContent, share: dark / (px.length / 4) };
        });
    }, bytes.toString('base64'));
    expect(ink.length).toBeGreaterThanOrEqual(2);
    for (const { label, share } of ink) expect(share, label!).toBeGreaterThan(0.05);

    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('[data-export=svg]')]);
    expect(svg.suggestedFilename()).toMatch(/_timeline\.svg$/);
    const text = readFileSync((await svg.path())!, 'utf8');
    const onPage = await page.$$eval(`${TIMELINE} svg.tl-svg [data-event-id]`, (els) =>
      [...new Set(els.map((e) => e.getAttribute('data-event-id')))].sort(),
    );
    const parsed = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror') !== null,
        root: doc.documentElement.localName,
        ids: [
          ...new Set([...doc.querySelectorAll('[data-event-id]')].map((e) => e.getAttribute('data-event-id'))),
        ].sort(),
      };
    }, text);
    expect(parsed.error).toBe(false);
    expect(parsed.root).toBe('svg');
    expect(onPage.length).toBeGreaterThan(5);
    expect(parsed.ids).toEqual(onPage);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
