import { geoInterpolate, geoLength } from 'd3-geo';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distanceKm, EARTH_RADIUS_KM } from '../../src/core/geo';
import { restoreDataset } from '../../src/core/restore';
import {
  arrowFractions,
  borderCrossings,
  cumulativeKm,
  drawnLeg,
  greatCircleArc,
  nearBox,
  nearestVertexKm,
  ON_ROUTE_KM,
  pointAtKm,
  splitAntimeridian,
} from '../../src/core/route';
import type { LatLon } from '../../src/core/types';
import { dataset } from './trip-fixture';
import { generateDataset, mulberry32 } from '../../scripts/bench/generate.mjs';
import type { Dataset } from '../../src/core/types';

const BEIJING: LatLon = [39.9075, 116.3972];
const SUNAN: LatLon = [39.2239, 125.67];
const shipped = restoreDataset(JSON.parse(readFileSync(new URL('../../data/kim-trips.json', import.meta.url), 'utf8')));

describe('greatCircleArc', () => {
  it('draws a two-point flight as points on its great circle, ends kept', () => {
    const arc = greatCircleArc([BEIJING, SUNAN], 50);
    expect(arc.length).toBeGreaterThan(10);
    expect(arc[0]).toEqual(BEIJING);
    expect(arc.at(-1)).toEqual(SUNAN);
    const mid = geoInterpolate([BEIJING[1], BEIJING[0]], [SUNAN[1], SUNAN[0]])(0.5);
    const near = arc.reduce((d, p) => Math.min(d, Math.hypot(p[0] - mid[1], p[1] - mid[0])), Infinity);
    expect(near).toBeLessThan(0.3);
  });
  it('bulges poleward of the straight lat/lon line on a long east–west flight', () => {
    const arc = greatCircleArc(
      [
        [55.7766, 37.6573],
        [39.0047, 125.7364],
      ],
      100,
    );
    const midLat = arc[Math.floor(arc.length / 2)]![0];
    expect(midLat).toBeGreaterThan((55.7766 + 39.0047) / 2 + 5);
  });
  it('leaves short segments alone', () => {
    const pts: LatLon[] = [
      [42.42, 130.6],
      [42.43, 130.64],
    ];
    expect(greatCircleArc(pts)).toEqual(pts);
  });
});

describe('splitAntimeridian', () => {
  it('keeps a line that does not cross it in one part', () => {
    expect(splitAntimeridian([BEIJING, SUNAN])).toEqual([[BEIJING, SUNAN]]);
  });
  it('splits Anadyr → Nome at ±180, at the latitude where the great circle crosses', () => {
    const parts = splitAntimeridian(
      greatCircleArc(
        [
          [64.7337, 177.5089],
          [64.5011, -165.4064],
        ],
        100,
      ),
    );
    expect(parts).toHaveLength(2);
    const [east, west] = parts as [LatLon[], LatLon[]];
    expect(east.at(-1)![1]).toBe(180);
    expect(west[0]![1]).toBe(-180);
    expect(east.at(-1)![0]).toBeCloseTo(west[0]![0], 9);
    expect(east.at(-1)![0]).toBeGreaterThan(64.5);
    for (const p of east) expect(p[1]).toBeGreaterThan(0);
    for (const p of west) expect(p[1]).toBeLessThan(0);
  });
  it('splits westward crossings the other way round', () => {
    const parts = splitAntimeridian([
      [10, -179],
      [10, 179],
    ]);
    expect(parts[0]!.at(-1)![1]).toBe(-180);
    expect(parts[1]![0]![1]).toBe(180);
  });
});

describe('pointAtKm', () => {
  const pts: LatLon[] = [
    [0, 0],
    [0, 1],
    [1, 1],
  ];
  const cum = cumulativeKm(pts);
  it('clamps to the ends and walks the segments', () => {
    expect(pointAtKm(pts, cum, -5)).toEqual([0, 0]);
    expect(pointAtKm(pts, cum, 1e6)).toEqual([1, 1]);
    expect(pointAtKm(pts, cum, cum[1]! / 2)[1]).toBeCloseTo(0.5, 6);
    expect(pointAtKm(pts, cum, cum[1]!)[1]).toBeCloseTo(1, 6);
    expect(pointAtKm(pts, cum, (cum[1]! + cum[2]!) / 2)[0]).toBeCloseTo(0.5, 3);
  });
});

describe('leg lengths', () => {
  it('are within 1% of d3-geo geoLength along the same geometry, for every shipped leg', () => {
    for (const leg of shipped.legs) {
      const ref = geoLength({ type: 'LineString', coordinates: leg.geometry.map(([lat, lon]) => [lon, lat]) });
      expect(Math.abs(leg.lengthKm - ref * EARTH_RADIUS_KM)).toBeLessThanOrEqual(ref * EARTH_RADIUS_KM * 0.01);
      const drawnKm = drawnLeg(leg).reduce((km, part) => km + cumulativeKm(part).at(-1)!, 0);
      expect(Math.abs(drawnKm - leg.lengthKm)).toBeLessThanOrEqual(leg.lengthKm * 0.01);
    }
  });
  it('puts more arrows on longer legs, one to four', () => {
    expect(arrowFractions(10)).toEqual([0.5]);
    expect(arrowFractions(5000)).toHaveLength(4);
  });
});

