// The parse worker's hand-off (src/core/handoff.ts): the dataset the main thread rebuilds from its own
// parse and the worker's columns must equal the worker's restore, record for record, key for key.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../scripts/bench/generate.mjs';
import { packDataset, prepareEvents, transferables, unpackDataset } from '../../src/core/handoff';
import { loadText } from '../../src/core/import/load-text';
import type { RestoreOut } from '../../src/core/restore-plain';
import type { Dataset } from '../../src/core/types';

/** Restore as the worker does, hand off through a real structured clone, rebuild as the main thread. */
function roundTrip(text: string) {
  const out: RestoreOut = {};
  const worker = loadText(text, {}, out).dataset;
  expect(out.origins).toBeDefined();
  const handoff = packDataset(worker, out.origins!);
  const sent = structuredClone(handoff, { transfer: transferables(handoff) });
  expect(handoff.packed.times.byteLength).toBe(0); // transferred, not copied
  const main = unpackDataset(sent, prepareEvents((JSON.parse(text) as { events: unknown }).events));
  return { worker, main };
}

function expectSame(main: Dataset | null, worker: Dataset) {
  expect(main).not.toBeNull();
  expect(main).toEqual(worker);
  // Same keys in the same order (export and the details panel read records as written).
  expect(JSON.stringify(main!.events)).toBe(JSON.stringify(worker.events));
  // The same ids (the map's order is not part of a dataset: the restore fills it in file order).
  expect([...main!.eventsById.keys()].sort()).toEqual([...worker.eventsById.keys()].sort());
  expect(main!.eventsById.size).toBe(main!.events.length);
  // One Instant where the restore shares one (an event without an end).
  expect(main!.events.map((e) => e.startAt === e.endAt)).toEqual(worker.events.map((e) => e.startAt === e.endAt));
}

describe('hand-off of a restored dataset', () => {
  it('rebuilds the shipped dataset exactly', () => {
    const { worker, main } = roundTrip(readFileSync('data/kim-trips.json', 'utf8'));
    expect(worker.events.length).toBeGreaterThan(30);
    expectSame(main, worker);
  });

  it('rebuilds a generated dataset (date-only days, explicit offsets, events without an end) exactly', () => {
    const { worker, main } = roundTrip(JSON.stringify(generateDataset(3000)));
    expect(worker.events.some((e) => e.startAt.precision === 'day')).toBe(true);
    expect(worker.events.some((e) => e.startAt.explicitOffset)).toBe(true);
    expect(worker.events.some((e) => e.startAt === e.endAt)).toBe(true);
    expectSame(main, worker);
  });

  it('keeps the rows the restore kept when records are dropped, duplicated or taken by the schema', () => {
    const data = generateDataset(400);
    const events = data.events as Record<string, unknown>[];
    events[3]!.kind = 'teleport'; // dropped by both checks
    events[10] = { ...events[11]!, title: 'not a text' }; // a bad record with the id of the next…
    events[20]!.trip = 'no-such-trip'; // dropped at references
    events[30]!.start = '2019-02-30'; // dropped at dates
    events[40] = { ...events[40]!, sources: [] }; // dropped: a source is needed
    events.push({ ...events[50]! }); // a duplicate of a good record: the first stays
    events[60] = { ...events[60]!, note: 'not a field' }; // the fast check declines; the schema strips it
    const text = JSON.stringify(data);
    const out: RestoreOut = {};
    expect(packDataset(loadText(text, {}, out).dataset, out.origins!).packed.bySchema.size).toBe(1);
    const { worker, main } = roundTrip(text);
    expect(worker.eventsById.get(events[60]!.id as string)).not.toHaveProperty('note');
    expect(worker.problems.length).toBeGreaterThanOrEqual(5);
    expect(worker.eventsById.has(events[11]!.id as string)).toBe(true); // …which stays
    expectSame(main, worker);
  });

  it('says when the main thread parsed a different text', () => {
    const text = JSON.stringify(generateDataset(200));
    const out: RestoreOut = {};
    const handoff = packDataset(loadText(text, {}, out).dataset, out.origins!);
    const other = (JSON.parse(text) as { events: Record<string, unknown>[] }).events;
    expect(unpackDataset(handoff, prepareEvents(other.slice(0, 100)))).toBeNull(); // rows past the end
    other[other.length - 1] = { ...other[0]! }; // a row the fast check reads as a duplicate id
    expect(unpackDataset(handoff, prepareEvents(other))).toBeNull();
    other[5] = { ...other[5]!, kind: 'teleport' }; // a row the fast check declines
    expect(unpackDataset(handoff, prepareEvents(other))).toBeNull();
    expect(prepareEvents({ events: 'no' })).toBeNull();
    expect(unpackDataset(handoff, null)).toBeNull();
  });
});
