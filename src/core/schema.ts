// The dataset format `itinera/1`, as zod/mini schemas: one schema per record kind, so that a bad
// record can be dropped on its own (see restore.ts). The JSON Schema in data/ is generated from these.
import * as z from 'zod/mini';
import {
  COUNTRY_RE,
  DISTANCE_BASES,
  EVENT_KINDS,
  HTTP_URL_RE,
  ID_RE,
  LANGS,
  LANGUAGE_CODE_RE,
  MODES,
  PARTIAL_DATE_RE,
  TIME_ZONE_RE,
} from './vocab';

export { DISTANCE_BASES, EVENT_KINDS, LANGS, MODES, PARTIAL_DATE_RE } from './vocab';
export type { EventKind, Lang, Mode } from './vocab';

const id = z.string().check(z.regex(ID_RE, 'an id of letters, digits, _ . : -'));
const nonEmpty = z.string().check(z.minLength(1));

export const partialDate = z
  .string()
  .check(z.regex(PARTIAL_DATE_RE, 'YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM±HH:MM'));

export const localText = z
  .object({
    en: z.optional(nonEmpty),
    fr: z.optional(nonEmpty),
    ko: z.optional(nonEmpty),
    ru: z.optional(nonEmpty),
  })
  .check(z.refine((t) => LANGS.some((l) => t[l] !== undefined), 'text in at least one of en, fr, ko, ru'));
export type LocalText = z.infer<typeof localText>;

const httpUrl = z.string().check(z.regex(HTTP_URL_RE, 'an http(s) URL'));
const sourceIds = z.array(id);

export const sourceSchema = z.object({
  id,
  publisher: nonEmpty,
  title: nonEmpty,
  url: httpUrl,
  date: z.optional(partialDate),
  language: z.string().check(z.regex(LANGUAGE_CODE_RE, 'a language code such as fr')),
  author: z.optional(nonEmpty),
  note: z.optional(nonEmpty),
});

export const personSchema = z.object({
  id,
  names: localText,
  role: z.optional(localText),
  country: z.optional(z.string().check(z.regex(COUNTRY_RE, 'an ISO 3166-1 alpha-2 code'))),
});

export const placeSchema = z.object({
  id,
  names: localText,
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lon: z.number().check(z.gte(-180), z.lte(180)),
  timeZone: z.string().check(z.regex(TIME_ZONE_RE, 'an IANA time zone')),
  country: z.string().check(z.regex(COUNTRY_RE, 'an ISO 3166-1 alpha-2 code')),
  approximate: z.optional(z.boolean()),
  note: z.optional(localText),
  sources: z.optional(sourceIds),
});

export const tripSchema = z.object({
  id,
  traveller: id,
  title: localText,
  summary: z.optional(localText),
  sources: z.optional(sourceIds),
});

export const distanceSchema = z.object({
  km: z.number().check(z.positive()),
  basis: z.enum(DISTANCE_BASES),
  label: localText,
  sources: sourceIds.check(z.minLength(1, 'at least one source')),
});

export const legSchema = z.object({
  id,
  trip: id,
  from: id,
  to: id,
  mode: z.enum(MODES),
  start: partialDate,
  end: partialDate,
  waypoints: z.optional(
    z.array(z.tuple([z.number().check(z.gte(-90), z.lte(90)), z.number().check(z.gte(-180), z.lte(180))])),
  ),
  distances: z.optional(z.array(distanceSchema)),
  sources: z.optional(sourceIds),
});

export const eventSchema = z.object({
  id,
  trip: id,
  kind: z.enum(EVENT_KINDS),
  start: partialDate,
  end: z.optional(partialDate),
  timeText: z.optional(localText),
  place: z.optional(id),
  participants: z.optional(z.array(id)),
  title: localText,
  summary: z.optional(localText),
  sources: sourceIds.check(z.minLength(1, 'at least one source')),
});

export const claimSchema = z.object({
  id,
  about: id,
  text: localText,
  sources: sourceIds.check(z.minLength(1, 'at least one source')),
  disputes: z.optional(z.array(id)),
});

export const metaSchema = z.object({
  id,
  title: localText,
  description: z.optional(localText),
  defaultWindow: z.optional(z.object({ from: partialDate, to: partialDate })),
});

const narrativeStepSchema = z.object({
  event: z.optional(id),
  leg: z.optional(id),
  window: z.optional(z.object({ from: partialDate, to: partialDate })),
  title: z.optional(localText),
  text: z.optional(localText),
  notes: z.optional(localText),
});

/** A story told step by step (presentation mode): each step shows an event, a leg or a time window. */
export const narrativeSchema = z.object({
  id,
  title: localText,
  steps: z.array(narrativeStepSchema),
});
export type NarrativeRecord = z.infer<typeof narrativeSchema>;
export type NarrativeStepRecord = z.infer<typeof narrativeStepSchema>;

export type SourceRecord = z.infer<typeof sourceSchema>;
export type PersonRecord = z.infer<typeof personSchema>;
export type PlaceRecord = z.infer<typeof placeSchema>;
export type TripRecord = z.infer<typeof tripSchema>;
export type LegRecord = z.infer<typeof legSchema>;
export type EventRecord = z.infer<typeof eventSchema>;
export type ClaimRecord = z.infer<typeof claimSchema>;
export type MetaRecord = z.infer<typeof metaSchema>;
export type Distance = z.infer<typeof distanceSchema>;

/** The collections of a dataset, in the order they are restored (referenced kinds first). */
export const COLLECTIONS = {
  sources: sourceSchema,
  people: personSchema,
  places: placeSchema,
  trips: tripSchema,
  legs: legSchema,
  events: eventSchema,
  claims: claimSchema,
} as const;
export type CollectionName = keyof typeof COLLECTIONS;

/** The whole file, for the published JSON Schema (the app validates per record instead). */
export const datasetSchema = z.object({
  $schema: z.optional(z.string()),
  format: z.literal('itinera/1'),
  meta: metaSchema,
  sources: z.array(sourceSchema),
  people: z.array(personSchema),
  places: z.array(placeSchema),
  trips: z.array(tripSchema),
  legs: z.array(legSchema),
  events: z.array(eventSchema),
  claims: z.optional(z.array(claimSchema)),
  narratives: z.optional(z.array(narrativeSchema)),
});
