import { describe, expect, it } from 'vitest';
import { distanceKm } from '../../src/core/geo';
import {
  advance,
  DAY_MS,
  HOUR_MS,
  nextStep,
  positionAt,
  previousStep,
  scheduleTrip,
  stepsOfTrip,
  stepTimes,
  TYPICAL_KMH,
} from '../../src/core/playback';
import { dataset, PLACES, TO_KHASAN } from './trip-fixture';

const at = (iso: string) => Date.parse(iso);
const place = (id: string) => {
  const p = PLACES.find((x) => x.id === id)!;
  return [p.lat, p.lon] as [number, number];
};

// Exact times: leaves Pyongyang 02:00 (UTC+9), reaches Khasan 11:00 (UTC+10) through Tumangang; waits;
// leaves 13:00 for Vladivostok, stopping at Ussuriysk at 15:00 for half an hour, arrives 18:00.
const exact = dataset(
  [
    { ...TO_KHASAN, waypoints: [place('pyongyang'), [41.7956, 129.7758], place('tumangang'), place('khasan')] },
    {
      id: 'l2',
      trip: 'a',
      from: 'khasan',
      to: 'vladivostok',
      start: '2019-04-24T13:00+10:00',
      end: '2019-04-24T18:00+10:00',
      waypoints: [place('khasan'), place('ussuriysk'), place('vladivostok')],
    },
  ],
  [
    { id: 'welcome', trip: 'a', start: '2019-04-24T11:30+10:00', end: '2019-04-24T12:30+10:00', place: 'khasan' },
    { id: 'transit', trip: 'a', start: '2019-04-24T15:00+10:00', end: '2019-04-24T15:30+10:00', place: 'ussuriysk' },
  ],
);

describe('positionAt', () => {
  const s = scheduleTrip(exact, 'a');
  it('keeps exact times', () => {
    expect(s.map((x) => [x.depart, x.arrive])).toEqual([
      [at('2019-04-23T17:00Z'), at('2019-04-24T01:00Z')],
      [at('2019-04-24T03:00Z'), at('2019-04-24T08:00Z')],
    ]);
    expect(s[0]!.exactTimes).toBe(true);
  });
  it('waits at the origin before the start', () => {
    const p = positionAt(s, at('2019-04-23T00:00Z'))!;
    expect(p).toMatchObject({ phase: 'before', placeId: 'pyongyang', latlng: place('pyongyang') });
  });
  it('is at the start when the leg leaves and moves along the route in the middle', () => {
    expect(positionAt(s, s[0]!.depart)!.latlng).toEqual(place('pyongyang'));
    const mid = positionAt(s, (s[0]!.depart + s[0]!.arrive) / 2)!;
    expect(mid).toMatchObject({ phase: 'moving', legId: 'l1', mode: 'train' });
    // Half the time, half the way (uniform speed along the geometry).
    const leg = exact.legs[0]!;
    const fromStart = distanceKm(leg.geometry[0]!, leg.geometry[1]!);
    expect(fromStart).toBeGreaterThan(leg.lengthKm / 2); // the midpoint lies on the first segment
    expect(distanceKm(mid.latlng, place('pyongyang'))).toBeCloseTo(leg.lengthKm / 2, 0);
  });
  it('dwells at the stop between legs while events happen there', () => {
    const p = positionAt(s, at('2019-04-24T02:00Z'))!;
    expect(p).toMatchObject({ phase: 'stopped', placeId: 'khasan', latlng: place('khasan') });
  });
  it('holds the train at a stop on the way for an exact-time event there', () => {
    for (const iso of ['2019-04-24T05:00Z', '2019-04-24T05:15Z', '2019-04-24T05:30Z']) {
      const p = positionAt(s, at(iso))!;
      expect(distanceKm(p.latlng, place('ussuriysk'))).toBeLessThan(0.01);
      expect(p.legId).toBe('l2');
    }
    expect(positionAt(s, at('2019-04-24T05:10Z'))!.phase).toBe('stopped');
    expect(positionAt(s, at('2019-04-24T04:00Z'))!.phase).toBe('moving');
  });
  it('is at the last arrival at the end and after it', () => {
    expect(positionAt(s, s[1]!.arrive)!.latlng).toEqual(place('vladivostok'));
    expect(positionAt(s, at('2019-05-01T00:00Z'))).toMatchObject({ phase: 'after', placeId: 'vladivostok' });
  });
  it('is null for a trip without legs', () => {
    expect(positionAt(scheduleTrip(exact, 'b'), 0)).toBeNull();
  });
});

