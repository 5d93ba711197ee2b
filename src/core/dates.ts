// Partial-precision dates: a date string names an interval of time (a year, a month, a local day, a
// minute), anchored to a UTC offset that is either written in the string or taken from the place's
// IANA time zone. Pure: uses Intl only to read time-zone offsets.
import { PARTIAL_DATE_RE } from './vocab';

export type Precision = 'year' | 'month' | 'day' | 'minute' | 'second';

/** Never changed once made: parsePartialDate hands the same Instant to every date-only text it sees again. */
export interface Instant {
  /** Start of the named interval, ms since the epoch (UTC). */
  readonly ms: number;
  /** End of the named interval (exclusive); equals `ms` for minute and second precision. */
  readonly endMs: number;
  readonly precision: Precision;
  /** The UTC offset of local time at `ms`, in minutes east of UTC. */
  readonly offsetMinutes: number;
  /** True when the offset came from the string rather than from a time zone. */
  readonly explicitOffset: boolean;
}

/** Build a UTC time from parts without Date.UTC's 0–99 → 1900–1999 slip. */
export function utcFromParts(y: number, mo = 1, d = 1, h = 0, mi = 0, s = 0): number {
  if (y >= 100) return Date.UTC(y, mo - 1, d, h, mi, s); // the common case, without a Date object
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, 0);
  return date.getTime();
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Whether the runtime knows this IANA time zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    offsetFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

function offsetFormat(timeZone: string): Intl.DateTimeFormat {
  let f = offsetFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset', year: 'numeric' });
    offsetFormats.set(timeZone, f);
  }
  return f;
}

