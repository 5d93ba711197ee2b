// The headless Chromium the tests and the benchmark drive: Debian's /usr/bin/chromium (or $CHROMIUM)
// through playwright-core, with the flags that work on these machines (no sandbox, no GPU, no QUIC, no
// background traffic). One place, so that tests/e2e/browser.ts and scripts/bench/run.mjs launch alike.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * Chromium features off. Chromium 156 opens two browser-UI pages (chrome://omnibox-popup.top-chrome,
 * the WebUI address-bar popups) for every new window, which a new browser context is: on 2 cores they
 * compete with the page under test for about a second of CPU per context (6 contexts: 4.3 s with them,
 * 2.7 s without). Puppeteer turns the same two off by default (puppeteer/puppeteer#15278). Chromium
 * reads only the last --disable-features switch and playwright-core passes its own list first, so
 * that list (playwright-core 1.65.1, chromiumSwitches.ts; pinned in package.json) is repeated here.
 */
export const DISABLED_FEATURES = [
  // playwright-core's own
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  // ours
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
];

/** Launches it (with `extraArgs` after the usual ones), or says how to install it. */
export function launchChromium(extraArgs = []) {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] });
}
