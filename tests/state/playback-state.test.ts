import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, SPEEDS } from '../../src/core/playback';
import { actionForKey, KEY_ACTIONS } from '../../src/state/key-actions';
import { playContext } from '../../src/state/playback-state';
import { readUrl, writeUrl } from '../../src/state/url-state';
import { PLAYBACK_DEFAULTS, reduce, type ViewState } from '../../src/state/view-state';
import { dataset, TO_KHASAN } from '../core/trip-fixture';

const legs = [TO_KHASAN];
const events = [
  { id: 'dep', trip: 'a', start: '2019-04-24T02:00+09:00', place: 'pyongyang' },
  { id: 'arr', trip: 'a', start: '2019-04-24T11:00+10:00', place: 'khasan' },
  { id: 'other', trip: 'b', start: '2019-04-24T12:00+10:00', place: 'khasan' },
];
const d = dataset(legs, events);
const base: ViewState = { ...PLAYBACK_DEFAULTS, selectedId: null, hoverId: null, window: null, lang: 'en' };
const at = (iso: string) => Date.parse(iso);

describe('playback actions', () => {
  it('play starts at the beginning of the trip in play, advance moves at the speed and stops at the end', () => {
    let s = reduce({ ...base, selectedId: 'dep' }, { type: 'play' }, d);
    expect(s.playing).toBe(true);
    expect(s.t).toBe(at('2019-04-23T17:00Z') - HOUR_MS);
    s = reduce(s, { type: 'advance', elapsedMs: 1000 }, d);
    expect(s.t).toBe(at('2019-04-23T17:00Z') - HOUR_MS + SPEEDS[1]);
    s = reduce(s, { type: 'speed', speed: DAY_MS }, d);
    s = reduce(s, { type: 'advance', elapsedMs: 10_000 }, d);
    expect(s.playing).toBe(false);
    expect(s.t).toBe(at('2019-04-24T01:00Z'));
  });
  it('steps to the next and previous event, selecting it', () => {
    let s = reduce({ ...base, t: at('2019-04-23T00:00Z') }, { type: 'step', dir: 1 }, d);
    expect([s.t, s.selectedId]).toEqual([at('2019-04-23T17:00Z'), 'dep']);
    s = reduce(s, { type: 'step', dir: 1 }, d);
    expect(s.selectedId).toBe('arr');
    s = reduce(s, { type: 'step', dir: -1 }, d);
    expect(s.selectedId).toBe('dep');
  });
  it('keeps the playhead in the window while it moves', () => {
    const w = [at('2019-04-20T00:00Z'), at('2019-04-21T00:00Z')] as const;
    const s = reduce({ ...base, window: w, t: w[0] }, { type: 'tick', t: at('2019-04-24T00:00Z') }, d);
    expect(s.window![0]).toBeLessThan(at('2019-04-24T00:00Z'));
    expect(s.window![1]).toBeGreaterThan(at('2019-04-24T00:00Z'));
  });
  it('compares two known trips only', () => {
    expect(reduce(base, { type: 'compare', pair: ['a', 'b'] }, d).compare).toEqual(['a', 'b']);
    expect(reduce(base, { type: 'compare', pair: ['a', 'nope'] }, d)).toBe(base);
  });
  it('selects a leg and clears the event selection', () => {
    const s = reduce({ ...base, selectedId: 'dep' }, { type: 'selectLeg', id: 'l1' }, d);
    expect([s.legId, s.selectedId]).toEqual(['l1', null]);
    expect(reduce(s, { type: 'select', id: 'arr' }, d).legId).toBeNull();
  });
});

describe('key actions', () => {
  it('are registered with their keys', () => {
    expect(KEY_ACTIONS.map((a) => a.name)).toEqual(['togglePlay', 'nextEvent', 'previousEvent', 'faster', 'slower']);
  });
  it('Space plays, arrows step, brackets change the speed', () => {
    expect(actionForKey({ key: ' ' }, base)).toEqual({ type: 'togglePlay' });
    expect(actionForKey({ key: 'ArrowRight' }, base)).toEqual({ type: 'step', dir: 1 });
    expect(actionForKey({ key: 'ArrowLeft' }, base)).toEqual({ type: 'step', dir: -1 });
    expect(actionForKey({ key: ']' }, base)).toEqual({ type: 'speed', speed: DAY_MS });
    expect(actionForKey({ key: '[' }, { ...base, speed: SPEEDS[0] })).toBeNull();
  });
  it('leave typing, buttons (Space), timeline marks and the map (arrows) alone', () => {
    expect(actionForKey({ key: ' ', typing: true }, base)).toBeNull();
    expect(actionForKey({ key: 'ArrowRight', typing: true }, base)).toBeNull();
    expect(actionForKey({ key: ' ', onControl: true }, base)).toBeNull();
    expect(actionForKey({ key: 'ArrowRight', onControl: true }, base)).toEqual({ type: 'step', dir: 1 });
    expect(actionForKey({ key: 'ArrowRight', inTimelineMarks: true }, base)).toBeNull();
    expect(actionForKey({ key: 'ArrowLeft', inMap: true }, base)).toBeNull();
    expect(actionForKey({ key: 'ArrowRight', ctrlKey: true }, base)).toBeNull();
  });
});

describe('t= and compare= in the URL', () => {
  it('round-trip, and keep the other parameters', () => {
    const t = at('2023-09-12T03:15Z');
    const search = writeUrl('?data=x.json', { ...base, t, compare: ['a', 'b'] }, { lang: 'en' });
    const back = readUrl(search);
    expect(back.t).toBe(t);
    expect(back.compare).toEqual(['a', 'b']);
    expect(back.data).toBe('x.json');
    expect(readUrl('?t=nonsense&compare=a').t).toBeNull();
    expect(readUrl('?compare=a').compare).toBeNull();
  });
});

describe('playContext', () => {
  const around = (iso: string, hours: number): [number, number] => [
    at(iso) - hours * HOUR_MS,
    at(iso) + hours * HOUR_MS,
  ];
  const input = (window: [number, number]) => ({ t: null, compare: null, selectedId: null, window });
  it('gives the same object while the window stays on one trip, another for another trip', () => {
    // Trip b travels too, two days later.
    const back = { ...legs[0]!, id: 'l2', trip: 'b', start: '2019-04-26T02:00+09:00', end: '2019-04-26T11:00+10:00' };
    const two = dataset([...legs, back], events);
    const first = playContext(two, input(around('2019-04-24T05:00+09:00', 3)));
    const moved = playContext(two, input(around('2019-04-24T06:00+09:00', 2)));
    expect(first?.trips[0]!.trip.id).toBe('a');
    expect(moved).toBe(first);
    const other = playContext(two, input(around('2019-04-26T05:00+09:00', 3)));
    expect(other?.trips[0]!.trip.id).toBe('b');
    expect(other).not.toBe(first);
    // A new dataset (the same file opened again) gets contexts of its own.
    const fresh = playContext(dataset([...legs, back], events), input(around('2019-04-24T05:00+09:00', 3)));
    expect(fresh).not.toBe(first);
    expect(fresh?.steps).toEqual(first?.steps);
  });
});
