// The hand-written check of plain events (restore.ts, plainEvent) against the schema: whenever the
// fast path accepts a record, the schema accepts it too and returns the same record, field order
// included; whatever it declines goes through the schema as before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainEvent, restoreDataset } from '../../src/core/restore';
import { eventSchema } from '../../src/core/schema';

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
