// A second headless Chromium for first-render loads, driven over a bare DevTools pipe: Target,
// Emulation, Page.addScriptToEvaluateOnNewDocument, Page.navigate and Runtime.evaluate, nothing else.
//
// Why: Playwright enables the Network domain on every page it drives, and Chromium then keeps (and
// decodes as text) every response body for DevTools, up to 100 MB. A reader's browser does not. On
// this machine that costs the page ~0.2 s at the seed and ~0.45 s at 100,000 events (a 17 MB file
// decoded a second time, on the main thread): measured 30 Nov 2026 in docs/benchmark.md, where the
// same loads over this pipe with `Network.enable` added came out as slow as under Playwright.
// The interaction series (brush, zoom, playback) stay under Playwright; they load nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../chromium.mjs';

/**
 * The switches playwright-core (1.65.1, chromiumSwitches) launches Chromium with, but for its own
 * --disable-features list, which CHROMIUM_ARGS repeats: so that both browsers run alike.
 */
const PLAYWRIGHT_SWITCHES = [
  '--disable-field-trial-config',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-back-forward-cache',
  '--disable-breakpad',
  '--disable-component-extensions-with-background-pages',
  '--disable-component-update',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--allow-pre-commit-input',
  '--disable-hang-monitor',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--force-color-profile=srgb',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--no-service-autorun',
  '--disable-search-engine-choice-screen',
  '--enable-unsafe-swiftshader',
  '--disable-stack-profiler',
  // and for headless
  '--headless',
  '--hide-scrollbars',
  '--mute-audio',
  '--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4',
];

/** Launches the bare browser; `send(method, params, sessionId)` resolves with the result or throws. */
export async function launchBare(extraArgs = []) {
  const dir = mkdtempSync(join(tmpdir(), 'itinera-bare-'));
  const args = [
    ...PLAYWRIGHT_SWITCHES,
    ...CHROMIUM_ARGS,
    '--lang=en-US',
    '--remote-debugging-pipe',
    '--no-startup-window',
    `--user-data-dir=${dir}`,
    ...extraArgs,
  ];
  const proc = spawn(CHROMIUM, args, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const [toBrowser, fromBrowser] = [proc.stdio[3], proc.stdio[4]];
  const pending = new Map();
  let nextId = 0;
  let buffered = '';
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk) => {
    buffered += chunk;
    let end;
    while ((end = buffered.indexOf('\0')) >= 0) {
      const msg = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      const waiter = msg.id !== undefined && pending.get(msg.id);
      if (!waiter) continue;
      pending.delete(msg.id);
      if (msg.error) waiter.reject(new Error(`${waiter.method}: ${msg.error.message}`));
      else waiter.resolve(msg.result);
    }
  });
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  const send = (method, params = {}, sessionId = undefined) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve, reject, method });
      toBrowser.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  const { product } = await send('Browser.getVersion');
  return {
    version: product,
    send,
    async close() {
      await Promise.race([send('Browser.close').catch(() => null), new Promise((r) => setTimeout(r, 5_000))]);
      proc.kill();
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      // Chromium's helpers may still be writing the profile as the browser exits: best effort, it is
      // a folder in the system's temporary directory.
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      } catch {
        /* left for the system to clear */
      }
    },
  };
}

/**
 * Loads `url` in a fresh browser context of the bare browser, with the harness installed, and returns
 * its figures as the Playwright loads give them ({ render, interactive, loadEvent }, ms since
 * navigation start), or 'timeout' when the page did not look drawn within `budget` ms.
 */
export async function bareLoad(bare, { url, harness, isReady, viewport, budget }) {
  const { send } = bare;
  const { browserContextId } = await send('Target.createBrowserContext');
  try {
    const { targetId } = await send('Target.createTarget', { url: 'about:blank', browserContextId });
    const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
    const on = (method, params) => send(method, params, sessionId);
    await on('Emulation.setDeviceMetricsOverride', { ...viewport, deviceScaleFactor: 1, mobile: false });
    await on('Emulation.setLocaleOverride', { locale: 'en-US' });
    await on('Page.enable'); // scripts to evaluate on a new document wait for it
    await on('Page.addScriptToEvaluateOnNewDocument', {
      source: `(${harness})(); window.__bench.isReady = ${isReady};`,
    });
    const value = async (expression, awaitPromise = false) =>
      (await on('Runtime.evaluate', { expression, returnByValue: true, awaitPromise }))?.result?.value;
    const start = Date.now();
    await on('Page.navigate', { url });
    let render = null;
    while (render === null) {
      const at = await value('window.__bench?.readyAt').catch(() => null);
      if (typeof at === 'number') render = at;
      else if (Date.now() - start > budget) return 'timeout';
      else await new Promise((r) => setTimeout(r, 50));
    }
    const lastLong = await value('window.__bench.quietAfter(500, 10000)', true);
    const loadEvent = await value("performance.getEntriesByType('navigation')[0]?.loadEventEnd || null");
    return {
      render: Math.round(render),
      interactive: typeof lastLong === 'number' ? Math.round(Math.max(render, lastLong)) : null,
      loadEvent: typeof loadEvent === 'number' ? Math.round(loadEvent) : null,
    };
  } finally {
    await send('Target.disposeBrowserContext', { browserContextId }).catch(() => null);
  }
}
