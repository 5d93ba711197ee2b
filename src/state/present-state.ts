// Presentation mode: the current step (1-based), the digits typed for a jump, and the registered key
// actions of a presentation. Pure: the app reads the keys from the DOM and applies the results.
import type { KeyInput } from './key-actions';

export interface PresentState {
  /** 1-based; 0 when the narrative is empty. */
  step: number;
  count: number;
  /** Digits typed so far for "number + Enter". */
  digits: string;
}

export type PresentAction =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'goto'; step: number }
  | { type: 'digit'; digit: string }
  | { type: 'jump' }
  | { type: 'fullscreen' }
  | { type: 'leave' };

export interface PresentKeyAction {
  name: 'nextStep' | 'previousStep' | 'firstStep' | 'lastStep' | 'fullScreen' | 'leavePresentation' | 'digit' | 'jump';
  keys: string;
  keyTest(k: KeyInput): boolean;
  perform(k: KeyInput, s: PresentState): PresentAction | null;
}

const plain = (k: KeyInput) => !k.altKey && !k.ctrlKey && !k.metaKey && !k.typing;
const isKey =
  (...keys: string[]) =>
  (k: KeyInput) =>
    plain(k) && keys.includes(k.key);

/** Clickers send PageUp / PageDown; Space on a focused button still activates the button. */
export const PRESENT_KEY_ACTIONS: readonly PresentKeyAction[] = [
  {
    name: 'nextStep',
    keys: 'ArrowRight ArrowDown PageDown Space',
    keyTest: (k) =>
      isKey('ArrowRight', 'ArrowDown', 'PageDown')(k) ||
      (plain(k) && !k.onControl && (k.key === ' ' || k.key === 'Spacebar')),
    perform: () => ({ type: 'next' }),
  },
  {
    name: 'previousStep',
    keys: 'ArrowLeft ArrowUp PageUp',
    keyTest: isKey('ArrowLeft', 'ArrowUp', 'PageUp'),
    perform: () => ({ type: 'previous' }),
  },
  { name: 'firstStep', keys: 'Home', keyTest: isKey('Home'), perform: () => ({ type: 'first' }) },
  { name: 'lastStep', keys: 'End', keyTest: isKey('End'), perform: () => ({ type: 'last' }) },
  { name: 'fullScreen', keys: 'F', keyTest: isKey('f', 'F'), perform: () => ({ type: 'fullscreen' }) },
  { name: 'leavePresentation', keys: 'Escape', keyTest: isKey('Escape', 'Esc'), perform: () => ({ type: 'leave' }) },
  {
    name: 'digit',
    keys: '0-9',
    keyTest: (k) => plain(k) && /^[0-9]$/.test(k.key),
    perform: (k) => ({ type: 'digit', digit: k.key }),
  },
  {
    name: 'jump',
    keys: 'Enter',
    keyTest: (k) => plain(k) && !k.onControl && k.key === 'Enter',
    perform: (_k, s) => (s.digits ? { type: 'jump' } : null),
  },
];

/** The presentation action a key press asks for, or null (then the key is left to the page). */
export function presentActionForKey(k: KeyInput, s: PresentState): PresentAction | null {
  const a = PRESENT_KEY_ACTIONS.find((x) => x.keyTest(k));
  return a ? a.perform(k, s) : null;
}

const clamp = (step: number, count: number) => (count <= 0 ? 0 : Math.min(count, Math.max(1, step)));

/** Step changes; `fullscreen` and `leave` are side effects the app performs, the state stays. */
export function presentReduce(s: PresentState, a: PresentAction): PresentState {
  const at = (step: number): PresentState => {
    const next = clamp(step, s.count);
    return next === s.step && !s.digits ? s : { ...s, step: next, digits: '' };
  };
  switch (a.type) {
    case 'next':
      return at(s.step + 1);
    case 'previous':
      return at(s.step - 1);
    case 'first':
      return at(1);
    case 'last':
      return at(s.count);
    case 'goto':
      return at(a.step);
    case 'digit':
      return { ...s, digits: (s.digits + a.digit).slice(-4) };
    case 'jump': {
      const n = Number(s.digits);
      return n >= 1 ? at(n) : { ...s, digits: '' };
    }
    case 'fullscreen':
    case 'leave':
      return s.digits ? { ...s, digits: '' } : s;
  }
}
