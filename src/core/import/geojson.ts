// GeoJSON FeatureCollection (RFC 7946) → our format. Points become places, and also events when they
// carry a time (`start`, `date`, `time` or `when`); LineStrings become legs (`start`, `end`, `mode`).
// Features without geometry but with a time become events with no location. Our own GeoJSON export
// (properties.itinera = 'place' | 'event' | 'leg') comes back with its ids.
import type { Problem } from '../types';
import {
  isHttpUrl,
  isObject,
  looseDate,
  Origins,
  plainText,
  StandIns,
  textLang,
  finishImport,
  uniqueId,
  UNKNOWN_COUNTRY,
  zoneFromLongitude,
  type ImportResult,
  type RawRecord,
} from './import-kit';

export function isGeoJson(value: unknown): boolean {
  return isObject(value) && (value.type === 'FeatureCollection' || value.type === 'Feature') && !('format' in value);
}

const TIME_KEYS = ['start', 'date', 'time', 'when', 'start_date'];
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const ID_RE = /^[A-Za-z0-9_.:-]+$/;

export function importGeoJson(
  value: Record<string, unknown>,
  options: { lang?: string; name?: string } = {},
): ImportResult {
  const lang = textLang(options.lang);
  const name = plainText(isObject(value.properties) ? value.properties.title : undefined);
  const title = name || options.name?.replace(/\.[^.]+$/, '') || 'Imported map';
  const stand = new StandIns('geojson', title, lang);
  const problems: Problem[] = [];
  const dropped = { events: 0, legs: 0, places: 0 };
  const features = value.type === 'Feature' ? [value] : value.features;
  const base = value.type === 'Feature' ? '' : 'features';
  if (!Array.isArray(features))
    problems.push({ path: 'features', message: 'expected an array of features', level: 'warning' });

  const origins = new Origins({
    places: {
      lat: 'geometry.coordinates[1]',
      lon: 'geometry.coordinates[0]',
      names: 'properties.name',
      id: 'properties.id',
      timeZone: 'properties.timeZone',
      country: 'properties.country',
    },
    events: {
      start: 'properties.start',
      end: 'properties.end',
      kind: 'properties.kind',
      id: 'properties.id',
      trip: 'properties.trip',
      title: 'properties.title',
      place: 'properties.place',
      sources: 'properties.sources',
    },
    legs: {
      start: 'properties.start',
      end: 'properties.end',
      mode: 'properties.mode',
      id: 'properties.id',
      trip: 'properties.trip',
      waypoints: 'geometry.coordinates',
      from: 'properties.from',
      to: 'properties.to',
    },
  });
  const places: RawRecord[] = [];
  const events: RawRecord[] = [];
  const legs: RawRecord[] = [];
  const ids = { places: new Set<string>(), events: new Set<string>(), legs: new Set<string>() };
  const placeAt = new Map<string, string>();

  const idFor = (props: Record<string, unknown>, fallback: string, taken: Set<string>, raw?: unknown) => {
    const given = str(props.id) || str(raw);
    if (given && ID_RE.test(given) && !taken.has(given)) return (taken.add(given), given);
    return uniqueId(given || str(props.name) || str(props.title), fallback, taken);
  };
  const sourcesOf = (props: Record<string, unknown>): string[] => {
    const list = Array.isArray(props.sources) ? props.sources : props.source !== undefined ? [props.source] : [];
    const urls = list.filter(isHttpUrl);
    return urls.length ? urls.map((u) => stand.source(u.trim())) : [stand.source()];
  };
  /** A place at a position: a new one for a place feature, else the one already there if any. */
  const addPlace = (lon: number, lat: number, props: Record<string, unknown>, path: string, reuse: boolean) => {
    const key = `${lon},${lat}`;
    const known = placeAt.get(key);
    if (known && reuse) return known;
    const id = idFor(props, 'place', ids.places, undefined);
    placeAt.set(key, id);
    origins.set('places', places.length, { path });
    places.push({
      id,
      names: { [lang]: str(props.name) || `${lat}, ${lon}` },
      lat,
      lon,
      timeZone: str(props.timeZone) || zoneFromLongitude(Number.isFinite(lon) ? lon : 0),
      country: str(props.country).toUpperCase() || UNKNOWN_COUNTRY,
    });
    return id;
  };
  type Time =
    { start: string; time?: string | undefined; end?: string | undefined } | { path: string; message: string };
  const timeOf = (props: Record<string, unknown>, path: string): Time | undefined => {
    const key = TIME_KEYS.find((k) => props[k] !== undefined && props[k] !== '');
    if (!key) return undefined;
    const start = looseDate(props[key]);
    if ('error' in start) return { path: `${path}.properties.${key}`, message: start.error };
    const end = props.end === undefined || props.end === '' ? undefined : looseDate(props.end);
    if (end && 'error' in end) return { path: `${path}.properties.end`, message: end.error };
    return { start: start.date, time: start.time, end: end?.date };
  };

  (Array.isArray(features) ? features : []).forEach((f, i) => {
    const path = base ? `${base}[${i}]` : '';
    const at = (p: string) => (path ? `${path}.${p}` : p);
    if (!isObject(f))
      return problems.push({ path: path || '(root)', message: 'expected a Feature object', level: 'dropped' });
    const props = isObject(f.properties) ? f.properties : {};
    const geom = isObject(f.geometry) ? f.geometry : null;
    const coords = geom?.coordinates;
    const role = str(props.itinera);
    const time = timeOf(props, path || '');
    const isEvent = role === 'event' || (role !== 'place' && time !== undefined);

    if (geom?.type === 'LineString') {
      if (
        !Array.isArray(coords) ||
        coords.length < 2 ||
        !coords.every((c) => Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number')
      ) {
        dropped.legs++;
        return problems.push({
          path: at('geometry.coordinates'),
          message: 'expected at least two [lon, lat] positions',
          level: 'dropped',
        });
      }
      if (time && 'message' in time) {
        dropped.legs++;
        return problems.push({ path: time.path.replace(/^\./, ''), message: time.message, level: 'dropped' });
      }
      if (!str(props.mode)) {
        dropped.legs++;
        return problems.push({
          path: at('properties.mode'),
          message: 'missing (expected train, plane, car or ship)',
          level: 'dropped',
        });
      }
      const pts = coords as number[][];
      const [lon0, lat0] = pts[0]!;
      const [lon1, lat1] = pts[pts.length - 1]!;
      const from = ids.places.has(str(props.from))
        ? str(props.from)
        : addPlace(lon0!, lat0!, {}, path || '(root)', true);
      const to = ids.places.has(str(props.to)) ? str(props.to) : addPlace(lon1!, lat1!, {}, path || '(root)', true);
      origins.set('legs', legs.length, { path: path || '(root)' });
      legs.push({
        id: idFor(props, 'leg', ids.legs, f.id),
        trip: stand.trip(str(props.trip) || undefined),
        from,
        to,
        mode: str(props.mode),
        start: time?.start,
        end: time?.end ?? time?.start,
        waypoints: pts.map(([lon, lat]) => [lat, lon]),
        sources: sourcesOf(props),
      });
      return;
    }

    let place: string | undefined;
    if (geom?.type === 'Point') {
      if (!Array.isArray(coords) || typeof coords[0] !== 'number' || typeof coords[1] !== 'number') {
        if (isEvent) dropped.events++;
        else dropped.places++;
        return problems.push({
          path: at('geometry.coordinates'),
          message: 'expected [lon, lat] numbers',
          level: 'dropped',
        });
      }
      place =
        isEvent && ids.places.has(str(props.place))
          ? str(props.place)
          : addPlace(
              coords[0],
              coords[1],
              isEvent
                ? { name: props.placeName ?? props.name, timeZone: props.timeZone, country: props.country }
                : props,
              path || '(root)',
              isEvent,
            );
    } else if (geom) {
      return problems.push({
        path: at('geometry.type'),
        message: `${JSON.stringify(geom.type)?.slice(0, 30)} is not used (expected Point or LineString)`,
        level: 'warning',
      });
    } else if (!isEvent) {
      return problems.push({
        path: at('geometry'),
        message: 'a feature without geometry or time is not used',
        level: 'warning',
      });
    }
    if (!isEvent) return;
    if (!time || 'message' in time) {
      dropped.events++;
      return problems.push(
        time
          ? { path: time.path.replace(/^\./, ''), message: time.message, level: 'dropped' }
          : { path: at('properties.start'), message: 'missing (expected a date)', level: 'dropped' },
      );
    }
    const headline = plainText(props.title) || plainText(props.name) || `Event ${i + 1}`;
    const summary = plainText(props.summary ?? props.description);
    origins.set('events', events.length, { path: path || '(root)' });
    events.push({
      id: idFor(props, 'event', ids.events, f.id),
      trip: stand.trip(str(props.trip) || undefined),
      kind: str(props.kind) || 'other',
      start: time.start,
      ...(time.end ? { end: time.end } : {}),
      ...(time.time || str(props.timeText) ? { timeText: { [lang]: str(props.timeText) || time.time } } : {}),
      ...(place ? { place } : {}),
      title: { [lang]: headline },
      ...(summary ? { summary: { [lang]: summary } } : {}),
      sources: sourcesOf(props),
    });
  });

  return finishImport({ title, lang, stand, origins, places, legs: legs, events, problems, dropped: dropped });
}
