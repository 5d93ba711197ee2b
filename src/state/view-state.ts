// The one view state both views draw from, and the actions that change it. Pure.
import type { Lang } from '../core/schema';
import { advance, nextStep, previousStep, SPEEDS } from '../core/playback';
import { windowShowing, type TimeWindow } from '../core/selectors';
import { knownTrips, tripsInWindow, tripsWindow } from '../core/trip-filter';
import type { Dataset } from '../core/types';
import { playContext } from './playback-state';

export type UiLang = Extract<Lang, 'en' | 'fr' | 'ko' | 'ru'>;
export const UI_LANGS: readonly UiLang[] = ['en', 'fr', 'ko', 'ru'];
/** The colour theme asked for in the URL (`theme=`); null follows the system. */
export type Theme = 'light' | 'dark';

export interface ViewState {
  selectedId: string | null;
  hoverId: string | null;
  /** The detail window of the timeline, which also filters the map; null shows everything. */
  window: TimeWindow | null;
  lang: UiLang;
  /** The playhead (for a comparison, on the first trip's clock); null before playback is used. */
  t: number | null;
  playing: boolean;
  /** Story time per second of playback, ms (one of SPEEDS). */
  speed: number;
  /** The map keeps the moving marker in view. */
  follow: boolean;
  /** Two trips side by side, aligned by days since departure. */
  compare: readonly [string, string] | null;
  /** The leg whose details are shown (a click on a route). */
  legId: string | null;
  /** The trips shown (`trips=`), in the dataset's order; null shows every trip. */
  trips: readonly string[] | null;
}

/** The playback fields of a fresh state. */
export const PLAYBACK_DEFAULTS = {
  t: null,
  playing: false,
  speed: SPEEDS[1],
  follow: false,
  compare: null,
  legId: null,
  trips: null,
} as const satisfies Partial<ViewState>;

export type Action =
  | { type: 'select'; id: string | null }
  | { type: 'hover'; id: string | null }
  | { type: 'window'; window: TimeWindow | null }
  | { type: 'lang'; lang: UiLang }
  | { type: 'reset'; state: ViewState }
  /** The playback clock moved (once per frame at most while playing). */
  | { type: 'tick'; t: number }
  /** Real time passed while playing: moves the playhead at the speed, stops at the end. */
  | { type: 'advance'; elapsedMs: number }
  /** The playhead moved by the user (drag, URL). */
  | { type: 'seek'; t: number | null }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'togglePlay' }
  | { type: 'speed'; speed: number }
  | { type: 'follow'; follow: boolean }
  /** To the next (1) or previous (-1) event of the trips in play; selects it. */
  | { type: 'step'; dir: 1 | -1 }
  | { type: 'compare'; pair: readonly [string, string] | null }
  | { type: 'selectLeg'; id: string | null }
  /** Show only these trips (null or every trip: all). */
  | { type: 'trips'; trips: readonly string[] | null };

/** Keeps `t` in the window while playing: when it leaves, the window moves on with it. */
function followWindow(w: TimeWindow | null, t: number): TimeWindow | null {
  if (!w || (t >= w[0] && t <= w[1])) return w;
  const width = w[1] - w[0];
  const t0 = t - width * 0.1;
  return [t0, t0 + width];
}

/** An event of a hidden trip (a link, a search, a story step) brings its trip back into view. */
function tripsShowing(trips: readonly string[] | null, e: { trip: string } | undefined, data: Dataset) {
  return e && trips && !trips.includes(e.trip) ? knownTrips(data, [...trips, e.trip]) : trips;
}

