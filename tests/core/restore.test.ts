import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDatasetText, restoreDataset } from '../../src/core/restore';
import { restorePlain } from '../../src/core/restore-plain';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const small = () => JSON.parse(fixture('small.json')) as Record<string, unknown[]> & Record<string, unknown>;

describe('restoreDataset on a good file', () => {
  const d = restoreDataset(small());

  it('keeps every record and reports nothing', () => {
    expect(d.problems).toEqual([]);
    expect(d.events.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect(d.legs).toHaveLength(2);
    expect(d.places.size).toBe(3);
    expect(d.totals).toEqual({ events: 3, legs: 2, places: 3 });
  });

  it('parses event times in the place time zone and sorts them', () => {
    const e1 = d.eventsById.get('e1')!;
    expect(new Date(e1.t0).toISOString()).toBe('2019-04-23T15:00:00.000Z'); // midnight in Pyongyang (UTC+9)
    expect(e1.t1 - e1.t0).toBe(86_400_000);
    const e3 = d.eventsById.get('e3')!;
    expect(e3.t1 - e3.t0).toBe(5 * 3_600_000);
  });

  it('derives the route geometry and its length', () => {
    const l1 = d.legs.find((l) => l.id === 'l1')!;
    expect(l1.geometry).toHaveLength(3);
    expect(l1.lengthKm).toBeGreaterThan(500);
    const l2 = d.legs.find((l) => l.id === 'l2')!;
    expect(l2.geometry).toEqual([
      [42.4301, 130.6449],
      [43.1112, 131.8818],
    ]);
  });

  it('orders trips by their first activity and keeps claims', () => {
    expect(d.trips.map((t) => [t.id, t.order])).toEqual([['t1', 0]]);
    expect(d.claims.map((c) => c.id)).toEqual(['c1']);
  });
});

describe('claims', () => {
  it('are about an event, a leg, a trip or a place; any other id drops the claim and names where', () => {
    const input = small();
    const claim = (id: string, about: string) => ({ id, about, text: { en: 'A claim' }, sources: ['s1'] });
    input.claims = [
      claim('on-event', 'e2'),
      claim('on-leg', 'l1'),
      claim('on-trip', 't1'),
      claim('on-place', 'khasan'),
      claim('on-nothing', 'nowhere'),
      claim('on-source', 's1'),
    ];
    const d = restoreDataset(input);
    expect(d.claims.map((c) => c.id)).toEqual(['on-event', 'on-leg', 'on-trip', 'on-place']);
    expect(d.problems.map((p) => [p.path, p.message])).toEqual([
      ['claims[4].about', 'unknown event, leg, trip or place "nowhere"'],
      ['claims[5].about', 'unknown event, leg, trip or place "s1"'],
    ]);
  });
});

describe('restoreDataset drops each kind of bad record and keeps the rest', () => {
  const d = loadDatasetText(fixture('broken-records.json'));
  const problem = (path: string) => d.problems.find((p) => p.path === path);

  it('keeps the valid events', () => {
    expect(d.events.map((e) => e.id)).toEqual(['good-1', 'good-2']);
    expect(d.totals.events).toBe(8);
  });
  it('reports an unknown kind with the allowed values', () => {
    expect(problem('events[2].kind')?.message).toMatch(/"teleport" is not one of .*"talks"/);
  });
  it('reports a malformed date', () => {
    expect(problem('events[3].start')?.message).toMatch(/24\/04\/2019/);
  });
  it('reports an end before the start', () => {
    expect(problem('events[4].end')?.message).toMatch(/before it starts/);
  });
  it('reports a duplicate id', () => {
    expect(problem('events[5].id')?.message).toMatch(/duplicate id "good-1"/);
  });
  it('reports a missing source', () => {
    expect(problem('events[6].sources')?.message).toMatch(/at least one source/);
  });
  it('reports coordinates out of range, and then the event at that place', () => {
    expect(problem('places[2].lat')?.message).toMatch(/123.*maximum 90/);
    expect(problem('events[7].place')?.message).toMatch(/unknown place "nowhere"/);
  });
  it('reports a leg to a missing place', () => {
    expect(problem('legs[1].to')?.message).toMatch(/unknown place "atlantis"/);
    expect(d.legs.map((l) => l.id)).toEqual(['l1']);
  });
  it('marks every problem as a dropped record', () => {
    expect(d.problems.every((p) => p.level === 'dropped')).toBe(true);
    expect(d.problems).toHaveLength(8);
  });
});

describe('restoreDataset on unreadable input', () => {
  it('reports a JSON syntax error with line and column', () => {
    const d = loadDatasetText(fixture('truncated.json'));
    expect(d.problems).toHaveLength(1);
    expect(d.problems[0]).toMatchObject({ level: 'fatal', path: '(file)' });
    expect(d.problems[0]!.message).toMatch(/not valid JSON at line \d+, column \d+/);
    expect(d.events).toEqual([]);
  });
  it('reports a wrong format marker and a non-object', () => {
    expect(restoreDataset({ format: 'timelinejs' }).problems[0]).toMatchObject({ path: 'format', level: 'fatal' });
    expect(restoreDataset([1, 2]).problems[0]!.message).toMatch(/expected a JSON object, got an array/);
    expect(restoreDataset(null).problems[0]!.message).toMatch(/got null/);
  });
  it('survives a collection that is not an array', () => {
    const input = { ...small(), events: 'none' };
    const d = restoreDataset(input);
    expect(d.problems).toContainEqual({ path: 'events', message: 'expected an array, got "none"', level: 'warning' });
    expect(d.legs).toHaveLength(2);
  });
  it('drops a place with an unknown time zone', () => {
    const input = small();
    (input.places![0] as { timeZone: string }).timeZone = 'Mars/Olympus';
    const d = restoreDataset(input);
    expect(d.problems.find((p) => p.path === 'places[0].timeZone')?.message).toMatch(/unknown time zone/);
    expect(d.eventsById.has('e1')).toBe(false);
  });
  it('keeps in eventsById exactly the events kept, the first of a duplicated id', () => {
    const input = small();
    const events = input.events as Record<string, unknown>[];
    events[2]!.end = '2019-04-25T12:00+10:00'; // ends before it starts
    events.push({ ...events[0], title: { en: 'A second e1' } });
    for (const d of [restoreDataset(input), restorePlain(JSON.parse(JSON.stringify(input)), true)!]) {
      expect(d.events.map((e) => e.id)).toEqual(['e1', 'e2']);
      expect(d.eventsById.has('e3')).toBe(false);
      expect(d.eventsById.size).toBe(d.events.length);
      for (const e of d.events) expect(d.eventsById.get(e.id)).toBe(e);
      expect(d.eventsById.get('e1')!.title.en).not.toBe('A second e1');
    }
  });
});
