import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetToRaw, toItineraJson } from '../../../src/core/export/dataset-to-raw';
import { toCsv } from '../../../src/core/export/to-csv';
import { toGeoJson } from '../../../src/core/export/to-geojson';
import { loadText } from '../../../src/core/import/load-text';
import { restoreDataset } from '../../../src/core/restore';
import { utcFromParts } from '../../../src/core/dates';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const sortById = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
const byId = (raw: ReturnType<typeof datasetToRaw>) => ({
  ...raw,
  ...Object.fromEntries(
    (['sources', 'people', 'places', 'trips', 'legs', 'events', 'claims'] as const).map((k) => [
      k,
      sortById(raw[k] as { id: string }[]),
    ]),
  ),
});

describe('Itinera JSON export', () => {
  for (const [name, path] of [
    ['the shipped dataset', '../../../data/kim-trips.json'],
    ['the small fixture', '../../fixtures/small.json'],
  ] as const) {
    it(`re-imports ${name} to the same records`, () => {
      const original = JSON.parse(read(path));
      const first = restoreDataset(original);
      const exported = toItineraJson(first);
      const again = loadText(exported);
      expect(again.format).toBe('itinera');
      expect(again.dataset.problems).toEqual([]);
      expect(byId(datasetToRaw(again.dataset))).toEqual(byId(datasetToRaw(first)));
      // …and the records are the file's own, field for field (for a file with nothing to drop).
      for (const k of ['sources', 'people', 'places', 'trips', 'legs', 'events'] as const)
        expect(sortById(JSON.parse(exported)[k])).toEqual(sortById(original[k]));
    });
  }

  it('exports only the events of a window and what they need', () => {
    const d = restoreDataset(JSON.parse(read('../../fixtures/small.json')));
    const window = [utcFromParts(2019, 4, 25), utcFromParts(2019, 4, 26)] as const;
    const raw = datasetToRaw(d, window);
    expect(raw.events.map((e) => e.id)).toEqual(['e3']);
    expect(raw.places.map((p) => p.id)).toEqual(['vladivostok']);
    expect(raw.legs).toEqual([]);
    expect(raw.claims).toEqual([]);
    expect(raw.people.map((p) => p.id)).toEqual(['p1']);
    expect(restoreDataset(JSON.parse(toItineraJson(d, window))).problems).toEqual([]);
  });
});

describe('GeoJSON export', () => {
  const d = restoreDataset(JSON.parse(read('../../fixtures/small.json')));
  const fc = toGeoJson(d);
  it('has places and events as Points in [lon, lat] order, legs as LineStrings, ids and times in properties', () => {
    const place = fc.features.find((f) => f.properties?.itinera === 'place' && f.id === 'khasan')!;
    expect(place.geometry).toEqual({ type: 'Point', coordinates: [130.6449, 42.4301] });
    const leg = fc.features.find((f) => f.id === 'l1')!;
    expect(leg.geometry?.type).toBe('LineString');
    expect(leg.properties).toMatchObject({
      itinera: 'leg',
      start: '2019-04-24T02:00+09:00',
      end: '2019-04-24T11:00+10:00',
      mode: 'train',
    });
    const e3 = fc.features.find((f) => f.id === 'e3')!;
    expect(e3.properties).toMatchObject({ itinera: 'event', start: '2019-04-25T13:00+10:00', place: 'vladivostok' });
  });
  it('re-imports to the same events, places and legs', () => {
    const again = loadText(JSON.stringify(fc)).dataset;
    expect(again.events.map((e) => [e.id, e.start, e.end, e.place])).toEqual(
      d.events.map((e) => [e.id, e.start, e.end, e.place]),
    );
    expect([...again.places.values()].map((p) => [p.id, p.lat, p.lon, p.timeZone])).toEqual(
      [...d.places.values()].map((p) => [p.id, p.lat, p.lon, p.timeZone]),
    );
    expect(again.legs.map((l) => [l.id, l.from, l.to, l.mode])).toEqual(
      d.legs.map((l) => [l.id, l.from, l.to, l.mode]),
    );
  });
});

describe('CSV export', () => {
  const d = restoreDataset(JSON.parse(read('../../fixtures/small.json')));
  const csv = toCsv(d);
  it('writes a BOM, a header of the documented columns and one row an event', () => {
    expect(csv.startsWith('\ufeffid,title,start,end,kind,')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(1 + d.events.length);
  });
  it('re-imports to the same events at the same places', () => {
    const again = loadText(csv).dataset;
    expect(again.problems).toEqual([]);
    expect(again.events.map((e) => [e.id, e.kind, e.start, e.end, e.title.en, e.place, e.timeText?.en])).toEqual(
      d.events.map((e) => [e.id, e.kind, e.start, e.end, e.title.en, e.place, e.timeText?.en]),
    );
  });
});
