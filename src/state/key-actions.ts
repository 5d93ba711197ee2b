// Playback commands as registered actions: each has a name, the keys it answers and what it does,
// so the keyboard map is one table (and testable without a browser). Pure.
import { SPEEDS } from '../core/playback';
import type { Action, ViewState } from './view-state';

/** A key press and where the focus was, as the app reads it from the DOM. */
export interface KeyInput {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  /** Focus in a text field, a select or an editable element: keys are the user's typing. */
  typing?: boolean;
  /** Focus on a button, a link or another control that Space activates itself. */
  onControl?: boolean;
  /** Focus on a timeline mark: the arrows move between marks there. */
  inTimelineMarks?: boolean;
  /** Focus in the map: the arrows pan it. */
  inMap?: boolean;
}

export interface KeyAction {
  name: 'togglePlay' | 'nextEvent' | 'previousEvent' | 'faster' | 'slower';
  /** The keys, for help texts and aria-keyshortcuts. */
  keys: string;
  keyTest(k: KeyInput): boolean;
  perform(s: ViewState): Action | null;
}

const plain = (k: KeyInput) => !k.altKey && !k.ctrlKey && !k.metaKey && !k.typing;
const arrow = (k: KeyInput) => plain(k) && !k.inTimelineMarks && !k.inMap;

function speedStep(s: ViewState, dir: 1 | -1): Action | null {
  const i = SPEEDS.indexOf(s.speed as (typeof SPEEDS)[number]);
  const next = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, (i < 0 ? 1 : i) + dir))]!;
  return next === s.speed ? null : { type: 'speed', speed: next };
}

export const KEY_ACTIONS: readonly KeyAction[] = [
  {
    name: 'togglePlay',
    keys: 'Space',
    keyTest: (k) => plain(k) && !k.onControl && (k.key === ' ' || k.key === 'Spacebar'),
    perform: () => ({ type: 'togglePlay' }),
  },
  {
    name: 'nextEvent',
    keys: 'ArrowRight',
    keyTest: (k) => arrow(k) && k.key === 'ArrowRight',
    perform: () => ({ type: 'step', dir: 1 }),
  },
  {
    name: 'previousEvent',
    keys: 'ArrowLeft',
    keyTest: (k) => arrow(k) && k.key === 'ArrowLeft',
    perform: () => ({ type: 'step', dir: -1 }),
  },
  {
    name: 'faster',
    keys: ']',
    keyTest: (k) => plain(k) && k.key === ']',
    perform: (s) => speedStep(s, 1),
  },
  {
    name: 'slower',
    keys: '[',
    keyTest: (k) => plain(k) && k.key === '[',
    perform: (s) => speedStep(s, -1),
  },
];

/** The action a key press asks for, or null when no registered action takes it. */
export function actionForKey(k: KeyInput, s: ViewState): Action | null {
  const a = KEY_ACTIONS.find((x) => x.keyTest(k));
  return a ? a.perform(s) : null;
}

export const keysOf = (name: KeyAction['name']) => KEY_ACTIONS.find((a) => a.name === name)!.keys;
