// Lenient restore: validate each record on its own, drop the bad ones with a JSON path and a reason,
// keep the rest. Never throws on any input.
import type * as z from 'zod/mini';
import { isKnownTimeZone, parsePartialDate, type Instant } from './dates';
import { routeGeometry, routeLengthKm } from './geo';
import {
  COLLECTIONS,
  EVENT_KINDS,
  metaSchema,
  PARTIAL_DATE_RE,
  narrativeSchema,
  type ClaimRecord,
  type CollectionName,
  type EventRecord,
  type LegRecord,
  type MetaRecord,
  type NarrativeRecord,
  type PersonRecord,
  type PlaceRecord,
  type SourceRecord,
  type TripRecord,
} from './schema';
import type { Dataset, Leg, Problem, TravelEvent, Trip } from './types';

export const FORMAT = 'itinera/1';

type Issue = z.core.$ZodIssue;

/** `events[3].start` from a base path and a zod issue path. */
export function joinPath(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return v.length > 60 ? `"${v.slice(0, 57)}…" (${v.length} characters)` : `"${v}"`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) v = v == null ? undefined : (v as Record<PropertyKey, unknown>)[k];
  return v;
}

/** A readable sentence for a zod issue: what is wrong and what was expected. */
export function describeIssue(issue: Issue, input: unknown): string {
  const got = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return got === undefined
        ? `missing (expected ${issue.expected})`
        : `expected ${issue.expected}, got ${typeName(got)}`;
    case 'invalid_value':
      return `${typeName(got)} is not one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `needs ${issue.message !== 'Invalid input' ? issue.message : `at least ${issue.minimum} item(s)`}`
        : `${typeName(got)} is below the minimum ${issue.minimum}`;
    case 'too_big':
      return `${typeName(got)} is above the maximum ${issue.maximum}`;
    case 'invalid_format':
      return `${typeName(got)} is not ${issue.message !== 'Invalid input' ? issue.message : issue.format}`;
    case 'unrecognized_keys':
      return `unknown field(s) ${issue.keys.join(', ')}`;
    default:
      return issue.message !== 'Invalid input' ? issue.message : `invalid value ${typeName(got)}`;
  }
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

// ---- A fast path for the commonest record, the event. A plain event (known fields only, each of the
// expected type) is checked here by hand and copied in the schema's field order, exactly as the schema
// would return it; anything else goes through the schema, which also words the problems. A property
// test (tests/core/restore-fast.test.ts) holds the two equal. At 100,000 events the schema's generic
// walk was most of the restore time.

/** The `id` pattern of schema.ts. */
const ID_RE = /^[A-Za-z0-9_.:-]+$/;
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

/** The event as the schema would return it, or null when the schema must look (and explain). */
export function plainEvent(v: unknown): EventRecord | null {
  if (!isPlainObject(v)) return null;
  for (const k in v) if (!EVENT_FIELDS.has(k)) return null;
  if (!isId(v.id) || !isId(v.trip) || typeof v.kind !== 'string' || !KINDS.has(v.kind) || !isDate(v.start)) return null;
  if (!isText(v.title) || !isIdList(v.sources, 1)) return null;
  if ('end' in v && !isDate(v.end)) return null;
  if ('timeText' in v && !isText(v.timeText)) return null;
  if ('place' in v && !isId(v.place)) return null;
  if ('participants' in v && !isIdList(v.participants, 0)) return null;
  if ('summary' in v && !isText(v.summary)) return null;
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

/** Restore a parsed JSON value into a Dataset. Bad records are dropped and listed in `problems`. */
export function restoreDataset(input: unknown): Dataset {
  const problems: Problem[] = [];
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
  const metaResult = metaSchema.safeParse(root.meta);
  if (metaResult.success) meta = metaResult.data;
  else
    for (const issue of metaResult.error.issues)
      problems.push({ path: joinPath('meta', issue.path), message: describeIssue(issue, root.meta), level: 'warning' });

  // Validate each record of each collection on its own; duplicates keep the first.
  const valid = {} as { [K in CollectionName]: { path: string; record: z.infer<(typeof COLLECTIONS)[K]> }[] };
  const totals = { events: 0, legs: 0, places: 0 };
  for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
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
    const seen = new Set<string>();
    list.forEach((item, i) => {
      const path = `${name}[${i}]`;
      const plain = name === 'events' ? plainEvent(item) : null;
      const result = plain ? { success: true as const, data: plain } : COLLECTIONS[name].safeParse(item);
      if (!result.success) {
        // Every problem of the record, so an author can fix them all at once.
        for (const issue of result.error.issues) drop(joinPath(path, issue.path), describeIssue(issue, item));
        return;
      }
      const rid = result.data.id;
      if (seen.has(rid)) return drop(`${path}.id`, `duplicate id "${rid}" in ${name}`);
      seen.add(rid);
      (valid[name] as { path: string; record: unknown }[]).push({ path, record: result.data });
    });
  }

  const sources = new Map<string, SourceRecord>(valid.sources.map((v) => [v.record.id, v.record]));
  const people = new Map<string, PersonRecord>(valid.people.map((v) => [v.record.id, v.record]));
  const places = new Map<string, PlaceRecord>();
  for (const { path, record } of valid.places) {
    if (!isKnownTimeZone(record.timeZone)) {
      drop(`${path}.timeZone`, `unknown time zone "${record.timeZone}"`);
      continue;
    }
    const missing = (record.sources ?? []).findIndex((s) => !sources.has(s));
    if (missing >= 0) drop(`${path}.sources[${missing}]`, `unknown source "${record.sources![missing]}"`);
    else places.set(record.id, record);
  }

  /** First unresolved reference of a record, as [path, message]. */
  const unresolved = (checks: [string, string | undefined, Map<string, unknown>, string][]) =>
    checks.find(([, ref, map]) => ref !== undefined && !map.has(ref));
  const refList = (field: string, ids: readonly string[] | undefined, map: Map<string, unknown>, what: string) =>
    (ids ?? []).map((ref, i): [string, string, Map<string, unknown>, string] => [`${field}[${i}]`, ref, map, what]);

  const tripRecords = new Map<string, TripRecord>();
  for (const { path, record } of valid.trips) {
    const bad = unresolved([
      ['traveller', record.traveller, people, 'person'],
      ...refList('sources', record.sources, sources, 'source'),
    ]);
    if (bad) drop(`${path}.${bad[0]}`, `unknown ${bad[3]} "${bad[1]}"`);
    else tripRecords.set(record.id, record);
  }

  const zoneOf = (placeId: string | undefined) => (placeId ? places.get(placeId)?.timeZone : undefined) ?? 'UTC';
  const parseTimes = (
    path: string,
    record: { start: string; end?: string | undefined },
    startZone: string,
    endZone: string,
  ): [Instant, Instant] | undefined => {
    const startAt = parsePartialDate(record.start, startZone);
    if (typeof startAt === 'string') return void drop(`${path}.start`, startAt);
    const endAt = record.end === undefined ? startAt : parsePartialDate(record.end, endZone);
    if (typeof endAt === 'string') return void drop(`${path}.end`, endAt);
    // The end's interval must reach past the start (a day ending at the start's midnight is before it).
    const before = endAt.endMs < startAt.ms || (endAt.endMs === startAt.ms && endAt.endMs > endAt.ms);
    if (before) return void drop(`${path}.end`, `ends (${record.end}) before it starts (${record.start})`);
    return [startAt, endAt];
  };

  const legs: Leg[] = [];
  for (const { path, record } of valid.legs as { path: string; record: LegRecord }[]) {
    const bad = unresolved([
      ['trip', record.trip, tripRecords, 'trip'],
      ['from', record.from, places, 'place'],
      ['to', record.to, places, 'place'],
      ...refList('sources', record.sources, sources, 'source'),
      ...(record.distances ?? []).flatMap((d, i) => refList(`distances[${i}].sources`, d.sources, sources, 'source')),
    ]);
    if (bad) {
      drop(`${path}.${bad[0]}`, `unknown ${bad[3]} "${bad[1]}"`);
      continue;
    }
    const times = parseTimes(path, record, zoneOf(record.from), zoneOf(record.to));
    if (!times) continue;
    const from = places.get(record.from)!;
    const to = places.get(record.to)!;
    const geometry = routeGeometry([from.lat, from.lon], [to.lat, to.lon], record.waypoints);
    legs.push({ ...record, startAt: times[0], endAt: times[1], geometry, lengthKm: routeLengthKm(geometry) });
  }

  const events: TravelEvent[] = [];
  const allKnown = (ids: readonly string[] | undefined, map: Map<string, unknown>) =>
    ids === undefined || ids.every((ref) => map.has(ref));
  for (const { path, record } of valid.events as { path: string; record: EventRecord }[]) {
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
      drop(`${path}.${bad[0]}`, `unknown ${bad[3]} "${bad[1]}"`);
      continue;
    }
    const times = parseTimes(path, record, zoneOf(record.place), zoneOf(record.place));
    if (!times) continue;
    const [startAt, endAt] = times;
    // The record is this restore's own copy (the schema's output or plainEvent's): completed in place,
    // which spares a copy of every event.
    const event = record as TravelEvent;
    event.startAt = startAt;
    event.endAt = endAt;
    event.t0 = startAt.ms;
    event.t1 = Math.max(endAt.endMs, startAt.endMs);
    events.push(event);
  }
  events.sort((a, b) => a.t0 - b.t0 || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const eventsById = new Map<string, TravelEvent>();
  for (const e of events) eventsById.set(e.id, e);
  // Only `has` is asked of it; built by loops (not spreads of pairs), which matters at 100,000 events.
  const claimTargets = new Map<string, unknown>(eventsById);
  for (const l of legs) claimTargets.set(l.id, l);
  for (const t of tripRecords.values()) claimTargets.set(t.id, t);
  for (const p of places.values()) claimTargets.set(p.id, p);
  const claims: ClaimRecord[] = [];
  for (const { path, record } of valid.claims as { path: string; record: ClaimRecord }[]) {
    const bad = unresolved([
      ['about', record.about, claimTargets, 'event, leg, trip or place'],
      ...refList('sources', record.sources, sources, 'source'),
    ]);
    if (bad) drop(`${path}.${bad[0]}`, `unknown ${bad[3]} "${bad[1]}"`);
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
      root.narratives.forEach((item, i) => {
        const path = `narratives[${i}]`;
        const result = narrativeSchema.safeParse(item);
        if (!result.success) {
          for (const issue of result.error.issues) drop(joinPath(path, issue.path), describeIssue(issue, item));
          return;
        }
        if (seenNarratives.has(result.data.id))
          return drop(`${path}.id`, `duplicate id "${result.data.id}" in narratives`);
        seenNarratives.add(result.data.id);
        const steps = result.data.steps.filter((step, j) => {
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
        narratives.push({ ...result.data, steps });
      });
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

/** Parse JSON text and restore it; a syntax error becomes a fatal problem with line and column. */
export function loadDatasetText(text: string): Dataset {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(message);
    let where = '';
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split('\n').length;
      const col = Number(pos[1]) - before.lastIndexOf('\n');
      where = ` at line ${line}, column ${col}`;
    }
    return emptyDataset([{ path: '(file)', message: `not valid JSON${where}: ${message}`, level: 'fatal' }]);
  }
  return restoreDataset(value);
}
