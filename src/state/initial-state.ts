// The first view state, from the URL and the dataset.
import { parsePartialDate } from '../core/dates';
import { initialWindow, windowShowing, type TimeWindow } from '../core/selectors';
import { knownTrips, tripsInWindow, tripsWindow } from '../core/trip-filter';
import type { Dataset } from '../core/types';
import type { UrlState } from './url-state';
import { PLAYBACK_DEFAULTS, type UiLang, type ViewState } from './view-state';

export function browserLang(languages: readonly string[]): UiLang {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'fr' || base === 'en' || base === 'ko' || base === 'ru') return base;
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
  const compare =
    url.compare && url.compare.every((id) => data.tripsById.has(id)) ? ([...url.compare] as [string, string]) : null;
  let trips = knownTrips(data, url.trips);
  // A deep link to an event of a hidden trip shows that trip too.
  if (trips && event && !trips.includes(event.trip)) trips = knownTrips(data, [...trips, event.trip]);
  // trips= without from/to opens on those trips, not on a default window that shows none of them.
  if (trips && !event && (url.from === null || url.to === null) && !tripsInWindow(data, trips, window))
    window = tripsWindow(data, trips) ?? window;
  const t = url.t;
  // A shared moment is shown: the window moves to hold the playhead when it does not already.
  if (t !== null && window && !compare && (t < window[0] || t > window[1]))
    window = windowShowing(window, { t0: t, t1: t });
  return {
    ...PLAYBACK_DEFAULTS,
    selectedId: event ? event.id : null,
    hoverId: null,
    window,
    lang: url.lang ?? fallbackLang,
    t,
    compare,
    trips,
  };
}
