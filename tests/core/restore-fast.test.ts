// The hand-written checks of plain records (restore-plain.ts) against the schemas: whenever the fast
// path accepts a record, the schema accepts it too and returns the same record, field order included;
// whatever it declines goes through the schema as before. The app's first load restores with the fast
// checks alone (restorePlain) and loads zod only for a record they decline.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { plainEvent, restoreDataset } from '../../src/core/restore';
import {
  plainClaim,
  plainLeg,
  plainMeta,
  plainNarrative,
  plainPerson,
  plainPlace,
  plainSource,
  plainTrip,
  restorePlain,
} from '../../src/core/restore-plain';
import {
  claimSchema,
  eventSchema,
  legSchema,
  metaSchema,
  narrativeSchema,
  personSchema,
  placeSchema,
  sourceSchema,
  tripSchema,
} from '../../src/core/schema';

/** Mostly valid values, sometimes not: the fast path must be reached often, and declined often. */
const often = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: good, weight: 9 }, { arbitrary: bad, weight: 1 });
const anyValue = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.string({ maxLength: 3 }),
  fc.constant([]),
  fc.constant({}),
);
const idish = often(fc.constantFrom('e1', 'trip-2', 'a.b:c_d', 'x'), fc.oneof(fc.string({ maxLength: 4 }), anyValue));
const dateish = often(
  fc.constantFrom('2019', '2019-04', '2019-04-24', '2019-04-24T10:00+09:00', '2019-04-24T10:00:05Z'),
  fc.oneof(fc.string({ maxLength: 12 }), anyValue),
);
const textish = often(
  fc.oneof(
    fc.record({ en: fc.string({ minLength: 1, maxLength: 4 }), fr: fc.constant('Texte') }, { requiredKeys: ['en'] }),
    fc.record({ ru: fc.constant('Текст'), ko: fc.constant('글') }, { requiredKeys: ['ko'] }),
    fc.constant({ fr: 'Texte', en: 'Text' }),
  ),
  fc.oneof(fc.constant({ de: 'Text' }), fc.constant({ en: '' }), fc.constant({ en: 'A', de: 'B' }), anyValue),
);
const idList = (min: number) =>
  often(
    fc.array(fc.constantFrom('s1', 's-2', 'p.3'), { minLength: min, maxLength: 3 }),
    fc.oneof(fc.array(idish), anyValue),
  );
const eventish = fc.record(
  {
    id: idish,
    trip: idish,
    kind: often(fc.constantFrom('talks', 'visit', 'other', 'border-crossing'), fc.constantFrom('dance', 3, null)),
    start: dateish,
    end: dateish,
    timeText: textish,
    place: idish,
    participants: idList(0),
    title: textish,
    summary: textish,
    sources: idList(1),
    extra: fc.string({ maxLength: 3 }),
  },
  { requiredKeys: [] },
);

describe('plain event fast path', () => {
  it('accepts only what the schema accepts, and returns what the schema returns', () => {
    let accepted = 0;
    fc.assert(
      fc.property(eventish, (item) => {
        const fast = plainEvent(item);
        const zod = eventSchema.safeParse(item);
        if (fast === null) return;
        // (Declining a valid record is allowed: the schema then does the work.)
        accepted++;
        expect(zod.success).toBe(true);
        expect(fast).toStrictEqual(zod.data);
        expect(Object.keys(fast)).toEqual(Object.keys(zod.data!));
        expect(Object.keys(fast.title)).toEqual(Object.keys(zod.data!.title));
      }),
      { numRuns: 2000 },
    );
    // The generator must reach the fast path often enough for the property to mean something.
    expect(accepted).toBeGreaterThan(20);
  });

  it('takes the usual event, and leaves unknown fields and bad values to the schema', () => {
    const e = {
      id: 'e1',
      trip: 't1',
      kind: 'talks',
      start: '2019-04-25',
      place: 'p1',
      title: { fr: 'Entretiens', en: 'Talks' },
      sources: ['s1'],
    };
    expect(plainEvent(e)).toStrictEqual(eventSchema.parse(e));
    expect(plainEvent({ ...e, colour: 'red' })).toBeNull();
    expect(plainEvent({ ...e, start: '2019-4-25' })).toBeNull();
    expect(plainEvent({ ...e, sources: [] })).toBeNull();
    expect(plainEvent({ ...e, title: {} })).toBeNull();
    expect(plainEvent(JSON.parse('{"__proto__": {"x": 1}, "id": "e1"}'))).toBeNull();
  });

  it('leaves the problems of a bad event worded by the schema', () => {
    const d = restoreDataset({
      format: 'itinera/1',
      meta: { id: 'm', title: { en: 'M' } },
      sources: [{ id: 's1', publisher: 'P', title: 'T', url: 'https://example.org/', language: 'en' }],
      people: [{ id: 'p', names: { en: 'P' } }],
      places: [],
      trips: [{ id: 't1', traveller: 'p', title: { en: 'T' } }],
      legs: [],
      events: [
        { id: 'e1', trip: 't1', kind: 'talks', start: '2019', title: { en: 'A' }, sources: ['s1'] },
        { id: 'e2', trip: 't1', kind: 'dance', start: '2019', title: { en: 'B' }, sources: ['s1'] },
        { id: 'e3', trip: 't9', kind: 'talks', start: '2019', title: { en: 'C' }, sources: ['s1'] },
      ],
    });
    expect(d.events.map((e) => e.id)).toEqual(['e1']);
    expect(d.problems.map((p) => p.path)).toEqual(['events[1].kind', 'events[2].trip']);
  });
});

