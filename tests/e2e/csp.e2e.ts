// The production build under the strict Content-Security-Policy documented in public/_headers.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The policy, read from the _headers example that hosts copy. */
const CSP = /Content-Security-Policy: (.+)/.exec(readFileSync(`${root}public/_headers`, 'utf8'))![1]!.trim();

let browser: Browser;
let server: PreviewServer;
let base: string;

beforeAll(async () => {
  server = await preview({
    root,
    configFile: false,
    build: { outDir: process.env.ITINERA_DIST ?? `${root}dist` },
    preview: { host: '127.0.0.1', port: 0, headers: { 'Content-Security-Policy': CSP } },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}/`;
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('under a strict Content-Security-Policy', () => {
  it('is the documented policy, with no script exception', () => {
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toMatch(/script-src[^;]*unsafe/);
    expect(CSP).toContain("object-src 'none'");
    expect(CSP).toContain("base-uri 'none'");
  });

  it('loads, selects an event and reports no policy violation', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      (window as unknown as { __violations: string[] }).__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const response = await page.goto(base);
    expect(response?.headers()['content-security-policy']).toBe(CSP);
    await page.waitForSelector('[role=region][aria-label="Timeline"] [data-event-id]', { state: 'attached' });
    await page.waitForFunction(() => document.querySelectorAll('.leaflet-pane path').length > 0);
    const id = await page.$eval(
      '[role=region][aria-label="Timeline"] [data-event-id]:not([style*="display: none"])',
      (el) => el.getAttribute('data-event-id'),
    );
    await page.click(`[role=region][aria-label="Timeline"] [data-event-id="${id}"]`);
    await page.waitForSelector(`[role=region][aria-label="Map"] [data-event-id="${id}"][aria-current="true"]`, {
      state: 'attached',
    });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
