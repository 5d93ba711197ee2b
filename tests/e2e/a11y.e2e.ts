// Accessibility in real Chromium (no axe-core here: our own assertions): landmarks, names, keyboard,
// the itinerary table, the live region, languages, themes and target sizes.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, ready, screenshot } from './browser';

const TIMELINE = '[role=region][aria-label="Timeline"]';
const MAP = '[role=region][aria-label="Map"]';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Visible controls without an accessible name (a simplified computation, enough for our markup). */
function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sel = 'button, a[href], input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex="0"]';
    const nameOf = (el: Element): string => {
      const by = el.getAttribute('aria-labelledby');
      if (by)
        return by
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
          .trim();
      const label = el.getAttribute('aria-label') ?? '';
      if (label.trim()) return label;
      if ('labels' in el && (el as HTMLInputElement).labels?.length)
        return [...(el as HTMLInputElement).labels!].map((l) => l.textContent ?? '').join(' ');
      const text = (el.textContent ?? '').trim();
      return text || (el.getAttribute('title') ?? '') || (el.getAttribute('alt') ?? '');
    };
    return [...document.querySelectorAll(sel)]
      .filter((el) => el.getClientRects().length > 0 && !el.closest('[aria-hidden=true]'))
      .filter((el) => !nameOf(el).trim())
      .map((el) => el.outerHTML.slice(0, 120));
  });
}

describe('structure and names', () => {
  it('has the landmarks: banner, main, and the Map and Timeline regions', async () => {
    const { page } = await openPage(browser, './');
    await ready(page);
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Map', exact: true }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Timeline', exact: true }).count()).toBe(1);
    expect(await page.getByRole('complementary', { name: 'Details' }).count()).toBe(1);
    await page.close();
  });

  it('gives every button, link and field a name, in the default view and with an event selected', async () => {
    const { page } = await openPage(browser, './?event=kju-2023-vostochny-talks');
    await ready(page);
    expect(await unnamedControls(page)).toEqual([]);
    await page.click('[data-testid=view-list]');
    await page.waitForSelector('[data-testid=itinerary] tbody tr');
    expect(await unnamedControls(page)).toEqual([]);
    await page.close();
  });

  it('makes every control of the default view at least 24 × 24 px', async () => {
    const { page } = await openPage(browser, './');
    await ready(page);
    const small = await page.evaluate(() =>
      [
        ...document.querySelectorAll(
          'button, select, input, summary, [role=button], .leaflet-bar a, [role=region] [data-event-id][tabindex]',
        ),
      ]
        // Timeline marks sit in rows 22 px high: a known gap (see the issue), measured elsewhere.
        .filter((el) => !el.classList.contains('tl-mark'))
        .filter((el) => el.getClientRects().length > 0 && !el.closest('[aria-hidden=true], .visually-hidden'))
        // A checkbox or radio inside its label: the label is the target.
        .map((el) => ({ el, r: (el.closest('label') ?? el).getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && (r.width < 24 || r.height < 24))
        .map(({ el, r }) => `${el.outerHTML.slice(0, 80)} ${Math.round(r.width)}×${Math.round(r.height)}`),
    );
    expect(small).toEqual([]);
    await page.close();
  });
});

describe('keyboard', () => {
  it('reaches the timeline marks and the map markers with Tab', async () => {
    const { page } = await openPage(browser, './');
    await ready(page);
    const reached = new Set<string>();
    for (let i = 0; i < 60 && reached.size < 2; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const a = document.activeElement;
        if (!a?.getAttribute('data-event-id')) return null;
        return a.closest('[role=region]')?.getAttribute('aria-label') ?? null;
      });
      if (where) reached.add(where);
    }
    expect([...reached].sort()).toEqual(['Map', 'Timeline']);
    await page.close();
  });

  it('moves the time window with the Earlier and Later buttons (no dragging needed)', async () => {
    const { page } = await openPage(browser, './');
    await ready(page);
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBeTruthy();
    const from = () => Date.parse(new URL(page.url()).searchParams.get('from')!);
    const before = from();
    await page.getByRole('button', { name: 'Earlier' }).click();
    await expect.poll(from).toBeLessThan(before);
    const earlier = from();
    await page.getByRole('button', { name: 'Later' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(from).toBeGreaterThan(earlier);
    await page.close();
  });
});

