/** Installs window.__bench in the page it runs in (see harness.mjs). */
export function installHarness(): void;
