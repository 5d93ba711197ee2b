// Whatever comes in, the loader and every importer return data or problems with paths; never throw.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../../src/core/import/csv';
import { importGeoJson } from '../../../src/core/import/geojson';
import { loadText } from '../../../src/core/import/load-text';
import { importStoryMap } from '../../../src/core/import/storymapjs';
import { importTimelineJs } from '../../../src/core/import/timelinejs';
import type { Dataset } from '../../../src/core/types';

const small = readFileSync(new URL('../../fixtures/small.json', import.meta.url), 'utf8');
const timeline = readFileSync(new URL('../../fixtures/timelinejs.json', import.meta.url), 'utf8');
const storymap = readFileSync(new URL('../../fixtures/storymap.json', import.meta.url), 'utf8');
const geojson = readFileSync(new URL('../../fixtures/places.geojson', import.meta.url), 'utf8');
const csv = readFileSync(new URL('../../fixtures/events.csv', import.meta.url), 'utf8');

/** Data or problems, and every problem has a path and a message. */
function wellFormed(d: Dataset) {
  expect(d.events.length > 0 || d.problems.length > 0 || d.totals.events === 0).toBe(true);
  for (const p of d.problems) {
    expect(typeof p.path).toBe('string');
    expect(p.path.length).toBeGreaterThan(0);
    expect(p.message.length).toBeGreaterThan(0);
  }
  expect(d.events.length).toBeLessThanOrEqual(d.totals.events);
}

/** Replace one value somewhere inside a JSON value by another. */
function mutate(value: unknown, pick: number, replacement: unknown): unknown {
  let n = 0;
  const walk = (v: unknown): unknown => {
    if (n++ === pick) return replacement;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

const anyJson = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    null,
    '',
    0,
    -1,
    Number.MAX_VALUE,
    'x'.repeat(100),
    [],
    {},
    { year: 'x' },
    [[[]]],
    '2019-13-45',
    '<b>',
  ),
);

describe('property: the loader never throws', () => {
  it('on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => wellFormed(loadText(s).dataset)),
      { numRuns: 300 },
    );
  });
  it('on random bytes decoded as UTF-8', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) =>
        wellFormed(loadText(new TextDecoder().decode(bytes)).dataset),
      ),
      { numRuns: 300 },
    );
  });
  it('on random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => wellFormed(loadText(JSON.stringify(v) ?? 'null').dataset)),
      { numRuns: 300 },
    );
  });
  it('on cut-short files of every format', () => {
    fc.assert(
      fc.property(fc.constantFrom(small, timeline, storymap, geojson, csv), fc.nat(), (text, at) =>
        wellFormed(loadText(text.slice(0, at % (text.length + 1))).dataset),
      ),
      { numRuns: 300 },
    );
  });
  for (const [name, text] of [
    ['our format', small],
    ['TimelineJS', timeline],
    ['StoryMapJS', storymap],
    ['GeoJSON', geojson],
  ] as const) {
    it(`on mutated ${name} datasets`, () => {
      const base = JSON.parse(text);
      fc.assert(
        fc.property(fc.nat(400), anyJson, (pick, replacement) =>
          wellFormed(loadText(JSON.stringify(mutate(base, pick, replacement))).dataset),
        ),
        { numRuns: 300 },
      );
    });
  }
});

describe('property: each importer never throws on any object', () => {
  const anyObject = fc.dictionary(fc.string(), anyJson);
  it('TimelineJS, StoryMapJS and GeoJSON importers', () => {
    fc.assert(
      fc.property(anyObject, fc.array(anyJson), (obj, list) => {
        for (const r of [
          importTimelineJs({ ...obj, events: list }),
          importStoryMap({ storymap: { ...obj, slides: list } }),
          importGeoJson({ type: 'FeatureCollection', features: list }),
        ]) {
          expect(r.raw.format).toBe('itinera/1');
          for (const p of r.problems) expect(p.path.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('the CSV importer on random rows', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom('24/04/2019', '2019-04', '91', '-181', '"', ',', '\n', '31/02/2019'),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 6 }), (rows) => {
        const text = [
          'title,start,end,lat,lon,place,kind,id',
          ...rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')),
        ].join('\n');
        const r = importCsv(text);
        for (const p of r.problems) expect(p.path.length).toBeGreaterThan(0);
        wellFormed(loadText(text).dataset);
      }),
      { numRuns: 200 },
    );
  });
});
