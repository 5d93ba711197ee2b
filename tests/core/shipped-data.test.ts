// The shipped dataset: valid, sourced, and honest about where its sources disagree.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDatasetText } from '../../src/core/restore';

const raw = readFileSync(new URL('../../data/kim-trips.json', import.meta.url), 'utf8');
const d = loadDatasetText(raw);

describe('data/kim-trips.json', () => {
  it('loads with no problem at all', () => {
    expect(d.problems).toEqual([]);
    expect(d.events.length).toBe(d.totals.events);
  });

  it('cites at least one known source for every event, leg distance and claim', () => {
    for (const e of d.events) expect(e.sources.length, e.id).toBeGreaterThan(0);
    for (const l of d.legs) for (const x of l.distances ?? []) expect(x.sources.length, l.id).toBeGreaterThan(0);
    for (const c of d.claims) expect(c.sources.length, c.id).toBeGreaterThan(0);
  });

  it('tells the 2019 and 2023 trips day by day, at least ten events each, with rail legs', () => {
    for (const trip of ['kju-2019-russia', 'kju-2023-russia']) {
      expect(d.events.filter((e) => e.trip === trip).length, trip).toBeGreaterThanOrEqual(10);
      const rail = d.legs.filter((l) => l.trip === trip && l.mode === 'train');
      expect(rail.length, trip).toBeGreaterThanOrEqual(2);
      for (const l of rail) expect(l.geometry.length, l.id).toBeGreaterThan(5);
    }
  });

  it('has the related visits: Putin 2000 and 2024, Kim Jong Il 2001, 2002 and 2011', () => {
    const years = (traveller: string) =>
      d.trips.filter((t) => t.traveller === traveller).map((t) => new Date(t.t0).getUTCFullYear());
    expect(years('putin')).toEqual(expect.arrayContaining([2000, 2024]));
    expect(years('kim-jong-il')).toEqual(expect.arrayContaining([2001, 2002, 2011]));
  });

  it('keeps the seed article (S0) with its claims, beside the sources that disagree', () => {
    const s0 = d.sources.get('S0')!;
    expect(s0).toMatchObject({ language: 'fr', author: 'Minh Duc' });
    const distances = d.legs.flatMap((l) => l.distances ?? []);
    const km = (n: number) => distances.filter((x) => x.km === n).map((x) => x.sources);
    expect(km(680).flat()).toContain('S0');
    expect(km(850).flat()).toContain('G7');
    expect(distances.some((x) => x.km >= 1180 && x.km <= 1200 && x.basis === 'rail')).toBe(true);
    const s0Claims = d.claims.filter((c) => c.sources.includes('S0'));
    expect(s0Claims.some((c) => /1986/.test(c.text.en ?? ''))).toBe(true);
    expect(s0Claims.some((c) => c.disputes && c.disputes.length > 0)).toBe(true);
    const arrival = d.events.find(
      (e) => e.trip === 'kju-2023-russia' && e.sources.includes('S0') && e.place === 'khasan-station',
    );
    expect(arrival && new Date(arrival.t0 + arrival.startAt.offsetMinutes * 60_000).getUTCDate()).toBe(12);
  });

  it('gives every event a title in English and French', () => {
    for (const e of d.events) {
      expect(e.title.en, e.id).toBeTruthy();
      expect(e.title.fr, e.id).toBeTruthy();
    }
  });
});
