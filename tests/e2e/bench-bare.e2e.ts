// The benchmark's second browser (scripts/bench/bare.mjs): Chromium driven over a bare DevTools pipe,
// in which first renders are timed without Playwright's network agent. It must load the built app and
// read the harness's figures, and say 'timeout' for a page that never looks drawn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareLoad, launchBare, type BareBrowser } from '../../scripts/bench/bare.mjs';
import { installHarness } from '../../scripts/bench/harness.mjs';
import { baseUrl } from './browser';

const VIEWPORT = { width: 1280, height: 800 };
let bare: BareBrowser;
beforeAll(async () => {
  bare = await launchBare();
});
afterAll(async () => {
  await bare?.close();
});

describe('the bare browser of the benchmark', () => {
  it('times the first render of the built app, after its load event, and as the viewport asked', async () => {
    const drawn = `() => !!(document.querySelector('.tl [data-event-id]') && document.querySelector('.leaflet-itinera-basemap-pane canvas') && innerWidth === ${VIEWPORT.width})`;
    const figures = await bareLoad(bare, {
      url: baseUrl(),
      harness: installHarness,
      isReady: drawn,
      viewport: VIEWPORT,
      budget: 30_000,
    });
    expect(figures).not.toBe('timeout');
    if (figures === 'timeout') return;
    expect(figures.render).toBeGreaterThan(0);
    expect(figures.loadEvent).toBeGreaterThan(0);
    expect(figures.interactive).toBeGreaterThanOrEqual(figures.render);
  });

  it("says 'timeout' for a page that never looks drawn", async () => {
    const figures = await bareLoad(bare, {
      url: baseUrl(),
      harness: installHarness,
      isReady: '() => false',
      viewport: VIEWPORT,
      budget: 1_500,
    });
    expect(figures).toBe('timeout');
  });
});
