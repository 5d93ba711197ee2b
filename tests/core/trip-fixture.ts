// A small dataset built in code for the route, playback and compare tests.
import { restoreDataset } from '../../src/core/restore';

export interface LegSpec {
  id: string;
  trip: string;
  from: string;
  to: string;
  start: string;
  end: string;
  mode?: string;
  waypoints?: [number, number][];
}
export interface EventSpec {
  id: string;
  trip: string;
  kind?: string;
  start: string;
  end?: string;
  place?: string;
  participants?: string[];
}

export const PLACES = [
  { id: 'pyongyang', lat: 39.0047, lon: 125.7364, timeZone: 'Asia/Pyongyang', country: 'KP' },
  { id: 'tumangang', lat: 42.4217, lon: 130.6026, timeZone: 'Asia/Pyongyang', country: 'KP' },
  { id: 'khasan', lat: 42.4301, lon: 130.6449, timeZone: 'Asia/Vladivostok', country: 'RU' },
  { id: 'ussuriysk', lat: 43.7975, lon: 131.9645, timeZone: 'Asia/Vladivostok', country: 'RU' },
  { id: 'vladivostok', lat: 43.1112, lon: 131.8818, timeZone: 'Asia/Vladivostok', country: 'RU' },
  { id: 'moscow', lat: 55.7766, lon: 37.6573, timeZone: 'Europe/Moscow', country: 'RU' },
  { id: 'anadyr', lat: 64.7337, lon: 177.5089, timeZone: 'Asia/Anadyr', country: 'RU' },
  { id: 'nome', lat: 64.5011, lon: -165.4064, timeZone: 'America/Nome', country: 'US' },
];

/** Trip a's train from Pyongyang (02:00, UTC+9) to Khasan (11:00, UTC+10), 24 April 2019. */
export const TO_KHASAN: LegSpec = {
  id: 'l1',
  trip: 'a',
  from: 'pyongyang',
  to: 'khasan',
  start: '2019-04-24T02:00+09:00',
  end: '2019-04-24T11:00+10:00',
};

export function dataset(legs: LegSpec[], events: EventSpec[], trips = ['a', 'b']) {
  return restoreDataset({
    format: 'itinera/1',
    meta: { id: 'test', title: { en: 'Test' } },
    sources: [{ id: 's', publisher: 'P', title: 'T', url: 'https://example.org/', language: 'en' }],
    people: [
      { id: 'leader', names: { en: 'Leader' } },
      { id: 'host', names: { en: 'Host' } },
      { id: 'aide', names: { en: 'Aide' } },
    ],
    places: PLACES.map((p) => ({ ...p, names: { en: p.id } })),
    trips: trips.map((id) => ({ id, traveller: 'leader', title: { en: `Trip ${id}` }, sources: ['s'] })),
    legs: legs.map((l) => ({ mode: 'train', ...l, sources: ['s'] })),
    events: events.map((e) => ({ kind: 'other', title: { en: e.id }, sources: ['s'], ...e })),
  });
}
