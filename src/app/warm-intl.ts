// Loads ICU's time-zone data on another thread while the page starts. The first date format with an
// IANA time zone in a page loads that data: ~22 ms of main-thread time in this Chromium (paired pages,
// 1 Dec 2026: 21–26 ms cold, 0.4–2.4 ms once a worker had made one). The data is shared by every
// thread of the page's process, so once the worker has loaded it, the restore's time zones
// (src/core/dates.ts) cost the main thread nothing more, at a time when the main thread is busy
// compiling the app and the second core is idle.
//
// The worker is made from a blob (the documented policy allows `worker-src blob:`), so it fetches
// nothing and works the same in the single-file build. Best effort: where no worker can start, the
// main thread loads the data itself at its first time zone, as it always did.

/** The worker's whole code: one format with a time zone, then a word to say it is done. */
function warmUp(): void {
  new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Pyongyang', timeZoneName: 'longOffset', year: 'numeric' }).format(
    0,
  );
  (self as unknown as { postMessage(message: null): void }).postMessage(null);
}

/** Starts the warm-up worker; it is ended once done. Returns it, or null when none could start. */
export function warmIntl(): Worker | null {
  if (typeof Worker === 'undefined' || typeof URL.createObjectURL !== 'function') return null;
  let url = '';
  try {
    url = URL.createObjectURL(new Blob([`(${warmUp.toString()})()`], { type: 'text/javascript' }));
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
