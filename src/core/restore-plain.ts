// Lenient restore without zod: validate each record on its own, drop the bad ones with a JSON path
// and a reason, keep the rest. Never throws on any input. Each record kind has a fast check written
// by hand from its schema in schema.ts: it accepts a plain record (known fields only, each of the
// expected type) and returns it exactly as the schema would; anything else goes to the schema
// (restore.ts), which also words the problems. The first load of the app restores a clean dataset
// here alone and loads zod only for a record that falls off the fast path. A property test
// (tests/core/restore-fast.test.ts) holds each fast check to its schema.
import { isKnownTimeZone, parsePartialDate, type Instant } from './dates';
import { routeGeometry, routeLengthKm } from './geo';
import { eventOrder } from './selectors';
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
import type { Dataset, Leg, Problem, TravelEvent, Trip } from './types';
import {
  COUNTRY_RE,
  DISTANCE_BASES,
  EVENT_KINDS,
  HTTP_URL_RE,
  ID_RE,
  LANGUAGE_CODE_RE,
  MODES,
  PARTIAL_DATE_RE,
  TIME_ZONE_RE,
} from './vocab';

export const FORMAT = 'itinera/1';

/** The collections of a dataset, in the order they are restored (referenced kinds first). */
export const COLLECTION_NAMES = ['sources', 'people', 'places', 'trips', 'legs', 'events', 'claims'] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];
export type RecordKind = 'meta' | CollectionName | 'narratives';
interface Records {
  sources: SourceRecord;
  people: PersonRecord;
  places: PlaceRecord;
  trips: TripRecord;
  legs: LegRecord;
  events: EventRecord;
  claims: ClaimRecord;
}

/** The schema's word on a record: the record as it returns it, or the problems (JSON path, reason). */
export type Verdict = { ok: true; record: unknown } | { ok: false; problems: { path: string; message: string }[] };
/** Checks a record that the fast path declined; `path` is the record's, e.g. `events[3]`. */
export type SlowCheck = (kind: RecordKind, item: unknown, path: string) => Verdict;

export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return v.length > 60 ? `"${v.slice(0, 57)}…" (${v.length} characters)` : `"${v}"`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

function emptyMeta(): MetaRecord {
  return { id: 'untitled', title: { en: 'Untitled dataset', fr: 'Jeu de données sans titre' } };
}

export function emptyDataset(problems: Problem[] = []): Dataset {
  return {
    meta: emptyMeta(),
    sources: new Map(),
    people: new Map(),
    places: new Map(),
    trips: [],
    tripsById: new Map(),
    legs: [],
    events: [],
    eventsById: new Map(),
    claims: [],
    problems,
    totals: { events: 0, legs: 0, places: 0 },
  };
}

// ---- The fast checks. Each returns the record as the schema would return it (fields in the schema's
// order, objects and arrays copied), or null where the schema must look (and explain). No value the
// schema accepts is null, so null can mean "declined".

type Plain<T = unknown> = (v: unknown) => T | null;
type Field = Plain & { optional?: true };

const str =
  (re?: RegExp, min = 0): Plain<string> =>
  (v) =>
    typeof v === 'string' && v.length >= min && (re === undefined || re.test(v)) ? v : null;
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const between =
  (min: number, max: number): Plain<number> =>
  (v) =>
    finite(v) && v >= min && v <= max ? v : null;
const positive: Plain<number> = (v) => (finite(v) && v > 0 ? v : null);
const bool: Plain<boolean> = (v) => (typeof v === 'boolean' ? v : null);
function oneOf(values: readonly string[]): Plain<string> {
  const set: ReadonlySet<string> = new Set(values);
  return (v) => (typeof v === 'string' && set.has(v) ? v : null);
}
function list<T>(item: Plain<T>, min = 0): Plain<T[]> {
  return (v) => {
    if (!Array.isArray(v) || v.length < min) return null;
    const out: T[] = [];
    for (let i = 0; i < v.length; i++) {
      const x = item(v[i]);
      if (x === null) return null;
      out.push(x);
    }
    return out;
  };
}
const opt = (check: Plain): Field => Object.assign((v: unknown) => check(v), { optional: true as const });
function object(fields: Record<string, Field>): Plain<Record<string, unknown>> {
  const keys = Object.keys(fields);
  const known: ReadonlySet<string> = new Set(keys);
  return (v) => {
    if (!isPlainObject(v)) return null;
    for (const k in v) if (!known.has(k)) return null;
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const check = fields[k]!;
      if (!Object.hasOwn(v, k)) {
        if (check.optional) continue;
        return null;
      }
      const x = check(v[k]);
      if (x === null) return null;
      out[k] = x;
    }
    return out;
  };
}

