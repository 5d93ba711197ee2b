#!/usr/bin/env node
// A deterministic generator of synthetic Itinera datasets (`itinera/1`) for the benchmark: N events
// spread over 50 trips and 500 places, with the legs between each trip's stops. The same seed and
// sizes always give the same bytes (a seeded PRNG, no clock, no Math.random).
//
//   node scripts/bench/generate.mjs 10000 [--seed 1] [--out bench/tmp/data/bench-10k.json]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_SEED = 20_240_913;
export const DEFAULTS = { trips: 50, places: 500, stopsPerTrip: 11, sources: 200, people: 60 };

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Zones by longitude band, with a fixed offset written into every date-time (valid in the format
// whatever the season) and a country of that band.
const ZONES = [
  { lon: -10, zone: 'Europe/Lisbon', offset: 0, country: 'PT' },
  { lon: 5, zone: 'Europe/Paris', offset: 60, country: 'FR' },
  { lon: 20, zone: 'Europe/Warsaw', offset: 60, country: 'PL' },
  { lon: 35, zone: 'Europe/Moscow', offset: 180, country: 'RU' },
  { lon: 50, zone: 'Asia/Tehran', offset: 210, country: 'IR' },
  { lon: 65, zone: 'Asia/Tashkent', offset: 300, country: 'UZ' },
  { lon: 80, zone: 'Asia/Almaty', offset: 300, country: 'KZ' },
  { lon: 95, zone: 'Asia/Novosibirsk', offset: 420, country: 'RU' },
  { lon: 110, zone: 'Asia/Shanghai', offset: 480, country: 'CN' },
  { lon: 125, zone: 'Asia/Pyongyang', offset: 540, country: 'KP' },
  { lon: 135, zone: 'Asia/Vladivostok', offset: 600, country: 'RU' },
];
const KINDS = [
  'departure',
  'arrival',
  'border-crossing',
  'talks',
  'banquet',
  'site-visit',
  'ceremony',
  'statement',
  'transit',
  'other',
];
const MODES = ['train', 'plane', 'car', 'ship'];
const BASES = { train: 'rail', plane: 'air', car: 'road', ship: 'unspecified' };
const SYLLABLES = [
  'ka',
  'ro',
  'vo',
  'sta',
  'lin',
  'mir',
  'an',
  'dok',
  'se',
  'rya',
  'pol',
  'ni',
  'gor',
  'sk',
  'tu',
  'ma',
];

const DAY = 86_400_000;
const T_START = Date.UTC(2000, 0, 1);
const T_END = Date.UTC(2024, 11, 31);

const pad = (n, w = 2) => String(n).padStart(w, '0');
const round = (x, digits) => Math.round(x * 10 ** digits) / 10 ** digits;

function offsetText(minutes) {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** `2019-04-24T18:05+09:00`: the local wall time at `offset` minutes east of UTC. */
export function localDateTime(ms, offset) {
  const d = new Date(ms + offset * 60_000);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${day}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${offsetText(offset)}`;
}

/** `2019-04-24`: the local day at `offset` minutes east of UTC. */
export function localDay(ms, offset) {
  const d = new Date(ms + offset * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function zoneFor(lon) {
  let best = ZONES[0];
  for (const z of ZONES) if (Math.abs(z.lon - lon) < Math.abs(best.lon - lon)) best = z;
  return best;
}

function name(rand, parts) {
  let s = '';
  for (let i = 0; i < parts; i++) s += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return s[0].toUpperCase() + s.slice(1);
}

/**
 * A dataset object in the Itinera format with `events` events over `trips` trips and `places`
 * places. Each trip visits `stopsPerTrip` places in turn (consecutive trips share one place, so every
 * place is used), with a leg between consecutive stops and the trip's events at its stops.
 */
export function generateDataset(events, options = {}) {
  const o = { ...DEFAULTS, seed: DEFAULT_SEED, ...options };
  if (!Number.isInteger(events) || events < 0) throw new Error(`invalid events: ${events}`);
  for (const k of ['trips', 'places', 'stopsPerTrip', 'sources', 'people'])
    if (!Number.isInteger(o[k]) || o[k] < 1) throw new Error(`invalid ${k}: ${o[k]}`);
  if (o.people < o.trips) throw new Error(`invalid people: ${o.people} (at least one per trip: ${o.trips})`);
  const rand = mulberry32(o.seed);

  const sources = [];
  for (let i = 0; i < o.sources; i++) {
    const date = T_START + Math.floor(rand() * (T_END - T_START));
    sources.push({
      id: `s${i}`,
      publisher: `${name(rand, 2)} News`,
      title: `Report ${i} on the visit`,
      url: `https://example.org/news/${i}`,
      date: localDay(date, 0),
      language: rand() < 0.5 ? 'en' : 'fr',
    });
  }
  const people = [];
  for (let i = 0; i < o.people; i++) {
    const n = `${name(rand, 2)} ${name(rand, 3)}`;
    people.push({ id: `p${i}`, names: { en: n, fr: n }, role: { en: i < o.trips ? 'Leader' : 'Minister' } });
  }
  const places = [];
  for (let i = 0; i < o.places; i++) {
    const lat = round(25 + rand() * 40, 4);
    const lon = round(-8 + rand() * 146, 4);
    const z = zoneFor(lon);
    const n = name(rand, 3);
    places.push({ id: `pl${i}`, names: { en: n, fr: n }, lat, lon, timeZone: z.zone, country: z.country });
  }
  const zoneOf = places.map((p) => zoneFor(p.lon));
  const srcRef = () => `s${Math.floor(rand() * o.sources)}`;

  // Trips one after another over 2000–2024, each lasting 20–60 days.
  const slot = (T_END - T_START) / o.trips;
  const trips = [];
  const legs = [];
  const tripInfo = [];
  const hop = o.stopsPerTrip - 1;
  for (let i = 0; i < o.trips; i++) {
    const t0 = Math.floor(T_START + i * slot + rand() * slot * 0.3);
    const t1 = t0 + Math.floor((20 + rand() * 40) * DAY);
    const stops = [];
    for (let k = 0; k < o.stopsPerTrip; k++) stops.push((i * hop + k) % o.places);
    trips.push({
      id: `t${i}`,
      traveller: `p${i}`,
      title: { en: `Trip ${i + 1}: ${places[stops[0]].names.en} to ${places[stops[hop]].names.en}` },
      sources: [srcRef()],
    });
    // The trip's time split into one stay per stop; a leg takes the first tenth of each later stay.
    const stay = (t1 - t0) / o.stopsPerTrip;
    for (let k = 1; k < o.stopsPerTrip; k++) {
      const from = places[stops[k - 1]];
      const to = places[stops[k]];
      const mode = MODES[Math.floor(rand() * MODES.length)];
      const ls = Math.floor(t0 + k * stay);
      const le = Math.floor(ls + stay * 0.1);
      const waypoints = [];
      for (let w = 1; w <= 2; w++) {
        const f = w / 3;
        waypoints.push([
          round(from.lat + (to.lat - from.lat) * f + (rand() - 0.5) * 2, 4),
          round(from.lon + (to.lon - from.lon) * f + (rand() - 0.5) * 2, 4),
        ]);
      }
      const leg = {
        id: `t${i}-l${k}`,
        trip: `t${i}`,
        from: from.id,
        to: to.id,
        mode,
        start: localDateTime(ls, zoneOf[stops[k - 1]].offset),
        end: localDateTime(le, zoneOf[stops[k]].offset),
        waypoints,
        sources: [srcRef()],
      };
      if (rand() < 0.3)
        leg.distances = [
          {
            km: Math.round(100 + rand() * 3000),
            basis: BASES[mode],
            label: { en: 'As reported' },
            sources: [srcRef()],
          },
        ];
      legs.push(leg);
    }
    tripInfo.push({ t0, stay, stops });
  }

  // Events: spread evenly over the trips; inside a trip, in time order over its stays.
  const list = [];
  const claims = [];
  const width = String(Math.max(0, events - 1)).length;
  for (let e = 0; e < events; e++) {
    const ti = e % o.trips;
    const nth = Math.floor(e / o.trips);
    const perTrip = Math.floor(events / o.trips) + (ti < events % o.trips ? 1 : 0);
    const info = tripInfo[ti];
    const pos = (nth + rand() * 0.9) / perTrip; // 0..1 through the trip
    const k = Math.min(o.stopsPerTrip - 1, Math.floor(pos * o.stopsPerTrip));
    const placeIndex = info.stops[k];
    const z = zoneOf[placeIndex];
    const ms = Math.floor(info.t0 + pos * info.stay * o.stopsPerTrip);
    const kind = KINDS[Math.floor(rand() * KINDS.length)];
    const ev = { id: `e${pad(e, width)}`, trip: `t${ti}`, kind };
    const r = rand();
    if (r < 0.1) ev.start = localDay(ms, z.offset);
    else {
      ev.start = localDateTime(ms, z.offset);
      if (r > 0.8) ev.end = localDateTime(ms + Math.floor((1 + rand() * 5) * 3_600_000), z.offset);
    }
    ev.place = places[placeIndex].id;
    if (rand() < 0.2) ev.participants = [`p${o.trips + Math.floor(rand() * (o.people - o.trips))}`];
    const title = `${kind[0].toUpperCase()}${kind.slice(1).replace('-', ' ')} at ${places[placeIndex].names.en} ${nth + 1}`;
    ev.title = e % 4 ? { en: title } : { en: title, fr: title };
    ev.sources = rand() < 0.3 ? [srcRef(), srcRef()] : [srcRef()];
    list.push(ev);
    if (e % 100 === 99)
      claims.push({
        id: `c${claims.length}`,
        about: ev.id,
        text: { en: 'A source gives another hour.' },
        sources: [srcRef()],
      });
  }

  return {
    format: 'itinera/1',
    meta: {
      id: `bench-${events}`,
      title: { en: `Benchmark: ${events} events`, fr: `Banc d'essai : ${events} événements` },
      description: { en: `Synthetic data (seed ${o.seed}): ${o.trips} trips, ${o.places} places.` },
    },
    sources,
    people,
    places,
    trips,
    legs,
    events: list,
    claims,
  };
}

/** The dataset as the bytes written to disk (compact JSON, so 100k events stay well under 20 MB). */
export function generateText(events, options = {}) {
  return JSON.stringify(generateDataset(events, options));
}

/** "1k", "10k", "100k", "1500". */
export function sizeLabel(n) {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

function main(argv) {
  const args = [...argv];
  const opt = (flag) => {
    const i = args.indexOf(flag);
    if (i < 0) return undefined;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const seed = opt('--seed');
  const out = opt('--out');
  const n = Number(args[0] ?? 1000);
  const text = generateText(n, seed === undefined ? {} : { seed: Number(seed) });
  const file = out ?? `bench/tmp/data/bench-${sizeLabel(n)}.json`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`${file}: ${n} events, ${(text.length / 1e6).toFixed(1)} MB`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
