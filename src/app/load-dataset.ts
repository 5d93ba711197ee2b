// Where the dataset comes from: the bundled default, `?data=<url>` (this site or https only, no
// credentials, a size cap enforced while streaming, a timeout, redirects re-checked), or a local file
// (picker or drop). Every path ends in loadText; a big file opened on the drawn page, in a worker.
// Never throws.
import defaultDataUrl from '../../data/kim-trips.json?url';
import type { LoadOptions } from '../core/import/load-text';
import { prepareEvents, unpackDataset } from '../core/handoff';
import { emptyDataset, FORMAT, restorePlain } from '../core/restore-plain';
import type { Dataset } from '../core/types';
import type { ParseReply, ParseRequest } from './parse-worker';

export const DEFAULT_DATA_URL = defaultDataUrl;
export const TIMEOUT_MS = 20_000;
export const MAX_BYTES = 20 * 1024 * 1024;
/**
 * Files opened on a page already drawn (picker, drop) longer than this are restored in a worker, so the
 * page stays responsive. The first load restores on the main thread at any size (fetchDataset).
 */
const WORKER_THRESHOLD = 512 * 1024;

export interface Progress {
  phase: 'download' | 'parse';
  loaded?: number;
  total?: number;
}
export type OnProgress = (p: Progress) => void;

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

function fatal(message: string): Dataset {
  return emptyDataset([{ path: '(file)', message, level: 'fatal' }]);
}

/** Why a URL may not be loaded, or null when it may: this site's own files, or https. */
export function refusal(url: URL, pageHref: string): string | null {
  if (url.origin === new URL(pageHref).origin) return null;
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:')
    return `only files from this site or https:// addresses can be loaded (${url.origin} is not secure)`;
  return `only files from this site or https:// addresses can be loaded (${url.protocol} addresses are not allowed)`;
}

/** Resolve `data=` against the page; returns a message when it is not a URL or not allowed. */
export function resolveDataUrl(param: string | null, pageHref: string): URL | string {
  if (!param) return new URL(DEFAULT_DATA_URL, pageHref);
  let url: URL;
  try {
    url = new URL(param, pageHref);
  } catch {
    return `"${param.slice(0, 200)}" is not a URL`;
  }
  if (url.username || url.password) return 'addresses with a user name or password are not allowed';
  return refusal(url, pageHref) ?? url;
}

/** Read a byte stream to the end, handing `take` each chunk; false as soon as it passes `max` bytes. */
async function readStream(
  body: ReadableStream<Uint8Array>,
  max: number,
  take: (chunk: Uint8Array) => void,
  onChunk?: (loaded: number) => void,
): Promise<boolean> {
  const reader = body.getReader();
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return true;
    loaded += value.byteLength;
    if (loaded > max) {
      await reader.cancel().catch(() => undefined);
      return false;
    }
    take(value);
    onChunk?.(loaded);
  }
}

/** Read a byte stream to the end, or stop as soon as it passes `max` bytes. */
export async function readCapped(
  body: ReadableStream<Uint8Array>,
  max: number,
  onChunk?: (loaded: number) => void,
): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  if (!(await readStream(body, max, (c) => chunks.push(c), onChunk))) return null;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * readCapped as UTF-8 text, decoded chunk by chunk as it arrives, without a joined copy of the bytes.
 * Measured here (17 MB), no quicker than joining and decoding at the end: the main thread is busy
 * compiling the app while the file arrives, so the chunks wait for it either way.
 */
export async function readCappedText(
  body: ReadableStream<Uint8Array>,
  max: number,
  onChunk?: (loaded: number) => void,
): Promise<string | null> {
  const decoder = new TextDecoder();
  const parts: string[] = [];
  if (!(await readStream(body, max, (c) => parts.push(decoder.decode(c, { stream: true })), onChunk))) return null;
  parts.push(decoder.decode());
  return parts.join('');
}

const nameOf = (url: URL) => decodeURIComponent(url.pathname.split('/').pop() || url.hostname);

/**
 * Fetch and restore a dataset: a `data=` file or the bundled default, at the page's first load.
 * Failures come back as a dataset with a fatal problem. The text is decoded while it downloads
 * (readCappedText) and restored on this thread whatever its size: the page shows only its skeleton,
 * with nothing to keep responsive, and on two cores one thread restoring is quicker than a worker
 * restoring while this thread parses the same text for the hand-off (first render, paired A/B: 30,000
 * events 2.75 → 2.37 s, 100,000 4.23 → 3.60 s). The loading bar moves on the compositor meanwhile
 * (file-open-progress.tsx).
 */
