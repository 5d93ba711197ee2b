// URL query <-> view state, through one table of parameters that both reads and writes.
import { isoUrlTime, parsePartialDate } from '../core/dates';
import { UI_LANGS, type Theme, type UiLang, type ViewState } from './view-state';

export interface UrlState {
  event: string | null;
  from: number | null;
  to: number | null;
  lang: UiLang | null;
  data: string | null;
  /** The playhead, `t=<ISO time>`. */
  t: number | null;
  /** `compare=<tripA>,<tripB>`, as written (checked against the dataset later). */
  compare: [string, string] | null;
  /** `trips=<id>,<id>`: the trips shown, as written (checked against the dataset later). */
  trips: string[] | null;
  /** `theme=light|dark`; absent (undefined) follows the system. */
  theme?: Theme;
  /** `present=1`: presentation mode. */
  present?: boolean;
  /** `step=<n>`: the step of the presentation, 1-based. */
  step?: number | null;
  /** `notes=1` (with present=1): the speaker view. */
  notes?: boolean;
  /** `print=1`: the printable itinerary. */
  print?: boolean;
}

/** The fields writeUrl reads; the playback ones may be left out. */
export type UrlWritable = Pick<ViewState, 'selectedId' | 'window' | 'lang'> &
  Partial<ViewState> & { theme?: Theme | null };

function readPair(text: string | null): [string, string] | null {
  const ids = (text ?? '').split(',').map((s) => s.trim());
  return ids.length === 2 && ids[0] && ids[1] && ids[0] !== ids[1] ? [ids[0], ids[1]] : null;
}

/** A comma-separated list of ids, each once; null when empty. */
function readList(text: string | null): string[] | null {
  const ids = [...new Set((text ?? '').split(',').map((s) => s.trim()))].filter((s) => /^[\w.:-]{1,120}$/.test(s));
  return ids.length ? ids.slice(0, 200) : null;
}

const instant = (text: string | null, end: boolean): number | null => {
  if (!text) return null;
  const i = parsePartialDate(text, 'UTC');
  if (typeof i === 'string') return null;
  return end && i.endMs > i.ms ? i.endMs : i.ms;
};

/** Read the state from a query string; unknown or malformed values are ignored. */
export function readUrl(search: string): UrlState {
  const q = new URLSearchParams(search);
  const lang = q.get('lang');
  return {
    event: q.get('event') || null,
    from: instant(q.get('from'), false),
    to: instant(q.get('to'), true),
    lang: (UI_LANGS as readonly string[]).includes(lang ?? '') ? (lang as UiLang) : null,
    data: q.get('data') || null,
    t: instant(q.get('t'), false),
    compare: readPair(q.get('compare')),
    trips: readList(q.get('trips')),
    present: q.get('present') === '1' || undefined,
    step: /^\d{1,4}$/.test(q.get('step') ?? '') ? Number(q.get('step')) : undefined,
    notes: q.get('notes') === '1' || undefined,
    print: q.get('print') === '1' || undefined,
    theme: q.get('theme') === 'light' || q.get('theme') === 'dark' ? (q.get('theme') as Theme) : undefined,
  };
}

/** Write the view state into a query string, keeping parameters this module does not own. */
export function writeUrl(search: string, state: UrlWritable, defaults: { lang: UiLang }): string {
  const q = new URLSearchParams(search);
  const set = (key: string, value: string | null) => (value === null ? q.delete(key) : q.set(key, value));
  set('event', state.selectedId);
  set('from', state.window ? isoUrlTime(state.window[0]) : null);
  // `to` is always written with a time: a bare day would be read back as the end of that day.
  set('to', state.window ? isoUrlTime(state.window[1], true) : null);
  set('lang', state.lang === defaults.lang ? null : state.lang);
  if (state.t !== undefined) set('t', state.t === null ? null : isoUrlTime(Math.round(state.t), true));
  if (state.compare !== undefined) set('compare', state.compare ? state.compare.join(',') : null);
  if (state.trips !== undefined) set('trips', state.trips ? state.trips.join(',') : null);
  if (state.theme !== undefined) set('theme', state.theme);
  const s = q.toString();
  return s ? `?${s}` : '';
}