/** Same key order as the schema's output, at every depth. */
function keyOrder(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(keyOrder);
  if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => [k, keyOrder(x)]);
  return v;
}

/** A value of one field: good ones the fast path should take, bad ones that it must decline or agree on. */
interface Gen {
  good: fc.Arbitrary<unknown>;
  bad: fc.Arbitrary<unknown>;
}
const gen = (good: fc.Arbitrary<unknown>, bad: fc.Arbitrary<unknown>): Gen => ({
  good,
  bad: fc.oneof({ arbitrary: bad, weight: 4 }, { arbitrary: anyValue, weight: 1 }),
});
const ID = gen(fc.constantFrom('e1', 'trip-2', 'a.b:c_d', 'x'), fc.constantFrom('', 'a b', 'é', 'x/y'));
const DATE = gen(
  fc.constantFrom('2019', '2019-04', '2019-04-24', '2019-04-24T10:00+09:00', '2019-04-24T10:00:05Z'),
  fc.constantFrom('2019-4', '19', '2019-04-24T10:00', '2019-04-24 10:00Z'),
);
const TEXT = gen(
  fc.oneof(
    fc.record({ en: fc.string({ minLength: 1, maxLength: 4 }), fr: fc.constant('Texte') }, { requiredKeys: ['en'] }),
    fc.record({ ru: fc.constant('Текст'), ko: fc.constant('글') }, { requiredKeys: ['ko'] }),
    fc.constant({ fr: 'Texte', en: 'Text' }),
  ),
  fc.constantFrom({}, { de: 'Text' }, { en: '' }, { en: 'A', de: 'B' }, { en: 3 }),
);
const NON_EMPTY = gen(fc.string({ minLength: 1, maxLength: 5 }), fc.constant(''));
const pattern = (good: string[], bad: string[]) => gen(fc.constantFrom(...good), fc.constantFrom(...bad));
const number = (min: number, max: number) =>
  gen(
    fc.oneof(fc.double({ min, max, noNaN: true }), fc.constantFrom(min, max)),
    fc.constantFrom(min - 0.001, max + 0.5, Infinity, -Infinity, Number.NaN, `${max}`),
  );
