import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadText } from '../../../src/core/import/load-text';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

describe('CSV import', () => {
  const { dataset: d, format } = loadText(fixture('events.csv'), { name: 'events.csv' });
  const problem = (path: string) => d.problems.find((p) => p.path === path);

  it('is detected from the header', () => {
    expect(format).toBe('csv');
  });
  it('reads ISO and day/month/year dates, quoted commas and newlines, places from lat/lon', () => {
    expect(d.events.map((e) => [e.id, e.start, e.place])).toEqual([
      ['dep', '2019-04-24', 'pyongyang'],
      ['talks', '2019-04-25T13:00+10:00', 'vladivostok'],
    ]);
    expect(d.eventsById.get('dep')!.summary?.en).toBe('Leaves at dawn, by train');
    expect(d.eventsById.get('talks')!.summary?.en).toBe('Two rounds:\none small, one large');
    expect(d.places.get('vladivostok')).toMatchObject({
      lat: 43.1112,
      lon: 131.8818,
      timeZone: 'Asia/Vladivostok',
      country: 'RU',
    });
    expect(d.sources.get(d.eventsById.get('talks')!.sources[0]!)?.publisher).toBe('Another Wire');
  });
  it('reports each bad row by its line (a quoted newline counts), column name and reason', () => {
    expect(problem('row 5, start')).toMatchObject({ line: 5, message: 'day 31 is not in 2019-02' });
    expect(problem('row 6, lat')).toMatchObject({ line: 6, message: expect.stringMatching(/123 is out of range/) });
    expect(problem('row 7, id')?.message).toMatch(/duplicate id "dep"/);
    expect(d.totals.events).toBe(5);
    expect(d.events).toHaveLength(2);
  });
  it('reads a BOM, semicolons and decimal commas', () => {
    const r = loadText(fixture('events-bom-semicolon.csv'));
    expect(r.format).toBe('csv');
    expect(r.dataset.events).toHaveLength(1);
    const e = r.dataset.events[0]!;
    expect(e.start).toBe('2019-04-24');
    expect(r.dataset.places.get(e.place!)).toMatchObject({ lat: 43.1112, lon: 131.8818, timeZone: 'Etc/GMT-9' });
  });
  it('keeps a row without coordinates as an event with no location', () => {
    const r = loadText('title,date\nSomewhere unknown,2001-02-03\n');
    expect(r.dataset.events.map((e) => [e.title.en, e.place])).toEqual([['Somewhere unknown', undefined]]);
  });
});
