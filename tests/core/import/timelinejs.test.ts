import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadText } from '../../../src/core/import/load-text';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

describe('TimelineJS3 import', () => {
  const { dataset: d, format } = loadText(fixture('timelinejs.json'));
  const problem = (path: string) => d.problems.find((p) => p.path === path);

  it('is detected from the content', () => {
    expect(format).toBe('timelinejs');
  });
  it('keeps the events, without a place ("no location"), with string or number date fields', () => {
    expect(d.events.map((e) => [e.id, e.start, e.place])).toEqual([
      ['dep-2019', '2019-04-24', undefined],
      ['talks-2019', '2019-04-25', undefined],
    ]);
  });
  it('turns headline, text, group, display_date and media into our fields', () => {
    const dep = d.eventsById.get('dep-2019')!;
    expect(dep.title.en).toBe('Departure from Pyongyang');
    expect(dep.summary?.en).toBe('The armoured train leaves.');
    expect(dep.timeText?.en).toMatch(/06:00/);
    expect(d.tripsById.get(dep.trip)?.title.en).toBe('2019 trip');
    expect(d.sources.get(dep.sources[0]!)).toMatchObject({ url: 'https://example.org/a', publisher: 'Example Wire' });
    expect(d.eventsById.get('talks-2019')!.timeText?.en).toBe('25 April, afternoon');
    expect(d.meta.title.en).toBe("Kim's train to Russia");
  });
  it("reports bad dates, end before start and duplicate ids in the file's own terms, with line:column", () => {
    expect(problem('events[2].start_date.month')).toMatchObject({ message: '13 is not in 1–12', line: 24 });
    expect(problem('events[3].end_date')?.message).toMatch(/before it starts/);
    expect(problem('events[4].unique_id')).toMatchObject({
      message: expect.stringMatching(/duplicate id "dep-2019"/),
      line: 39,
    });
    expect(d.totals.events).toBe(5);
  });
  it('drops a year outside 1000–2999 and a missing year with a reason', () => {
    const r = loadText(
      JSON.stringify({
        events: [{ start_date: { year: -500 } }, { start_date: { month: 3 } }, { start_date: { year: '20x9' } }],
      }),
    );
    expect(r.dataset.problems.map((p) => [p.path, p.message])).toEqual([
      ['events[0].start_date.year', '-500 is not in 1000–2999'],
      ['events[1].start_date.year', 'missing (expected a year)'],
      ['events[2].start_date.year', '"20x9" is not a whole number'],
    ]);
  });
  it('cites the imported file, with a warning, when an event names no source', () => {
    const r = loadText(JSON.stringify({ events: [{ start_date: { year: 2001 }, text: { headline: 'A' } }] }));
    expect(r.dataset.events).toHaveLength(1);
    expect(r.dataset.problems).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringMatching(/name no source/) }),
    ]);
  });
});