const POSITIVE = gen(
  fc.oneof(fc.double({ min: Number.MIN_VALUE, max: 1e6, noNaN: true }), fc.constant(Number.MIN_VALUE)),
  fc.constantFrom(0, -0, -1, Infinity, Number.NaN, '3'),
);
const BOOL = gen(fc.boolean(), fc.constantFrom('true', 0, 1));
const oneOfGen = (values: string[]) => gen(fc.constantFrom(...values), fc.constantFrom('bus', 'Train', 'sea'));
function listGen(item: Gen, min = 0): Gen {
  const good = fc.array(item.good, { minLength: min, maxLength: 3 });
  const withBad = fc.tuple(good, item.bad, fc.nat(3)).map(([a, b, i]) => {
    const out = [...a];
    out.splice(Math.min(i, out.length), 0, b);
    return out;
  });
  return gen(good, min > 0 ? fc.oneof(withBad, fc.constant([])) : withBad);
}
const ID_LIST = listGen(ID);
const LAT_LON = gen(
  fc.tuple(number(-90, 90).good, number(-180, 180).good),
  fc.oneof(
    fc.constantFrom([1, 2, 3], [1], []),
    fc.tuple(number(-90, 90).bad, number(-180, 180).good),
    fc.tuple(number(-90, 90).good, number(-180, 180).bad),
  ),
);
/** An object: all its fields good, or one field bad, a required one missing, or an unknown one added. */
function recordGen(fields: Record<string, Gen>, required: string[]): Gen {
  const keys = Object.keys(fields);
  const good = fc.record(Object.fromEntries(keys.map((k) => [k, fields[k]!.good])), {
    requiredKeys: required,
  }) as fc.Arbitrary<Record<string, unknown>>;
  const bad = fc.oneof(
    {
      arbitrary: fc
        .tuple(good, fc.constantFrom(...keys))
        .chain(([r, k]) => fields[k]!.bad.map((v) => ({ ...r, [k]: v }))),
      weight: 6,
    },
    good.map((r) => ({ ...r, extra: 1 })),
    good.map((r) => Object.assign(Object.create(null) as object, r)),
    ...(required.length
      ? [
          fc.tuple(good, fc.constantFrom(...required)).map(([r, k]) => {
            const out = { ...r };
            delete out[k];
            return out;
          }),
        ]
      : []),
  );
  return gen(good, bad);
}
const SPAN = recordGen({ from: DATE, to: DATE }, ['from', 'to']);

const KINDS: [string, (v: unknown) => unknown, { safeParse(v: unknown): { success: boolean; data?: unknown } }, Gen][] =
  [
    [
      'source',
      plainSource,
      sourceSchema,
      recordGen(
        {
          id: ID,
          publisher: NON_EMPTY,
          title: NON_EMPTY,
          url: pattern(
            ['https://example.org/a', 'http://x.ru', 'HTTPS://A.B/c?d=1'],
            ['ftp://x', 'https://a b', 'https://', 'example.org'],
          ),
          date: DATE,
          language: pattern(['en', 'fr', 'zh-Hans', 'kor'], ['EN', 'e', 'fr_FR', 'abcd']),
          author: NON_EMPTY,
          note: NON_EMPTY,
        },
        ['id', 'publisher', 'title', 'url', 'language'],
      ),
    ],
    [
      'person',
      plainPerson,
      personSchema,
      recordGen({ id: ID, names: TEXT, role: TEXT, country: pattern(['KP', 'RU'], ['ru', 'KPR', 'K']) }, [
        'id',
        'names',
      ]),
    ],
    [
      'place',
      plainPlace,
      placeSchema,
      recordGen(
        {
          id: ID,
          names: TEXT,
          lat: number(-90, 90),
          lon: number(-180, 180),
          timeZone: pattern(
            ['Asia/Pyongyang', 'UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+9'],
            ['bad zone', 'Asia/', '/UTC', '9/Asia'],
          ),
          country: pattern(['KP', 'RU'], ['x', 'kp']),
          approximate: BOOL,
          note: TEXT,
          sources: ID_LIST,
        },
        ['id', 'names', 'lat', 'lon', 'timeZone', 'country'],
      ),
    ],
    [
      'trip',
      plainTrip,
      tripSchema,
      recordGen({ id: ID, traveller: ID, title: TEXT, summary: TEXT, sources: ID_LIST }, ['id', 'traveller', 'title']),
    ],
    [
      'leg',
      plainLeg,
      legSchema,
      recordGen(
        {
          id: ID,
          trip: ID,
          from: ID,
          to: ID,
          mode: oneOfGen(['train', 'plane', 'car', 'ship']),
          start: DATE,
          end: DATE,
          waypoints: listGen(LAT_LON),
          distances: listGen(
            recordGen(
              {
                km: POSITIVE,
                basis: oneOfGen(['rail', 'road', 'air', 'great-circle', 'unspecified']),
                label: TEXT,
                sources: listGen(ID, 1),
              },
              ['km', 'basis', 'label', 'sources'],
            ),
          ),
          sources: ID_LIST,
        },
        ['id', 'trip', 'from', 'to', 'mode', 'start', 'end'],
      ),
    ],
    [
      'event',
      plainEvent,
      eventSchema,
      recordGen(
        {
          id: ID,
          trip: ID,
          kind: oneOfGen(['talks', 'visit', 'other', 'border-crossing']),
          start: DATE,
          end: DATE,
          timeText: TEXT,
          place: ID,
          participants: ID_LIST,
          title: TEXT,
          summary: TEXT,
          sources: listGen(ID, 1),
        },
        ['id', 'trip', 'kind', 'start', 'title', 'sources'],
      ),
    ],
    [
      'claim',
      plainClaim,
      claimSchema,
      recordGen({ id: ID, about: ID, text: TEXT, sources: listGen(ID, 1), disputes: ID_LIST }, [
        'id',
        'about',
        'text',
        'sources',
      ]),
    ],
    [
      'meta',
      plainMeta,
      metaSchema,
      recordGen({ id: ID, title: TEXT, description: TEXT, defaultWindow: SPAN }, ['id', 'title']),
    ],
    [
      'narrative',
      plainNarrative,
      narrativeSchema,
      recordGen(
        {
          id: ID,
          title: TEXT,
          steps: listGen(recordGen({ event: ID, leg: ID, window: SPAN, title: TEXT, text: TEXT, notes: TEXT }, [])),
        },
        ['id', 'title', 'steps'],
      ),
    ],
  ];

