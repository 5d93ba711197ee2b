import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restoreDataset } from '../../src/core/restore';
import { initialState } from '../../src/state/initial-state';
import { readUrl } from '../../src/state/url-state';
import { PLAYBACK_DEFAULTS, reduce, type ViewState } from '../../src/state/view-state';

const data = restoreDataset(JSON.parse(readFileSync(new URL('../fixtures/small.json', import.meta.url), 'utf8')));
const base: ViewState = { ...PLAYBACK_DEFAULTS, selectedId: null, hoverId: null, window: null, lang: 'en' };

describe('reduce', () => {
  it('selects a known event and ignores an unknown one', () => {
    expect(reduce(base, { type: 'select', id: 'e2' }, data).selectedId).toBe('e2');
    expect(reduce(base, { type: 'select', id: 'nope' }, data)).toBe(base);
  });
  it('moves the window to show a selected event outside it', () => {
    const e3 = data.eventsById.get('e3')!;
    const s = reduce({ ...base, window: [0, 1000] }, { type: 'select', id: 'e3' }, data);
    expect(s.window![0]).toBeLessThanOrEqual(e3.t0);
    expect(s.window![1]).toBeGreaterThanOrEqual(e3.t1);
  });
  it('rejects empty or inverted windows', () => {
    expect(reduce(base, { type: 'window', window: [10, 10] }, data)).toBe(base);
    expect(reduce(base, { type: 'window', window: [10, 5] }, data)).toBe(base);
    expect(reduce(base, { type: 'window', window: [5, 10] }, data).window).toEqual([5, 10]);
  });
  it('returns the same state when nothing changes', () => {
    expect(reduce(base, { type: 'hover', id: null }, data)).toBe(base);
    expect(reduce(base, { type: 'lang', lang: 'en' }, data)).toBe(base);
  });
});

describe('initialState', () => {
  it('restores the selection from event= and shows it', () => {
    const s = initialState(data, readUrl('?event=e3&lang=fr'), 'en');
    expect(s.selectedId).toBe('e3');
    expect(s.lang).toBe('fr');
    const e3 = data.eventsById.get('e3')!;
    expect(s.window![0]).toBeLessThanOrEqual(e3.t0);
    expect(s.window![1]).toBeGreaterThanOrEqual(e3.t1);
  });
  it('uses from/to when given and ignores an unknown event', () => {
    const s = initialState(data, readUrl('?event=zzz&from=2019-04-01&to=2019-04-30'), 'en');
    expect(s.selectedId).toBeNull();
    expect(new Date(s.window![0]).toISOString()).toBe('2019-04-01T00:00:00.000Z');
  });
});
