// Derived views of a dataset: which events fall in a time window, the overall extent.
import { countOverlapping, overlapping, timeIndex } from './time-index';
import type { Dataset, TravelEvent } from './types';

export type TimeWindow = readonly [t0: number, t1: number];

/** The order of a dataset's events (Dataset.events): by start, then by id. */
export function eventOrder(a: Pick<TravelEvent, 't0' | 'id'>, b: Pick<TravelEvent, 't0' | 'id'>): number {
  return a.t0 - b.t0 || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Where `e` is in `events` (in eventOrder), by bisection; -1 when it is not there. */
export function indexOfEvent(
  events: readonly Pick<TravelEvent, 't0' | 'id'>[],
  e: Pick<TravelEvent, 't0' | 'id'>,
): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (eventOrder(events[mid]!, e) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < events.length && events[lo]!.id === e.id ? lo : -1;
}

/** An event is in a window when its span overlaps it (ends included). */
export function inWindow(e: Pick<TravelEvent, 't0' | 't1'>, w: TimeWindow | null): boolean {
  return w === null || (e.t1 >= w[0] && e.t0 <= w[1]);
}

/**
 * Events overlapping the window, in their order. Events in t0 order (a dataset's are) are found
 * through the time index (src/core/time-index.ts, built once per array); others are scanned.
 */
export function eventsInWindow(events: readonly TravelEvent[], w: TimeWindow | null): TravelEvent[] {
  if (w === null) return [...events];
  const index = timeIndex(events);
  return index ? overlapping(events, index, w[0], w[1]) : events.filter((e) => inWindow(e, w));
}

/** How many events overlap the window: O(log n) for events in t0 order. */
export function countInWindow(events: readonly TravelEvent[], w: TimeWindow | null): number {
  if (w === null) return events.length;
  const index = timeIndex(events);
  if (index) return countOverlapping(index, w[0], w[1]);
  let n = 0;
  for (const e of events) if (inWindow(e, w)) n++;
  return n;
}

/** [min t0, max t1] over events and legs, or null for an empty dataset. */
export function datasetExtent(d: Dataset): TimeWindow | null {
  let t0 = Infinity;
  let t1 = -Infinity;
  for (const e of d.events) {
    t0 = Math.min(t0, e.t0);
    t1 = Math.max(t1, e.t1);
  }
  for (const l of d.legs) {
    t0 = Math.min(t0, l.startAt.ms);
    t1 = Math.max(t1, l.endAt.endMs);
  }
  return t0 <= t1 ? [t0, t1] : null;
}

/** The window to show first: the dataset's default, else the last trip, padded. */
export function initialWindow(d: Dataset, defaultWindow: TimeWindow | null): TimeWindow | null {
  if (defaultWindow) return defaultWindow;
  const last = d.trips.filter((t) => Number.isFinite(t.t0)).at(-1);
  if (!last) return datasetExtent(d);
  const pad = Math.max((last.t1 - last.t0) * 0.08, 3_600_000);
  return [last.t0 - pad, last.t1 + pad];
}

/**
 * Keep `w` if it shows the event; otherwise shift it (same width) so the event sits in the middle,
 * widening it when the event is longer than the window.
 */
export function windowShowing(w: TimeWindow | null, e: Pick<TravelEvent, 't0' | 't1'>): TimeWindow | null {
  if (w === null) return null;
  if (e.t0 >= w[0] && e.t1 <= w[1]) return w;
  const width = Math.max(w[1] - w[0], (e.t1 - e.t0) * 1.2);
  const mid = (e.t0 + e.t1) / 2;
  return [mid - width / 2, mid + width / 2];
}

/** Events grouped by place id, in time order; events without a place are left out. */
export function eventsByPlace(events: readonly TravelEvent[]): Map<string, TravelEvent[]> {
  const out = new Map<string, TravelEvent[]>();
  for (const e of events) {
    if (!e.place) continue;
    const list = out.get(e.place);
    if (list) list.push(e);
    else out.set(e.place, [e]);
  }
  return out;
}

const byTripCache = new WeakMap<readonly TravelEvent[], { length: number; map: Map<string, TravelEvent[]> }>();

/**
 * The events of one trip, in their order; grouped once per events array (then O(1)), so callers
 * that run every frame (playback, a brush) need not scan every event. Do not mutate the result.
 */
export function eventsOfTrip(events: readonly TravelEvent[], tripId: string): readonly TravelEvent[] {
  let hit = byTripCache.get(events);
  if (!hit || hit.length !== events.length) {
    const map = new Map<string, TravelEvent[]>();
    for (const e of events) {
      const list = map.get(e.trip);
      if (list) list.push(e);
      else map.set(e.trip, [e]);
    }
    hit = { length: events.length, map };
    byTripCache.set(events, hit);
  }
  return hit.map.get(tripId) ?? [];
}
