import { describe, expect, it } from 'vitest';
import { restoreDataset } from '../../src/core/restore';
import { generateDataset, generateText, mulberry32, sizeLabel } from '../../scripts/bench/generate.mjs';

describe('mulberry32(seed)', () => {
  it('gives the same sequence for the same seed, another for another seed', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('generateText(events, { seed })', () => {
  it('gives the same bytes for the same seed and size', () => {
    expect(generateText(500, { seed: 3 })).toBe(generateText(500, { seed: 3 }));
  });
  it('gives other bytes for another seed', () => {
    expect(generateText(500, { seed: 3 })).not.toBe(generateText(500, { seed: 4 }));
  });
});

describe('generateDataset(events)', () => {
  const d = generateDataset(1000);

  it('has the requested events over 50 trips and 500 places, with a leg between stops', () => {
    expect(d.format).toBe('itinera/1');
    expect(d.events).toHaveLength(1000);
    expect(d.trips).toHaveLength(50);
    expect(d.places).toHaveLength(500);
    expect(d.legs).toHaveLength(500);
    expect(new Set(d.events.map((e) => e.trip)).size).toBe(50);
    expect(new Set(d.events.map((e) => e.place)).size).toBe(500);
  });

  it('uses unique ids and references only records that exist', () => {
    const ids = (list: { id: string }[]) => new Set(list.map((r) => r.id));
    const [sources, people, places, trips, events] = [d.sources, d.people, d.places, d.trips, d.events].map(ids);
    expect(events!.size).toBe(d.events.length);
    expect(places!.size).toBe(d.places.length);
    for (const t of d.trips) expect(people!.has(t.traveller)).toBe(true);
    for (const l of d.legs) {
      expect(trips!.has(l.trip) && places!.has(l.from) && places!.has(l.to)).toBe(true);
      for (const s of l.sources ?? []) expect(sources!.has(s)).toBe(true);
    }
    for (const e of d.events) {
      expect(trips!.has(e.trip) && places!.has(e.place!)).toBe(true);
      for (const p of e.participants ?? []) expect(people!.has(p)).toBe(true);
      for (const s of e.sources) expect(sources!.has(s)).toBe(true);
    }
    for (const c of d.claims) expect(events!.has(c.about)).toBe(true);
  });

  it('loads through the app restore with zero problems', () => {
    const restored = restoreDataset(JSON.parse(JSON.stringify(d)));
    expect(restored.problems).toEqual([]);
    expect(restored.events).toHaveLength(1000);
    expect(restored.legs).toHaveLength(500);
  });

  it('spreads the events of a size over the trips evenly', () => {
    const counts = new Map<string, number>();
    for (const e of generateDataset(120).events) counts.set(e.trip, (counts.get(e.trip) ?? 0) + 1);
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
  });
});

describe('sizeLabel(n)', () => {
  it('names sizes as the benchmark reports them', () => {
    expect([sizeLabel(1000), sizeLabel(100_000), sizeLabel(1500)]).toEqual(['1k', '100k', '1500']);
  });
});
