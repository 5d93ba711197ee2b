import { geoInterpolate, geoLength } from 'd3-geo';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM } from '../../src/core/geo';
import { restoreDataset } from '../../src/core/restore';
import {
  ARC_STEP_KM,
  arcStepKm,
  arrowFractions,
  borderCrossings,
  cumulativeKm,
  drawnLeg,
  greatCircleArc,
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

describe('arcStepKm: coarser arcs where the map is zoomed out', () => {
  /** Web Mercator pixels at `zoom` (256 px for the world at zoom 0), as Leaflet projects. */
  const px = ([lat, lon]: LatLon, zoom: number): [number, number] => {
    const scale = (256 * 2 ** zoom) / (2 * Math.PI);
    const phi = (lat * Math.PI) / 180;
    return [scale * ((lon * Math.PI) / 180), scale * Math.log(Math.tan(Math.PI / 4 + phi / 2))];
  };
  const toSegment = (p: number[], a: number[], b: number[]) => {
    const [dx, dy] = [b[0]! - a[0]!, b[1]! - a[1]!];
    const len2 = dx * dx + dy * dy;
    const t = len2 ? Math.max(0, Math.min(1, ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / len2)) : 0;
    return Math.hypot(p[0]! - a[0]! - t * dx, p[1]! - a[1]! - t * dy);
  };

  it('is ARC_STEP_KM from zoom 5 on and doubles every two levels out, up to 8 times', () => {
    expect([0, 1, 2, 3, 4, 4.5, 5, 6, 12, 18].map(arcStepKm)).toEqual([400, 200, 200, 100, 100, 100, 50, 50, 50, 50]);
    expect(arcStepKm(5)).toBe(ARC_STEP_KM);
  });

  it('draws no point of a long flight more than 0.4 px off its arc, up to 75° of latitude', () => {
    const rand = mulberry32(8);
    let worst = 0;
    let coarser = 0;
    for (let k = 0; k < 150; k++) {
      const a: LatLon = [rand() * 150 - 75, rand() * 340 - 170];
      const b: LatLon = [rand() * 150 - 75, Math.max(-170, Math.min(170, a[1] + (rand() * 2 - 1) * 160))];
      for (let zoom = 0; zoom <= 6; zoom += 0.5) {
        const leg = { geometry: [a, b] } as Parameters<typeof drawnLeg>[0];
        const coarse = drawnLeg(leg, arcStepKm(zoom));
        const fine = greatCircleArc([a, b], 10);
        if (coarse.length !== 1 || fine.some((p) => Math.abs(p[0]) > 75)) continue; // one part, within 75°
        // (the longitudes of `fine` run from a's to b's without a jump: neither is beyond ±170°, nor 160° apart)
        const line = coarse[0]!.map((p) => px(p, zoom));
        if (line.length < greatCircleArc([a, b]).length) coarser++;
        // Both divide the same arc evenly: a fine point lies on the chord at its fraction of the way (±1).
        fine.forEach((p, i) => {
          const q = px(p, zoom);
          const at = Math.floor((i / (fine.length - 1)) * (line.length - 1));
          let d = Infinity;
          for (let j = Math.max(1, at); j <= Math.min(line.length - 1, at + 2); j++)
            d = Math.min(d, toSegment(q, line[j - 1]!, line[j]!));
          worst = Math.max(worst, d);
        });
      }
    }
    expect(coarser).toBeGreaterThan(500); // the test measured coarse arcs, not only fine ones
    expect(worst).toBeLessThan(0.4);
  });

  it('is memoized per leg and step, and ARC_STEP_KM by default', () => {
    const leg = { geometry: [[39.03, 125.75] as LatLon, [55.75, 37.62] as LatLon] } as Parameters<typeof drawnLeg>[0];
    expect(drawnLeg(leg)).toBe(drawnLeg(leg, ARC_STEP_KM));
    expect(drawnLeg(leg, 400)).toBe(drawnLeg(leg, 400));
    expect(drawnLeg(leg, 400)[0]!.length).toBeLessThan(drawnLeg(leg)[0]!.length / 6);
    expect(drawnLeg(leg, 400)[0]!.at(-1)).toEqual(drawnLeg(leg)[0]!.at(-1));
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

describe('borderCrossings against the search without the spatial index', () => {
  /** The search as written before the index: every place against every vertex of every leg. */
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

  /** A point `km` from `from` on the bearing `deg` (spherical destination formula). */
  function destination([lat, lon]: LatLon, km: number, deg: number): LatLon {
    const r = Math.PI / 180;
    const d = km / EARTH_RADIUS_KM;
    const φ1 = lat * r;
    const θ = deg * r;
    const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(θ));
    const λ2 =
      lon * r + Math.atan2(Math.sin(θ) * Math.sin(d) * Math.cos(φ1), Math.cos(d) - Math.sin(φ1) * Math.sin(φ2));
    const wrapped = ((((λ2 / r + 180) % 360) + 360) % 360) - 180;
    return [φ2 / r, wrapped];
  }

  it('finds the same crossings near the poles and across ±180° (longitudes past 180 in routes)', () => {
    const rand = mulberry32(11);
    for (let round = 0; round < 30; round++) {
      const places = new Map<
        string,
        { id: string; lat: number; lon: number; country: string; approximate?: boolean }
      >();
      const legs: { id: string; trip: string; from: string; to: string; geometry: LatLon[] }[] = [];
      for (let l = 0; l < 6; l++) {
        const lat0 = (rand() < 0.3 ? 85 : -70) + rand() * 4.9;
        const lon0 = rand() < 0.5 ? 178 + rand() * 4 : -180 + rand() * 360;
        const geometry: LatLon[] = Array.from({ length: 3 + Math.floor(rand() * 5) }, (_, i) => [
          Math.min(89.99, lat0 + (rand() - 0.5) * 0.2),
          lon0 + i * rand() * 0.4,
        ]);
        const ends = [geometry[0]!, geometry[geometry.length - 1]!];
        ends.forEach(([lat, lon], k) => {
          const id = `end-${l}-${k}`;
          places.set(id, { id, lat, lon: ((((lon + 180) % 360) + 360) % 360) - 180, country: k ? 'B' : 'A' });
        });
        legs.push({ id: `leg-${l}`, trip: 't', from: `end-${l}-0`, to: `end-${l}-1`, geometry });
        // Places on the way, within and beyond 1 km of a vertex, in either country.
        for (let k = 0; k < 12; k++) {
          const v = geometry[Math.floor(rand() * geometry.length)]!;
          const [lat, lon] = destination(v, rand() * 2 * ON_ROUTE_KM, rand() * 360);
          const id = `p-${l}-${k}`;
          places.set(id, { id, lat, lon, country: rand() < 0.5 ? 'A' : 'B', approximate: rand() < 0.1 });
        }
      }
      const data = { places, legs } as unknown as Dataset;
      const found = borderCrossings(data);
      expect(found).toEqual(bruteForce(data));
      if (round === 0) expect(found.length).toBeGreaterThan(0);
    }
  });
});
