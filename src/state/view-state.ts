// The one view state both views draw from, and the actions that change it. Pure.
import type { Lang } from '../core/schema';
import { windowShowing, type TimeWindow } from '../core/selectors';
import type { Dataset } from '../core/types';

export type UiLang = Extract<Lang, 'en' | 'fr'>;
export const UI_LANGS: readonly UiLang[] = ['en', 'fr'];

export interface ViewState {
  selectedId: string | null;
  hoverId: string | null;
  /** The detail window of the timeline, which also filters the map; null shows everything. */
  window: TimeWindow | null;
  lang: UiLang;
}

export type Action =
  | { type: 'select'; id: string | null }
  | { type: 'hover'; id: string | null }
  | { type: 'window'; window: TimeWindow | null }
  | { type: 'lang'; lang: UiLang }
  | { type: 'reset'; state: ViewState };

/** The reducer needs the dataset to keep a selected event inside the window. */
export function reduce(state: ViewState, action: Action, data: Dataset): ViewState {
  switch (action.type) {
    case 'select': {
      if (action.id === state.selectedId) return state;
      const e = action.id === null ? undefined : data.eventsById.get(action.id);
      if (action.id !== null && !e) return state;
      return { ...state, selectedId: action.id, window: e ? windowShowing(state.window, e) : state.window };
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
  }
}
