// A foreign frame posts hundreds of random messages to an embedded Itinera: nothing changes.
import fc from 'fast-check';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch } from './browser';

const TIMELINE = '[role=region][aria-label="Timeline"]';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Random messages, biased towards the shapes hosts really send. */
function randomMessages(n: number): unknown[] {
  const near = fc.oneof(
    fc.string().map((s) => `pymxPYMxitinera-1xPYMx${s}`),
    fc.string().map((s) => `pymxPYMxitinera-1xPYMxwidthxPYMx${s}`),
    fc.constantFrom('pymxPYMxitinera-1xPYMxnavigateToxPYMxhttps://evil.example/', '{"event":"kju-2019-russia"}'),
    fc.record({
      type: fc.constantFrom('select', 'event', 'height', 'embed-size'),
      id: fc.string(),
      value: fc.integer(),
    }),
    fc.record({ 'itinera-height': fc.dictionary(fc.string(), fc.integer()) }),
    fc.record({ sentinel: fc.constant('amp'), type: fc.string(), height: fc.integer() }),
    fc.record({ secret: fc.string(), message: fc.string(), value: fc.integer() }),
  );
  return fc.sample(fc.oneof(fc.jsonValue(), near), { numRuns: n, seed: 20230912 });
}

describe('random messages from a foreign frame', () => {
  for (const mode of ['full view', 'embed with pym childId']) {
    it(`${mode}: the state, the address and the page do not change`, async () => {
      const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      const path =
        mode === 'full view'
          ? './?event=kju-2023-khasan-arrival'
          : './?embed=1&initialWidth=600&childId=itinera-1&event=kju-2023-khasan-arrival';
      await page.goto(new URL(path, baseUrl()).href);
      await page.waitForSelector(`${TIMELINE} [aria-current="true"]`, { state: 'attached' });
      await page.waitForTimeout(400);
      const before = {
        url: page.url(),
        title: await page.textContent('#details-title'),
        html: await page.locator('main').count(),
      };

      const messages = randomMessages(400);
      // A frame of another origin (data: URLs are opaque) posts every message to its parent, the app.
      await page.evaluate((msgs) => {
        const html = `<script>const m=${JSON.stringify(msgs).replace(/</g, '\\u003c')};for (const x of m) parent.postMessage(x, '*');parent.postMessage('done', '*');</script>`;
        return new Promise<void>((resolve) => {
          addEventListener('message', (e) => e.data === 'done' && resolve());
          const f = document.createElement('iframe');
          f.src = `data:text/html,${encodeURIComponent(html)}`;
          document.body.append(f);
        });
      }, messages);
      await page.waitForTimeout(500);

      expect(page.url()).toBe(before.url);
      expect(await page.textContent('#details-title')).toBe(before.title);
      expect(await page.getAttribute(`${TIMELINE} [data-event-id="kju-2023-khasan-arrival"]`, 'aria-current')).toBe(
        'true',
      );
      expect(await page.locator('main').count()).toBe(before.html);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
