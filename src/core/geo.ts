// Distances and routes on the sphere, with d3-geo (lon/lat order inside, lat/lon outside).
import { geoDistance } from 'd3-geo';
import type { LatLon } from './types';

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;

export function distanceKm(a: LatLon, b: LatLon): number {
  return geoDistance([a[1], a[0]], [b[1], b[0]]) * EARTH_RADIUS_KM;
}

/** Length of a polyline along great-circle segments, km. */
export function routeLengthKm(points: readonly LatLon[]): number {
  let km = 0;
  for (let i = 1; i < points.length; i++) km += distanceKm(points[i - 1]!, points[i]!);
  return km;
}

/** The route from `from` to `to` through `waypoints`, adding the endpoints when missing. */
export function routeGeometry(from: LatLon, to: LatLon, waypoints: readonly LatLon[] = []): LatLon[] {
  const pts: LatLon[] = [...waypoints];
  const near = (a: LatLon | undefined, b: LatLon) => a !== undefined && distanceKm(a, b) < 0.05;
  if (!near(pts[0], from)) pts.unshift(from);
  if (!near(pts[pts.length - 1], to)) pts.push(to);
  return pts;
}
