// Embedding, end to end: host pages on another origin (another port), the host script, pym.js- and
// WordPress-style hosts, deep links, foreign frames, the Share / Embed dialog and the single-file build.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Frame, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singleFileConfig } from '../../scripts/build-single.config.js';
import { baseUrl, launch, ready, screenshot } from './browser';
import { startHostServer, type HostServer } from './hosts/serve-hosts';

const EVENT = 'kju-2019-khasan-crossing';
let browser: Browser;
let host: HostServer;

beforeAll(async () => {
  browser = await launch();
  host = await startHostServer(baseUrl());
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

interface Opened {
  page: Page;
  errors: string[];
}

async function open(url: string, viewport = { width: 1000, height: 900 }): Promise<Opened> {
  const context = await browser.newContext({ viewport, locale: 'en-US', reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await page.goto(url);
  return { page, errors };
}

/** The Itinera frame of a host page, once it has drawn its map and timeline. */
async function appFrame(page: Page, selector: string): Promise<Frame> {
  const handle = await page.waitForSelector(selector, { state: 'attached' });
  let frame: Frame | null = null;
  await expect.poll(async () => (frame = await handle.contentFrame()) !== null).toBe(true);
  await ready(frame! as unknown as Page);
  return frame!;
}

const frameHeight = (page: Page, selector: string) =>
  page.$eval(selector, (el) => Math.round(el.getBoundingClientRect().height));
const contentHeight = (frame: Frame) =>
  frame.evaluate(() => Math.ceil(document.querySelector('.app')!.getBoundingClientRect().height));

describe('a page of another origin with the host script', () => {
  it('resizes the iframe to the height the app broadcasts, with no scrollbar inside', async () => {
    const { page, errors } = await open(`${host.url}script-host.html`);
    expect(new URL(host.url).origin).not.toBe(new URL(baseUrl()).origin);
    const frame = await appFrame(page, '#itinera');
    await expect.poll(() => frameHeight(page, '#itinera')).toBeGreaterThan(300);
    const h = await contentHeight(frame);
    await expect.poll(() => frameHeight(page, '#itinera')).toBe(h);
    expect(await frame.evaluate(() => document.documentElement.scrollHeight - innerHeight)).toBeLessThanOrEqual(1);
    expect(await frame.locator('.app.is-embed').count()).toBe(1);
    // The frame's root never scrolls sideways (a class on <html>, not a :has() on the root).
    expect(await frame.evaluate(() => getComputedStyle(document.documentElement).overflowX)).toBe('hidden');
    const full = await frame.getAttribute('.full-view-link', 'href');
    expect(full).not.toContain('embed=');
    expect(errors).toEqual([]);
    await screenshot(page, 'embed-script-host');
    await page.context().close();
  });

  it('ignores messages from a foreign frame, both ways', async () => {
    const { page, errors } = await open(`${host.url}script-host.html`);
    const frame = await appFrame(page, '#itinera');
    const h = await contentHeight(frame);
    await expect.poll(() => frameHeight(page, '#itinera')).toBe(h);
    const before = await frame.evaluate(() => [location.href, document.querySelectorAll('[aria-current=true]').length]);
    const foreign = page.frames().find((f) => f.url().endsWith('foreign.html'))!;
    await foreign.evaluate(() => (window as unknown as { attack(): void }).attack());
    await page.waitForTimeout(600);
    expect(await frameHeight(page, '#itinera')).toBe(h);
    expect(await frameHeight(page, '#foreign')).toBe(60);
    expect(
      await frame.evaluate(() => [location.href, document.querySelectorAll('[aria-current=true]').length]),
    ).toEqual(before);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('hosts that already listen', () => {
  it('a pym.js-style host gets pym heights, and one more when it sends its width', async () => {
    const { page, errors } = await open(`${host.url}pym-host.html`);
    const frame = await appFrame(page, '#container iframe');
    const received = () => page.evaluate(() => (window as unknown as { received: string[] }).received);
    await expect.poll(async () => (await received()).length).toBeGreaterThan(0);
    expect((await received())[0]).toMatch(/^pymxPYMxcontainerxPYMxheightxPYMx\d+$/);
    const h = await contentHeight(frame);
    await expect.poll(() => frameHeight(page, '#container iframe')).toBe(h);
    const n = (await received()).length;
    await page.evaluate(() => (window as unknown as { sendWidth(w: number): void }).sendWidth(600));
    await expect.poll(async () => (await received()).length).toBe(n + 1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a WordPress-style host (sandbox="allow-scripts", #?secret=abc) gets its message', async () => {
    const { page, errors } = await open(`${host.url}wp-host.html`);
    const frame = await appFrame(page, '#wp');
    // With an opaque origin the page moves to the self-contained build: nothing cross-origin to fetch.
    expect(frame.url()).toContain('standalone.html');
    expect(new URL(frame.url()).hash).toBe('#?secret=abc');
    const received = () =>
      page.evaluate(() => (window as unknown as { received: { value: number }[] }).received.map((m) => m.value));
    await expect.poll(async () => (await received()).length).toBeGreaterThan(0);
    const h = await contentHeight(frame);
    await expect.poll(async () => (await received()).at(-1)).toBe(h);
    await expect.poll(() => frameHeight(page, '#wp')).toBe(Math.min(1000, h));
    expect(await frame.evaluate(() => self.origin)).toBe('null');
    expect(errors).toEqual([]);
    await screenshot(page, 'embed-wordpress-sandbox');
    await page.context().close();
  });
});

describe('view state honoured inside the frame', () => {
  it('trips= shows only those trips in the embed, and the full view link keeps them', async () => {
    host.paste(
      `<!doctype html><title>trips</title><iframe id="f" data-itinera title="Itinera" width="100%" height="600"
        src="${baseUrl()}?embed=1&lang=en&height=600&trips=kju-2019-russia"></iframe>`,
    );
    const { page, errors } = await open(`${host.url}pasted.html`, { width: 700, height: 800 });
    const frame = await appFrame(page, '#f');
    const ids = await frame.$$eval('[role=region][aria-label="Timeline"] [data-event-id]', (els) =>
      els.map((e) => e.getAttribute('data-event-id')!),
    );
    expect(ids.length).toBeGreaterThan(3);
    expect(ids.every((id) => id.startsWith('kju-2019-'))).toBe(true);
    // height= fixes the frame's height: its root does not scroll at all.
    expect(await frame.evaluate(() => getComputedStyle(document.documentElement).overflowY)).toBe('hidden');
    expect(new URL((await frame.getAttribute('.full-view-link', 'href'))!, baseUrl()).searchParams.get('trips')).toBe(
      'kju-2019-russia',
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('present=1 runs the story inside the frame: keys step, the frame resizes, nothing scrolls inside', async () => {
    host.paste(`<!doctype html><title>story</title><body style="margin:0"><article style="width:640px">
      <iframe id="f" data-itinera title="Itinera" width="100%" height="200" allowfullscreen style="border:0"
        src="${baseUrl()}?embed=1&lang=en&present=1"></iframe></article>
      <script src="${baseUrl()}embed.js" async></script>`);
    const { page, errors } = await open(`${host.url}pasted.html`, { width: 700, height: 900 });
    const frame = await appFrame(page, '#f');
    expect(await frame.locator('.app.is-embed.is-present').count()).toBe(1);
    const progress = frame.locator('[data-testid=present-progress]');
    await expect.poll(() => progress.textContent()).toContain('1 / 12');
    await frame.locator('.present-slide').click();
    await frame.locator('body').press('ArrowRight');
    await expect.poll(() => progress.textContent()).toContain('2 / 12');
    await expect
      .poll(() => frame.getAttribute('[role=region][aria-label="Timeline"] [aria-current="true"]', 'data-event-id'))
      .toBe('kju-2019-khasan-crossing');
    // The slide sits under the map in a 640 px column, the host script gives the frame its height.
    const h = await contentHeight(frame);
    await expect.poll(() => frameHeight(page, '#f')).toBe(h);
    expect(h).toBeGreaterThan(500);
    expect(await frame.evaluate(() => document.documentElement.scrollHeight - innerHeight)).toBeLessThanOrEqual(1);
    await screenshot(page, 'embed-present');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('deep links inside the frame', () => {
  it('event= opens that event, with its details', async () => {
    host.paste(
      `<!doctype html><title>deep link</title><iframe id="f" data-itinera title="Itinera" width="100%" height="700"
        src="${baseUrl()}?embed=1&lang=en&height=700&event=${EVENT}"></iframe>`,
    );
    const { page, errors } = await open(`${host.url}pasted.html`, { width: 420, height: 900 });
    const frame = await appFrame(page, '#f');
    await expect
      .poll(() => frame.getAttribute(`[role=region][aria-label="Timeline"] [data-event-id="${EVENT}"]`, 'aria-current'))
      .toBe('true');
    await expect.poll(() => frame.locator('#details-title').isVisible()).toBe(true);
    expect(await frame.evaluate(() => document.documentElement.scrollHeight - innerHeight)).toBeLessThanOrEqual(1);
    expect(await contentHeight(frame)).toBe(700);
    expect(errors).toEqual([]);
    await screenshot(page, 'embed-deep-link-420');
    await page.context().close();
  });

  it("takes TimelineJS's start_at_slide and language", async () => {
    const ids = (
      JSON.parse(readFileSync(new URL('../../data/kim-trips.json', import.meta.url), 'utf8')) as {
        events: { id: string }[];
      }
    ).events.map((e) => e.id);
    const { page, errors } = await open(`${baseUrl()}?embed=1&start_at_slide=0&language=fr`, {
      width: 360,
      height: 800,
    });
    await ready(page);
    const selected = await page.getAttribute(
      '[role=region][aria-label="Chronologie"] [aria-current=true]',
      'data-event-id',
    );
    expect(ids).toContain(selected);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the Share / Embed dialog', () => {
  it('is a modal dialog whose codes work when pasted into a page', async () => {
    const { page, errors } = await open(`${baseUrl()}?lang=en&event=${EVENT}`, { width: 1200, height: 900 });
    await ready(page);
    const button = page.getByRole('button', { name: 'Share / Embed' });
    await button.focus();
    await button.press('Enter');
    const dialog = page.locator('dialog.share-dialog[open]');
    await dialog.waitFor();
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
    await expect.poll(() => dialog.locator('iframe.share-preview').count()).toBe(1);
    const code = (key: string) => dialog.locator(`textarea[data-code="${key}"]`).inputValue();
    const link = await code('link');
    expect(new URL(link).searchParams.get('event')).toBe(EVENT);
    const iframe = await code('iframe');
    const script = await code('script');
    const pym = await code('pym');
    await screenshot(page, 'embed-dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Share / Embed');

    host.paste(`<!doctype html><title>pasted</title><body style="margin:0"><div style="width:700px">
      <div id="a">${iframe}</div><div id="b">${script}</div><div id="c">${pym}</div></div>
      <script>
        // What pym.js's auto-init does with <div data-pym-src>: an iframe with initialWidth and childId.
        document.querySelectorAll('[data-pym-src]').forEach(function (el, i) {
          el.id = el.id || 'pym-' + i;
          var f = document.createElement('iframe');
          f.src = el.getAttribute('data-pym-src') + '&initialWidth=700&childId=' + el.id;
          f.width = '100%';
          f.setAttribute('frameborder', '0');
          el.appendChild(f);
          window.addEventListener('message', function (e) {
            var p = typeof e.data === 'string' ? e.data.split('xPYMx') : [];
            if (e.source === f.contentWindow && p[1] === el.id && p[2] === 'height') f.style.height = p[3] + 'px';
          });
        });
      </script></body>`);
    const pasted = await open(`${host.url}pasted.html`, { width: 800, height: 900 });
    const [a, b, c] = [
      await appFrame(pasted.page, '#a iframe'),
      await appFrame(pasted.page, '#b iframe'),
      await appFrame(pasted.page, '#c iframe'),
    ];
    // Plain iframe: the fixed height is filled exactly, nothing scrolls.
    expect(await contentHeight(a)).toBe(600);
    expect(await frameHeight(pasted.page, '#a iframe')).toBe(600);
    // Host script and pym.js: the frame takes the content's height.
    await expect.poll(async () => frameHeight(pasted.page, '#b iframe')).toBe(await contentHeight(b));
    await expect.poll(async () => frameHeight(pasted.page, '#c iframe')).toBe(await contentHeight(c));
    for (const f of [a, b, c])
      expect(await f.getAttribute(`[data-event-id="${EVENT}"][aria-current=true]`, 'data-event-id')).toBe(EVENT);
    expect([...errors, ...pasted.errors]).toEqual([]);
    await pasted.page.context().close();
    await page.context().close();
  });
});

describe('npm run build:single', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'itinera-single-'));
    // Vitest sets NODE_ENV=test, which would give React's development build.
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build(singleFileConfig({ outDir: dir, mode: 'production' }));
    } finally {
      process.env.NODE_ENV = env;
    }
  });
  afterAll(() => process.env.KEEP || rmSync(dir, { recursive: true, force: true }));

  it('opens from file:// and draws the map and the timeline with no network request', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.addInitScript(() => {
      const v: string[] = ((window as unknown as { __violations: string[] }).__violations = []);
      document.addEventListener('securitypolicyviolation', (e) => v.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const file = pathToFileURL(join(dir, 'index.html')).href;
    await page.goto(`${file}?lang=en&event=${EVENT}`);
    await ready(page);
    const network = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && !u.startsWith(file));
    expect(network).toEqual([]);
    expect(requests.filter((u) => u.startsWith('file:'))).toHaveLength(1);
    expect(errors).toEqual([]);
    // It carries its own hash-based policy, and nothing in it is refused by that policy.
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? [])).toEqual(
      [],
    );
    await context.close();
  });
});
