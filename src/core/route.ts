// Routes on the sphere as drawn and travelled: great-circle arcs (d3-geo geoInterpolate), splitting at
// the antimeridian, distance along a route and the point at a distance, border crossings. Pure.
// Coordinates are [lat, lon] outside, as everywhere in Itinera; d3-geo takes [lon, lat] inside.
import { geoInterpolate } from 'd3-geo';
import KDBush from 'kdbush';
import { distanceKm, EARTH_RADIUS_KM } from './geo';
import type { Dataset, LatLon, Leg } from './types';

/** Segments longer than this are drawn as several points along their great circle. */
export const ARC_STEP_KM = 50;
/** From this map zoom on, arcs are drawn at ARC_STEP_KM; below it, coarser (arcStepKm). */
const ARC_FULL_ZOOM = 5;

/**
 * The step at which to draw arcs on a map at `zoom`: ARC_STEP_KM from zoom 5 on, and below it doubled
 * once every two zoom levels out (100 km at zoom 3–4, 200 at 1–2, 400 at 0). A world view of 500
 * flights then draws ~25 points of a 5,000 km leg instead of ~100, none of them visibly elsewhere. A
 * chord of a great circle departs from its arc, as Web Mercator draws both, by about s²/8R times the
 * map's stretch: four times as far for a step twice as long, while a pixel is twice as long a zoom
 * level out; so a doubling every two levels keeps the drawn line within 0.4 px of the arc up to 75° of
 * latitude at any zoom, whole or not (tests/core/route.test.ts measures it).
 */
export function arcStepKm(zoom: number): number {
  return ARC_STEP_KM * 2 ** Math.min(3, Math.max(0, Math.ceil((ARC_FULL_ZOOM - zoom) / 2)));
}

const toLonLat = (p: LatLon): [number, number] => [p[1], p[0]];
const toLatLon = (p: [number, number]): LatLon => [p[1], p[0]];

/** The point a fraction `f` of the way from `a` to `b` along the great circle. */
export function interpolateGreatCircle(a: LatLon, b: LatLon, f: number): LatLon {
  if (f <= 0) return a;
  if (f >= 1) return b;
  return toLatLon(geoInterpolate(toLonLat(a), toLonLat(b))(f));
}

/**
 * The polyline with every segment longer than `stepKm` replaced by points along its great circle,
 * so that a two-point flight is drawn as an arc. Endpoints and waypoints are kept exactly.
 */
export function greatCircleArc(points: readonly LatLon[], stepKm = ARC_STEP_KM): LatLon[] {
  if (points.length === 0) return [];
  const out: LatLon[] = [points[0]!];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const n = Math.ceil(distanceKm(a, b) / stepKm);
    if (n > 1) {
      const at = geoInterpolate(toLonLat(a), toLonLat(b));
      for (let k = 1; k < n; k++) out.push(toLatLon(at(k / n)));
    }
    out.push(b);
  }
  return out;
}

/**
 * Splits a polyline where it crosses the antimeridian (a step of more than 180° in longitude),
 * ending the first part and starting the next at ±180° at the latitude where the great circle
 * crosses it. Each part can then be drawn on a map whose longitudes run from −180 to 180.
 */
export function splitAntimeridian(points: readonly LatLon[]): LatLon[][] {
  if (points.length === 0) return [];
  const parts: LatLon[][] = [[points[0]!]];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const dLon = b[1] - a[1];
    if (Math.abs(dLon) > 180) {
      const lat = crossingLatitude(a, b);
      const east = a[1] > 0; // leaving eastwards across +180, arriving from −180 (or the reverse)
      parts.at(-1)!.push([lat, east ? 180 : -180]);
      parts.push([[lat, east ? -180 : 180]]);
    }
    parts.at(-1)!.push(b);
  }
  return parts;
}

/** The latitude at which the great circle from `a` to `b` meets the antimeridian (by bisection). */
function crossingLatitude(a: LatLon, b: LatLon): number {
  const at = geoInterpolate(toLonLat(a), toLonLat(b));
  const side = (lon: number) => (lon >= 0 ? 1 : -1);
  const s0 = side(a[1]);
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    if (side(at(mid)[0]) === s0) lo = mid;
    else hi = mid;
  }
  return at((lo + hi) / 2)[1];
}

/** Cumulative km at each vertex of a polyline: [0, d1, d1 + d2, …]. */
export function cumulativeKm(points: readonly LatLon[]): number[] {
  const out = [0];
  for (let i = 1; i < points.length; i++) out.push(out[i - 1]! + distanceKm(points[i - 1]!, points[i]!));
  return out;
}

/** The point `km` along a polyline (clamped to its ends), on the great circle of its segment. */
export function pointAtKm(points: readonly LatLon[], cum: readonly number[], km: number): LatLon {
  if (points.length === 0) throw new Error('pointAtKm: empty route');
  const total = cum.at(-1)!;
  if (km <= 0 || points.length === 1) return points[0]!;
  if (km >= total) return points.at(-1)!;
  let lo = 0;
  let hi = cum.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! <= km) lo = mid;
    else hi = mid;
  }
  const seg = cum[hi]! - cum[lo]!;
  return interpolateGreatCircle(points[lo]!, points[hi]!, seg > 0 ? (km - cum[lo]!) / seg : 0);
}

