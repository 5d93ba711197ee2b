import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countInWindow, eventsInWindow, eventsOfTrip, inWindow } from '../../src/core/selectors';
import {
  buildTimeIndex,
  candidateRange,
  countOverlapping,
  lowerBound,
  overlapping,
  timeIndex,
  upperBound,
} from '../../src/core/time-index';
import type { TravelEvent } from '../../src/core/types';

const ev = (id: string, t0: number, t1 = t0) => ({ id, t0, t1 }) as TravelEvent;

/** Events in t0 order (as a dataset holds them): random starts and durations, some long. */
const sortedEvents = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 300 })), { maxLength: 80 })
  .map((pairs) =>
    pairs.map(([t0, d], i) => ev(`e${i}`, t0, t0 + d)).sort((a, b) => a.t0 - b.t0 || (a.id < b.id ? -1 : 1)),
  );
const window = fc
  .tuple(fc.integer({ min: -50, max: 1400 }), fc.integer({ min: 0, max: 600 }))
  .map(([w0, width]) => [w0, w0 + width] as const);

describe('binary searches', () => {
  it('upperBound and lowerBound on ties and ends', () => {
    const a = [1, 2, 2, 2, 5];
    expect(lowerBound(a, 2)).toBe(1);
    expect(upperBound(a, 2)).toBe(4);
    expect(lowerBound(a, 0)).toBe(0);
    expect(upperBound(a, 9)).toBe(5);
    expect(lowerBound([], 1)).toBe(0);
  });
});

describe('time index', () => {
  it('finds exactly the events a scan finds, in the same order, and counts them', () => {
    fc.assert(
      fc.property(sortedEvents, window, (events, w) => {
        const index = buildTimeIndex(events)!;
        const scan = events.filter((e) => inWindow(e, w));
        expect(overlapping(events, index, w[0], w[1])).toEqual(scan);
        expect(countOverlapping(index, w[0], w[1])).toBe(scan.length);
        const [lo, hi] = candidateRange(index, w[0], w[1]);
        for (const e of scan) expect(events.indexOf(e)).toBeGreaterThanOrEqual(lo);
        for (const e of scan) expect(events.indexOf(e)).toBeLessThan(hi);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a long event that started before the window and still covers it', () => {
    const events = [ev('long', 0, 1000), ev('a', 10), ev('b', 20), ev('c', 900)];
    const index = buildTimeIndex(events)!;
    expect(overlapping(events, index, 500, 600).map((e) => e.id)).toEqual(['long']);
    expect(countOverlapping(index, 500, 600)).toBe(1);
  });

  it('is null for events out of t0 order, and the selectors then scan', () => {
    const events = [ev('b', 20), ev('a', 10, 30)];
    expect(buildTimeIndex(events)).toBeNull();
    expect(eventsInWindow(events, [25, 40]).map((e) => e.id)).toEqual(['a']);
    expect(countInWindow(events, [0, 15])).toBe(1);
  });

  it('is built once per array and rebuilt when the array grows', () => {
    const events = [ev('a', 0), ev('b', 10)];
    const first = timeIndex(events);
    expect(timeIndex(events)).toBe(first);
    events.push(ev('c', 20));
    const second = timeIndex(events);
    expect(second).not.toBe(first);
    expect(second!.size).toBe(3);
  });

  it('counts every event without a window, none in an inverted one', () => {
    const events = [ev('a', 0), ev('b', 10)];
    expect(countInWindow(events, null)).toBe(2);
    expect(countOverlapping(buildTimeIndex(events)!, 10, 5)).toBe(0);
  });
});

describe('eventsOfTrip', () => {
  it('gives the events of a trip in their order, the same array on the next call', () => {
    const events = [
      { ...ev('a', 0), trip: 't1' },
      { ...ev('b', 1), trip: 't2' },
      { ...ev('c', 2), trip: 't1' },
    ] as TravelEvent[];
    const first = eventsOfTrip(events, 't1');
    expect(first.map((e) => e.id)).toEqual(['a', 'c']);
    expect(eventsOfTrip(events, 't1')).toBe(first);
    expect(eventsOfTrip(events, 'none')).toEqual([]);
  });
});
