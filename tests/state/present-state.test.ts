import { describe, expect, it } from 'vitest';
import {
  PRESENT_KEY_ACTIONS,
  presentActionForKey,
  presentReduce,
  type PresentState,
} from '../../src/state/present-state';

const s0: PresentState = { step: 3, count: 12, digits: '' };
const press = (key: string, s = s0, extra = {}) => presentActionForKey({ key, ...extra }, s);
const run = (s: PresentState, ...keys: string[]) =>
  keys.reduce((st, key) => {
    const a = presentActionForKey({ key }, st);
    return a ? presentReduce(st, a) : st;
  }, s);

describe('present key actions', () => {
  it('moves forward with → ↓ PageDown Space and back with ← ↑ PageUp', () => {
    for (const k of ['ArrowRight', 'ArrowDown', 'PageDown', ' ']) expect(run(s0, k).step).toBe(4);
    for (const k of ['ArrowLeft', 'ArrowUp', 'PageUp']) expect(run(s0, k).step).toBe(2);
  });
  it('goes to the first and last step with Home and End, and stays within the narrative', () => {
    expect(run(s0, 'Home').step).toBe(1);
    expect(run(s0, 'End').step).toBe(12);
    expect(run({ ...s0, step: 12 }, 'ArrowRight').step).toBe(12);
    expect(run({ ...s0, step: 1 }, 'PageUp').step).toBe(1);
  });
  it('jumps with number keys + Enter', () => {
    expect(run(s0, '1', '0', 'Enter')).toEqual({ step: 10, count: 12, digits: '' });
    expect(run(s0, '9', '9', 'Enter').step).toBe(12);
    expect(run(s0, '0', 'Enter').step).toBe(3);
    // Enter without digits is left to the page (a focused button).
    expect(press('Enter')).toBeNull();
  });
  it('asks for full screen with F and to leave with Escape', () => {
    expect(press('f')).toEqual({ type: 'fullscreen' });
    expect(press('F')).toEqual({ type: 'fullscreen' });
    expect(press('Escape')).toEqual({ type: 'leave' });
  });
  it('does not fire while typing or with modifiers', () => {
    for (const k of ['ArrowRight', 'PageDown', ' ', 'Home', 'f', '3', 'Escape'])
      expect(press(k, s0, { typing: true })).toBeNull();
    expect(press('ArrowRight', s0, { ctrlKey: true })).toBeNull();
    expect(press('f', s0, { metaKey: true })).toBeNull();
  });
  it('leaves Space to a focused button', () => {
    expect(press(' ', s0, { onControl: true })).toBeNull();
    expect(press('PageDown', s0, { onControl: true })).toEqual({ type: 'next' });
  });
  it('names every action and its keys', () => {
    expect(PRESENT_KEY_ACTIONS.map((a) => a.name)).toEqual([
      'nextStep',
      'previousStep',
      'firstStep',
      'lastStep',
      'fullScreen',
      'leavePresentation',
      'digit',
      'jump',
    ]);
    for (const a of PRESENT_KEY_ACTIONS) expect(a.keys).not.toBe('');
  });
  it('keeps an empty narrative at step 0', () => {
    expect(run({ step: 0, count: 0, digits: '' }, 'ArrowRight', 'End').step).toBe(0);
  });
});

describe('a step shown through the view state', () => {
  it('pauses playback, sets the window, then selects the event (or the leg)', async () => {
    const { actionsForStep } = await import('../../src/ui/present-mode');
    const base = { title: { en: 'x' }, text: null, notes: null };
    expect(actionsForStep({ ...base, eventId: 'e1', legId: null, window: [1, 2] })).toEqual([
      { type: 'pause' },
      { type: 'window', window: [1, 2] },
      { type: 'select', id: 'e1' },
    ]);
    expect(actionsForStep({ ...base, eventId: null, legId: 'l1', window: null })).toEqual([
      { type: 'pause' },
      { type: 'selectLeg', id: 'l1' },
    ]);
    expect(actionsForStep({ ...base, eventId: null, legId: null, window: [1, 2] })).toEqual([
      { type: 'pause' },
      { type: 'window', window: [1, 2] },
      { type: 'select', id: null },
    ]);
  });
});