/** The reducer needs the dataset to keep a selected event inside the window. */
export function reduce(state: ViewState, action: Action, data: Dataset): ViewState {
  switch (action.type) {
    case 'select': {
      if (action.id === state.selectedId) return state;
      const e = action.id === null ? undefined : data.eventsById.get(action.id);
      if (action.id !== null && !e) return state;
      return {
        ...state,
        selectedId: action.id,
        legId: action.id === null ? state.legId : null,
        window: e ? windowShowing(state.window, e) : state.window,
        trips: tripsShowing(state.trips, e, data),
      };
    }
    case 'hover':
      return action.id === state.hoverId ? state : { ...state, hoverId: action.id };
    case 'window': {
      const w = action.window;
      if (w && (!Number.isFinite(w[0]) || !Number.isFinite(w[1]) || w[1] <= w[0])) return state;
      if (state.window && w && state.window[0] === w[0] && state.window[1] === w[1]) return state;
      return { ...state, window: w };
    }
    case 'lang':
      return action.lang === state.lang ? state : { ...state, lang: action.lang };
    case 'reset':
      return action.state;
    case 'tick':
    case 'seek': {
      if (action.t !== null && !Number.isFinite(action.t)) return state;
      if (action.t === state.t) return state;
      const window = action.t === null || state.compare ? state.window : followWindow(state.window, action.t);
      return { ...state, t: action.t, window, playing: action.type === 'seek' ? false : state.playing };
    }
    case 'advance': {
      if (!state.playing || state.t === null) return state;
      const ctx = playContext(data, state);
      if (!ctx) return { ...state, playing: false };
      const step = advance(state.t, action.elapsedMs, state.speed, ctx.range[1]);
      const next = reduce(state, { type: 'tick', t: step.t }, data);
      return step.ended ? { ...next, playing: false } : next;
    }
    case 'play': {
      if (state.playing) return state;
      const ctx = playContext(data, state);
      if (!ctx) return state;
      const [t0, t1] = ctx.range;
      const t = state.t === null || state.t < t0 || state.t >= t1 ? t0 : state.t;
      const window = state.compare ? state.window : followWindow(state.window, t);
      return { ...state, playing: true, t, window };
    }
    case 'pause':
      return state.playing ? { ...state, playing: false } : state;
    case 'togglePlay':
      return reduce(state, { type: state.playing ? 'pause' : 'play' }, data);
    case 'speed':
      return SPEEDS.includes(action.speed as (typeof SPEEDS)[number]) && action.speed !== state.speed
        ? { ...state, speed: action.speed }
        : state;
    case 'follow':
      return action.follow === state.follow ? state : { ...state, follow: action.follow };
    case 'step': {
      const ctx = playContext(data, state);
      if (!ctx) return state;
      const from = state.t ?? (action.dir > 0 ? ctx.range[0] - 1001 : ctx.range[1] + 1001);
      const t = action.dir > 0 ? nextStep(ctx.steps, from) : previousStep(ctx.steps, from);
      if (t === null) return action.dir > 0 && state.playing ? { ...state, playing: false } : state;
      // Select the event that starts there, in the first trip that has one.
      let selectedId = state.selectedId;
      for (const p of ctx.trips) {
        const own = p.toOwn(t);
        const e = data.events.find((ev) => ev.trip === p.trip.id && ev.t0 === own);
        if (e) {
          selectedId = e.id;
          break;
        }
      }
      const e = selectedId ? data.eventsById.get(selectedId) : undefined;
      const window = state.compare ? state.window : e ? windowShowing(state.window, e) : followWindow(state.window, t);
      return { ...state, t, selectedId, legId: null, window, trips: tripsShowing(state.trips, e, data) };
    }
    case 'compare': {
      const pair = action.pair;
      const valid = pair && pair[0] !== pair[1] && data.tripsById.has(pair[0]) && data.tripsById.has(pair[1]);
      const next = valid ? pair : null;
      if (
        next === state.compare ||
        (next && state.compare && next[0] === state.compare[0] && next[1] === state.compare[1])
      )
        return state;
      return { ...state, compare: next, playing: false, t: next ? null : state.t };
    }
    case 'trips': {
      const trips = knownTrips(data, action.trips);
      const same =
        trips === state.trips ||
        (trips && state.trips && trips.length === state.trips.length && trips.every((id, i) => id === state.trips![i]));
      if (same) return state;
      const selected = state.selectedId ? data.eventsById.get(state.selectedId) : undefined;
      const leg = state.legId ? data.legs.find((l) => l.id === state.legId) : undefined;
      const shown = (trip: string) => !trips || trips.includes(trip);
      // Choosing trips the window does not show moves the window to them.
      const window =
        trips && !tripsInWindow(data, trips, state.window) ? (tripsWindow(data, trips) ?? state.window) : state.window;
      return {
        ...state,
        trips,
        window,
        selectedId: selected && !shown(selected.trip) ? null : state.selectedId,
        legId: leg && !shown(leg.trip) ? null : state.legId,
      };
    }
    case 'selectLeg': {
      if (action.id === state.legId) return state;
      if (action.id !== null && !data.legs.some((l) => l.id === action.id)) return state;
      return { ...state, legId: action.id, selectedId: action.id === null ? state.selectedId : null };
    }
  }
}
