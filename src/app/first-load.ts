// The first load of the page: the dataset of the address and the strings of its language. main.tsx
// starts it before the app's own code (React, Leaflet, D3: most of the JavaScript) has even arrived,
// so the fetch and the restore run while the browser still compiles that code.
import { resolveAliases } from '../embed/embed-params';
import { loadStrings } from '../i18n/i18n';
import { browserLang } from '../state/initial-state';
import { readUrl } from '../state/url-state';
import type { Dataset } from '../core/types';
import { fetchDataset, type Progress } from './load-dataset';

export interface FirstLoad {
  dataset: Promise<Dataset>;
  /** Where download and parse progress goes, once the app listens. */
  onProgress: ((p: Progress) => void) | null;
  /** The progress so far, for an app that starts listening late. */
  last: Progress | null;
  /** Whether `dataset` has settled (then there is no progress left to show). */
  done: boolean;
}
let firstLoad: FirstLoad | null = null;

/** Starts loading the dataset of the address and the strings of its language (once per page). */
export function startFirstLoad(): FirstLoad {
  const url = readUrl(resolveAliases(location.search));
  const load: FirstLoad = { dataset: null!, onProgress: null, last: null, done: false };
  // The strings of a language other than English load with the data, so the first paint speaks it.
  load.dataset = Promise.all([
    // The file of the address (data=, up to 20 MB) or the bundled default downloads while the app's
    // code compiles, and is restored on this thread (fetchDataset says why).
    fetchDataset(url.data, location.href, (p) => {
      load.last = p;
      load.onProgress?.(p);
    }),
    loadStrings(url.lang ?? browserLang(navigator.languages)),
  ]).then(([d]) => {
    load.done = true;
    return d;
  });
  firstLoad = load;
  return load;
}

/** The load main.tsx started, if not yet handed over. */
export function pendingFirstLoad(): FirstLoad | null {
  return firstLoad;
}

/** The load main.tsx started, handed over once; a later mount (tests, hot reload) starts its own. */
export function takeFirstLoad(): FirstLoad {
  const load = firstLoad ?? startFirstLoad();
  firstLoad = null;
  return load;
}
