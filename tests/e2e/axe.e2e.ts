// axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on every mode of the app, at a desktop and a phone size, in
// the light and the dark theme, and after opening the details, the Share dialog and the data menu.
// One page per mode and size: the states and the dark theme are reached in that page, so the file stays
// within a few minutes on a small machine.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, ready } from './browser';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };
const TIMELINE = '[role=region][aria-label="Timeline"]';
const [TRIP_A, TRIP_B] = ['kju-2019-russia', 'kju-2023-russia'];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Violations as lines a reader can act on: "rule (impact) selector — help". */
async function violations(page: Page, step: string, rules?: string[], within?: string): Promise<string[]> {
  // The Share dialog's preview frame is the embed mode, checked on its own below.
  const axe = new AxeBuilder({ page }).exclude('iframe.share-preview');
  if (within) axe.include(within);
  const { violations } = await (rules ? axe.withRules(rules) : axe.withTags(TAGS)).analyze();
  return violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${step}: ${v.id} (${v.impact ?? '?'}) ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim()}`,
    ),
  );
}

/** The rules whose outcome depends on the colours: the only ones run again in the dark theme. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** Runs axe in the light theme, then the colour rules again with the dark theme applied to the same page. */
async function bothThemes(page: Page, step: string, within?: string): Promise<string[]> {
  const setTheme = (theme: string) =>
    page.evaluate((th) => {
      document.documentElement.dataset.theme = th;
      // Let the styles apply before axe reads the colours.
      return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }, theme);
  const light = await violations(page, `${step} [light]`, undefined, within);
  await setTheme('dark');
  const dark = await violations(page, `${step} [dark]`, COLOUR_RULES, within);
  await setTheme('light');
  return [...light, ...dark];
}

/** Clicks a header control, opening the menu that holds it first when it is folded away. */
async function clickHeaderControl(page: Page, selector: string): Promise<void> {
  const target = page.locator(selector).first();
  if (!(await target.isVisible())) {
    // Open the menus holding it (not the one a summary itself opens: the click does that).
    await target.evaluate((el) => {
      const from = el.tagName === 'SUMMARY' ? el.parentElement?.parentElement : el;
      for (let d = from?.closest('details'); d; d = d.parentElement?.closest('details')) d.open = true;
    });
    const menu = page.locator('[aria-haspopup=menu], [aria-haspopup=true]', { has: page.locator(selector) });
    if (!(await target.isVisible()) && (await menu.count())) await menu.first().click();
  }
  await target.click();
}

interface Mode {
  name: string;
  query: string;
  /** Run after load, before the first check. */
  setUp?: (page: Page) => Promise<void>;
  /** The states reached from this view and checked too. */
  states?: boolean;
}

const MODES: Mode[] = [
  { name: 'default', query: '', states: true },
  { name: 'embed', query: 'embed=1' },
  { name: 'present', query: 'present=1' },
  { name: 'compare', query: `compare=${TRIP_A},${TRIP_B}` },
  {
    // Far out, the timeline groups a trip's events into bins and the map draws a fan too big for it as
    // one disc (buttons with a count).
    name: 'show all (timeline bins, map disc)',
    query: '',
    setUp: async (page) => {
      await page.waitForURL(/from=/);
      await page.getByRole('button', { name: 'Show all' }).click();
      await page.locator(`${TIMELINE} .tl-bin`).first().waitFor();
      await page.locator('.leaflet-marker-pane .itinera-cluster').first().waitFor();
    },
  },
  { name: 'error panel', query: 'data=/fixtures/broken-records.json' },
  {
    name: 'list view',
    query: '',
    setUp: async (page) => {
      await page.click('[data-testid=view-list]');
      await page.locator('[data-testid=itinerary] tbody tr').first().waitFor();
    },
  },
];

describe('axe-core finds no WCAG 2.2 A/AA violation', () => {
  for (const mode of MODES)
    for (const [size, viewport] of [
      ['1280×800', DESKTOP],
      ['360×740', PHONE],
    ] as const)
      it(`${mode.name} at ${size}, light and dark`, async () => {
        const { page } = await openPage(browser, `./?theme=light${mode.query ? `&${mode.query}` : ''}`, viewport);
        await ready(page);
        if (mode.name === 'error panel') await page.getByRole('heading', { level: 2 }).first().waitFor();
        await mode.setUp?.(page);
        const found = await bothThemes(page, mode.name);
        if (mode.states) {
          // The details (on a phone: the bottom sheet), selected from the timeline by keyboard.
          const mark = page.locator(`${TIMELINE} [data-event-id][tabindex="0"]`);
          await mark.focus();
          await page.keyboard.press('Enter');
          await page.locator('#details-title').waitFor();
          found.push(...(await bothThemes(page, 'details', '.app-details')));
          await page.keyboard.press('Escape');
          // The data menu.
          await clickHeaderControl(page, 'details.data-menu:not(.image-menu) > summary');
          await page.locator('.data-menu:not(.image-menu) [data-export]').first().waitFor();
          found.push(...(await bothThemes(page, 'data menu', '.app-bar')));
          await page.keyboard.press('Escape');
          await page.evaluate(() =>
            document.querySelectorAll('details[open]').forEach((d) => d.removeAttribute('open')),
          );
          // The Share dialog (modal). Its live preview is the embed mode, checked above: a stub page
          // here, so that a second copy of the app does not load while axe runs.
          await page.route(/[?&]embed=1/, (route) =>
            route.fulfill({
              contentType: 'text/html',
              body: '<!doctype html><html lang="en"><title>preview</title></html>',
            }),
          );
          await clickHeaderControl(page, '.share-button');
          await page.locator('dialog.share-dialog[open] textarea').first().waitFor();
          found.push(...(await bothThemes(page, 'share dialog', 'dialog.share-dialog')));
        }
        expect(found, `axe violations:\n${found.join('\n')}`).toEqual([]);
        await page.close();
      }, 120_000);
});
