import { describe, expect, it } from 'vitest';
import { playContext } from '../../src/state/playback-state';
import { dataset } from '../core/trip-fixture';

const legs = [
  {
    id: 'l1',
    trip: 'a',
    from: 'pyongyang',
    to: 'khasan',
    start: '2019-04-24T02:00+09:00',
    end: '2019-04-24T11:00+10:00',
  },
  {
    id: 'l2',
    trip: 'b',
    from: 'khasan',
    to: 'pyongyang',
    start: '2023-09-12T02:00+10:00',
    end: '2023-09-12T11:00+09:00',
  },
];
const events = [
  { id: 'a1', trip: 'a', start: '2019-04-24T02:00+09:00', place: 'pyongyang' },
  { id: 'a2', trip: 'a', start: '2019-04-24T11:00+10:00', place: 'khasan' },
  { id: 'b1', trip: 'b', start: '2023-09-12T02:00+10:00', place: 'khasan' },
  { id: 'b2', trip: 'b', start: '2023-09-12T11:00+09:00', place: 'pyongyang' },
];
const at = (iso: string) => Date.parse(iso);
const around = (iso: string, hours: number): [number, number] => [at(iso) - hours * 3.6e6, at(iso) + hours * 3.6e6];
const input = (window: [number, number]) => ({ t: null, compare: null, selectedId: null, window });

describe('playContext', () => {
  it('gives the same object while the window stays on one trip, another for another trip', () => {
    const d = dataset(legs, events);
    const first = playContext(d, input(around('2019-04-24T05:00+09:00', 6)));
    const moved = playContext(d, input(around('2019-04-24T06:00+09:00', 4)));
    expect(first?.trips[0]!.trip.id).toBe('a');
    expect(moved).toBe(first);
    const other = playContext(d, input(around('2023-09-12T05:00+10:00', 6)));
    expect(other?.trips[0]!.trip.id).toBe('b');
    expect(other).not.toBe(first);
    // A new dataset (a file opened, the same trips) gets contexts of its own.
    const again = dataset(legs, events);
    const fresh = playContext(again, input(around('2019-04-24T05:00+09:00', 6)));
    expect(fresh).not.toBe(first);
    expect(fresh?.steps).toEqual(first?.steps);
  });
});
