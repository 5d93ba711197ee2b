// The restored, ready-to-draw dataset: records as written plus what is derived once on load
// (parsed instants, route geometry and length, sort order).
import type { Instant } from './dates';
import type {
  ClaimRecord,
  EventRecord,
  LegRecord,
  MetaRecord,
  NarrativeRecord,
  PersonRecord,
  PlaceRecord,
  SourceRecord,
  TripRecord,
} from './schema';

export type LatLon = [lat: number, lon: number];

export interface Leg extends LegRecord {
  startAt: Instant;
  endAt: Instant;
  /** The drawn route, from `from` to `to`, endpoints included. */
  geometry: LatLon[];
  /** Length along `geometry`, in km. */
  lengthKm: number;
}

export interface TravelEvent extends EventRecord {
  startAt: Instant;
  endAt: Instant;
  /** Span on the time axis: [startAt.ms, max(endAt.endMs, startAt.endMs)]. */
  t0: number;
  t1: number;
}

export interface Trip extends TripRecord {
  /** Span of the trip's events and legs. */
  t0: number;
  t1: number;
  /** Position in time order of first activity; lanes and colours follow it. */
  order: number;
}

export interface Problem {
  /** JSON path of the offending value, e.g. `events[3].start`. */
  path: string;
  message: string;
  /** `dropped`: the record was left out; `fatal`: nothing could be loaded. */
  level: 'dropped' | 'fatal' | 'warning';
  /** Where in the file (1-based), when known. */
  line?: number;
  column?: number;
}

export interface Dataset {
  meta: MetaRecord;
  sources: Map<string, SourceRecord>;
  people: Map<string, PersonRecord>;
  places: Map<string, PlaceRecord>;
  trips: Trip[];
  tripsById: Map<string, Trip>;
  legs: Leg[];
  /** Sorted by t0, then id. */
  events: TravelEvent[];
  /** The events by id, in no particular order (nothing iterates it). */
  eventsById: Map<string, TravelEvent>;
  claims: ClaimRecord[];
  problems: Problem[];
  /** Narratives for presentation mode (steps pointing at missing records are dropped). */
  narratives?: NarrativeRecord[];
  /** Records found in the file per collection, before dropping. */
  totals: { events: number; legs: number; places: number };
}
