// The first view state, from the URL and the dataset.
import { parsePartialDate } from '../core/dates';
import { initialWindow, windowShowing, type TimeWindow } from '../core/selectors';
import type { Dataset } from '../core/types';
import type { UrlState } from './url-state';
import type { UiLang, ViewState } from './view-state';

export function browserLang(languages: readonly string[]): UiLang {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'fr' || base === 'en') return base;
  }
  return 'en';
}

function defaultWindow(data: Dataset): TimeWindow | null {
  const w = data.meta.defaultWindow;
  if (!w) return null;
  const from = parsePartialDate(w.from);
  const to = parsePartialDate(w.to);
  if (typeof from === 'string' || typeof to === 'string') return null;
  return [from.ms, Math.max(to.endMs, to.ms)];
}

export function initialState(data: Dataset, url: UrlState, fallbackLang: UiLang): ViewState {
  const event = url.event ? data.eventsById.get(url.event) : undefined;
  let window: TimeWindow | null =
    url.from !== null && url.to !== null && url.to > url.from
      ? [url.from, url.to]
      : initialWindow(data, defaultWindow(data));
  if (event) window = windowShowing(window, event);
  return { selectedId: event ? event.id : null, hoverId: null, window, lang: url.lang ?? fallbackLang };
}
