// Two trips side by side: a common clock (time since local midnight of each departure day) and the
// figures that differ between them. Pure; works for any two trips of any dataset.
import { timeZoneOffsetMinutes, utcFromParts, zonedToUtc } from './dates';
import { DAY_MS, HOUR_MS, tripSchedule, type ScheduledLeg } from './playback';
import type { Dataset, Trip } from './types';

/** The trip ids of a `compare=a,b` value, when both exist and differ; else null. */
export function parseComparePair(data: Dataset, text: string | null): [string, string] | null {
  if (!text) return null;
  const ids = text.split(',').map((s) => s.trim());
  if (ids.length !== 2 || ids[0] === ids[1]) return null;
  return ids.every((id) => data.tripsById.has(id)) ? [ids[0]!, ids[1]!] : null;
}

/** Where and when a trip starts: the first leg's departure, else its first event. */
export function departureOf(data: Dataset, trip: Trip): { ms: number; timeZone: string } {
  const first = tripSchedule(data, trip.id)[0];
  if (first) return { ms: first.depart, timeZone: data.places.get(first.leg.from)?.timeZone ?? 'UTC' };
  const e = data.events.find((ev) => ev.trip === trip.id);
  const timeZone = (e?.place && data.places.get(e.place)?.timeZone) || 'UTC';
  return { ms: e ? e.t0 : trip.t0, timeZone };
}

/** Wall-clock time at an offset, as ms of a UTC date with the same fields. */
const wall = (ms: number, offsetMinutes: number) => ms + offsetMinutes * 60_000;

/** Local midnight starting the day that holds `ms` in `timeZone`, as a UTC instant. */
export function localMidnight(ms: number, timeZone: string): number {
  const d = new Date(wall(ms, timeZoneOffsetMinutes(timeZone, ms)));
  return zonedToUtc(timeZone, utcFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
}

/**
 * The origin of a trip's clock: local midnight, at the place of departure, of the departure day.
 * Aligned time is `t − origin`: 0 is the start of day 1 for every trip, whatever its time zone.
 */
export function tripOrigin(data: Dataset, trip: Trip): number {
  const d = departureOf(data, trip);
  return localMidnight(d.ms, d.timeZone);
}

/**
 * "Day n, hh:mm" of an instant for a trip whose clock starts at `origin` (a local midnight in
 * `originZone`), in local time at `timeZone`, where the traveller is: the day number counts local
 * calendar days since the departure date.
 */
export function dayAndTime(
  ms: number,
  origin: number,
  originZone: string,
  timeZone: string,
): { day: number; hours: number; minutes: number } {
  const local = new Date(wall(ms, timeZoneOffsetMinutes(timeZone, ms)));
  const start = new Date(wall(origin, timeZoneOffsetMinutes(originZone, origin)));
  const dayOf = (d: Date) => utcFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) / DAY_MS;
  return {
    day: Math.round(dayOf(local) - dayOf(start)) + 1,
    hours: local.getUTCHours(),
    minutes: local.getUTCMinutes(),
  };
}

export interface TripFigures {
  tripId: string;
  /** Along the drawn rail legs, km. */
  railKm: number;
  /** Sum of the legs' times under way, h. */
  hoursTravelling: number;
  /** Nights away: local dates from departure to return, at the place of departure. */
  nights: number;
  talks: number;
  siteVisits: number;
  /** Distinct places of the trip's events. */
  places: string[];
  /** Distinct people met at the trip's events, the traveller left out. */
  officials: string[];
}

export function tripFigures(data: Dataset, trip: Trip): TripFigures {
  const schedule: ScheduledLeg[] = tripSchedule(data, trip.id);
  const events = data.events.filter((e) => e.trip === trip.id);
  const d = departureOf(data, trip);
  const end = schedule.length ? schedule.at(-1)!.arrive : trip.t1;
  const nights = Math.max(0, Math.round((localMidnight(end, d.timeZone) - localMidnight(d.ms, d.timeZone)) / DAY_MS));
  const places = [...new Set(events.flatMap((e) => (e.place ? [e.place] : [])))];
  const officials = [...new Set(events.flatMap((e) => e.participants ?? []).filter((p) => p !== trip.traveller))];
  return {
    tripId: trip.id,
    railKm: schedule.filter((s) => s.leg.mode === 'train').reduce((km, s) => km + s.leg.lengthKm, 0),
    hoursTravelling: schedule.reduce((h, s) => h + (s.arrive - s.depart) / HOUR_MS, 0),
    nights,
    talks: events.filter((e) => e.kind === 'talks').length,
    siteVisits: events.filter((e) => e.kind === 'site-visit').length,
    places,
    officials,
  };
}

/** The playhead of trip B for a playhead `t` of trip A: the same time since each departure day began. */
export function alignedTime(t: number, originA: number, originB: number): number {
  return t - originA + originB;
}
