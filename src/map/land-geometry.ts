// The basemap's land as one geometry: Leaflet makes a layer per feature, and a layer per country (177
// at 110m) cost its set-up each (projection bounds, renderer, events) for a fill that is the same
// everywhere: one MultiPolygon draws the same pixels (countries do not overlap; a country inside
// another's hole, such as Lesotho, fills it again under the even-odd rule). Pure: no Leaflet.
import type { FeatureCollection, Geometry, MultiPolygon } from 'geojson';

export function landAsOne(land: FeatureCollection<Geometry | null>): MultiPolygon {
  const coordinates: MultiPolygon['coordinates'] = [];
  for (const f of land.features) {
    const g = f.geometry;
    if (g?.type === 'Polygon') coordinates.push(g.coordinates);
    else if (g?.type === 'MultiPolygon') coordinates.push(...g.coordinates);
  }
  return { type: 'MultiPolygon', coordinates };
}