describe('borderCrossings', () => {
  it('finds Tumangang → Khasan on the shipped trains out, and Khasan → Tumangang on the way back', () => {
    const all = borderCrossings(shipped);
    const out = all.find((c) => c.legId === 'kju-2019-out-1');
    expect(out).toMatchObject({ from: 'tumangang-station', to: 'khasan-station' });
    expect(all.find((c) => c.legId === 'kju-2023-leg-6')).toMatchObject({
      from: 'khasan-station',
      to: 'tumangang-station',
    });
    expect(all.some((c) => c.legId === 'kju-2019-out-2')).toBe(false);
  });
  it('falls back to the ends of a leg across a border when no place on the way is known', () => {
    const d = dataset(
      [{ id: 'l', trip: 'a', from: 'pyongyang', to: 'vladivostok', start: '2019-04-24', end: '2019-04-25' }],
      [],
    );
    expect(borderCrossings(d)).toEqual([{ legId: 'l', trip: 'a', from: 'pyongyang', to: 'vladivostok' }]);
  });
});

describe('nearBox', () => {
  /** A point `km` from `from` on the bearing `deg` (spherical destination formula). */
  function destination([lat, lon]: LatLon, km: number, deg: number): LatLon {
    const r = Math.PI / 180;
    const d = km / EARTH_RADIUS_KM;
    const φ1 = lat * r;
    const θ = deg * r;
    const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(θ));
    const λ2 =
      lon * r + Math.atan2(Math.sin(θ) * Math.sin(d) * Math.cos(φ1), Math.cos(d) - Math.sin(φ1) * Math.sin(φ2));
    return [φ2 / r, λ2 / r];
  }

  it('never rules out a point within the distance of a vertex, at any latitude and across ±180°', () => {
    const rand = mulberry32(7);
    let checked = 0;
    for (let n = 0; n < 400; n++) {
      const lat0 = -89 + rand() * 178;
      const lon0 = -180 + rand() * 360;
      // Lines as data writes them: some cross the antimeridian with longitudes past 180.
      const line: LatLon[] = Array.from({ length: 1 + Math.floor(rand() * 5) }, (_, i) => [
        Math.max(-89.9, Math.min(89.9, lat0 + (rand() - 0.5) * 4)),
        lon0 + i * (rand() - 0.3) * 3,
      ]);
      const km = [0.5, 1, 25, 300][n % 4]!;
      const near = nearBox(line, km);
      for (const v of line)
        for (let k = 0; k < 8; k++) {
          const [lat, lon] = destination(v, km * rand(), rand() * 360);
          // The same point written with its longitude in [-180, 180).
          const wrapped = ((((lon + 180) % 360) + 360) % 360) - 180;
          expect(distanceKm(v, [lat, wrapped])).toBeLessThanOrEqual(km + 1e-6);
          expect(near(lat, wrapped), `${lat},${wrapped} near ${JSON.stringify(v)} (${km} km)`).toBe(true);
          checked++;
        }
    }
    expect(checked).toBeGreaterThan(3000);
  });

  it('rules out points clearly away from the line', () => {
    const near = nearBox([SUNAN, [42.35, 130.4]], 1);
    expect(near(...BEIJING)).toBe(false);
    expect(near(39.2239, 125.68)).toBe(true);
    expect(near(39.2239, 131)).toBe(false);
    expect(near(43, 128)).toBe(false);
  });
});

describe('borderCrossings against the search without the box', () => {
  /** The search as written before nearBox: every place against every vertex of every leg. */
  function bruteForce(data: Dataset) {
    const out: { legId: string; trip: string; from: string; to: string }[] = [];
    for (const leg of data.legs) {
      const from = data.places.get(leg.from);
      const to = data.places.get(leg.to);
      if (!from || !to || from.country === to.country) continue;
      const cum = cumulativeKm(leg.geometry);
      const onRoute: { id: string; country: string; km: number }[] = [];
      for (const p of data.places.values()) {
        if (p.approximate) continue;
        const { km, off } = nearestVertexKm(leg.geometry, cum, [p.lat, p.lon]);
        if (off <= ON_ROUTE_KM) onRoute.push({ id: p.id, country: p.country, km });
      }
      onRoute.sort((a, b) => a.km - b.km || (a.id === leg.from ? -1 : a.id === leg.to ? 1 : 0));
      for (let i = 1; i < onRoute.length; i++)
        if (onRoute[i - 1]!.country !== onRoute[i]!.country)
          out.push({ legId: leg.id, trip: leg.trip, from: onRoute[i - 1]!.id, to: onRoute[i]!.id });
    }
    return out;
  }

  it('finds the same crossings on the shipped data and on a generated dataset', () => {
    expect(borderCrossings(shipped)).toEqual(bruteForce(shipped));
    expect(bruteForce(shipped).length).toBeGreaterThan(0);
    const generated = restoreDataset(generateDataset(1000));
    const found = borderCrossings(generated);
    expect(found).toEqual(bruteForce(generated));
    expect(found.length).toBeGreaterThan(0);
  });
});
