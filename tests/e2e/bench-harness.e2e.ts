// The benchmark's in-page harness (scripts/bench/harness.mjs): a step's latency runs to the frame
// after the last change the input caused, and a drawing on a canvas is such a change even though the
// DOM stays the same (Leaflet's canvas renderer draws routes in a later frame than the one it is asked in).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installHarness } from '../../scripts/bench/harness.mjs';
import { launch } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Step {
  latency: number | null;
  changed: boolean;
  /** From the input's timestamp to the drawing (null: nothing drawn). */
  drawnAfter: number | null;
}

/** A page whose mousemove draws on a canvas `frames` animation frames later (0: never). */
async function stepOf(frames: number): Promise<Step> {
  const context = await browser.newContext({ viewport: { width: 400, height: 300 } });
  await context.addInitScript(installHarness);
  const page: Page = await context.newPage();
  await page.goto('data:text/html,<canvas width="100" height="100"></canvas>');
  await page.evaluate((frames) => {
    const ctx = document.querySelector('canvas')!.getContext('2d')!;
    addEventListener('mousemove', () => {
      if (!frames) return;
      let left = frames;
      const next = () => {
        if (--left) return requestAnimationFrame(next);
        (window as unknown as { drawnAt: number }).drawnAt = performance.now();
        ctx.fillRect(0, 0, 10, 10);
      };
      requestAnimationFrame(next);
    });
    (window as unknown as { __bench: { observe(): void } }).__bench.observe();
  }, frames);
  await page.mouse.move(10, 10);
  // No input armed: a wait for quiet, which returns once the page is quiet (not at the timeout).
  const waited = await page.evaluate(() =>
    (window as unknown as { __bench: { settle(q: number, t: number): Promise<unknown> } }).__bench.settle(3, 30_000),
  );
  expect(waited).toEqual({ quiet: true, latency: null, changed: false });
  await page.evaluate(() => (window as unknown as { __bench: { arm(): void } }).__bench.arm());
  await page.mouse.move(20, 20);
  const step = (await page.evaluate(async () => {
    const w = window as unknown as {
      __bench: { settle(q: number): Promise<object>; input: { ts: number } };
      drawnAt?: number;
    };
    const got = await w.__bench.settle(8);
    return { ...got, drawnAfter: w.drawnAt === undefined ? null : w.drawnAt - w.__bench.input.ts };
  })) as Step;
  await context.close();
  return step;
}

describe('the benchmark harness', () => {
  it('counts a canvas drawing as a change, runs the latency to the frame after it, and waits for quiet without an input', async () => {
    const none = await stepOf(0);
    const later = await stepOf(4);
    expect(none.changed).toBe(false);
    expect(none.drawnAfter).toBeNull();
    expect(later.changed).toBe(true);
    // The step ends at the end of a frame after the drawing, not at the first frame after the input.
    expect(later.drawnAfter).toBeGreaterThan(0);
    expect(later.latency!).toBeGreaterThanOrEqual(later.drawnAfter!);
  });
});