describe('scheduleTrip, legs without times', () => {
  // Dates only: the first leg has a whole day, the second must arrive at 18:00.
  const d = dataset(
    [
      { id: 'l1', trip: 'a', from: 'pyongyang', to: 'khasan', start: '2019-04-24', end: '2019-04-24' },
      { id: 'l2', trip: 'a', from: 'khasan', to: 'vladivostok', start: '2019-04-24', end: '2019-04-24T18:00+10:00' },
      { id: 'l3', trip: 'a', from: 'vladivostok', to: 'pyongyang', start: '2019-04-26', end: '2019-04-28' },
    ],
    [],
  );
  const s = scheduleTrip(d, 'a');
  it('leaves at the start of the start date and keeps the later exact arrival reachable', () => {
    expect(s[0]!.depart).toBe(at('2019-04-23T15:00Z')); // midnight in Pyongyang
    const l1 = d.legs[0]!;
    const l2 = d.legs[1]!;
    // At the typical speed; then the next leg leaves on arrival and keeps its exact arrival.
    expect(s[0]!.arrive).toBe(s[0]!.depart + (l1.lengthKm / TYPICAL_KMH.train) * HOUR_MS);
    expect(s[1]!.depart).toBe(s[0]!.arrive);
    expect(s[1]!.arrive).toBe(at('2019-04-24T08:00Z'));
    expect(s[1]!.arrive - s[1]!.depart).toBeGreaterThanOrEqual((l2.lengthKm / TYPICAL_KMH.train) * HOUR_MS);
  });
  it('arrives no earlier than the start of its end date', () => {
    expect(s[2]!.depart).toBe(at('2019-04-25T14:00Z')); // midnight in Vladivostok
    expect(s[2]!.arrive).toBe(at('2019-04-27T15:00Z')); // midnight in Pyongyang, 28 April
  });
  it('gives a position at every moment, in order along the route', () => {
    for (let t = s[0]!.depart - DAY_MS; t < s[2]!.arrive + DAY_MS; t += HOUR_MS)
      expect(positionAt(s, t)).not.toBeNull();
  });
});

describe('steps and advance', () => {
  const steps = stepTimes(exact.events);
  it('steps to the next and previous event', () => {
    expect(nextStep(steps, 0)).toBe(at('2019-04-24T01:30Z'));
    expect(nextStep(steps, at('2019-04-24T01:30Z'))).toBe(at('2019-04-24T05:00Z'));
    expect(nextStep(steps, at('2019-04-24T05:00Z'))).toBeNull();
    expect(previousStep(steps, at('2019-04-24T05:00Z'))).toBe(at('2019-04-24T01:30Z'));
    expect(previousStep(steps, at('2019-04-24T01:30Z'))).toBeNull();
  });
  it("keeps each trip's steps once per dataset", () => {
    const a = stepsOfTrip(exact, 'a');
    expect(a).toEqual(steps);
    expect(stepsOfTrip(exact, 'a')).toBe(a);
    expect(stepsOfTrip(exact, 'none')).toEqual([]);
  });
  it('advances at the speed and stops at the end', () => {
    expect(advance(0, 500, 6 * HOUR_MS, DAY_MS)).toEqual({ t: 3 * HOUR_MS, ended: false });
    expect(advance(0, 5000, 6 * HOUR_MS, DAY_MS)).toEqual({ t: DAY_MS, ended: true });
  });
});
