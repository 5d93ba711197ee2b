// The headless Chromium the tests and the benchmark drive: Debian's /usr/bin/chromium (or $CHROMIUM)
// through playwright-core, with the flags that work on these machines (no sandbox, no GPU, no QUIC, no
// background traffic). One place, so that tests/e2e/browser.ts and scripts/bench/run.mjs launch alike.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches it, or says how to install it. */
export function launchChromium() {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
