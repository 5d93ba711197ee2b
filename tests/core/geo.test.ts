import { geoDistance } from 'd3-geo';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceKm, routeGeometry, routeLengthKm } from '../../src/core/geo';
import type { LatLon } from '../../src/core/types';

const PYONGYANG: LatLon = [39.0047, 125.7364];
const VLADIVOSTOK: LatLon = [43.1112, 131.8818];

describe('distanceKm', () => {
  it('gives the great-circle Pyongyang–Vladivostok figure of the fact sheet (≈688 km)', () => {
    expect(distanceKm(PYONGYANG, VLADIVOSTOK)).toBeCloseTo(688, -1);
  });
  it('is zero for one point and symmetric', () => {
    expect(distanceKm(PYONGYANG, PYONGYANG)).toBe(0);
    expect(distanceKm(PYONGYANG, VLADIVOSTOK)).toBeCloseTo(distanceKm(VLADIVOSTOK, PYONGYANG), 9);
  });
  it("equals d3-geo's geoDistance anywhere on the globe", () => {
    const point = fc.tuple(
      fc.double({ min: -90, max: 90, noNaN: true }),
      fc.double({ min: -180, max: 180, noNaN: true }),
    );
    fc.assert(
      fc.property(point, point, (a, b) => {
        const reference = geoDistance([a[1], a[0]], [b[1], b[0]]) * 6371.0088;
        expect(Math.abs(distanceKm(a, b) - reference)).toBeLessThan(1e-3); // a metre, near antipodes where haversine loses digits;
      }),
      { numRuns: 5000 },
    );
  });
  it('crosses the antimeridian the short way', () => {
    expect(distanceKm([0, 179.5], [0, -179.5])).toBeCloseTo(111.2, 0);
  });
});

describe('routeLengthKm', () => {
  it('sums the segments of a route, so a detour is longer than the straight line', () => {
    const via: LatLon = [42.4301, 130.6449];
    const route = [PYONGYANG, via, VLADIVOSTOK];
    expect(routeLengthKm(route)).toBeCloseTo(distanceKm(PYONGYANG, via) + distanceKm(via, VLADIVOSTOK), 6);
    expect(routeLengthKm(route)).toBeGreaterThan(distanceKm(PYONGYANG, VLADIVOSTOK));
  });
  it('is zero for fewer than two points', () => {
    expect(routeLengthKm([])).toBe(0);
    expect(routeLengthKm([PYONGYANG])).toBe(0);
  });
});

describe('routeGeometry', () => {
  it('adds missing endpoints and keeps ones already there', () => {
    const mid: LatLon = [41, 129];
    expect(routeGeometry(PYONGYANG, VLADIVOSTOK, [mid])).toEqual([PYONGYANG, mid, VLADIVOSTOK]);
    expect(routeGeometry(PYONGYANG, VLADIVOSTOK, [PYONGYANG, mid, VLADIVOSTOK])).toEqual([PYONGYANG, mid, VLADIVOSTOK]);
    expect(routeGeometry(PYONGYANG, VLADIVOSTOK)).toEqual([PYONGYANG, VLADIVOSTOK]);
  });
});
