// What playback runs over for a view state: the trips in play, the span, the steps. Pure.
import { alignedTime, tripOrigin } from '../core/compare';
import { perTrip, playRange, stepsOfTrip, stepTimes, tripAt, tripSchedule, type ScheduledLeg } from '../core/playback';
import type { Dataset, Trip } from '../core/types';
import { eventsOfTrip } from '../core/selectors';

export interface PlayTrip {
  trip: Trip;
  schedule: ScheduledLeg[];
  /** Maps the playhead (trip A's time) to this trip's own time. */
  toOwn(t: number): number;
  /** Maps this trip's time to the playhead's. */
  fromOwn(t: number): number;
}

export interface PlayContext {
  trips: PlayTrip[];
  range: [number, number];
  /** Event starts of the trips in play, on the playhead's clock. */
  steps: readonly number[];
}

const same = (t: number) => t;

/**
 * The context of one trip, once per dataset and trip: the same object while the view stays on one trip
 * (a brush drag changes the window at every frame; playback asks at every frame too), so what is
 * memoised on it (the moving markers, the playback controls) is not made again.
 */
const singleTrip = perTrip((data, tripId): PlayContext => {
  const trip = data.tripsById.get(tripId)!;
  const schedule = tripSchedule(data, tripId);
  return {
    trips: [{ trip, schedule, toOwn: same, fromOwn: same }],
    range: playRange(trip, schedule),
    steps: stepsOfTrip(data, tripId),
  };
});

export interface PlayInput {
  t: number | null;
  compare: readonly [string, string] | null;
  selectedId: string | null;
  window: readonly [number, number] | null;
}

/**
 * The trips in play: the two compared ones (B on A's clock, aligned by days since departure), or
 * the trip at the playhead (else the selected event's trip, else the one in the window).
 */
export function playContext(data: Dataset, s: PlayInput): PlayContext | null {
  if (s.compare) {
    const [a, b] = s.compare.map((id) => data.tripsById.get(id));
    if (a && b) {
      const oa = tripOrigin(data, a);
      const ob = tripOrigin(data, b);
      const trips: PlayTrip[] = [
        { trip: a, schedule: tripSchedule(data, a.id), toOwn: same, fromOwn: same },
        {
          trip: b,
          schedule: tripSchedule(data, b.id),
          toOwn: (t) => alignedTime(t, oa, ob),
          fromOwn: (t) => alignedTime(t, ob, oa),
        },
      ];
      const ra = playRange(a, trips[0]!.schedule);
      const rb = playRange(b, trips[1]!.schedule).map(trips[1]!.fromOwn);
      const steps = stepTimes([
        ...eventsOfTrip(data.events, a.id),
        ...eventsOfTrip(data.events, b.id).map((e) => ({ t0: trips[1]!.fromOwn(e.t0) })),
      ]);
      return { trips, range: [Math.min(ra[0], rb[0]!), Math.max(ra[1], rb[1]!)], steps };
    }
  }
  const selected = s.selectedId ? data.eventsById.get(s.selectedId) : undefined;
  const at = s.t ?? selected?.t0 ?? (s.window ? (s.window[0] + s.window[1]) / 2 : null);
  if (at === null) return null;
  const trip = tripAt(data, at, selected?.trip ?? null);
  if (!trip) return null;
  return singleTrip(data, trip.id);
}