const id = str(ID_RE);
const nonEmpty = str(undefined, 1);
const partialDate = str(PARTIAL_DATE_RE);
const sourceIds = list(id);
const textFields = object({ en: opt(nonEmpty), fr: opt(nonEmpty), ko: opt(nonEmpty), ru: opt(nonEmpty) });
const text: Plain = (v) => {
  const t = textFields(v);
  return t !== null && Object.keys(t).length > 0 ? t : null;
};
const latLon: Plain<[number, number]> = (v) => {
  if (!Array.isArray(v) || v.length !== 2) return null;
  const lat = between(-90, 90)(v[0]);
  const lon = between(-180, 180)(v[1]);
  return lat === null || lon === null ? null : [lat, lon];
};
const span = object({ from: partialDate, to: partialDate });

export const plainSource = object({
  id,
  publisher: nonEmpty,
  title: nonEmpty,
  url: str(HTTP_URL_RE),
  date: opt(partialDate),
  language: str(LANGUAGE_CODE_RE),
  author: opt(nonEmpty),
  note: opt(nonEmpty),
});
export const plainPerson = object({ id, names: text, role: opt(text), country: opt(str(COUNTRY_RE)) });
export const plainPlace = object({
  id,
  names: text,
  lat: between(-90, 90),
  lon: between(-180, 180),
  timeZone: str(TIME_ZONE_RE),
  country: str(COUNTRY_RE),
  approximate: opt(bool),
  note: opt(text),
  sources: opt(sourceIds),
});
export const plainTrip = object({ id, traveller: id, title: text, summary: opt(text), sources: opt(sourceIds) });
const distance = object({ km: positive, basis: oneOf(DISTANCE_BASES), label: text, sources: list(id, 1) });
export const plainLeg = object({
  id,
  trip: id,
  from: id,
  to: id,
  mode: oneOf(MODES),
  start: partialDate,
  end: partialDate,
  waypoints: opt(list(latLon)),
  distances: opt(list(distance)),
  sources: opt(sourceIds),
});
export const plainClaim = object({ id, about: id, text, sources: list(id, 1), disputes: opt(list(id)) });
export const plainMeta = object({ id, title: text, description: opt(text), defaultWindow: opt(span) });
const step = object({
  event: opt(id),
  leg: opt(id),
  window: opt(span),
  title: opt(text),
  text: opt(text),
  notes: opt(text),
});
export const plainNarrative = object({ id, title: text, steps: list(step) });

// The commonest record, the event, has its own check, unrolled: at 100,000 events a generic walk was
// most of the restore time.

const KINDS: ReadonlySet<string> = new Set(EVENT_KINDS);
const EVENT_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'trip',
  'kind',
  'start',
  'end',
  'timeText',
  'place',
  'participants',
  'title',
  'summary',
  'sources',
]);
const TEXT_FIELDS: ReadonlySet<string> = new Set(['en', 'fr', 'ko', 'ru']);

const isId = (v: unknown): v is string => typeof v === 'string' && ID_RE.test(v);
const isDate = (v: unknown): v is string => typeof v === 'string' && PARTIAL_DATE_RE.test(v);
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}
function isText(v: unknown): boolean {
  if (!isPlainObject(v)) return false;
  let any = false;
  for (const k in v) {
    const s = v[k];
    if (!TEXT_FIELDS.has(k) || typeof s !== 'string' || s.length === 0) return false;
    any = true;
  }
  return any;
}
function isIdList(v: unknown, min: number): v is string[] {
  if (!Array.isArray(v) || v.length < min) return false;
  for (let i = 0; i < v.length; i++) if (!isId(v[i])) return false;
  return true;
}

/** A checked text, with its languages in the schema's order. */
function copyText(v: unknown): Record<string, string> {
  const t = v as Record<string, string>;
  const out: Record<string, string> = {};
  for (const l of ['en', 'fr', 'ko', 'ru'] as const) if (l in t) out[l] = t[l]!;
  return out;
}

