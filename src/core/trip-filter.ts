// The trips a reader chose to see (`trips=` in the URL): a view of the dataset holding only them. Pure.
import type { Dataset } from './types';

/** Trip ids as written, cleaned: known ids only, each once, in the dataset's order; null when none remain. */
export function knownTrips(d: Dataset, ids: readonly string[] | null | undefined): string[] | null {
  if (!ids || ids.length === 0) return null;
  const wanted = new Set(ids);
  const kept = d.trips.filter((t) => wanted.has(t.id)).map((t) => t.id);
  // Every trip chosen is the same as no filter: the address stays short.
  return kept.length === 0 || kept.length === d.trips.length ? null : kept;
}

const cache = new WeakMap<Dataset, Map<string, Dataset>>();

/**
 * The dataset as the map, the timeline and the list draw it: only the chosen trips' events, legs and
 * lanes. Lookups (eventsById, tripsById, places, sources) stay whole, so a link to a hidden record still
 * resolves. Memoized per dataset and choice, so views keyed on the dataset object do not redraw.
 */
export function datasetForTrips(d: Dataset, trips: readonly string[] | null): Dataset {
  if (!trips) return d;
  const key = trips.join('\n');
  let byKey = cache.get(d);
  if (!byKey) cache.set(d, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const keep = new Set(trips);
  const view: Dataset = {
    ...d,
    trips: d.trips.filter((t) => keep.has(t.id)),
    legs: d.legs.filter((l) => keep.has(l.trip)),
    events: d.events.filter((e) => keep.has(e.trip)),
  };
  byKey.set(key, view);
  return view;
}

/** The span of the chosen trips, padded a little: where the view goes when the window shows none of them. */
export function tripsWindow(d: Dataset, trips: readonly string[]): readonly [number, number] | null {
  let t0 = Infinity;
  let t1 = -Infinity;
  for (const t of d.trips)
    if (trips.includes(t.id) && Number.isFinite(t.t0) && Number.isFinite(t.t1)) {
      t0 = Math.min(t0, t.t0);
      t1 = Math.max(t1, t.t1);
    }
  if (!(t0 <= t1)) return null;
  const pad = Math.max((t1 - t0) * 0.08, 3_600_000);
  return [t0 - pad, t1 + pad];
}

/** True when some event of the chosen trips overlaps the window. */
export function tripsInWindow(d: Dataset, trips: readonly string[], w: readonly [number, number] | null): boolean {
  return w === null || d.events.some((e) => trips.includes(e.trip) && e.t1 >= w[0] && e.t0 <= w[1]);
}
