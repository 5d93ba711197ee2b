// Text in the chosen language: UI strings, data text with a fallback chain, dates through Intl.
import type { Instant } from '../core/dates';
import { formatOffset } from '../core/dates';
import type { Lang, LocalText } from '../core/schema';
import { en, type StringKey, type Strings } from './strings';

// Adding a language: one file of strings (Partial: a missing key falls back to English) and a line here.
// English is in the first load; every other table is its own chunk, fetched when it is chosen.
const LOADERS: Record<Exclude<Lang, 'en'>, () => Promise<Partial<Strings>>> = {
  fr: () => import('./fr').then((m) => m.fr),
  ko: () => import('./ko').then((m) => m.ko),
  ru: () => import('./ru').then((m) => m.ru),
};
const STRINGS: Partial<Record<Lang, Partial<Strings>>> = { en };
const pending = new Map<Lang, Promise<void>>();
const FALLBACK: Record<Lang, Lang[]> = {
  en: ['en', 'fr', 'ru', 'ko'],
  fr: ['fr', 'en', 'ru', 'ko'],
  ko: ['ko', 'en', 'fr', 'ru'],
  ru: ['ru', 'en', 'fr', 'ko'],
};

export type Translate = (key: StringKey, vars?: Record<string, string | number>) => string;

/** True when the strings of `lang` are at hand, so that translator(lang) speaks it. */
export function hasStrings(lang: Lang): boolean {
  return !Object.hasOwn(LOADERS, lang) || STRINGS[lang] !== undefined;
}

/**
 * Fetch the strings of `lang` (once). Never rejects: if the chunk cannot be loaded, the language
 * stays English (translator falls back) and a later call tries again.
 */
export function loadStrings(lang: Lang): Promise<void> {
  if (hasStrings(lang)) return Promise.resolve();
  let p = pending.get(lang);
  if (!p) {
    p = LOADERS[lang as Exclude<Lang, 'en'>]()
      .then((table) => void (STRINGS[lang] = table))
      .catch(() => undefined)
      .finally(() => pending.delete(lang));
    pending.set(lang, p);
  }
  return p;
}

/** UI strings in `lang`: English for a key it lacks, and for all keys until loadStrings(lang) resolved. */
export function translator(lang: Lang): Translate {
  const table = STRINGS[lang] ?? en;
  return (key, vars) => {
    let s = table[key] ?? en[key];
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
    return s;
  };
}

/** Text from the data in `lang`, falling back along a fixed chain; `lang` says which was used. */
export function pickText(text: LocalText | undefined, lang: Lang): { text: string; lang: Lang } {
  if (text) for (const l of FALLBACK[lang]) if (text[l]) return { text: text[l]!, lang: l };
  return { text: '', lang };
}

export const localName = (text: LocalText | undefined, lang: Lang) => pickText(text, lang).text;

const formats = new Map<string, Intl.DateTimeFormat>();
/** A date format in UTC, made once per language and options (making one costs far more than using it). */
export function utcFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = lang + JSON.stringify(options);
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' })));
  return f;
}

/** Local date (and time) of an instant at its own offset, e.g. "Tue 12 Sept 2023, 12:15 (UTC+10:00)". */
export function formatInstant(i: Instant, lang: Lang, opts: { weekday?: boolean } = {}): string {
  const wall = new Date(i.ms + i.offsetMinutes * 60_000);
  switch (i.precision) {
    case 'year':
      return utcFormat(lang, { year: 'numeric' }).format(wall);
    case 'month':
      return utcFormat(lang, { year: 'numeric', month: 'long' }).format(wall);
    case 'day':
      return utcFormat(lang, {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        weekday: opts.weekday ? 'short' : undefined,
      }).format(wall);
    default:
      return `${utcFormat(lang, {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        weekday: opts.weekday ? 'short' : undefined,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(wall)} (${formatOffset(i.offsetMinutes)})`;
  }
}

/** A short date for marks and labels: "12 Sept 2023". */
export function formatShortDate(i: Instant, lang: Lang): string {
  const wall = new Date(i.ms + i.offsetMinutes * 60_000);
  if (i.precision === 'year') return utcFormat(lang, { year: 'numeric' }).format(wall);
  if (i.precision === 'month') return utcFormat(lang, { year: 'numeric', month: 'short' }).format(wall);
  return utcFormat(lang, { year: 'numeric', month: 'short', day: 'numeric' }).format(wall);
}

export function formatNumber(n: number, lang: Lang, digits = 0): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(n);
}
