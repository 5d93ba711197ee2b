// The fixed vocabularies of the format `itinera/1`, without zod: the app's first load uses these (and
// restore-plain.ts) and loads the zod schemas (schema.ts) only for a record that needs them.

export const LANGS = ['en', 'fr', 'ko', 'ru'] as const;
export type Lang = (typeof LANGS)[number];

export const MODES = ['train', 'plane', 'car', 'ship'] as const;
export type Mode = (typeof MODES)[number];

export const EVENT_KINDS = [
  'departure',
  'arrival',
  'border-crossing',
  'talks',
  'banquet',
  'site-visit',
  'ceremony',
  'statement',
  'transit',
  'visit',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const DISTANCE_BASES = ['rail', 'road', 'air', 'great-circle', 'unspecified'] as const;

/** The `id` pattern: letters, digits, _ . : - */
export const ID_RE = /^[A-Za-z0-9_.:-]+$/;

/** `2019`, `2019-04`, `2019-04-24`, or a date-time with minutes and a UTC offset. */
export const PARTIAL_DATE_RE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

export const HTTP_URL_RE = /^https?:\/\/\S+$/i;
export const LANGUAGE_CODE_RE = /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/;
export const COUNTRY_RE = /^[A-Z]{2}$/;
export const TIME_ZONE_RE = /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/;