/** Km along a polyline of the vertex nearest to `p`, and how far `p` is from it. */
export function nearestVertexKm(points: readonly LatLon[], cum: readonly number[], p: LatLon) {
  let best = { km: 0, off: Infinity };
  points.forEach((q, i) => {
    const off = distanceKm(p, q);
    if (off < best.off) best = { km: cum[i]!, off };
  });
  return best;
}

const drawn = new WeakMap<Leg, Map<number, LatLon[][]>>();
/**
 * The leg as drawn: its geometry along great circles (a point every `stepKm` at most; see arcStepKm),
 * split at the antimeridian. Memoized per leg and step.
 */
export function drawnLeg(leg: Leg, stepKm = ARC_STEP_KM): LatLon[][] {
  let bySteps = drawn.get(leg);
  if (!bySteps) drawn.set(leg, (bySteps = new Map()));
  let parts = bySteps.get(stepKm);
  if (!parts) bySteps.set(stepKm, (parts = splitAntimeridian(greatCircleArc(leg.geometry, stepKm))));
  return parts;
}

/** Fractions of a leg's length where direction arrows go: about one per 350 km, 1 to 4. */
export function arrowFractions(lengthKm: number): number[] {
  const n = Math.min(4, Math.max(1, Math.round(lengthKm / 350)));
  return Array.from({ length: n }, (_, i) => (i + 0.5) / n);
}

/** A border crossing on a leg: the last place of one country and the first of the next, along the route. */
export interface BorderCrossing {
  legId: string;
  trip: string;
  /** Place ids, in the direction of travel. */
  from: string;
  to: string;
}

/** A place is on a route when it lies within this distance of one of its vertices. */
export const ON_ROUTE_KM = 1;

const DEG = 180 / Math.PI;

/**
 * The places (but approximate ones) in a spatial index, and a query for those within `km` of a point
 * by distanceKm. The index finds candidates in a box: from the haversine form, a point within d of v
 * differs from it by at most d/R radians of latitude, and by at most 2·asin(sin(d/2R) / cos φ) of
 * longitude, φ the larger latitude of the two (the box wraps at ±180°; at a pole it spans all).
 */
function placesNear(data: Dataset) {
  const places = [...data.places.values()].filter((p) => !p.approximate);
  const index = new KDBush(Math.max(1, places.length));
  for (const p of places) index.add(p.lon, p.lat);
  index.finish();
  return {
    places,
    /** Indexes into `places`, and each one's distance, of the places within `km` of `v`. */
    within(v: LatLon, km: number): { i: number; off: number }[] {
      const [lat] = v;
      // A hair more than the bounds, for rounding.
      const dLat = (km / EARTH_RADIUS_KM) * DEG * (1 + 1e-9) + 1e-12;
      const poleward = Math.abs(lat) + dLat;
      const sinHalf = poleward >= 90 ? Infinity : Math.sin(km / (2 * EARTH_RADIUS_KM)) / Math.cos(poleward / DEG);
      const dLon = sinHalf >= 1 ? 180 : 2 * Math.asin(sinHalf) * DEG * (1 + 1e-9) + 1e-12;
      const lon = ((((v[1] + 180) % 360) + 360) % 360) - 180;
      const ids = index.range(lon - dLon, lat - dLat, lon + dLon, lat + dLat);
      if (lon - dLon < -180) ids.push(...index.range(lon - dLon + 360, lat - dLat, 180, lat + dLat));
      if (lon + dLon > 180) ids.push(...index.range(-180, lat - dLat, lon + dLon - 360, lat + dLat));
      const out: { i: number; off: number }[] = [];
      for (const i of new Set(ids)) {
        const p = places[i]!;
        const off = distanceKm([p.lat, p.lon], v);
        if (off <= km) out.push({ i, off });
      }
      return out;
    },
  };
}

/**
 * The border crossings of each leg: the places of the dataset that lie on its route, in route order,
 * and each pair of consecutive ones in different countries (Tumangang, KP → Khasan, RU).
 */
export function borderCrossings(data: Dataset): BorderCrossing[] {
  const out: BorderCrossing[] = [];
  let near: ReturnType<typeof placesNear> | null = null;
  for (const leg of data.legs) {
    const from = data.places.get(leg.from);
    const to = data.places.get(leg.to);
    if (!from || !to || from.country === to.country) continue;
    near ??= placesNear(data);
    const cum = cumulativeKm(leg.geometry);
    // Each place's nearest vertex (the first of equals), as nearestVertexKm finds it.
    const best = new Map<number, { km: number; off: number }>();
    leg.geometry.forEach((v, k) => {
      for (const { i, off } of near!.within(v, ON_ROUTE_KM)) {
        const b = best.get(i);
        if (!b || off < b.off) best.set(i, { km: cum[k]!, off });
      }
    });
    // In the dataset's order of places, so that the sort below breaks ties as it always has.
    const onRoute = [...best]
      .sort((a, b) => a[0] - b[0])
      .map(([i, { km }]) => ({ id: near!.places[i]!.id, country: near!.places[i]!.country, km }));
    onRoute.sort((a, b) => a.km - b.km || (a.id === leg.from ? -1 : a.id === leg.to ? 1 : 0));
    for (let i = 1; i < onRoute.length; i++) {
      const a = onRoute[i - 1]!;
      const b = onRoute[i]!;
      if (a.country !== b.country) out.push({ legId: leg.id, trip: leg.trip, from: a.id, to: b.id });
    }
  }
  return out;
}
