// Playback: when each leg of a trip moves, where the traveller is at a moment, and the moments to step
// between. Pure. The schedule follows the data; where the data gives only a day, it fills the gaps
// with rules stated below, so the same dataset always plays the same way.
import type { Instant } from './dates';
import type { Mode } from './schema';
import { cumulativeKm, nearestVertexKm, ON_ROUTE_KM, pointAtKm } from './route';
import { eventsOfTrip } from './selectors';
import type { Dataset, LatLon, Leg, TravelEvent, Trip } from './types';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Typical speeds, km/h, for legs whose times the sources do not give to the minute. */
export const TYPICAL_KMH: Record<Mode, number> = { train: 45, plane: 700, car: 40, ship: 25 };

/** Story time per second of playback: 1 hour, 6 hours, 1 day. */
export const SPEEDS = [HOUR_MS, 6 * HOUR_MS, DAY_MS] as const;
export const DEFAULT_SPEED = 6 * HOUR_MS;

const exact = (i: Instant) => i.precision === 'minute' || i.precision === 'second';

/** One leg placed in time, with keyframes (time → km along the route) for stops on the way. */
export interface ScheduledLeg {
  leg: Leg;
  depart: number;
  arrive: number;
  /** True when both ends come from times the sources give to the minute. */
  exactTimes: boolean;
  /** (ms, km) pairs, increasing in both; the first is (depart, 0), the last (arrive, length). */
  keys: [ms: number, km: number][];
  cum: number[];
}

/**
 * When each leg of a trip moves. Exact times are kept. Otherwise a leg leaves at the start of its
 * start date, or when the previous leg arrives if that is later; it arrives at the start of its end
 * date, or after the typical travel time of its mode if that is later, but never after its end date
 * ends nor after the next leg must leave to keep its own exact times. A stop with an exact-time event
 * at a place on the route (a transit at Ussuriysk at 12:15) holds the train there for that moment.
 */
export function scheduleTrip(data: Dataset, tripId: string): ScheduledLeg[] {
  const legs = inTimeOrder(data.legs.filter((l) => l.trip === tripId));
  // The trip's events (grouped once per dataset), not every event for each leg (100,000: ~40 ms).
  const events = eventsOfTrip(data.events, tripId);
  const n = legs.length;
  const typical = legs.map((l) => (l.lengthKm / TYPICAL_KMH[l.mode]) * HOUR_MS);
  const lo = legs.map((l) => l.startAt.ms);
  const hi = legs.map((l) => (exact(l.endAt) ? l.endAt.ms : Math.max(l.endAt.endMs, l.startAt.ms)));

  // Backward: the latest each leg may leave so that the legs after it keep their exact times.
  const latestDepart = new Array<number>(n);
  let next = Infinity;
  for (let i = n - 1; i >= 0; i--) {
    const l = legs[i]!;
    const arriveBy = Math.min(hi[i]!, next);
    latestDepart[i] = exact(l.startAt) ? l.startAt.ms : Math.max(lo[i]!, arriveBy - typical[i]!);
    next = latestDepart[i]!;
  }

  const out: ScheduledLeg[] = [];
  let prev = -Infinity;
  for (let i = 0; i < n; i++) {
    const l = legs[i]!;
    const depart = exact(l.startAt) ? l.startAt.ms : Math.min(Math.max(lo[i]!, prev), latestDepart[i]!);
    const cap = Math.min(hi[i]!, latestDepart[i + 1] ?? Infinity);
    const arrive = exact(l.endAt)
      ? l.endAt.ms
      : Math.max(depart, Math.min(cap, Math.max(l.endAt.ms, depart + typical[i]!)));
    const cum = cumulativeKm(l.geometry);
    out.push({
      leg: l,
      depart,
      arrive,
      exactTimes: exact(l.startAt) && exact(l.endAt),
      keys: keyframes(data, events, l, cum, depart, arrive),
      cum,
    });
    prev = arrive;
  }
  return out;
}

/**
 * Legs in time order, keeping the data's order where their start dates overlap (two legs on the
 * same day in two time zones are in the order the dataset gives them). A stable insertion sort.
 */
