import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  eventOrder,
  eventsByPlace,
  eventsInWindow,
  indexOfEvent,
  inWindow,
  initialWindow,
  windowShowing,
} from '../../src/core/selectors';
import type { TravelEvent } from '../../src/core/types';
import { restoreDataset } from '../../src/core/restore';
import { readFileSync } from 'node:fs';

const ev = (id: string, t0: number, t1 = t0, place?: string) => ({ id, t0, t1, place }) as TravelEvent;

describe('inWindow / eventsInWindow', () => {
  const events = [ev('a', 0), ev('b', 10, 20), ev('c', 30)];
  it('keeps events overlapping the window, ends included', () => {
    expect(eventsInWindow(events, [5, 25]).map((e) => e.id)).toEqual(['b']);
    expect(eventsInWindow(events, [20, 30]).map((e) => e.id)).toEqual(['b', 'c']);
    expect(eventsInWindow(events, [21, 29])).toEqual([]);
  });
  it('keeps a range that covers the whole window', () => {
    expect(inWindow(ev('x', 0, 100), [40, 60])).toBe(true);
  });
  it('keeps everything without a window', () => {
    expect(eventsInWindow(events, null)).toHaveLength(3);
  });
});

describe('windowShowing', () => {
  it('keeps a window that already shows the event', () => {
    const w = [0, 100] as const;
    expect(windowShowing(w, ev('a', 10, 20))).toBe(w);
  });
  it('centres the same width on an event outside it', () => {
    expect(windowShowing([0, 100], ev('a', 1000, 1000))).toEqual([950, 1050]);
  });
  it('widens for an event longer than the window', () => {
    const w = windowShowing([0, 10], ev('a', 100, 200))!;
    expect(w[0]).toBeLessThanOrEqual(100);
    expect(w[1]).toBeGreaterThanOrEqual(200);
  });
});

describe('eventsByPlace', () => {
  it('groups in time order and skips events without a place', () => {
    const g = eventsByPlace([ev('a', 0, 0, 'p'), ev('b', 1), ev('c', 2, 2, 'p')]);
    expect([...g.entries()].map(([k, v]) => [k, v.map((e) => e.id)])).toEqual([['p', ['a', 'c']]]);
  });
});

describe('initialWindow', () => {
  it('shows the last trip, padded, when the dataset names no window', () => {
    const d = restoreDataset(JSON.parse(readFileSync(new URL('../fixtures/small.json', import.meta.url), 'utf8')));
    const w = initialWindow(d, null)!;
    const trip = d.trips[0]!;
    expect(w[0]).toBeLessThan(trip.t0);
    expect(w[1]).toBeGreaterThan(trip.t1);
  });
});

describe("the order of a dataset's events", () => {
  it('finds each event by bisection where indexOf finds it, ties of start included, and -1 for others', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), t0: fc.integer({ min: 0, max: 5 }) }),
          {
            selector: (e) => e.id,
            maxLength: 40,
          },
        ),
        fc.string({ minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 5 }),
        (raw, otherId, otherT0) => {
          const events = [...raw].sort(eventOrder);
          events.forEach((e, i) => expect(indexOfEvent(events, e)).toBe(i));
          const other = { id: otherId, t0: otherT0 };
          if (!events.some((e) => e.id === otherId)) expect(indexOfEvent(events, other)).toBe(-1);
        },
      ),
    );
  });
  it('sorts by start, then by id', () => {
    const sorted = [ev('b', 1), ev('a', 2), ev('a2', 1)].sort(eventOrder).map((e) => e.id);
    expect(sorted).toEqual(['a2', 'b', 'a']);
  });
});
