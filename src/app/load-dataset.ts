// Where the dataset comes from: the bundled default, or `?data=<same-origin URL>`.
import defaultDataUrl from '../../data/kim-trips.json?url';
import { emptyDataset, loadDatasetText } from '../core/restore';
import type { Dataset } from '../core/types';

export const DEFAULT_DATA_URL = defaultDataUrl;
const TIMEOUT_MS = 20_000;
const MAX_BYTES = 20 * 1024 * 1024;

/** Resolve `data=`; only the page's own origin is allowed for now. Returns an error message otherwise. */
export function resolveDataUrl(param: string | null, pageHref: string): URL | string {
  if (!param) return new URL(DEFAULT_DATA_URL, pageHref);
  let url: URL;
  try {
    url = new URL(param, pageHref);
  } catch {
    return `"${param}" is not a URL`;
  }
  if (url.origin !== new URL(pageHref).origin)
    return `only files from this site can be loaded (${url.origin} is another origin)`;
  return url;
}

/** Fetch and restore a dataset. Never throws: failures come back as a dataset with a fatal problem. */
export async function fetchDataset(param: string | null, pageHref: string): Promise<Dataset> {
  const url = resolveDataUrl(param, pageHref);
  const fatal = (message: string) => emptyDataset([{ path: '(file)', message, level: 'fatal' }]);
  if (typeof url === 'string') return fatal(url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const res = await fetch(url, { credentials: 'omit', signal: controller.signal });
    if (!res.ok) return fatal(`${url.pathname}: the server answered ${res.status} ${res.statusText}`.trim());
    const text = await res.text();
    if (text.length > MAX_BYTES) return fatal(`${url.pathname} is larger than ${MAX_BYTES / 1024 / 1024} MB`);
    return loadDatasetText(text);
  } catch (err) {
    const aborted = err instanceof DOMException && err.name === 'AbortError';
    return fatal(
      aborted ? `${url.pathname} took longer than ${TIMEOUT_MS / 1000} s to load` : `${url.pathname}: ${String(err)}`,
    );
  } finally {
    clearTimeout(timer);
  }
}
