// A time index over events in time order: built once per events array (cached by identity), then
// window queries by binary search instead of a scan. Pure, no DOM.
//
// Events overlap a window [w0, w1] when t1 >= w0 and t0 <= w1. With events sorted by t0:
// - those with t0 <= w1 are a prefix, found by binary search on t0;
// - the running maximum of t1 over that order is non-decreasing, so the first event that can still
//   reach w0 is found by binary search too; only the slice between the two is scanned;
// - the count needs no scan: every event with t1 < w0 also has t0 < w0 <= w1, so
//   count = #(t0 <= w1) − #(t1 < w0), two binary searches (the second over the sorted t1s).

export interface Spanned {
  t0: number;
  t1: number;
}

export interface TimeIndex {
  readonly size: number;
  /** t0 of each event, in the events' order (non-decreasing). */
  readonly t0: Float64Array;
  /** Running maximum of t1 over the same order. */
  readonly maxT1: Float64Array;
  /** Every t1, sorted ascending. */
  readonly t1Sorted: Float64Array;
}

const cache = new WeakMap<readonly Spanned[], { length: number; index: TimeIndex | null }>();

/** First i with a[i] > x (a sorted ascending). */
export function upperBound(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First i with a[i] >= x (a sorted ascending). */
export function lowerBound(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Builds the index, or null when the events are not in t0 order (callers then scan). */
export function buildTimeIndex(events: readonly Spanned[]): TimeIndex | null {
  const n = events.length;
  const t0 = new Float64Array(n);
  const maxT1 = new Float64Array(n);
  const t1Sorted = new Float64Array(n);
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    if (i > 0 && !(e.t0 >= t0[i - 1]!)) return null;
    t0[i] = e.t0;
    max = Math.max(max, e.t1);
    maxT1[i] = max;
    t1Sorted[i] = e.t1;
  }
  t1Sorted.sort();
  return { size: n, t0, maxT1, t1Sorted };
}

/** The index of an events array, built on first use and kept while the array lives (and keeps its length). */
export function timeIndex(events: readonly Spanned[]): TimeIndex | null {
  const hit = cache.get(events);
  if (hit && hit.length === events.length) return hit.index;
  const index = buildTimeIndex(events);
  cache.set(events, { length: events.length, index });
  return index;
}

/** Positions [lo, hi) of the events that may overlap [w0, w1]; every overlapping event is inside. */
export function candidateRange(index: TimeIndex, w0: number, w1: number): [lo: number, hi: number] {
  const hi = upperBound(index.t0, w1);
  const lo = Math.min(lowerBound(index.maxT1, w0), hi);
  return [lo, hi];
}

/** Number of events overlapping [w0, w1] (ends included), by two binary searches. */
export function countOverlapping(index: TimeIndex, w0: number, w1: number): number {
  if (w1 < w0) return 0;
  return Math.max(0, upperBound(index.t0, w1) - lowerBound(index.t1Sorted, w0));
}

/** Events overlapping [w0, w1] (ends included), in their order. */
export function overlapping<E extends Spanned>(events: readonly E[], index: TimeIndex, w0: number, w1: number): E[] {
  const [lo, hi] = candidateRange(index, w0, w1);
  const out: E[] = [];
  for (let i = lo; i < hi; i++) {
    const e = events[i]!;
    if (e.t1 >= w0) out.push(e);
  }
  return out;
}
