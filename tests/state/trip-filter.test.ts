// The trip filter (`trips=`): the view of the dataset it draws, the reducer, the first state from the URL.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restoreDataset } from '../../src/core/restore';
import { datasetForTrips, knownTrips } from '../../src/core/trip-filter';
import { initialState } from '../../src/state/initial-state';
import { readUrl } from '../../src/state/url-state';
import { PLAYBACK_DEFAULTS, reduce, type ViewState } from '../../src/state/view-state';

const data = restoreDataset(JSON.parse(readFileSync(new URL('../../data/kim-trips.json', import.meta.url), 'utf8')));
const base: ViewState = { ...PLAYBACK_DEFAULTS, selectedId: null, hoverId: null, window: null, lang: 'en' };
const T19 = 'kju-2019-russia';
const T23 = 'kju-2023-russia';
const of = (trip: string) => data.events.filter((e) => e.trip === trip);

describe('knownTrips', () => {
  it('keeps known ids once, in the dataset order, and means "all" for none or every trip', () => {
    expect(knownTrips(data, [T23, 'nope', T19, T23])).toEqual([T19, T23]);
    expect(knownTrips(data, ['nope'])).toBeNull();
    expect(knownTrips(data, [])).toBeNull();
    expect(
      knownTrips(
        data,
        data.trips.map((t) => t.id),
      ),
    ).toBeNull();
  });
});

describe('datasetForTrips', () => {
  it('draws only the chosen trips but keeps every lookup', () => {
    const v = datasetForTrips(data, [T19]);
    expect(v.events.length).toBe(of(T19).length);
    expect(v.events.every((e) => e.trip === T19)).toBe(true);
    expect(v.legs.length).toBeGreaterThan(0);
    expect(v.legs.every((l) => l.trip === T19)).toBe(true);
    expect(v.trips.map((t) => t.id)).toEqual([T19]);
    expect(v.eventsById.size).toBe(data.eventsById.size);
    // The same object for the same choice, so views keyed on it do not redraw.
    expect(datasetForTrips(data, [T19])).toBe(v);
    expect(datasetForTrips(data, null)).toBe(data);
  });
});

describe('the trips action', () => {
  it('filters, and drops a selection or leg that the filter hides', () => {
    const e23 = of(T23)[0]!;
    const leg23 = data.legs.find((l) => l.trip === T23)!;
    const s = reduce({ ...base, selectedId: e23.id }, { type: 'trips', trips: [T19] }, data);
    expect(s.trips).toEqual([T19]);
    expect(s.selectedId).toBeNull();
    const s2 = reduce({ ...base, legId: leg23.id }, { type: 'trips', trips: [T19] }, data);
    expect(s2.legId).toBeNull();
    const e19 = of(T19)[0]!;
    expect(reduce({ ...base, selectedId: e19.id }, { type: 'trips', trips: [T19] }, data).selectedId).toBe(e19.id);
  });
  it('ignores unknown ids and returns the same state when nothing changes', () => {
    const s = reduce(base, { type: 'trips', trips: [T19, T23] }, data);
    expect(reduce(s, { type: 'trips', trips: [T23, T19] }, data)).toBe(s);
    expect(reduce(base, { type: 'trips', trips: ['nope'] }, data)).toBe(base);
  });
  it('brings back the trip of an event selected while it was hidden', () => {
    const s = reduce(base, { type: 'trips', trips: [T19] }, data);
    const e23 = of(T23)[0]!;
    expect(reduce(s, { type: 'select', id: e23.id }, data).trips).toEqual([T19, T23]);
  });
});

describe('initialState with trips=', () => {
  it('restores the filter and adds the trip of a deep-linked event', () => {
    expect(initialState(data, readUrl(`?trips=${T23}`), 'en').trips).toEqual([T23]);
    const e19 = of(T19)[1]!;
    const s = initialState(data, readUrl(`?trips=${T23}&event=${e19.id}`), 'en');
    expect(s.trips).toEqual([T19, T23]);
    expect(s.selectedId).toBe(e19.id);
    expect(initialState(data, readUrl('?trips=nope'), 'en').trips).toBeNull();
  });
});

describe('the window follows a filter that would show nothing', () => {
  const e19 = of(T19);
  const w23: [number, number] = [of(T23)[0]!.t0, of(T23).at(-1)!.t1];
  it('moves to the chosen trips when the window shows none of them, and stays otherwise', () => {
    const s = reduce({ ...base, window: w23 }, { type: 'trips', trips: [T19] }, data);
    expect(s.window![0]).toBeLessThanOrEqual(e19[0]!.t0);
    expect(s.window![1]).toBeGreaterThanOrEqual(e19.at(-1)!.t1);
    expect(reduce({ ...base, window: w23 }, { type: 'trips', trips: [T19, T23] }, data).window).toEqual(w23);
  });
  it('opens on the chosen trips from the URL unless from/to say otherwise', () => {
    const s = initialState(data, readUrl(`?trips=${T19}`), 'en');
    expect(s.window![0]).toBeLessThanOrEqual(e19[0]!.t0);
    expect(s.window![1]).toBeGreaterThanOrEqual(e19.at(-1)!.t1);
    const fixed = initialState(data, readUrl(`?trips=${T19}&from=2023-09-01&to=2023-09-30`), 'en');
    expect(new Date(fixed.window![0]).toISOString().slice(0, 10)).toBe('2023-09-01');
  });
});
