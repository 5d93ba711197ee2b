// What every importer shares: the result shape, ids, text clean-up, loose dates, stand-in records
// (a traveller, a trip, a source) for formats that have none, and mapping paths back to the file.
import { parsePartialDate } from '../dates';
import type { CollectionName } from '../schema';
import type { Problem } from '../types';

export type SourceFormat = 'itinera' | 'timelinejs' | 'storymapjs' | 'geojson' | 'csv';

export const FORMAT_NAMES: Record<SourceFormat, string> = {
  itinera: 'Itinera',
  timelinejs: 'TimelineJS',
  storymapjs: 'StoryMapJS',
  geojson: 'GeoJSON',
  csv: 'CSV',
};

export interface Located {
  path: string;
  line?: number;
  column?: number;
}

export interface ImportResult {
  /** A dataset object in our format, to go through restoreDataset like any other. */
  raw: Record<string, unknown>;
  /** Problems found while converting, already in the file's own terms. */
  problems: Problem[];
  /** Records of the file the importer could not convert (they count in "K dropped"). */
  dropped: { events: number; legs: number; places: number };
  /** Our path (`events[3].start`) → where that value came from in the file. */
  translate(path: string): Located;
}

export type RawRecord = Record<string, unknown>;

/** Tracks where each converted record came from, and renames fields to the file's terms. */
export class Origins {
  private readonly where = new Map<string, Located>();
  constructor(
    private readonly fields: Partial<Record<CollectionName, Record<string, string>>> = {},
    /** Between a record's path and a field name: `.` for JSON, `, ` for a CSV row. */
    private readonly separator = '.',
  ) {}

  set(collection: CollectionName, index: number, origin: Located): void {
    this.where.set(`${collection}[${index}]`, origin);
  }

  translate = (path: string): Located => {
    const m = /^(\w+)\[(\d+)\](?:\.([^.[]+))?(.*)$/.exec(path);
    if (!m) return { path };
    const origin = this.where.get(`${m[1]}[${m[2]}]`);
    if (!origin) return { path };
    if (m[3] === undefined) return origin;
    const renamed = this.fields[m[1] as CollectionName]?.[m[3]];
    const sep = this.separator;
    const tail = renamed === undefined ? `${sep}${m[3]}${m[4]}` : renamed ? `${sep}${renamed}` : '';
    return { ...origin, path: origin.path + tail };
  };
}

/** An id made of allowed characters, unique within `taken`. */
export function uniqueId(wanted: string, fallback: string, taken: Set<string>): string {
  const base =
    wanted
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9_.:-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Plain text from the bits of HTML that TimelineJS and StoryMapJS allow in their text. */
export function plainText(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  return String(value)
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

export const isHttpUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/\S+$/i.test(v.trim());

export const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A date an author may have typed: our partial ISO forms, or day/month/year (`24/04/2019`,
 * `24.04.2019`, `24-04-2019`), optionally with a time `HH:MM` (no zone: kept as text).
 */
export function looseDate(input: unknown): { date: string; time?: string } | { error: string } {
  const text = typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : '';
  if (!text) return { error: 'missing (expected a date such as 2019-04-24 or 24/04/2019)' };
  const check = (date: string, time?: string) => {
    const r = parsePartialDate(date);
    return typeof r === 'string' ? { error: r } : time ? { date, time } : { date };
  };
  if (/^\d{4}(-\d{2}(-\d{2}(T.*)?)?)?$/.test(text)) return check(text);
  const iso = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2})(?::\d{2})?$/.exec(text);
  if (iso) return check(iso[1]!, iso[2]!.padStart(5, '0'));
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2}:\d{2})(?::\d{2})?)?$/.exec(text);
  if (dmy) return check(`${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`, dmy[4]?.padStart(5, '0'));
  const my = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
  if (my) return check(`${my[2]}-${my[1]!.padStart(2, '0')}`);
  return {
    error: `"${text.slice(0, 40)}" is not a date Itinera can read (expected YYYY, YYYY-MM, YYYY-MM-DD, DD/MM/YYYY or YYYY-MM-DDTHH:MM±HH:MM)`,
  };
}

/**
 * A stand-in time zone from a longitude (whole hours, `Etc/GMT-10` is UTC+10), for formats that give
 * a position and no zone: good enough to put a whole-day date on the right day almost everywhere.
 */