export async function fetchDataset(
  param: string | null,
  pageHref: string,
  onProgress?: OnProgress,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = TIMEOUT_MS,
): Promise<Dataset> {
  const url = resolveDataUrl(param, pageHref);
  if (typeof url === 'string') return fatal(url);
  const label = url.origin === new URL(pageHref).origin ? url.pathname : url.href;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetchImpl(url, { credentials: 'omit', redirect: 'follow', signal: controller.signal });
    // The bundled default may be a data: URL (single-file build): only a user-given address is re-checked.
    if (res.url && param) {
      const final = new URL(res.url);
      const refused = refusal(final, pageHref);
      if (refused) return fatal(`${label} redirected to ${final.href}: ${refused}`);
    }
    if (!res.ok) return fatal(`${label}: the server answered ${res.status} ${res.statusText}`.trim());
    const declared = Number(res.headers.get('content-length'));
    if (declared > MAX_BYTES) return fatal(`${label} is larger than ${MB(MAX_BYTES)} (${MB(declared)})`);
    const total = declared > 0 ? declared : undefined;
    // No body at all (a 204, say) is an empty file, which the restore then names.
    const text = res.body
      ? await readCappedText(res.body, MAX_BYTES, (loaded) => onProgress?.({ phase: 'download', loaded, total }))
      : '';
    if (text === null) return fatal(`${label} is larger than ${MB(MAX_BYTES)}`);
    clearTimeout(timer);
    onProgress?.({ phase: 'parse' });
    // A big file keeps this thread busy for a while: "Reading the file" is painted first.
    if (text.length >= WORKER_THRESHOLD) await nextPaint();
    return await loadOnMainThread(text, { name: nameOf(url) });
  } catch (err) {
    const aborted = controller.signal.aborted || (err instanceof DOMException && err.name === 'AbortError');
    return fatal(
      aborted
        ? `${label} took longer than ${timeoutMs / 1000} s to load`
        : `${label} could not be loaded (${err instanceof Error ? err.message : String(err)}; a server elsewhere must allow it with CORS)`,
    );
  } finally {
    clearTimeout(timer);
  }
}

/** Read a local file (picker or drop) and restore it. */
export async function openFile(file: File, onProgress?: OnProgress): Promise<Dataset> {
  if (file.size > MAX_BYTES) return fatal(`${file.name} is larger than ${MB(MAX_BYTES)} (${MB(file.size)})`);
  try {
    const bytes = await readCapped(file.stream(), MAX_BYTES, (loaded) =>
      onProgress?.({ phase: 'download', loaded, total: file.size }),
    );
    if (!bytes) return fatal(`${file.name} is larger than ${MB(MAX_BYTES)}`);
    return await parseBytes(bytes, { name: file.name }, onProgress);
  } catch (err) {
    return fatal(`${file.name} could not be read (${err instanceof Error ? err.message : String(err)})`);
  }
}

/**
 * Decode, parse and restore the bytes of a file opened on the drawn page: from WORKER_THRESHOLD bytes
 * in the worker, as bytes, so that decoding (tens of MB of UTF-8) is off the main thread too.
 */
export async function parseBytes(bytes: Uint8Array, options: LoadOptions, onProgress?: OnProgress): Promise<Dataset> {
  onProgress?.({ phase: 'parse' });
  if (bytes.byteLength < WORKER_THRESHOLD || typeof Worker === 'undefined')
    return loadOnMainThread(new TextDecoder().decode(bytes), options);
  // The worker gets a copy, transferred (a plain copy of memory, quicker than cloning 17 MB); this
  // thread keeps the bytes for its own parse, and to restore them itself if the worker fails.
  const copy = bytes.slice();
  const got = await inWorker({ bytes: copy, options }, () => new TextDecoder().decode(bytes), [copy.buffer]);
  return got ?? loadOnMainThread(new TextDecoder().decode(bytes), options);
}

/** Runs the parse worker (src/app/parse-worker.ts) once; rejects when it cannot start or fails. */
function askWorker(message: ParseRequest, transfer: Transferable[]): Promise<ParseReply> {
  return new Promise<ParseReply>((resolve, reject) => {
    const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<ParseReply>) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      worker.terminate();
      e.preventDefault();
      reject(new Error(e.message || 'the parse worker failed'));
    };
    worker.postMessage(message, { transfer });
  });
}

/**
 * Restore in the worker; null when it could not. While it works, this thread parses the same text
 * (`text()`) for the hand-off (src/core/handoff.ts), in time it would otherwise spend waiting.
 */
async function inWorker(
  message: ParseRequest,
  text: () => string,
  transfer: Transferable[] = [],
): Promise<Dataset | null> {
  try {
    const reply = askWorker(message, transfer);
    reply.catch(() => undefined); // awaited below, after this thread's own parse
    let prepared: ReturnType<typeof prepareEvents> = null;
    try {
      prepared = prepareEvents((JSON.parse(text()) as { events?: unknown } | null)?.events);
    } catch {
      // Not JSON: the worker says what is wrong.
    }
    const r = await reply;
    const dataset = 'dataset' in r ? r.dataset : unpackDataset(r.handoff, prepared);
    // For DevTools' timings and the tests: how the worker's restore came back.
    if (dataset) performance.mark('itinera:restored-in-worker', { detail: { handoff: 'handoff' in r } });
    return dataset;
  } catch {
    return null;
  }
}

/** After the next frame is painted (a timer stands in where frames do not come: a hidden page). */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    if (typeof requestAnimationFrame === 'function')
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(timer);
          resolve();
        }),
      );
  });
}

/**
 * A clean file in our own format is restored at once, by the fast checks alone; anything else
 * (another tool's format, a record for the zod schema to judge, a problem to place by line and
 * column) loads the importers and the schemas first, so they are not in the first load.
 */
async function loadOnMainThread(text: string, options: LoadOptions): Promise<Dataset> {
  const clean = cleanItinera(text);
  if (clean) return clean;
  const { loadText } = await import('../core/import/load-text');
  return loadText(text, options).dataset;
}

function cleanItinera(text: string): Dataset | null {
  if (!text.trimStart().startsWith('{')) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== FORMAT) return null;
  const dataset = restorePlain(value, true); // this function's own parse: adopted, not copied
  return dataset && dataset.problems.length === 0 ? dataset : null;
}
