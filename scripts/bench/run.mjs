#!/usr/bin/env node
// `npm run bench`: builds the app into bench/tmp/dist, generates the synthetic datasets, serves it
// all from one local origin and measures Itinera and its peers (TimelineJS, vis-timeline) in headless
// Chromium. Writes bench/results.json and bench/RESULTS.md and prints the table.
//
//   node scripts/bench/run.mjs [--sizes 1000,10000,100000] [--steps 50] [--loads 5] [--no-build]
//                              [--no-peers] [--no-profile] [--budget 60] [--out bench]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../chromium.mjs';
import { bareLoad, launchBare } from './bare.mjs';
import { generateDataset, sizeLabel, DEFAULT_SEED } from './generate.mjs';
import { installHarness } from './harness.mjs';
import { toTimelineJS, toVisTimeline } from './peers.mjs';
import { attribute, sourceResolver } from './profile.mjs';
import { printTable, writeMarkdown } from './report.mjs';
import { serve } from './serve.mjs';
import { stackFloor } from './stack-floor.mjs';
import { formatBytes, formatMs, percentile, summarize } from './stats.mjs';
import { verifyDatasets } from './verify.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TMP = `${ROOT}bench/tmp/`;
const DIST = `${TMP}dist`;
const DATA = `${TMP}data`;
const VIEWPORT = { width: 1280, height: 800 };
/** No host but this machine resolves: the pages run offline, as on the machines of issue 8. */
const OFFLINE = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const SIZES = opt('--sizes', '1000,10000,100000').split(',').map(Number);
const STEPS = Number(opt('--steps', 50));
/** Loads whose median is Itinera's first render (firstRenders). */
const RENDER_LOADS = Number(opt('--loads', 5));
const BUDGET_MS = Number(opt('--budget', 60)) * 1000;
/** A series of steps (50 brush moves…) stops when it has taken this long; its n says how many ran. */
const SERIES_BUDGET_MS = 15_000;
/** Whole runs of one page, whatever it is stuck in: load + series + slack. */
const APP_WATCHDOG_MS = BUDGET_MS + 3 * SERIES_BUDGET_MS + 45_000;
const PEER_WATCHDOG_MS = BUDGET_MS + SERIES_BUDGET_MS + 40_000;
/** The whole command (build included) is to stay under 10 minutes on 2 cores. */
const RUN_BUDGET_MS = 570_000;
const PEERS = !flag('--no-peers');
const PROFILE = !flag('--no-profile');
/** Where results.json and RESULTS.md go (a quick look can keep the committed figures). */
const OUT = resolve(ROOT, opt('--out', 'bench').replace(/\/+$/, ''));

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0)} s`;
const say = (msg) => console.log(`[bench ${elapsed()}] ${msg}`);

// ---- Build --------------------------------------------------------------------------------------
function build() {
  if (flag('--no-build') && existsSync(`${DIST}/index.html`)) return { ms: 0, reused: true };
  const start = Date.now();
  const r = spawnSync('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir', '--sourcemap', 'hidden'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  if (r.status !== 0) {
    process.stderr.write(r.stdout);
    process.stderr.write(r.stderr);
    throw new Error('vite build failed');
  }
  return { ms: Date.now() - start, reused: false };
}

// ---- Bytes of a first load ---------------------------------------------------------------------
const gzipCache = new Map();
function gzipSize(file) {
  if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(readFileSync(file), { level: 9 }).length);
  return gzipCache.get(file);
}
function categoryOf(path) {
  if (/countries-\d+m/.test(path)) return 'basemap';
  if (path.startsWith('/bench-data/') || /\.json$/.test(path)) return 'data';
  if (/\.m?js$/.test(path)) return 'js';
  if (/\.css$/.test(path)) return 'css';
  if (/\.html$/.test(path) || path.endsWith('/')) return 'html';
  return 'other';
}
function bytesOf(entries) {
  const out = {};
  for (const e of entries) {
    const c = (out[categoryOf(e.path)] ??= { raw: 0, gzip: 0, files: 0 });
    c.raw += e.bytes;
    c.gzip += gzipSize(e.file);
    c.files++;
  }
  return out;
}

// ---- Pages ----------------------------------------------------------------------------------------
async function openPage(browser, origin, isReady) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', reducedMotion: 'no-preference' });
  const foreign = [];
  const errors = [];
  // Requests are watched, not intercepted: a route handler (context.route) puts a round trip to this
  // process in front of every request, ~80 ms of the seed's first render (paired loads, 30 Nov). Other
  // hosts do not resolve in this browser (OFFLINE below), so a request to one fails at once, as
  // offline, and is counted here.
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) foreign.push(url);
  });
  await context.addInitScript(installHarness);
  await context.addInitScript(`window.__bench.isReady = ${isReady}`);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, foreign, errors };
}

/** Loads the app once in a context of its own in each browser, and closes it: nothing is recorded. */
async function warmUp(browser, bare, server) {
  const { context, page } = await openPage(browser, new URL(server.url).origin, APP_READY);
  try {
    await load(page, server.url, BUDGET_MS);
  } finally {
    await context.close();
  }
  await bareLoad(bare, bareSpec(server.url, APP_READY));
}

/** A load of `url` in the bare browser (bare.mjs), with the harness and this readiness test. */
const bareSpec = (url, isReady) => ({ url, harness: installHarness, isReady, viewport: VIEWPORT, budget: BUDGET_MS });

/** Navigates and waits until the harness saw the page drawn; ms since navigation start, or 'timeout'. */
async function load(page, url, budget) {
  const start = Date.now();
  await page.goto(url, { waitUntil: 'commit', timeout: budget });
  // Polled with plain evaluations, not page.waitForFunction: that one first loads Playwright's
  // injected script (hundreds of KB) into the page, a ~60 ms task on the main thread in the middle of
  // the load it measures (the seed drew ~50 ms later with it: 10 paired loads, 9 quicker without).
  for (;;) {
    const at = await within(
      5_000,
      page.evaluate(() => window.__bench?.readyAt),
      null,
    ).catch(() => null);
    if (typeof at === 'number') return at;
    if (Date.now() - start > budget) return 'timeout';
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `promise`, or `fallback` after `ms` (a page busy in one long task answers nothing). */
function within(ms, promise, fallback) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((resolve) => (timer = setTimeout(() => resolve(fallback), ms))),
  ]);
}

async function stopProfile(cdp, resolve) {
  const r = await within(
    15_000,
    cdp.send('Profiler.stop').catch(() => null),
    null,
  );
  return r ? attribute(r.profile, resolve) : 'unavailable (the page did not answer)';
}

async function heapMB(cdp) {
  const usage = await within(
    20_000,
    cdp.send('HeapProfiler.collectGarbage').then(() => cdp.send('Runtime.getHeapUsage')),
    null,
  );
  if (!usage) return 'busy (no answer in 20 s)';
  const { usedSize } = usage;
  return Math.round((usedSize / 1024 / 1024) * 10) / 10;
}

/** Runs `step(i)` up to n times (each an input then a settle) within the series budget. */
async function series(n, step) {
  const start = Date.now();
  const samples = [];
  let status = null;
  for (let i = 0; i < n; i++) {
    if (Date.now() - start > SERIES_BUDGET_MS) {
      status = `budget (${i} of ${n})`;
      break;
    }
    const left = Math.max(1000, SERIES_BUDGET_MS - (Date.now() - start));
    const r = await within(left, step(i), { timeout: true });
    if (!r || r.timeout) {
      // The step still runs in the page: what follows on this page would queue behind it.
      status = `timeout (${i} of ${n} done, the next took > ${formatMs(left)})`;
      break;
    }
    samples.push(r);
  }
  const pick = (k) => summarize(samples.map((s) => s[k]));
  return {
    n: samples.length,
    status,
    latency: pick('latency'),
    handler: pick('handler'),
    queue: pick('queue'),
    changedShare: samples.length ? samples.filter((s) => s.changed).length / samples.length : null,
    /** Each step's latency in order (ms, to 0.1): where in a series the slow ones fall. */
    latencies: samples.map((s) => Math.round(s.latency * 10) / 10),
  };
}

const settle = (page, quiet = 3, timeout = 20_000) =>
  page.evaluate(([q, t]) => window.__bench.settle(q, t), [quiet, timeout]);
const arm = (page) => page.evaluate(() => window.__bench.arm());

async function box(page, selector) {
  const loc = page.locator(selector).first();
  if ((await loc.count()) === 0) return null;
  const b = await loc.boundingBox();
  return b && b.width > 0 && b.height > 0 ? b : null;
}

const APP_READY = `() => !!(document.querySelector('.tl [data-event-id]') &&
  document.querySelector('.leaflet-marker-pane [data-event-id], .leaflet-marker-pane [data-cluster-count]') &&
  document.querySelector('.leaflet-overlay-pane path, .leaflet-overlay-pane canvas') &&
  document.querySelector('.leaflet-itinera-basemap-pane canvas') &&
  !document.querySelector('.boot'))`;

/**
 * A drawn page's figures: its first render, when it became interactive (the later of that and the end
 * of its last long task; null when still busy 15 s on) and its load event, in ms since navigation.
 */
async function loadFigures(page, render) {
  const lastLong = await within(
    15_000,
    page.evaluate(() => window.__bench.quietAfter(500, 10_000)),
    null,
  );
  const loadEvent = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.loadEventEnd || null);
  return {
    render: Math.round(render),
    interactive: lastLong === null ? null : Math.round(Math.max(render, lastLong)),
    loadEvent: loadEvent === null ? null : Math.round(loadEvent),
  };
}

/**
 * Itinera's first render and interactive time: the medians of RENDER_LOADS loads in the bare browser
 * (bare.mjs: no DevTools network agent keeping every response), each in a context of its own and
 * without the profiler (which slows the page it samples). One load on this machine moves by ±10%
 * from the next, and within a few minutes by a quarter (10k on 2 Dec 2026: 731–1,274 ms, one build):
 * five loads since then (three before), and the targets table prints their range beside the median.
 * Every load is listed in results.json (`loads`). Then one load under Playwright, as the figures
 * before 30 Nov 2026 were taken (`attached`), printed beside them.
 */
async function loadSeries(browser, bare, server, url) {
  const loads = [];
  for (let k = 0; k < RENDER_LOADS; k++) {
    const figures = await bareLoad(bare, bareSpec(url, APP_READY));
    if (figures === 'timeout') return { loads: 'timeout', attached: null };
    loads.push(figures);
  }
  const { context, page } = await openPage(browser, new URL(server.url).origin, APP_READY);
  try {
    const render = await load(page, url, BUDGET_MS);
    return { loads, attached: render === 'timeout' ? null : await loadFigures(page, render) };
  } finally {
    await context.close();
  }
}

/** The median of a field of the loads, or null when a load has none. */
const medianOf = (loads, key) =>
  loads.some((l) => l[key] === null)
    ? null
    : percentile(
        loads.map((l) => l[key]),
        50,
      );

// ---- Itinera --------------------------------------------------------------------------------------
async function benchApp(browser, bare, server, label, dataPath, { profile = false, steps = STEPS } = {}) {
  const r = { system: 'Itinera', size: label };
  const url = dataPath ? `${server.url}?data=${encodeURIComponent(dataPath)}` : server.url;
  const { loads, attached } = await loadSeries(browser, bare, server, url);
  r.attachedRender = attached?.render ?? 'timeout';
  const { context, page, cdp, foreign, errors } = await openPage(browser, new URL(server.url).origin, APP_READY);
  const resolve = sourceResolver((url) => {
    const path = new URL(url).pathname;
    return path.startsWith('/assets/') || path.endsWith('.js') ? `${DIST}${path}` : null;
  });
  const work = (async () => {
    server.log.length = 0;
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
      await cdp.send('Profiler.start');
    }
    // The page measured below: loaded once more (profiled when asked), its own first render kept apart.
    r.firstRender = await load(page, url, BUDGET_MS);
    r.bytes = bytesOf(server.log);
    if (typeof loads === 'string') r.firstRender = 'timeout';
    if (r.firstRender === 'timeout') {
      r.firstRender = `timeout (> ${BUDGET_MS / 1000} s)`;
      for (const k of ['interactive', 'brush', 'zoom', 'floor', 'playback', 'heapMB']) r[k] = 'not run (load timeout)';
      // What the page was busy with during the budget is the most useful thing to know here.
      if (profile) r.profileLoad = await stopProfile(cdp, resolve);
      return r;
    }
    // This page's own figures (profiled when asked) are kept apart; the medians of the loads stand.
    r.measuredPage = { ...(await loadFigures(page, r.firstRender)), profiled: profile };
    r.loads = loads;
    r.firstRender = medianOf(loads, 'render');
    r.interactive = medianOf(loads, 'interactive') ?? 'busy (> 15 s after first render)';
    // The load event (ms since navigation start): issue 8 says "interactive in under 1 s after load",
    // which can be read from navigation start (the verdict) or from this event (also printed).
    r.loadEvent = medianOf(loads, 'loadEvent');
    if (profile) r.profileLoad = await stopProfile(cdp, resolve);
    r.heapMB = await heapMB(cdp);
    r.dom = await page.evaluate(() => ({
      nodes: document.getElementsByTagName('*').length,
      timelineMarks: document.querySelectorAll('.tl [data-event-id]').length,
      mapMarkers: document.querySelectorAll('.leaflet-marker-pane [data-event-id]').length,
      mapClusters: document.querySelectorAll('.leaflet-marker-pane [data-cluster-count]').length,
      problemsShown: !!document.querySelector('[class*="problems"]'),
      header: document.querySelector('header')?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 120) ?? null,
    }));
    await page.evaluate(() => window.__bench.observe());

    // The no-op floor: pointer moves over the header, where nothing listens.
    const head = (await box(page, 'header')) ?? { x: 0, y: 0, width: 200, height: 20 };
    const hy = head.y + Math.min(10, head.height / 2);
    const hx = head.x + Math.min(head.width / 2, 300);
    await page.mouse.move(hx, hy);
    await settle(page);
    const busy = (s) => typeof s?.status === 'string' && s.status.startsWith('timeout');
    const NOT_RUN = 'not run (the page was still busy)';
    // After a step that overran, go on once the page answers again (within 20 s).
    const recovered = async (s) =>
      !busy(s) ||
      (await within(
        20_000,
        page.evaluate(() => true).catch(() => false),
        false,
      ));
    // One measured series: before each input the harness is armed, after it the page settles.
    const measured = (input) =>
      series(steps, async (i) => {
        await arm(page);
        await input(i);
        return settle(page);
      });
    r.floor = await measured((i) => page.mouse.move(hx + (i % 2 ? 0 : 12), hy));
    // The no-op floor of a wheel step: wheel over the header, whose only wheel listener is one like
    // d3-zoom's (not passive, it cancels the scroll) that does nothing else. A zoom step is read against it.
    if (await recovered(r.floor)) {
      await page.evaluate(() =>
        document.querySelector('header')?.addEventListener('wheel', (e) => e.preventDefault(), { passive: false }),
      );
      r.wheelFloor = await measured((i) => page.mouse.wheel(0, i % 2 ? 100 : -100));
    } else r.wheelFloor = 'not run (the page was still busy)';

    // Brush: drag the overview's selection by 2 px per move, towards the side with more room, then
    // back. The grab point must be the selection itself: a resize handle there would make the series a
    // resize, which stops changing anything once the window is at its widest (before 1 Dec it was one).
    const floorOk = await recovered(r.floor);
    const sel = floorOk ? await box(page, '.tl-brush .selection') : null;
    const band = sel ? await box(page, '.tl-brush .overlay') : null;
    const grabbed =
      sel &&
      (await page.evaluate(
        ([gx, gy]) => document.elementFromPoint(gx, gy)?.classList.contains('selection') ?? false,
        [sel.x + sel.width / 2, sel.y + sel.height / 2],
      ));
    /** The drag and its release (the marks and markers sketched during it get their DOM then). */
    const brushSeries = async () => {
      let x = sel.x + sel.width / 2;
      const y = sel.y + sel.height / 2;
      const dir = sel.x - band.x > band.x + band.width - (sel.x + sel.width) ? -1 : 1;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await settle(page);
      const drag = await measured((i) => {
        x += (i < steps / 2 ? 2 : -2) * dir;
        return page.mouse.move(x, y);
      });
      let release;
      if (await recovered(drag)) {
        await arm(page);
        await page.mouse.up();
        const up = await within(20_000, settle(page), null);
        release = up ? Math.round(up.latency * 10) / 10 : 'timeout';
      }
      return { drag, release };
    };
    if (!floorOk) r.brush = NOT_RUN;
    else if (!sel || !band) r.brush = 'n/a (no brush)';
    else if (!grabbed) r.brush = 'n/a (the middle of the selection is not the selection)';
    else {
      const { drag, release } = await brushSeries();
      r.brush = drag;
      if (release !== undefined) r.brushRelease = release;
    }

    // Zoom: wheel steps over the detail view, in then out.
    const brushOk = r.brush !== NOT_RUN && (await recovered(r.brush));
    const det = brushOk ? await box(page, '.tl-detail .tl-surface') : null;
    /** Wheel steps, then one more after a pause, to its rest. */
    const zoomSeries = async () => {
      const zx = det.x + det.width / 2;
      const zy = det.y + det.height / 2;
      await page.mouse.move(zx, zy);
      await page.waitForTimeout(200);
      await settle(page);
      const wheel = await measured((i) => page.mouse.wheel(0, i % 2 ? 100 : -100));
      // A wheel zoom rests 150 ms after its last wheel event; marks sketched on the canvas during it get
      // their DOM then. One more step, waited for until 20 frames pass without a change: from the wheel
      // to the full view.
      let rest;
      if (await recovered(wheel)) {
        await page.waitForTimeout(400);
        await settle(page);
        await arm(page);
        await page.mouse.wheel(0, -100);
        const end = await within(20_000, settle(page, 20), null);
        rest = end ? Math.round(end.latency * 10) / 10 : 'timeout';
      }
      return { wheel, rest };
    };
    if (!brushOk) r.zoom = NOT_RUN;
    else if (!det) r.zoom = 'n/a (no detail view)';
    else {
      const { wheel, rest } = await zoomSeries();
      r.zoom = wheel;
      if (rest !== undefined) r.zoomRest = rest;
    }
    // The profile of brush and zoom comes from the same series run again (figures not kept): the
    // sampling profiler slows the page it samples, so the figures above are taken without it.
    if (profile && typeof r.brush === 'object' && typeof r.zoom === 'object' && (await recovered(r.zoom))) {
      const again = await box(page, '.tl-brush .selection');
      const held =
        again &&
        (await page.evaluate(
          ([gx, gy]) => document.elementFromPoint(gx, gy)?.classList.contains('selection') ?? false,
          [again.x + again.width / 2, again.y + again.height / 2],
        ));
      if (held) {
        await page.mouse.move(5, 5);
        await settle(page);
        await cdp.send('Profiler.start');
        Object.assign(sel, again);
        await brushSeries();
        await zoomSeries();
        r.profileInteract = await stopProfile(cdp, resolve);
      }
    }

    // Playback, when the build has a Play button.
    const play = page.getByRole('button', { name: /^play\b/i });
    if (r.zoom === NOT_RUN || !(await recovered(r.zoom))) r.playback = NOT_RUN;
    else if ((await play.count()) === 0) r.playback = 'n/a (no Play button)';
    else {
      await page.mouse.move(5, 5);
      await play.first().click();
      const before = await page.evaluate(() => window.__bench.mutations);
      const intervals = await page.evaluate(() => window.__bench.frameIntervals(3000));
      const after = await page.evaluate(() => window.__bench.mutations);
      r.playback = { frame: summarize(intervals), mutations: after - before };
      const pause = page.getByRole('button', { name: /^pause\b/i });
      if (await pause.count()) await pause.first().click();
    }
    return r;
  })();
  try {
    const done = await within(APP_WATCHDOG_MS, work, 'watchdog');
    if (done === 'watchdog') r.error = `watchdog: the page stopped answering within ${formatMs(APP_WATCHDOG_MS)}`;
    return r;
  } catch (err) {
    r.error = String(err?.message ?? err).split('\n')[0];
    return r;
  } finally {
    r.foreignRequests = foreign.length;
    r.pageErrors = errors.slice(0, 5);
    await within(
      20_000,
      context.close().catch(() => {}),
      null,
    );
  }
}

// ---- Peers ----------------------------------------------------------------------------------------
const PEER = {
  TimelineJS: {
    page: 'peer/timelinejs.html',
    ready: `() => window.peerReady === true && !!document.querySelector('.tl-timemarker')`,
    metric: 'next slide',
    // goToNext(), until TimelineJS fires "change" and the frame after it has rendered.
    step: () =>
      new Promise((resolve) => {
        const B = window.__bench;
        const tl = window.peer;
        let firedAt = null;
        const onChange = () => (firedAt ??= performance.now());
        tl.on('change', onChange);
        const t = performance.now();
        tl.goToNext();
        const wait = () => {
          if (firedAt === null && performance.now() - t < 60_000) return setTimeout(wait, 2);
          tl.off('change', onChange);
          const from = firedAt ?? performance.now();
          const done = () => {
            const end = B.frameEnds.find((x) => x > from);
            if (end === undefined) return requestAnimationFrame(done);
            resolve({ latency: end - t, changed: firedAt !== null });
          };
          requestAnimationFrame(done);
        };
        wait();
      }),
  },
  'vis-timeline': {
    page: 'peer/vis-timeline.html',
    ready: `() => window.peerReady === true && !!document.querySelector('.vis-item')`,
    metric: 'zoom step',
    // zoomIn(0.5) / zoomOut(0.5) without animation, until "changed" and the frame after it.
    step: (i) =>
      new Promise((resolve) => {
        const B = window.__bench;
        const tl = window.peer;
        const t = performance.now();
        tl.once('changed', () => {
          const from = performance.now();
          const done = () => {
            const end = B.frameEnds.find((x) => x > from);
            if (end === undefined) return requestAnimationFrame(done);
            resolve({ latency: end - t, changed: true });
          };
          requestAnimationFrame(done);
        });
        if (i % 2) tl.zoomOut(0.5, { animation: false });
        else tl.zoomIn(0.5, { animation: false });
      }),
  },
};

async function benchPeer(browser, bare, server, name, label, dataPath, steps) {
  const spec = PEER[name];
  const r = { system: name, size: label, stepMetric: spec.metric };
  const url = `${server.url}${spec.page}?data=${encodeURIComponent(dataPath)}`;
  // First render as Itinera's: one load in the bare browser (a peer's load takes up to a minute).
  const first = await bareLoad(bare, bareSpec(url, spec.ready)).catch((err) => `error: ${err.message}`);
  if (typeof first === 'string') {
    r.firstRender = first === 'timeout' ? `timeout (> ${BUDGET_MS / 1000} s)` : first;
    r.step = 'not run (load timeout)';
    return r;
  }
  r.firstRender = first.render;
  r.interactive = first.interactive ?? 'busy (> 15 s after first render)';
  const { context, page, cdp, foreign, errors } = await openPage(browser, new URL(server.url).origin, spec.ready);
  const work = (async () => {
    server.log.length = 0;
    r.attachedRender = await load(page, url, BUDGET_MS);
    if (r.attachedRender === 'timeout') {
      r.attachedRender = `timeout (> ${BUDGET_MS / 1000} s)`;
      r.step = 'not run (load timeout)';
      return r;
    }
    r.bytes = bytesOf(server.log);
    r.heapMB = await heapMB(cdp);
    r.step = await series(steps, (i) => page.evaluate(spec.step, i));
    return r;
  })();
  try {
    const done = await within(PEER_WATCHDOG_MS, work, 'watchdog');
    if (done === 'watchdog') r.error = `watchdog: the page stopped answering within ${formatMs(PEER_WATCHDOG_MS)}`;
    return r;
  } catch (err) {
    r.error = String(err?.message ?? err).split('\n')[0];
    return r;
  } finally {
    r.foreignRequests = foreign.length;
    r.pageErrors = errors.slice(0, 5);
    await within(
      20_000,
      context.close().catch(() => {}),
      null,
    );
  }
}

// ---- Main -----------------------------------------------------------------------------------------
async function main() {
  mkdirSync(DATA, { recursive: true });
  say('building the app into bench/tmp/dist');
  const buildInfo = build();
  say(`built in ${buildInfo.ms} ms`);
  const floor = await stackFloor(`${TMP}stack-floor`);
  say(`the stack alone (React, Leaflet, D3; scripts/bench/stack-floor.mjs): ${formatBytes(floor.gzip)} gzip`);

  const datasets = [];
  for (const n of SIZES) {
    const label = sizeLabel(n);
    const d = generateDataset(n, { seed: DEFAULT_SEED });
    const text = JSON.stringify(d);
    writeFileSync(`${DATA}/bench-${label}.json`, text);
    if (PEERS) {
      writeFileSync(`${DATA}/tljs-${label}.json`, JSON.stringify(toTimelineJS(d)));
      writeFileSync(`${DATA}/vis-${label}.json`, JSON.stringify(toVisTimeline(d)));
    }
    datasets.push({ n, label, text, bytes: text.length });
  }
  say(`generated ${datasets.map((d) => `${d.label} (${(d.bytes / 1e6).toFixed(1)} MB)`).join(', ')}`);
  const restored = await verifyDatasets(datasets.map((d) => [d.label, d.text]));
  for (const v of restored) {
    if (v.problemCount) throw new Error(`generated ${v.label} has ${v.problemCount} problems: ${v.problems[0]}`);
  }
  say(`restored in Node with zero problems (${restored.map((v) => `${v.label} ${v.ms} ms`).join(', ')})`);
  for (const d of datasets) d.text = null;

  const server = await serve([
    ['/bench-data/', DATA],
    ['/peer/tljs/', `${ROOT}node_modules/@knight-lab/timelinejs/dist`],
    ['/peer/vis/', `${ROOT}node_modules/vis-timeline`],
    ['/peer/', `${ROOT}scripts/bench/peers`],
    ['/', DIST],
  ]);
  const browser = await launchChromium(OFFLINE);
  const bare = await launchBare(OFFLINE);
  const results = [];
  const profiles = {};
  const load0 = loadavg();
  const chromiumVersion = browser.version();
  const snapshot = () => {
    return {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? null,
        memoryGB: Math.round(totalmem() / 1024 ** 3),
        loadAverageAtStart: load0.map((x) => Math.round(x * 100) / 100),
        loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100),
        node: process.version,
        chromium: chromiumVersion,
        playwrightCore: JSON.parse(readFileSync(`${ROOT}node_modules/playwright-core/package.json`, 'utf8')).version,
        viewport: VIEWPORT,
      },
      settings: {
        sizes: SIZES,
        steps: STEPS,
        renderLoads: RENDER_LOADS,
        seed: DEFAULT_SEED,
        budgetMs: BUDGET_MS,
        seriesBudgetMs: SERIES_BUDGET_MS,
      },
      build: buildInfo,
      stackFloor: { js: floor.js, css: floor.css, gzip: floor.gzip },
      datasets: datasets.map(({ n, label, bytes }) => ({ n, label, bytes })),
      restoreInNode: restored,
      results,
      profiles,
      durationMs: Date.now() - t0,
    };
  };
  const save = () => {
    // Tables read by size, then Itinera before the peers, whatever order the runs took.
    const sizeOrder = ['seed', ...datasets.map((d) => d.label)];
    const systemOrder = ['Itinera', ...Object.keys(PEER)];
    results.sort(
      (a, b) =>
        sizeOrder.indexOf(a.size) - sizeOrder.indexOf(b.size) ||
        systemOrder.indexOf(a.system) - systemOrder.indexOf(b.system),
    );
    mkdirSync(OUT, { recursive: true });
    writeFileSync(`${OUT}/results.json`, `${JSON.stringify(snapshot(), null, 2)}\n`);
    writeMarkdown(`${OUT}/RESULTS.md`, snapshot());
  };
  try {
    // A first page in a just-started browser pays for the browser's own start (its network and GPU
    // processes, caches): one load of the app, in a context of its own and not recorded, so that the
    // seed, measured next, is not the one to pay it (its load event came at 470 ms instead of 290).
    say('warming the browser up (one load, not recorded)');
    await warmUp(browser, bare, server);
    say('Itinera, seed dataset (data/kim-trips.json)');
    results.push(await benchApp(browser, bare, server, 'seed', null));
    const peerRender = {};
    for (const d of datasets) {
      const dataPath = `bench-data/bench-${d.label}.json`;
      say(`Itinera, ${d.label}`);
      const mine = await benchApp(browser, bare, server, d.label, dataPath, { profile: PROFILE });
      profiles[d.label] = { load: mine.profileLoad ?? null, interact: mine.profileInteract ?? null };
      delete mine.profileLoad;
      delete mine.profileInteract;
      results.push(mine);
      save();
    }
    // The peers after every Itinera figure, so that a slow machine spends its time on ours first; a
    // peer run is not started when it could push the whole command past RUN_BUDGET_MS.
    for (const d of PEERS ? datasets : []) {
      for (const name of Object.keys(PEER)) {
        const prev = peerRender[name];
        if (Date.now() - t0 > RUN_BUDGET_MS - PEER_WATCHDOG_MS - BUDGET_MS) {
          say(`${name}, ${d.label}: skipped, the run is near its ${RUN_BUDGET_MS / 60_000} min budget`);
          results.push({ system: name, size: d.label, firstRender: 'skipped (run time)', step: 'skipped (run time)' });
          continue;
        }
        // Beyond 10k, a peer whose first render, scaled to this size, would exceed the budget is not tried.
        if (d.n > 10_000 && prev && (prev === 'timeout' || prev.ms * (d.n / prev.n) > BUDGET_MS)) {
          results.push({ system: name, size: d.label, firstRender: 'skipped (budget)', step: 'skipped (budget)' });
          continue;
        }
        say(`${name}, ${d.label}`);
        const file = `/bench-data/${name === 'TimelineJS' ? 'tljs' : 'vis'}-${d.label}.json`;
        const r = await benchPeer(browser, bare, server, name, d.label, file, STEPS);
        results.push(r);
        save();
        peerRender[name] = typeof r.firstRender === 'number' ? { ms: r.firstRender, n: d.n } : 'timeout';
      }
    }
  } finally {
    await browser.close();
    await bare.close();
    await server.close();
  }

  save();
  const out = snapshot();
  writeFileSync(`${OUT}/results.json`, `${JSON.stringify(out, null, 2)}\n`);
  writeMarkdown(`${OUT}/RESULTS.md`, out);
  // The outputs are committed: format them as `npm test` (prettier --check .) expects.
  spawnSync('npx', ['prettier', '--write', `${OUT}/results.json`, `${OUT}/RESULTS.md`], { cwd: ROOT, stdio: 'ignore' });
  printTable(out);
  say(`done: ${OUT}/results.json, ${OUT}/RESULTS.md (${elapsed()})`);
}

main()
  .then(() => process.exit(0))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
