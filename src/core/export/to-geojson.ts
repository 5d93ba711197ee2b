// A dataset as a GeoJSON FeatureCollection (RFC 7946: [lon, lat] order): places as Points, events as
// Points at their place (no geometry when they have none), legs as LineStrings along the drawn route.
// Ids, times and references are in properties, with `itinera` naming the kind of record.
import type { Feature, FeatureCollection, Geometry } from 'geojson';

type AnyFeature = Feature<Geometry | null>;
import type { LocalText } from '../schema';
import type { TimeWindow } from '../selectors';
import type { Dataset } from '../types';
import { datasetToRaw } from './dataset-to-raw';

/** Text in one language for flat properties (the first of en, fr, ko, ru). */
export function flatText(t: LocalText | undefined, lang: 'en' | 'fr' = 'en'): string | undefined {
  return t ? (t[lang] ?? t.en ?? t.fr ?? t.ru ?? t.ko) : undefined;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

export function toGeoJson(
  data: Dataset,
  window: TimeWindow | null = null,
  lang: 'en' | 'fr' = 'en',
): FeatureCollection<Geometry | null> {
  const raw = datasetToRaw(data, window);
  const keep = new Set(raw.legs.map((l) => l.id));
  const sourceUrls = (ids: readonly string[] | undefined) => (ids ?? []).map((id) => data.sources.get(id)?.url ?? id);
  const features: AnyFeature[] = [
    ...raw.places.map((p): Feature => ({
      type: 'Feature',
      id: p.id,
      geometry: { type: 'Point', coordinates: [round(p.lon), round(p.lat)] },
      properties: {
        itinera: 'place',
        id: p.id,
        name: flatText(p.names, lang),
        timeZone: p.timeZone,
        country: p.country,
        names: p.names,
      },
    })),
    ...data.legs
      .filter((l) => keep.has(l.id))
      .map((l): Feature => ({
        type: 'Feature',
        id: l.id,
        geometry: { type: 'LineString', coordinates: l.geometry.map(([lat, lon]) => [round(lon), round(lat)]) },
        properties: {
          itinera: 'leg',
          id: l.id,
          trip: l.trip,
          from: l.from,
          to: l.to,
          mode: l.mode,
          start: l.start,
          end: l.end,
          lengthKm: Math.round(l.lengthKm),
          sources: sourceUrls(l.sources),
        },
      })),
    ...raw.events.map((e): AnyFeature => {
      const place = e.place ? data.places.get(e.place) : undefined;
      return {
        type: 'Feature',
        id: e.id,
        geometry: place ? { type: 'Point', coordinates: [round(place.lon), round(place.lat)] } : null,
        properties: {
          itinera: 'event',
          id: e.id,
          trip: e.trip,
          kind: e.kind,
          start: e.start,
          ...(e.end ? { end: e.end } : {}),
          ...(e.place ? { place: e.place } : {}),
          title: flatText(e.title, lang),
          ...(e.summary ? { summary: flatText(e.summary, lang) } : {}),
          sources: sourceUrls(e.sources),
        },
      };
    }),
  ];
  return { type: 'FeatureCollection', features };
}