/**
 * The event as the schema would return it, or null when the schema must look (and explain). `adopt`:
 * the value is the caller's own parse, which nothing else holds, so it is taken as it is instead of
 * copied (the same fields and texts; keys in the file's order). 100,000 events: ~15% of the restore.
 */
export function plainEvent(v: unknown, adopt = false): EventRecord | null {
  if (!isPlainObject(v)) return null;
  for (const k in v) if (!EVENT_FIELDS.has(k)) return null;
  if (!isId(v.id) || !isId(v.trip) || typeof v.kind !== 'string' || !KINDS.has(v.kind) || !isDate(v.start)) return null;
  if (!isText(v.title) || !isIdList(v.sources, 1)) return null;
  if ('end' in v && !isDate(v.end)) return null;
  if ('timeText' in v && !isText(v.timeText)) return null;
  if ('place' in v && !isId(v.place)) return null;
  if ('participants' in v && !isIdList(v.participants, 0)) return null;
  if ('summary' in v && !isText(v.summary)) return null;
  if (adopt) return v as unknown as EventRecord;
  const out: Record<string, unknown> = { id: v.id, trip: v.trip, kind: v.kind, start: v.start };
  if ('end' in v) out.end = v.end;
  if ('timeText' in v) out.timeText = copyText(v.timeText);
  if ('place' in v) out.place = v.place;
  if ('participants' in v) out.participants = [...(v.participants as string[])];
  out.title = copyText(v.title);
  if ('summary' in v) out.summary = copyText(v.summary);
  out.sources = [...v.sources];
  return out as unknown as EventRecord;
}

const PLAIN: Record<RecordKind, Plain> = {
  meta: plainMeta,
  sources: plainSource,
  people: plainPerson,
  places: plainPlace,
  trips: plainTrip,
  legs: plainLeg,
  events: plainEvent,
  claims: plainClaim,
  narratives: plainNarrative,
};

/** Restore without the schema: null when a record needs it (the caller then loads restore.ts). */
export function restorePlain(input: unknown, adopt = false): Dataset | null {
  return restoreWith(input, null, undefined, adopt);
}

/**
 * Where each restored event came from in the input's `events` array, for a caller that rebuilds the
 * events from its own parse of the same text (src/core/handoff.ts): `rows[k]` is the index of
 * `events[k]`; `slow[k]` is 1 when the schema, not the fast check, took that record.
 */
export interface EventOrigins {
  rows: Int32Array;
  slow: Uint8Array;
}
/** Where a restore says more than its dataset, when asked: `origins` (restored from our own format only). */
export interface RestoreOut {
  origins?: EventOrigins;
}

/**
 * A record that passed its check: where it was (its JSON path is made only for a problem to name, not
 * for each of 100,000 records), and whether the schema took it.
 */
class Valid<T> {
  constructor(
    readonly name: CollectionName,
    readonly record: T,
    readonly row: number,
    readonly bySchema: boolean,
  ) {}
  get path(): string {
    return `${this.name}[${this.row}]`;
  }
}

/** An event record completed with its times, in place (a record the restore owns: copied or adopted). */
export function completeEvent(record: EventRecord, startAt: Instant, endAt: Instant): TravelEvent {
  const event = record as TravelEvent;
  event.startAt = startAt;
  event.endAt = endAt;
  event.t0 = startAt.ms;
  event.t1 = Math.max(endAt.endMs, startAt.endMs);
  return event;
}

/**
 * Restore a parsed JSON value into a Dataset; bad records are dropped and listed in `problems`. Each
 * record goes through its fast check; one that it declines goes to `slow` (the zod schema, which
 * also words the problems), or, without `slow`, the whole restore gives up and returns null.
 */