describe('plain record fast paths', () => {
  for (const [kind, plain, schema, { good, bad }] of KINDS)
    it(`${kind}: accepts only what the schema accepts, and returns what the schema returns`, () => {
      let accepted = 0;
      let declined = 0;
      fc.assert(
        fc.property(fc.oneof(good, bad), (item) => {
          const fast = plain(item);
          if (fast === null) return void declined++;
          accepted++;
          const zod = schema.safeParse(item);
          expect(zod.success).toBe(true);
          expect(fast).toStrictEqual(zod.data);
          expect(keyOrder(fast)).toEqual(keyOrder(zod.data));
        }),
        { numRuns: 10_000 },
      );
      // Both sides of the property must be reached often enough for it to mean something.
      expect(accepted).toBeGreaterThan(20);
      expect(declined).toBeGreaterThan(20);
    });

  it('copies what it returns: the input is never shared with the dataset', () => {
    const place = { id: 'p', names: { en: 'P' }, lat: 1, lon: 2, timeZone: 'UTC', country: 'KP', sources: ['s'] };
    const out = plainPlace(place) as typeof place;
    expect(out).toStrictEqual(place);
    expect(out.names).not.toBe(place.names);
    expect(out.sources).not.toBe(place.sources);
  });
});

describe('restorePlain', () => {
  const shipped: unknown = JSON.parse(readFileSync(new URL('../../data/kim-trips.json', import.meta.url), 'utf8'));

  it('restores the shipped dataset without the schemas, exactly as restoreDataset does', () => {
    const fast = restorePlain(shipped);
    expect(fast).not.toBeNull();
    expect(fast!.problems).toEqual([]);
    expect(fast).toStrictEqual(restoreDataset(shipped));
  });

  it('gives up (null) on a record only the schema can judge, and restoreDataset words it', () => {
    const raw = structuredClone(shipped) as { places: Record<string, unknown>[] };
    raw.places[0]!.lat = 'north';
    expect(restorePlain(raw)).toBeNull();
    expect(restoreDataset(raw).problems[0]).toEqual({
      path: 'places[0].lat',
      message: 'expected number, got "north"',
      level: 'dropped',
    });
  });
});

describe("adopting the caller's own parse (restorePlain(input, true))", () => {
  const text = readFileSync('data/kim-trips.json', 'utf8');
  type Rows = { events: Record<string, unknown>[] };

  it('restores the same dataset as with copies, completing the parsed events in place', () => {
    const input = JSON.parse(text) as Rows;
    const copied = restorePlain(JSON.parse(text))!;
    const adopted = restorePlain(input, true)!;
    expect(adopted.problems).toEqual([]);
    expect(adopted).toEqual(copied);
    const rowOf = (id: string) => input.events.find((e) => e.id === id);
    expect(adopted.events.every((e) => rowOf(e.id) === (e as unknown as Record<string, unknown>))).toBe(true);
  });

  it('copies without it: the input is left as it was', () => {
    const input = JSON.parse(text) as Rows;
    const copied = restorePlain(input)!;
    expect(copied.events.some((e) => input.events.includes(e as unknown as Record<string, unknown>))).toBe(false);
    expect(input).toEqual(JSON.parse(text));
  });
});