export function inTimeOrder(legs: readonly Leg[]): Leg[] {
  const out: Leg[] = [];
  const before = (a: Leg, b: Leg) =>
    Math.max(a.startAt.endMs, a.startAt.ms) <= b.startAt.ms && a.startAt.ms < b.startAt.ms;
  for (const leg of legs) {
    let i = out.length;
    while (i > 0 && before(leg, out[i - 1]!)) i--;
    out.splice(i, 0, leg);
  }
  return out;
}

/** (time, km) keyframes of a leg: its ends, plus each exact-time event at a place on the route. */
function keyframes(
  data: Dataset,
  tripEvents: readonly TravelEvent[],
  leg: Leg,
  cum: number[],
  depart: number,
  arrive: number,
): [number, number][] {
  const length = cum.at(-1) ?? 0;
  const keys: [number, number][] = [[depart, 0]];
  const stops = tripEvents
    .filter((e) => e.place && exact(e.startAt) && e.t0 > depart && e.t1 < arrive)
    .map((e) => {
      const p = data.places.get(e.place!)!;
      return { e, ...nearestVertexKm(leg.geometry, cum, [p.lat, p.lon]) };
    })
    .filter((s) => s.off <= ON_ROUTE_KM * 5 && s.km > 0 && s.km < length)
    .sort((a, b) => a.e.t0 - b.e.t0);
  for (const s of stops) {
    const last = keys.at(-1)!;
    if (s.km < last[1] || s.e.t0 <= last[0]) continue; // would run backwards: skip
    keys.push([s.e.t0, s.km]);
    if (s.e.t1 > s.e.t0) keys.push([s.e.t1, s.km]);
  }
  keys.push([Math.max(arrive, keys.at(-1)![0]), length]);
  return keys;
}

/** Km along the leg at time `t`, piecewise linear between keyframes. */
export function kmAt(s: ScheduledLeg, t: number): number {
  const k = s.keys;
  if (t <= k[0]![0]) return 0;
  for (let i = 1; i < k.length; i++) {
    const [t1, km1] = k[i]!;
    if (t <= t1) {
      const [t0, km0] = k[i - 1]!;
      return t1 > t0 ? km0 + ((t - t0) / (t1 - t0)) * (km1 - km0) : km1;
    }
  }
  return k.at(-1)![1];
}

export type Phase = 'before' | 'moving' | 'stopped' | 'after';

export interface Position {
  latlng: LatLon;
  phase: Phase;
  /** The leg under way (moving, or held at a stop on the way), else null. */
  legId: string | null;
  mode: Mode | null;
  /** The place where the traveller waits, when not moving. */
  placeId: string | null;
}

/**
 * Where the traveller of a trip is at `t`: at the first leg's origin before it leaves, along a leg
 * while it moves (waiting where its keyframes hold), at the last arrival's place between legs and
 * after the end. Null for a trip without legs.
 */
export function positionAt(schedule: readonly ScheduledLeg[], t: number): Position | null {
  if (schedule.length === 0) return null;
  const first = schedule[0]!;
  if (t < first.depart) return stay(first.leg, 'from', 'before');
  for (let i = 0; i < schedule.length; i++) {
    const s = schedule[i]!;
    if (t <= s.arrive && t >= s.depart) {
      const km = kmAt(s, t);
      const latlng = pointAtKm(s.leg.geometry, s.cum, km);
      const held = s.keys.some((k, j) => j > 0 && k[1] === s.keys[j - 1]![1] && t >= s.keys[j - 1]![0] && t <= k[0]);
      return { latlng, phase: held ? 'stopped' : 'moving', legId: s.leg.id, mode: s.leg.mode, placeId: null };
    }
    const nextLeg = schedule[i + 1];
    if (t > s.arrive && (!nextLeg || t < nextLeg.depart)) return stay(s.leg, 'to', nextLeg ? 'stopped' : 'after');
  }
  return stay(schedule.at(-1)!.leg, 'to', 'after');
}

function stay(leg: Leg, end: 'from' | 'to', phase: Phase): Position {
  const latlng = end === 'from' ? leg.geometry[0]! : leg.geometry.at(-1)!;
  return { latlng, phase, legId: null, mode: leg.mode, placeId: end === 'from' ? leg.from : leg.to };
}

