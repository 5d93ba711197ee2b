// The basemap's land drawn as one MultiPolygon (src/map/land-geometry.ts) holds every ring of every
// country of the shipped Natural Earth file, in order, and nothing else.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { landAsOne, packPaths } from '../../src/map/land-geometry';

const topo = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('world-atlas/countries-110m.json'), 'utf8'),
) as Topology;
const land = feature(topo, topo.objects.countries as GeometryCollection);

describe('landAsOne', () => {
  it('is one geometry with every polygon of every country, holes included', () => {
    const one = landAsOne(land);
    expect(one.type).toBe('MultiPolygon');
    const rings = (c: number[][][][]) => c.flat(1);
    const expected = land.features.flatMap((f) =>
      f.geometry?.type === 'Polygon'
        ? [f.geometry.coordinates]
        : f.geometry?.type === 'MultiPolygon'
          ? f.geometry.coordinates
          : [],
    );
    expect(land.features.length).toBeGreaterThan(170);
    expect(one.coordinates).toEqual(expected);
    expect(rings(one.coordinates).length).toBeGreaterThan(land.features.length); // islands and holes
    // South Africa keeps the hole that Lesotho fills.
    const za = land.features.find((f) => (f.properties as { name?: string } | null)?.name === 'South Africa')!;
    expect(za.geometry.type === 'Polygon' ? za.geometry.coordinates.length : 0).toBe(2);
    expect(one.coordinates).toContainEqual((za.geometry as { coordinates: unknown }).coordinates);
  });

  it('skips features without a geometry', () => {
    expect(
      landAsOne({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: null }],
      }).coordinates,
    ).toEqual([]);
  });
});

describe('packPaths', () => {
  const identity = (lng: number, lat: number) => ({ x: lng, y: lat });

  it("keeps every point in order, where each ring and group ends, and each group's box", () => {
    const square = [
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 0],
    ];
    const hole = [
      [0.5, 0.5],
      [1, 0.5],
      [0.5, 0.5],
    ];
    const line = [
      [10, -5],
      [12, 3],
    ];
    const p = packPaths([[square, hole], [line]], (lng, lat) => ({ x: lng * 2, y: 10 - lat }));
    expect([...p.xy]).toEqual([0, 10, 4, 10, 4, 8, 0, 10, 1, 9.5, 2, 9.5, 1, 9.5, 20, 15, 24, 7]);
    expect([...p.ringEnds]).toEqual([4, 7, 9]);
    expect([...p.groupEnds]).toEqual([2, 3]);
    expect([...p.boxes]).toEqual([0, 8, 4, 10, 20, 7, 24, 15]);
  });

  it('takes a step across the antimeridian the short way, so a ring stays in one piece', () => {
    // Wrangel Island as Natural Earth has it: from −180° to 178.9° and back.
    const ring = [
      [-179.9, 71.6],
      [-180, 70.83],
      [178.9, 70.78],
      [178.73, 71.1],
      [-180, 71.52],
      [-179.9, 71.6],
    ];
    const p = packPaths([[ring]], identity);
    const xs = [...p.xy].filter((_, i) => i % 2 === 0);
    expect(xs).toEqual([-179.9, -180, 178.9 - 360, 178.73 - 360, -180, -179.9]);
    // Every ring of the shipped basemap, coasts and borders: no step wider than half the world.
    const land = landAsOne(feature(topo, topo.objects.countries as GeometryCollection));
    const all = packPaths(land.coordinates, identity);
    let widest = 0;
    for (let r = 0, start = 0; r < all.ringEnds.length; start = all.ringEnds[r++]!)
      for (let i = start + 1; i < all.ringEnds[r]!; i++)
        widest = Math.max(widest, Math.abs(all.xy[i * 2]! - all.xy[i * 2 - 2]!));
    expect(widest).toBeLessThan(180);
    expect(widest).toBeGreaterThan(1);
  });
});