/** Offset of `timeZone` from UTC at the instant `utcMs`, in minutes (east positive). */
export function timeZoneOffsetMinutes(timeZone: string, utcMs: number): number {
  if (timeZone === 'UTC') return 0;
  // "2019, GMT+10:00": format() and a look at its end take less than half the time of formatToParts.
  const m = /GMT([+-])(\d{2}):?(\d{2})?$/.exec(offsetFormat(timeZone).format(utcMs));
  if (!m) return 0; // "GMT" alone
  const sign = m[1] === '-' ? -1 : 1;
  return sign * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** The UTC instant of a local wall-clock time in `timeZone` (two passes for offset changes). */
export function zonedToUtc(timeZone: string, wallAsUtcMs: number): number {
  let guess = wallAsUtcMs - timeZoneOffsetMinutes(timeZone, wallAsUtcMs) * 60_000;
  guess = wallAsUtcMs - timeZoneOffsetMinutes(timeZone, guess) * 60_000;
  return guess;
}

export function parseOffset(text: string): number {
  if (text === 'Z') return 0;
  const sign = text[0] === '-' ? -1 : 1;
  return sign * (Number(text.slice(1, 3)) * 60 + Number(text.slice(4, 6)));
}

/**
 * Parse a partial date. A date without a time is a local interval in `timeZone` (UTC when none is
 * given). Returns a string describing the problem when the text is not a valid date.
 */
export function parsePartialDate(text: string, timeZone = 'UTC'): Instant | string {
  // A date without a time costs five time-zone lookups, and a dataset names the same days again and
  // again (100,000 events: 10,000 date-only starts, 1,900 distinct): the answer is kept.
  const key = text.length <= 10 ? `${timeZone} ${text}` : null;
  if (key !== null) {
    const known = dayCache.get(key);
    if (known !== undefined) return known;
    const got = parseUncached(text, timeZone);
    if (dayCache.size >= DAY_CACHE_MAX) dayCache.clear();
    dayCache.set(key, got);
    return got;
  }
  return parseUncached(text, timeZone);
}

const DAY_CACHE_MAX = 20_000;
const dayCache = new Map<string, Instant | string>();

/** The number written by the `n` ASCII digits of `text` from `at`, or -1 if any is not a digit. */
function digits(text: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** The numbers a date text writes: the time fields and the offset only for a date-time. */
interface DateParts {
  y: number;
  mo?: number | undefined;
  d?: number | undefined;
  h?: number | undefined;
  mi?: number | undefined;
  s?: number | undefined;
  offsetMinutes?: number | undefined;
}

/** Any shape of partial date, read by the regular expression; null when the text has none of them. */
function partsByPattern(text: string): DateParts | null {
  const m = PARTIAL_DATE_RE.exec(text);
  if (!m) return null;
  const num = (g: string | undefined) => (g === undefined ? undefined : Number(g));
  const offsetMinutes = m[7] === undefined ? undefined : parseOffset(m[7]);
  return { y: Number(m[1]), mo: num(m[2]), d: num(m[3]), h: num(m[4]), mi: num(m[5]), s: num(m[6]), offsetMinutes };
}

/**
 * The commonest shape, a date-time with its own offset (`2019-04-24T18:05+10:00`, `…:30Z`), read by
 * char codes without the regular expression and its seven substrings (100,000 events: 190,000 dates,
 * read in ~40% of the time). Null for any other text, which partsByPattern reads. Like it, it checks
 * the shape only: parseUncached judges the numbers.
 */
function dateTimeParts(text: string): DateParts | null {
  const n = text.length;
  const seconds = n === 20 || n === 25;
  if (!(n === 17 || n === 22 || seconds)) return null;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':') return null;
  if (seconds && text[16] !== ':') return null;
  const z = seconds ? 19 : 16;
  let offsetMinutes = 0;
  if (n - z === 1) {
    if (text[z] !== 'Z') return null;
  } else {
    const sign = text[z] === '+' ? 1 : text[z] === '-' ? -1 : 0;
    const oh = digits(text, z + 1, 2);
    const om = digits(text, z + 4, 2);
    if (sign === 0 || text[z + 3] !== ':' || oh < 0 || om < 0) return null;
    offsetMinutes = sign * (oh * 60 + om);
  }
  const p: DateParts = {
    y: digits(text, 0, 4),
    mo: digits(text, 5, 2),
    d: digits(text, 8, 2),
    h: digits(text, 11, 2),
    mi: digits(text, 14, 2),
    s: seconds ? digits(text, 17, 2) : undefined,
    offsetMinutes,
  };
  return p.y < 0 || p.mo! < 0 || p.d! < 0 || p.h! < 0 || p.mi! < 0 || p.s! < 0 ? null : p;
}

function parseUncached(text: string, timeZone: string): Instant | string {
  const p = dateTimeParts(text) ?? partsByPattern(text);
  if (!p) return `"${text}" is not YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM±HH:MM`;
  const { y, mo, d } = p;
  const two = (v: number) => String(v).padStart(2, '0');
  if (y < 1000) return `year ${String(y).padStart(4, '0')} is before 1000`;
  if (mo !== undefined && (mo < 1 || mo > 12)) return `month ${two(mo)} is not 01–12`;
  if (d !== undefined && (d < 1 || d > daysInMonth(y, mo!))) return `day ${two(d)} is not in ${y}-${two(mo!)}`;

  if (p.h !== undefined) {
    const mi = p.mi!;
    const s = p.s ?? 0;
    if (p.h > 23 || mi > 59 || s > 59) return `time ${two(p.h)}:${two(mi)} is not a valid time`;
    const offsetMinutes = p.offsetMinutes!;
    // The offset ends the text: `+15:00` (a `Z` is never beyond).
    if (Math.abs(offsetMinutes) > 14 * 60) return `offset ${text.slice(-6)} is beyond ±14:00`;
    const ms = utcFromParts(y, mo, d, p.h, mi, s) - offsetMinutes * 60_000;
    return { ms, endMs: ms, precision: p.s === undefined ? 'minute' : 'second', offsetMinutes, explicitOffset: true };
  }

  const precision: Precision = d !== undefined ? 'day' : mo !== undefined ? 'month' : 'year';
  const startWall = utcFromParts(y, mo ?? 1, d ?? 1);
  const endWall =
    precision === 'day'
      ? utcFromParts(y, mo, d! + 1)
      : precision === 'month'
        ? utcFromParts(y, mo! + 1, 1)
        : utcFromParts(y + 1, 1, 1);
  const ms = zonedToUtc(timeZone, startWall);
  return {
    ms,
    endMs: zonedToUtc(timeZone, endWall),
    precision,
    offsetMinutes: timeZoneOffsetMinutes(timeZone, ms),
    explicitOffset: false,
  };
}

function daysInMonth(y: number, mo: number): number {
  if (mo !== 2) return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

/** "UTC+10:00", "UTC−03:30", "UTC". */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '−' : '+';
  const a = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** ISO date (YYYY-MM-DD) of a UTC instant, for URLs. Years stay four digits. */
export function isoDay(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** ISO date-time in UTC to the minute when not at midnight, else the day; for URLs. */
export function isoUrlTime(ms: number, alwaysTime = false): string {
  const d = new Date(ms);
  if (!alwaysTime && d.getUTCHours() === 0 && d.getUTCMinutes() === 0) return isoDay(ms);
  return `${isoDay(ms)}T${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}Z`;
}
