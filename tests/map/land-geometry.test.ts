// The basemap's land drawn as one MultiPolygon (src/map/land-geometry.ts) holds every ring of every
// country of the shipped Natural Earth file, in order, and nothing else.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { landAsOne } from '../../src/map/land-geometry';

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
