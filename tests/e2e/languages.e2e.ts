// Every language fits: in English, French, Korean and Russian, at 1280 px and on a 360 px phone, in the
// default view (details open, the More menu open), present mode and an embed, no text of the interface
// is cut off (an element whose text is wider than its box, unless it ends in a deliberate ellipsis) and
// nothing sticks out of the window. Screenshots per language go to test-artifacts/lang-*.png.
// Korean needs a Korean font on the machine (.ci/run installs fonts-nanum when `fc-list :lang=ko` is empty).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };
const EVENT = 'kju-2023-vostochny-talks';

/** Interface text wider than its box, and boxes past the right edge of the window. */
function misfits(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    const vw = document.documentElement.clientWidth;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const selector =
      'button, a, label, h1, h2, h3, summary, th, td, select, legend, dt, dd, p, li, [role=tab], [role=menuitem], [role=dialog] span';
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (!el.getClientRects().length || el.closest('.leaflet-pane, svg')) continue;
      // The content of a folded <details> keeps its boxes in Chromium but is not shown.
      const folded = el.closest('details:not([open])');
      if (folded && !el.closest('summary')) continue;
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      // Visually hidden text (for screen readers) is clipped on purpose.
      if (cs.visibility === 'hidden' || r.width <= 1 || cs.clipPath.startsWith('inset(50%')) continue;
      if (cs.display !== 'inline' && cs.textOverflow !== 'ellipsis' && el.scrollWidth > el.clientWidth + 1)
        out.push(`cut: ${name(el)} needs ${el.scrollWidth} px, has ${el.clientWidth}`);
      if (r.right > vw + 1) out.push(`outside: ${name(el)} ends at ${Math.round(r.right)} px of ${vw}`);
    }
    // The label of the selected (or hovered) marker stays inside the map.
    for (const label of document.querySelectorAll<HTMLElement>('.itinera-marker__label')) {
      if (getComputedStyle(label).display === 'none') continue;
      const r = label.getBoundingClientRect();
      const box = label.closest('.leaflet-container')!.getBoundingClientRect();
      if (r.left < box.left || r.right > box.right || r.top < box.top || r.bottom > box.bottom)
        out.push(
          `map label outside the map: "${label.textContent}" at ${Math.round(r.left)}–${Math.round(r.right)} px, map ${Math.round(box.left)}–${Math.round(box.right)}`,
        );
    }
    if (document.documentElement.scrollWidth > vw)
      out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} px`);
    return out;
  });
}

async function settled(page: Page, selector: string) {
  await page.waitForSelector(selector, { state: 'attached', timeout: 15_000 });
  await page.waitForTimeout(300);
}

describe('every language fits the interface', () => {
  for (const lang of ['fr', 'ko', 'ru', 'en'] as const) {
    it(`${lang}: default view with details and the More menu, at 1280 px and 360 px`, async () => {
      for (const viewport of [DESKTOP, PHONE]) {
        const { page, consoleErrors } = await openPage(browser, `./?lang=${lang}&event=${EVENT}`, viewport);
        await settled(page, '.tl [data-event-id]');
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        expect(await misfits(page), `${lang} at ${viewport.width} px`).toEqual([]);
        await screenshot(page, `lang-${lang}-${viewport.width}`);
        await page.locator('.header-menu > summary').click();
        await page.waitForSelector('.header-menu[open] .header-menu-panel', { state: 'visible' });
        expect(await misfits(page), `${lang} at ${viewport.width} px, More menu open`).toEqual([]);
        expect(consoleErrors).toEqual([]);
        await page.close();
      }
    });

    it(`${lang}: present mode at 1280 px and an embed at 360 px`, async () => {
      for (const [path, viewport] of [
        [`./?lang=${lang}&present=1`, DESKTOP],
        [`./?lang=${lang}&embed=1&event=${EVENT}`, PHONE],
      ] as const) {
        const { page } = await openPage(browser, path, viewport);
        await settled(page, '.tl [data-event-id]');
        expect(await misfits(page), `${lang} ${path}`).toEqual([]);
        await page.close();
      }
    });
  }
});