/** The span playback runs over for a trip: from an hour before its first leg to its last leg or event. */
export function playRange(trip: Trip, schedule: readonly ScheduledLeg[]): [number, number] {
  if (schedule.length === 0) return [trip.t0, trip.t1];
  const t0 = schedule[0]!.depart - HOUR_MS;
  return [t0, Math.max(schedule.at(-1)!.arrive, Math.min(trip.t1, schedule.at(-1)!.arrive + 2 * DAY_MS))];
}

/** Step times: the starts of the events, sorted and without duplicates. */
export function stepTimes(events: readonly Pick<TravelEvent, 't0'>[]): number[] {
  return [...new Set(events.map((e) => e.t0))].sort((a, b) => a - b);
}

/** The first step strictly after `t` (by more than a second), or null. */
export function nextStep(steps: readonly number[], t: number): number | null {
  for (const s of steps) if (s > t + 1000) return s;
  return null;
}

/** The last step strictly before `t` (by more than a second), or null. */
export function previousStep(steps: readonly number[], t: number): number | null {
  for (let i = steps.length - 1; i >= 0; i--) if (steps[i]! < t - 1000) return steps[i]!;
  return null;
}

/** The playhead after `elapsedMs` of real time at `speed` story-ms per second, stopping at `end`. */
export function advance(t: number, elapsedMs: number, speed: number, end: number): { t: number; ended: boolean } {
  const next = t + (elapsedMs / 1000) * speed;
  return next >= end ? { t: end, ended: true } : { t: next, ended: false };
}

/** The trip playback follows at `t`: one whose span holds it, else the one of `selected`, else the nearest. */
export function tripAt(data: Dataset, t: number, preferred: string | null = null): Trip | null {
  const pool = tripPool(data);
  if (preferred) {
    const p = pool.find((tr) => tr.id === preferred);
    if (p && t >= p.t0 - DAY_MS && t <= p.t1 + DAY_MS) return p;
  }
  let best: Trip | null = null;
  let bestD = Infinity;
  for (const tr of pool) {
    if (!Number.isFinite(tr.t0)) continue;
    const d = t < tr.t0 ? tr.t0 - t : t > tr.t1 ? t - tr.t1 : 0;
    if (d < bestD) [best, bestD] = [tr, d];
  }
  return best;
}

const withLegs = new WeakMap<Dataset, readonly Trip[]>();
/** The trips that have legs, in the dataset's order, once per dataset. */
export function tripsWithLegs(data: Dataset): readonly Trip[] {
  let trips = withLegs.get(data);
  if (!trips) {
    const ids = new Set(data.legs.map((l) => l.trip));
    withLegs.set(data, (trips = data.trips.filter((tr) => ids.has(tr.id))));
  }
  return trips;
}

/** The trips playback can follow: those with legs (all trips when none has any). */
function tripPool(data: Dataset): readonly Trip[] {
  const trips = tripsWithLegs(data);
  return trips.length ? trips : data.trips;
}

/** `make`, kept per dataset and trip (a dataset is never changed once restored). */
export function perTrip<T>(make: (data: Dataset, tripId: string) => T): (data: Dataset, tripId: string) => T {
  const cache = new WeakMap<Dataset, Map<string, T>>();
  return (data, tripId) => {
    let byTrip = cache.get(data);
    if (!byTrip) cache.set(data, (byTrip = new Map()));
    if (!byTrip.has(tripId)) byTrip.set(tripId, make(data, tripId));
    return byTrip.get(tripId)!;
  };
}

/**
 * stepTimes of a trip's events, once per dataset and trip: the play context is remade at each new
 * window, and a trip of a large dataset has thousands of events to sort.
 */
export const stepsOfTrip: (data: Dataset, tripId: string) => readonly number[] = perTrip((data, tripId) =>
  stepTimes(eventsOfTrip(data.events, tripId)),
);

/** scheduleTrip, once per dataset and trip. */
export const tripSchedule: (data: Dataset, tripId: string) => ScheduledLeg[] = perTrip(scheduleTrip);
