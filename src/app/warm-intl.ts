// Loads ICU's data on another thread while the page starts. The first date format with an IANA time
// zone in a page loads the time-zone data: ~22 ms of main-thread time in this Chromium (paired pages,
// 1 Dec 2026: 21–26 ms cold, 0.4–2.4 ms once a worker had made one). The first region name, date
// range and number of a language each load a little more (~2 ms each, cold, after the time zones;
// 0–1.5 ms once a worker has made them): the country labels, the window's dates and the distances
// of the first render. The data is shared by every thread of the page's process, so once the worker
// has loaded it, the restore's time zones (src/core/dates.ts) and those first formats cost the main
// thread next to nothing, at a time when the main thread is busy compiling the app and the second
// core is idle.
//
// The worker is made from a blob (the documented policy allows `worker-src blob:`), so it fetches
// nothing and works the same in the single-file build. Best effort: where no worker can start, the
// main thread loads the data itself at its first use, as it always did.

/**
 * The worker's whole code: a format with a time zone, then a region name, a date range and a number in
 * the page's language (each its own try: a language ICU does not know costs nothing more), then a word
 * to say it is done. Run in Node by tests/app/warm-intl.test.ts.
 */
export function warmUp(lang: string): void {
  const tries = [
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone: 'Asia/Pyongyang',
        timeZoneName: 'longOffset',
        year: 'numeric',
      }).format(0),
    () => new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }).of('KP'),
    () =>
      new Intl.DateTimeFormat(lang, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).formatRange(
        0,
        3 * 86_400_000,
      ),
    () => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(1234.5),
  ];
  for (const f of tries)
    try {
      f();
    } catch {
      /* the main thread will load what it needs */
    }
  (self as unknown as { postMessage(message: null): void }).postMessage(null);
}

/** Starts the warm-up worker for `lang`; it is ended once done. Returns it, or null when none could start. */
export function warmIntl(lang: string): Worker | null {
  if (typeof Worker === 'undefined' || typeof URL.createObjectURL !== 'function') return null;
  let url = '';
  try {
    const code = `(${warmUp.toString()})(${JSON.stringify(lang)})`;
    url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    const worker = new Worker(url, { name: 'itinera-warm-intl' });
    const end = () => {
      worker.terminate();
      URL.revokeObjectURL(url);
    };
    worker.onmessage = end;
    worker.onerror = (e) => {
      e.preventDefault();
      end();
    };
    return worker;
  } catch {
    if (url) URL.revokeObjectURL(url);
    return null;
  }
}
