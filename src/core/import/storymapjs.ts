// StoryMapJS JSON (storymap.slides) → our format. Each slide with a location becomes a place and an
// event there; consecutive slides are joined by a leg when the later slide's `location.line` is set.
// A slide's `date` is free text in StoryMapJS: it must read as a date here, or the slide is dropped.
// StoryMapJS says nothing of how the traveller moved: legs are marked `car` (change it after import).
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

export function isStoryMap(value: unknown): boolean {
  return isObject(value) && isObject(value.storymap) && !('format' in value);
}

export function importStoryMap(value: Record<string, unknown>, options: { lang?: string } = {}): ImportResult {
  const story = value.storymap as Record<string, unknown>;
  const lang = textLang(options.lang ?? story.language);
  const slides = Array.isArray(story.slides) ? story.slides : [];
  const overview = slides.find((s) => isObject(s) && s.type === 'overview') as Record<string, unknown> | undefined;
  const overviewText = isObject(overview?.text) ? overview.text : {};
  const title = plainText(overviewText.headline) || 'Imported story map';
  const stand = new StandIns('storymapjs', title, lang);
  const problems: Problem[] = [];
  const dropped = { events: 0, legs: 0, places: 0 };
  if (!Array.isArray(story.slides))
    problems.push({ path: 'storymap.slides', message: 'expected an array of slides', level: 'warning' });

  const origins = new Origins({
    places: { lat: 'location.lat', lon: 'location.lon', names: 'location.name', id: 'location.name' },
    events: { start: 'date', title: 'text.headline', summary: 'text.text', sources: 'media', id: 'text.headline' },
    legs: { start: 'date', end: 'date', from: 'location', to: 'location' },
  });
  const places: RawRecord[] = [];
  const events: RawRecord[] = [];
  const legs: RawRecord[] = [];
  const ids = { places: new Set<string>(), events: new Set<string>(), legs: new Set<string>() };
  const placeAt = new Map<string, string>();
  let previous: { place: string; date?: string } | undefined;

  slides.forEach((slide, i) => {
    const path = `storymap.slides[${i}]`;
    if (!isObject(slide)) return problems.push({ path, message: 'expected a slide object', level: 'dropped' });
    if (slide.type === 'overview') return;
    const text = isObject(slide.text) ? slide.text : {};
    const headline = plainText(text.headline);
    const loc = isObject(slide.location) ? slide.location : undefined;
    let place: string | undefined;
    if (loc) {
      const lat = typeof loc.lat === 'string' ? Number(loc.lat) : loc.lat;
      const lon = typeof loc.lon === 'string' ? Number(loc.lon) : loc.lon;
      if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon)) {
        dropped.events++;
        return problems.push({ path: `${path}.location`, message: 'expected numbers lat and lon', level: 'dropped' });
      }
      if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        dropped.events++;
        const [field, v] = Math.abs(lat) > 90 ? ['lat', lat] : ['lon', lon];
        return problems.push({
          path: `${path}.location.${field}`,
          message: `${v} is out of range (expected ${field === 'lat' ? '-90 to 90' : '-180 to 180'})`,
          level: 'dropped',
        });
      }
      const name = plainText(loc.name) || headline || `${lat}, ${lon}`;
      place = placeAt.get(`${lat},${lon}`);
      if (!place) {
        place = uniqueId(name, 'place', ids.places);
        placeAt.set(`${lat},${lon}`, place);
        origins.set('places', places.length, { path });
        places.push({
          id: place,
          names: { [lang]: name },
          lat,
          lon,
          timeZone: zoneFromLongitude(lon),
          country: UNKNOWN_COUNTRY,
        });
      }
    }
    const trip = stand.trip(undefined);
    const date = looseDate(slide.date);
    if ('error' in date) {
      dropped.events++;
      problems.push({ path: `${path}.date`, message: date.error, level: 'dropped' });
    } else {
      const media = isObject(slide.media) ? slide.media : {};
      const body = plainText(text.text);
      origins.set('events', events.length, { path });
      events.push({
        id: uniqueId(headline, `slide-${i}`, ids.events),
        trip,
        kind: 'visit',
        start: date.date,
        ...(date.time ? { timeText: { [lang]: date.time } } : {}),
        ...(place ? { place } : {}),
        title: { [lang]: headline || `Slide ${i}` },
        ...(body ? { summary: { [lang]: body } } : {}),
        sources: [
          isHttpUrl(media.url) && plainText(media.credit)
            ? stand.source(media.url.trim(), plainText(media.credit), plainText(media.caption) || undefined)
            : stand.source(),
        ],
      });
    }
    const joined = Boolean(loc?.line) && previous?.date !== undefined && 'date' in date;
    if (place && previous && joined && previous.place !== place) {
      origins.set('legs', legs.length, { path });
      legs.push({
        id: uniqueId(`${previous.place}-${place}`, 'leg', ids.legs),
        trip,
        from: previous.place,
        to: place,
        mode: 'car',
        start: previous.date,
        end: 'date' in date ? date.date : undefined,
      });
    }
    if (place) previous = { place, date: 'date' in date ? date.date : undefined };
  });

  return finishImport({ title, lang, stand, origins, places, legs: legs, events, problems, dropped: dropped });
}