export function zoneFromLongitude(lon: number): string {
  const hours = Math.max(-12, Math.min(14, Math.round(lon / 15)));
  return hours === 0 ? 'UTC' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

/** Country code used when a format gives none (ISO 3166 leaves XX for users; it means "not stated"). */
export const UNKNOWN_COUNTRY = 'XX';

/** The records a format without people, trips or sources needs: built on demand, once each. */
export class StandIns {
  readonly people: RawRecord[] = [];
  readonly sources: RawRecord[] = [];
  readonly trips: RawRecord[] = [];
  private readonly tripIds = new Map<string, string>();
  private readonly sourceIds = new Map<string, string>();
  readonly ids = { trips: new Set<string>(), sources: new Set<string>() };
  /** How many records cite the stand-in source because the file names none. */
  unsourced = 0;

  constructor(
    private readonly format: SourceFormat,
    private readonly title: string,
    private readonly lang: string,
  ) {}

  private traveller(): string {
    if (!this.people.length)
      this.people.push({ id: 'traveller', names: { en: 'Traveller (not stated)', fr: 'Voyageur (non précisé)' } });
    return 'traveller';
  }

  /** The trip for a group name (one trip for the whole file when there are no groups). */
  trip(group: string | undefined): string {
    const key = group ?? '';
    let id = this.tripIds.get(key);
    if (!id) {
      id = uniqueId(group ?? 'trip', 'trip', this.ids.trips);
      this.tripIds.set(key, id);
      this.trips.push({ id, traveller: this.traveller(), title: { [this.lang]: group ?? this.title } });
    }
    return id;
  }

  /** A source for a URL the file gives, or the stand-in "imported file" source. */
  source(url?: string, publisher?: string, title?: string): string {
    if (!url) this.unsourced++;
    const key = url ?? '';
    let id = this.sourceIds.get(key);
    if (!id) {
      id = uniqueId(url ? (publisher ?? 'source') : 'imported-file', 'source', this.ids.sources);
      this.sourceIds.set(key, id);
      this.sources.push(
        url
          ? {
              id,
              publisher: publisher || hostOf(url),
              title: title || publisher || hostOf(url),
              url,
              language: this.lang,
            }
          : {
              id,
              publisher: `Imported ${FORMAT_NAMES[this.format]} file`,
              title: this.title,
              url: 'https://itinera.invalid/imported-file',
              language: this.lang,
              note: 'Stands in for the sources the imported file does not name.',
            },
      );
    }
    return id;
  }

  /** A warning when some records had no source of their own. */
  problems(): Problem[] {
    return this.unsourced
      ? [
          {
            path: '(file)',
            message: `${this.unsourced} record(s) name no source; they cite the imported file instead (expected a source URL for each)`,
            level: 'warning',
          },
        ]
      : [];
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || url;
  } catch {
    return url;
  }
}

/** Local text in one language, or undefined when empty. */
export function textIn(lang: string, value: string | undefined): Record<string, string> | undefined {
  return value ? { [lang]: value } : undefined;
}

/** One of our text languages; anything else falls back to English. */
export function textLang(lang: unknown): 'en' | 'fr' | 'ko' | 'ru' {
  const l = typeof lang === 'string' ? lang.slice(0, 2).toLowerCase() : '';
  return l === 'fr' || l === 'ko' || l === 'ru' ? l : 'en';
}

/** The result of an importer that made its own places, events (and legs) and leans on stand-ins for the rest. */
export function finishImport(parts: {
  title: string;
  lang: string;
  stand: StandIns;
  origins: Origins;
  places: RawRecord[];
  legs: RawRecord[];
  events: RawRecord[];
  problems: Problem[];
  dropped: ImportResult['dropped'];
}): ImportResult {
  const { title, lang, stand } = parts;
  return {
    raw: {
      format: 'itinera/1',
      meta: { id: uniqueId(title, 'imported', new Set()), title: { [lang]: title } },
      sources: stand.sources,
      people: stand.people,
      places: parts.places,
      trips: stand.trips,
      legs: parts.legs,
      events: parts.events,
    },
    problems: [...parts.problems, ...stand.problems()],
    dropped: parts.dropped,
    translate: parts.origins.translate,
  };
}
