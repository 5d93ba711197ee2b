import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  alignedTime,
  dayAndTime,
  localMidnight,
  parseComparePair,
  tripFigures,
  tripOrigin,
} from '../../src/core/compare';
import { HOUR_MS } from '../../src/core/playback';
import { restoreDataset } from '../../src/core/restore';
import { dataset } from './trip-fixture';

// Trip a leaves Moscow (UTC+3) at 09:00 local on 1 June; trip b leaves Pyongyang (UTC+9) at 09:00
// local on 10 September. Both are "day 1, 09:00" on the common clock.
const d = dataset(
  [
    {
      id: 'a1',
      trip: 'a',
      from: 'moscow',
      to: 'vladivostok',
      start: '2023-06-01T09:00+03:00',
      end: '2023-06-08T18:00+10:00',
    },
    {
      id: 'b1',
      trip: 'b',
      from: 'pyongyang',
      to: 'khasan',
      start: '2023-09-10T09:00+09:00',
      end: '2023-09-12T06:00+10:00',
    },
    {
      id: 'b2',
      trip: 'b',
      from: 'khasan',
      to: 'pyongyang',
      start: '2023-09-14T06:00+10:00',
      end: '2023-09-15T20:00+09:00',
    },
  ],
  [
    { id: 'e1', trip: 'b', kind: 'talks', start: '2023-09-12', place: 'khasan', participants: ['host', 'leader'] },
    {
      id: 'e2',
      trip: 'b',
      kind: 'site-visit',
      start: '2023-09-13',
      place: 'vladivostok',
      participants: ['host', 'aide'],
    },
    { id: 'e3', trip: 'b', kind: 'talks', start: '2023-09-13', place: 'vladivostok' },
  ],
);
const A = d.tripsById.get('a')!;
const B = d.tripsById.get('b')!;

describe('tripOrigin', () => {
  it('is local midnight of the departure day at the place of departure, whatever its time zone', () => {
    expect(tripOrigin(d, A)).toBe(Date.parse('2023-05-31T21:00Z'));
    expect(tripOrigin(d, B)).toBe(Date.parse('2023-09-09T15:00Z'));
  });
  it('aligns both departures at 9 hours on the common clock (day 1, 09:00)', () => {
    const a0 = d.legs.find((l) => l.id === 'a1')!.startAt.ms;
    const b0 = d.legs.find((l) => l.id === 'b1')!.startAt.ms;
    expect(a0 - tripOrigin(d, A)).toBe(9 * HOUR_MS);
    expect(b0 - tripOrigin(d, B)).toBe(9 * HOUR_MS);
    expect(alignedTime(a0, tripOrigin(d, A), tripOrigin(d, B))).toBe(b0);
  });
});

describe('dayAndTime', () => {
  it('counts local calendar days since departure, in the time zone where the traveller is', () => {
    const o = tripOrigin(d, B);
    expect(dayAndTime(Date.parse('2023-09-10T00:00Z'), o, 'Asia/Pyongyang', 'Asia/Pyongyang')).toEqual({
      day: 1,
      hours: 9,
      minutes: 0,
    });
    // 14:30 UTC on 11 September is 00:30 on 12 September in Vladivostok: day 3 there, still day 2 in Pyongyang.
    const t = Date.parse('2023-09-11T14:30Z');
    expect(dayAndTime(t, o, 'Asia/Pyongyang', 'Asia/Vladivostok')).toEqual({ day: 3, hours: 0, minutes: 30 });
    expect(dayAndTime(t, o, 'Asia/Pyongyang', 'Asia/Pyongyang').day).toBe(2);
  });
  it('finds local midnight across offsets', () => {
    expect(localMidnight(Date.parse('2023-09-11T14:30Z'), 'Asia/Vladivostok')).toBe(Date.parse('2023-09-11T14:00Z'));
  });
});

describe('tripFigures', () => {
  it('adds rail km, hours travelling, nights, talks, site visits, places and people met', () => {
    const f = tripFigures(d, B);
    const km = d.legs.filter((l) => l.trip === 'b').reduce((s, l) => s + l.lengthKm, 0);
    expect(f.railKm).toBeCloseTo(km, 6);
    expect(f.hoursTravelling).toBeCloseTo(44 + 39, 6);
    expect(f.nights).toBe(5); // 10 → 15 September
    expect(f.talks).toBe(2);
    expect(f.siteVisits).toBe(1);
    expect(f.places.sort()).toEqual(['khasan', 'vladivostok']);
    expect(f.officials.sort()).toEqual(['aide', 'host']); // the traveller is left out
  });
  it('works on the shipped 2019 and 2023 trips', () => {
    const shipped = restoreDataset(
      JSON.parse(readFileSync(new URL('../../data/kim-trips.json', import.meta.url), 'utf8')),
    );
    const [a, b] = ['kju-2019-russia', 'kju-2023-russia'].map((id) => tripFigures(shipped, shipped.tripsById.get(id)!));
    expect(a!.nights).toBe(3);
    expect(b!.nights).toBe(9);
    expect(b!.railKm).toBeGreaterThan(a!.railKm);
    expect(a!.talks).toBeGreaterThanOrEqual(1);
  });
});

describe('parseComparePair', () => {
  it('takes two different known trips, else null', () => {
    expect(parseComparePair(d, 'a,b')).toEqual(['a', 'b']);
    expect(parseComparePair(d, 'a,a')).toBeNull();
    expect(parseComparePair(d, 'a,zz')).toBeNull();
    expect(parseComparePair(d, null)).toBeNull();
  });
});
