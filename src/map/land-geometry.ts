// The basemap's geometry, ready to draw. The land as one geometry: the fill is the same everywhere, so
// one MultiPolygon of every country's polygons draws the same pixels as 177 countries (countries do not
// overlap; a country inside another's hole, such as Lesotho, fills it again under the even-odd rule).
// And rings packed into flat arrays, projected once (packPaths, drawn by basemap-layer.ts). Pure: no
// Leaflet.
import type { FeatureCollection, Geometry, MultiPolygon, Position } from 'geojson';

export function landAsOne(land: FeatureCollection<Geometry | null>): MultiPolygon {
  const coordinates: MultiPolygon['coordinates'] = [];
  for (const f of land.features) {
    const g = f.geometry;
    if (g?.type === 'Polygon') coordinates.push(g.coordinates);
    else if (g?.type === 'MultiPolygon') coordinates.push(...g.coordinates);
  }
  return { type: 'MultiPolygon', coordinates };
}

/**
 * Rings (a polygon's outer ring and holes, or a line) packed for drawing: their points once projected,
 * in flat arrays, and grouped with a bounding box per group so a view draws only the groups it meets.
 * Leaflet's own vector layers keep an object per point and project, clip and simplify them again at
 * every zoom; the basemap is drawn from this instead (basemap-layer.ts).
 */
export interface PackedPaths {
  /** x, y of every point, ring after ring. */
  xy: Float64Array;
  /** Index (in points) where each ring ends. */
  ringEnds: Uint32Array;
  /** Index (in rings) where each group ends. */
  groupEnds: Uint32Array;
  /** minX, minY, maxX, maxY of each group. */
  boxes: Float64Array;
}

/**
 * Packs groups of rings of [lng, lat] positions, each point through `project` (to x, y).
 *
 * Natural Earth stitches the rings that cross the antimeridian (Chukotka, Wrangel Island, Fiji) with a
 * step from 180° to −180°; drawn as is on a flat map, that step is a line across the whole world, and
 * a fill along it turns a band of the Arctic into land and Canada's islands into sea. So longitudes
 * are unwrapped along each ring (a step of more than 180° is taken the short way round, past ±180°):
 * the ring stays in one piece at the edge of the map. Antarctica's closing step along its southern
 * edge draws the same either way.
 */
export function packPaths(
  groups: readonly (readonly (readonly Position[])[])[],
  project: (lng: number, lat: number) => { x: number; y: number },
): PackedPaths {
  let points = 0;
  let rings = 0;
  for (const g of groups) {
    rings += g.length;
    for (const r of g) points += r.length;
  }
  const xy = new Float64Array(points * 2);
  const ringEnds = new Uint32Array(rings);
  const groupEnds = new Uint32Array(groups.length);
  const boxes = new Float64Array(groups.length * 4);
  let p = 0;
  let r = 0;
  groups.forEach((g, gi) => {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const ring of g) {
      let shift = 0;
      let prev = NaN;
      for (const pos of ring) {
        const step = pos[0]! + shift - prev;
        if (step > 180) shift -= 360;
        else if (step < -180) shift += 360;
        const lng = pos[0]! + shift;
        prev = lng;
        const { x, y } = project(lng, pos[1]!);
        xy[p * 2] = x;
        xy[p * 2 + 1] = y;
        p++;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
      ringEnds[r++] = p;
    }
    groupEnds[gi] = r;
    boxes.set([minX, minY, maxX, maxY], gi * 4);
  });
  return { xy, ringEnds, groupEnds, boxes };
}
