// A restored dataset back to the file format: the records as they were read (without what restore
// derives), either all of them or the events of a time window and only what those events need.
import { FORMAT } from '../restore';
import type {
  ClaimRecord,
  EventRecord,
  LegRecord,
  MetaRecord,
  PersonRecord,
  PlaceRecord,
  SourceRecord,
  TripRecord,
} from '../schema';
import { inWindow, type TimeWindow } from '../selectors';
import type { Dataset, Leg, TravelEvent, Trip } from '../types';

export interface RawDataset {
  format: typeof FORMAT;
  meta: MetaRecord;
  sources: SourceRecord[];
  people: PersonRecord[];
  places: PlaceRecord[];
  trips: TripRecord[];
  legs: LegRecord[];
  events: EventRecord[];
  claims: ClaimRecord[];
}

/** A copy of `value` without the fields restore derived. */
function without<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Omit<T, K> {
  const out = { ...value };
  for (const k of keys) delete out[k];
  return out;
}

export const eventRecord = (e: TravelEvent): EventRecord => without(e, ['startAt', 'endAt', 't0', 't1']);
export const legRecord = (l: Leg): LegRecord => without(l, ['startAt', 'endAt', 'geometry', 'lengthKm']);
const tripRecord = (t: Trip): TripRecord => without(t, ['t0', 't1', 'order']);

const legInWindow = (l: Leg, w: TimeWindow) =>
  inWindow({ t0: l.startAt.ms, t1: Math.max(l.endAt.endMs, l.startAt.endMs) }, w);

/** The dataset as a file object; with a window, only its events and legs and what they reference. */
export function datasetToRaw(data: Dataset, window: TimeWindow | null = null): RawDataset {
  const events = window ? data.events.filter((e) => inWindow(e, window)) : data.events;
  const legs = window ? data.legs.filter((l) => legInWindow(l, window)) : data.legs;
  const tripIds = new Set([...events.map((e) => e.trip), ...legs.map((l) => l.trip)]);
  const trips = window ? data.trips.filter((t) => tripIds.has(t.id)) : data.trips;
  const placeIds = new Set<string>();
  for (const e of events) if (e.place) placeIds.add(e.place);
  for (const l of legs) placeIds.add(l.from).add(l.to);
  const places = [...data.places.values()].filter((p) => !window || placeIds.has(p.id));
  const kept = new Set([
    ...events.map((e) => e.id),
    ...legs.map((l) => l.id),
    ...trips.map((t) => t.id),
    ...places.map((p) => p.id),
  ]);
  const claims = window ? data.claims.filter((c) => kept.has(c.about)) : data.claims;
  const personIds = new Set([...trips.map((t) => t.traveller), ...events.flatMap((e) => e.participants ?? [])]);
  const people = [...data.people.values()].filter((p) => !window || personIds.has(p.id));
  const sourceIds = new Set([
    ...events.flatMap((e) => e.sources),
    ...legs.flatMap((l) => [...(l.sources ?? []), ...(l.distances ?? []).flatMap((d) => d.sources)]),
    ...trips.flatMap((t) => t.sources ?? []),
    ...places.flatMap((p) => p.sources ?? []),
    ...claims.flatMap((c) => c.sources),
  ]);
  const sources = [...data.sources.values()].filter((s) => !window || sourceIds.has(s.id));
  return {
    format: FORMAT,
    meta: data.meta,
    sources,
    people,
    places,
    trips: trips.map(tripRecord),
    legs: legs.map(legRecord),
    events: events.map(eventRecord),
    claims,
  };
}

/** Our JSON file, pretty-printed. */
export function toItineraJson(data: Dataset, window: TimeWindow | null = null): string {
  return `${JSON.stringify({ $schema: 'https://itinera.invalid/itinera.schema.json', ...datasetToRaw(data, window) }, null, 2)}\n`;
}