describe('the itinerary table', () => {
  it('selects with Enter on a row: the map and the timeline follow, the live region says it', async () => {
    const { page } = await openPage(browser, './');
    await ready(page);
    await page.click('[data-testid=view-list]');
    const rows = page.locator('[data-testid=itinerary] tbody tr');
    await rows.first().waitFor();
    const shown = Number(/\d+/.exec((await page.textContent('[data-testid=event-count]')) ?? '')![0]);
    expect(await rows.count()).toBe(shown);
    const row = rows.nth(2);
    const id = (await row.getAttribute('data-event-id'))!;
    await page.locator('[data-testid=itinerary] .it-select[tabindex="0"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => row.getAttribute('aria-current')).toBe('true');
    await expect.poll(() => page.getAttribute(`${TIMELINE} [data-event-id="${id}"]`, 'aria-current')).toBe('true');
    const title = (await row.locator('.it-select').textContent())!;
    await expect.poll(() => page.textContent('[data-testid=live-region]')).toContain(title);
    expect(await page.locator('[aria-live]').count()).toBe(1);
    await page.click('[data-testid=view-map]');
    await expect.poll(() => page.getAttribute(`${MAP} [data-event-id="${id}"]`, 'aria-current')).toBe('true');
    await page.close();
  });

  it('sorts by a column header, with aria-sort', async () => {
    const { page } = await openPage(browser, './?lang=en');
    await ready(page);
    await page.click('[data-testid=view-list]');
    await page.locator('[data-testid=itinerary] tbody tr').first().waitFor();
    const header = page.locator('th', { has: page.getByRole('button', { name: /^Place/ }) });
    await header.getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const places = await page.$$eval('[data-testid=itinerary] tbody tr td:nth-child(3)', (tds) =>
      tds.map((td) => td.textContent ?? ''),
    );
    expect(places).toEqual([...places].sort(new Intl.Collator('en').compare));
    await header.getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    await page.close();
  });

  it('marks and scrolls to the row of an event selected on the timeline', async () => {
    const { page } = await openPage(browser, './');
    await ready(page);
    await page.click('[data-testid=view-list]');
    await page.locator('[data-testid=itinerary] tbody tr').first().waitFor();
    const id = await page.locator('[data-testid=itinerary] tbody tr').last().getAttribute('data-event-id');
    await page.click(`${TIMELINE} [data-event-id="${id}"]`);
    const row = page.locator(`[data-testid=itinerary] tr[data-event-id="${id}"]`);
    await expect.poll(() => row.getAttribute('aria-current')).toBe('true');
    await expect.poll(() => row.isVisible()).toBe(true);
    await page.close();
  });
});

describe('the live region', () => {
  it('announces the load, then the selected event only', async () => {
    const { page } = await openPage(browser, './');
    await ready(page);
    const live = page.locator('[role=status][aria-live=polite]');
    expect(await live.count()).toBe(1);
    await expect.poll(() => live.textContent()).toMatch(/^\d+ events loaded/);
    const id = await page.$eval(`${TIMELINE} [data-event-id]:not([style*="display: none"])`, (el) =>
      el.getAttribute('data-event-id'),
    );
    await page.click(`${TIMELINE} [data-event-id="${id}"]`);
    const title = await page.locator('#details-title').textContent();
    await expect.poll(() => live.textContent()).toContain(title!.replace(/[A-Z]{2}$/, '').trim());
    await page.close();
  });
});

describe('languages and themes', () => {
  for (const [lang, map, word] of [
    ['ko', '지도', '타임라인'],
    ['ru', 'Карта', 'Хронология'],
  ] as const) {
    it(`speaks ${lang} with lang=${lang}`, async () => {
      const { page, consoleErrors } = await openPage(browser, `./?lang=${lang}`);
      await page.waitForSelector(`[role=region][aria-label="${map}"]`);
      await page.waitForSelector(`[role=region][aria-label="${word}"]`);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(
        await page.$eval('.lang-switch select', (s) => [...(s as HTMLSelectElement).options].map((o) => o.text)),
      ).toEqual(['English', 'Français', '한국어', 'Русский']);
      expect(consoleErrors).toEqual([]);
      await screenshot(page, `lang-${lang}`);
      await page.close();
    });
  }

  it('follows the browser language by default', async () => {
    const { page } = await openPage(browser, './', undefined, { locale: 'ru-RU' });
    await page.waitForSelector('[role=region][aria-label="Карта"]');
    await page.close();
  });

  it('shows a data text in another language with a marker', async () => {
    const { page } = await openPage(browser, './?lang=ko&event=kju-2023-vostochny-talks');
    await ready(page);
    const mark = page.locator('#details-title [data-testid=fallback-mark]');
    await expect.poll(() => mark.count()).toBe(1);
    expect(await mark.getAttribute('title')).toMatch(/\S/);
    await page.close();
  });

  it('sets the dark tokens with theme=dark, and writes the choice to the URL', async () => {
    const { page } = await openPage(browser, './?theme=dark');
    await ready(page);
    const paper = () =>
      page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--paper').trim());
    expect(await paper()).toBe('#15191e');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
      'rgb(21, 25, 30)',
    );
    await screenshot(page, 'theme-dark');
    await page.click('[data-testid=header-menu] > summary'); // the header's "More" menu
    await page.selectOption('.theme-switch select', 'light');
    expect(await paper()).toMatch(/^#f{3}(f{3})?$/); // the build may shorten #ffffff
    await expect.poll(() => new URL(page.url()).searchParams.get('theme')).toBe('light');
    await page.close();
  });

  it('follows the system colour scheme when theme= is absent', async () => {
    const { page } = await openPage(browser, './');
    await page.emulateMedia({ colorScheme: 'dark' });
    await ready(page);
    expect(
      await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--paper').trim()),
    ).toBe('#15191e');
    await page.close();
  });
});