export function restoreWith(
  input: unknown,
  slow: SlowCheck | null,
  out?: RestoreOut,
  /** `input` is the caller's own parse: its events are completed in place, not copied (plainEvent). */
  adopt = false,
): Dataset | null {
  const problems: Problem[] = [];
  let bySchema = false; // whether the last check went to the schema
  // The record's path (`events[3]`) is written only for the schema: 100,000 strings spared.
  const check = (kind: RecordKind, item: unknown, index = -1): Verdict | null => {
    const record = adopt && kind === 'events' ? plainEvent(item, true) : PLAIN[kind](item);
    bySchema = record === null;
    if (record !== null) return { ok: true, record };
    return slow && slow(kind, item, index < 0 ? kind : `${kind}[${index}]`);
  };
  const drop = (path: string, message: string) => problems.push({ path, message, level: 'dropped' });

  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return emptyDataset([
      { path: '(root)', message: `expected a JSON object, got ${typeName(input)}`, level: 'fatal' },
    ]);
  }
  const root = input as Record<string, unknown>;
  if (root.format !== FORMAT) {
    return emptyDataset([
      {
        path: 'format',
        message: `expected "${FORMAT}", got ${root.format === undefined ? 'nothing' : typeName(root.format)}`,
        level: 'fatal',
      },
    ]);
  }

  let meta = emptyMeta();
  const metaResult = check('meta', root.meta);
  if (!metaResult) return null;
  if (metaResult.ok) meta = metaResult.record as MetaRecord;
  else for (const p of metaResult.problems) problems.push({ ...p, level: 'warning' });

  // Validate each record of each collection on its own; duplicates keep the first.
  const valid = {} as { [K in CollectionName]: Valid<Records[K]>[] };
  // Each valid event record by id; completed in place below, and deleted again if it is dropped.
  const eventsById = new Map<string, TravelEvent>();
  const totals = { events: 0, legs: 0, places: 0 };
  for (const name of COLLECTION_NAMES) {
    const list = root[name];
    valid[name] = [];
    if (list === undefined) {
      if (name !== 'claims') problems.push({ path: name, message: 'missing (expected an array)', level: 'warning' });
      continue;
    }
    if (!Array.isArray(list)) {
      problems.push({ path: name, message: `expected an array, got ${typeName(list)}`, level: 'warning' });
      continue;
    }
    if (name === 'events' || name === 'legs' || name === 'places') totals[name] = list.length;
    // The events' ids become the dataset's eventsById (less the events dropped below): one map of
    // 100,000 ids, not a set and then a map.
    const seen: Map<string, unknown> = name === 'events' ? eventsById : new Map<string, unknown>();
    for (let i = 0; i < list.length; i++) {
      const result = check(name, list[i], i);
      if (!result) return null;
      if (!result.ok) {
        // Every problem of the record, so an author can fix them all at once.
        for (const p of result.problems) drop(p.path, p.message);
        continue;
      }
      const rid = (result.record as { id: string }).id;
      if (seen.has(rid)) {
        drop(`${name}[${i}].id`, `duplicate id "${rid}" in ${name}`);
        continue;
      }
      seen.set(rid, result.record);
      (valid[name] as Valid<unknown>[]).push(new Valid(name, result.record, i, bySchema));
    }
  }

  const sources = new Map<string, SourceRecord>(valid.sources.map((v) => [v.record.id, v.record]));
  const people = new Map<string, PersonRecord>(valid.people.map((v) => [v.record.id, v.record]));
  const places = new Map<string, PlaceRecord>();
  for (const v of valid.places) {
    const { record } = v;
    if (!isKnownTimeZone(record.timeZone)) {
      drop(`${v.path}.timeZone`, `unknown time zone "${record.timeZone}"`);
      continue;
    }
    const missing = (record.sources ?? []).findIndex((s) => !sources.has(s));
    if (missing >= 0) drop(`${v.path}.sources[${missing}]`, `unknown source "${record.sources![missing]}"`);
    else places.set(record.id, record);
  }

  /** First unresolved reference of a record, as [path, message]. */
  type Ids = Pick<Map<string, unknown>, 'has'>;
  const unresolved = (checks: [string, string | undefined, Ids, string][]) =>
    checks.find(([, ref, map]) => ref !== undefined && !map.has(ref));
  const refList = (field: string, ids: readonly string[] | undefined, map: Ids, what: string) =>
    (ids ?? []).map((ref, i): [string, string, Ids, string] => [`${field}[${i}]`, ref, map, what]);

  const tripRecords = new Map<string, TripRecord>();
  for (const v of valid.trips) {
    const { record } = v;
    const bad = unresolved([
      ['traveller', record.traveller, people, 'person'],
      ...refList('sources', record.sources, sources, 'source'),
    ]);
    if (bad) drop(`${v.path}.${bad[0]}`, `unknown ${bad[3]} "${bad[1]}"`);
    else tripRecords.set(record.id, record);
  }

  const zoneOf = (placeId: string | undefined) => (placeId ? places.get(placeId)?.timeZone : undefined) ?? 'UTC';
  // parseTimes' answer, kept here rather than in a new pair for each of 100,000 events.
  let startAt!: Instant;
  let endAt!: Instant;
  /** Reads a record's start and end into startAt and endAt; false (and a dropped record) when bad. */
  const parseTimes = (
    at: { path: string },
    record: { start: string; end?: string | undefined },
    startZone: string,
    endZone: string,
  ): boolean => {
    const start = parsePartialDate(record.start, startZone);
    if (typeof start === 'string') {
      drop(`${at.path}.start`, start);
      return false;
    }
    const end = record.end === undefined ? start : parsePartialDate(record.end, endZone);
    if (typeof end === 'string') {
      drop(`${at.path}.end`, end);
      return false;
    }
    // The end's interval must reach past the start (a day ending at the start's midnight is before it).
    const before = end.endMs < start.ms || (end.endMs === start.ms && end.endMs > end.ms);
    if (before) {
      drop(`${at.path}.end`, `ends (${record.end}) before it starts (${record.start})`);
      return false;
    }
    startAt = start;
    endAt = end;
    return true;
  };

  const legs: Leg[] = [];
  for (const v of valid.legs as Valid<LegRecord>[]) {
    const { record } = v;
    const bad = unresolved([
      ['trip', record.trip, tripRecords, 'trip'],
      ['from', record.from, places, 'place'],
      ['to', record.to, places, 'place'],
      ...refList('sources', record.sources, sources, 'source'),
      ...(record.distances ?? []).flatMap((d, i) => refList(`distances[${i}].sources`, d.sources, sources, 'source')),
    ]);
    if (bad) {
      drop(`${v.path}.${bad[0]}`, `unknown ${bad[3]} "${bad[1]}"`);
      continue;
    }
    if (!parseTimes(v, record, zoneOf(record.from), zoneOf(record.to))) continue;
    const from = places.get(record.from)!;
    const to = places.get(record.to)!;
    const geometry = routeGeometry([from.lat, from.lon], [to.lat, to.lon], record.waypoints);
    legs.push({ ...record, startAt, endAt, geometry, lengthKm: routeLengthKm(geometry) });
  }

  const events: TravelEvent[] = [];
  const allKnown = (ids: readonly string[] | undefined, map: Map<string, unknown>) =>
    ids === undefined || ids.every((ref) => map.has(ref));
  // For `out`: each kept event's row and check, in the order of `events` before the sort.
  const kept: Valid<EventRecord>[] | null = out ? [] : null;
  for (const v of valid.events) {
    const { record } = v;
    // The common case without building the list of checks; the list below names the first bad one.
    const resolved =
      tripRecords.has(record.trip) &&
      (record.place === undefined || places.has(record.place)) &&
      allKnown(record.participants, people) &&
      allKnown(record.sources, sources);
    const bad =
      !resolved &&
      unresolved([
        ['trip', record.trip, tripRecords, 'trip'],
        ['place', record.place, places, 'place'],
        ...refList('participants', record.participants, people, 'person'),
        ...refList('sources', record.sources, sources, 'source'),
      ]);
    if (bad) {
      drop(`${v.path}.${bad[0]}`, `unknown ${bad[3]} "${bad[1]}"`);
      eventsById.delete(record.id);
      continue;
    }
    const zone = zoneOf(record.place);
    if (!parseTimes(v, record, zone, zone)) {
      eventsById.delete(record.id);
      continue;
    }
    // The record is this restore's own (the schema's output, plainEvent's copy, or adopted from the
    // caller's own parse): completed in place, which spares a copy of every event.
    const event = completeEvent(record, startAt, endAt);
    events.push(event);
    kept?.push(v);
  }
  if (out && kept) {
    // Sorted through their indices, so that each keeps its origin (a map from event to origin cost
    // ~0.1 s at 100,000 events).
    const order = new Array<number>(events.length);
    for (let k = 0; k < order.length; k++) order[k] = k;
    order.sort((i, j) => eventOrder(events[i]!, events[j]!));
    const origins: EventOrigins = { rows: new Int32Array(order.length), slow: new Uint8Array(order.length) };
    const unsorted = events.slice();
    order.forEach((i, k) => {
      events[k] = unsorted[i]!;
      origins.rows[k] = kept[i]!.row;
      origins.slow[k] = kept[i]!.bySchema ? 1 : 0;
    });
    out.origins = origins;
  } else events.sort(eventOrder);

  // Only `has` is asked of it: the maps at hand, not a copy of 100,000 events' ids.
  const legIds = new Set(legs.map((l) => l.id));
  const claimTargets = {
    has: (id: string) => eventsById.has(id) || legIds.has(id) || tripRecords.has(id) || places.has(id),
  };
  const claims: ClaimRecord[] = [];
  for (const v of valid.claims as Valid<ClaimRecord>[]) {
    const { record } = v;
    const bad = unresolved([
      ['about', record.about, claimTargets, 'event, leg, trip or place'],
      ...refList('sources', record.sources, sources, 'source'),
    ]);
    if (bad) drop(`${v.path}.${bad[0]}`, `unknown ${bad[3]} "${bad[1]}"`);
    else claims.push(record);
  }

  // Narratives: each on its own; a step pointing at a missing event or leg (or a bad window) is dropped.
  const narratives: NarrativeRecord[] = [];
  if (root.narratives !== undefined) {
    if (!Array.isArray(root.narratives))
      problems.push({
        path: 'narratives',
        message: `expected an array, got ${typeName(root.narratives)}`,
        level: 'warning',
      });
    else {
      const eventIds = new Set(events.map((e) => e.id));
      const legIds = new Set(legs.map((l) => l.id));
      const seenNarratives = new Set<string>();
      for (let i = 0; i < root.narratives.length; i++) {
        const path = `narratives[${i}]`;
        const result = check('narratives', root.narratives[i], i);
        if (!result) return null;
        if (!result.ok) {
          for (const p of result.problems) drop(p.path, p.message);
          continue;
        }
        const narrative = result.record as NarrativeRecord;
        if (seenNarratives.has(narrative.id)) {
          drop(`${path}.id`, `duplicate id "${narrative.id}" in narratives`);
          continue;
        }
        seenNarratives.add(narrative.id);
        const steps = narrative.steps.filter((step, j) => {
          const at = `${path}.steps[${j}]`;
          if (step.event !== undefined && !eventIds.has(step.event))
            return void drop(`${at}.event`, `unknown event "${step.event}"`);
          if (step.leg !== undefined && !legIds.has(step.leg))
            return void drop(`${at}.leg`, `unknown leg "${step.leg}"`);
          if (step.window) {
            const from = parsePartialDate(step.window.from);
            const to = parsePartialDate(step.window.to);
            if (typeof from === 'string' || typeof to === 'string' || Math.max(to.endMs, to.ms) <= from.ms)
              return void drop(`${at}.window`, 'not a time window (from before to)');
          }
          if (step.event === undefined && step.leg === undefined && !step.window)
            return void drop(at, 'a step needs an event, a leg or a window');
          return true;
        });
        narratives.push({ ...narrative, steps });
      }
    }
  }

  // Trips in order of their first activity; a trip with nothing left in it still keeps a lane.
  const span = new Map<string, [number, number]>();
  const widen = (trip: string, t0: number, t1: number) => {
    const s = span.get(trip);
    if (!s) span.set(trip, [t0, t1]);
    else {
      if (t0 < s[0]) s[0] = t0;
      if (t1 > s[1]) s[1] = t1;
    }
  };
  for (const e of events) widen(e.trip, e.t0, e.t1);
  for (const l of legs) widen(l.trip, l.startAt.ms, Math.max(l.endAt.endMs, l.startAt.endMs));
  const trips: Trip[] = [...tripRecords.values()]
    .map((t) => ({ ...t, t0: span.get(t.id)?.[0] ?? Infinity, t1: span.get(t.id)?.[1] ?? -Infinity, order: 0 }))
    .sort((a, b) => a.t0 - b.t0 || (a.id < b.id ? -1 : 1));
  trips.forEach((t, i) => (t.order = i));

  return {
    meta,
    sources,
    people,
    places,
    trips,
    tripsById: new Map(trips.map((t) => [t.id, t])),
    legs,
    events,
    eventsById,
    claims,
    problems,
    totals,
    narratives,
  };
}
