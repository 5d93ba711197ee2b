import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadText } from '../../../src/core/import/load-text';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

describe('StoryMapJS import', () => {
  const { dataset: d, format } = loadText(fixture('storymap.json'));
  const problem = (path: string) => d.problems.find((p) => p.path === path);

  it('is detected from the content', () => {
    expect(format).toBe('storymapjs');
  });
  it('makes slides into events at places, the overview into the title', () => {
    expect(d.meta.title.en).toBe('The 2023 trip');
    expect(d.events.map((e) => [e.title.en, e.start, d.places.get(e.place!)?.names.en])).toEqual([
      ['Departure', '2023-09-10', 'Pyongyang'],
      ['Border', '2023-09-12', 'Khasan'],
    ]);
  });
  it('joins slides with a route when line is set', () => {
    expect(d.legs.map((l) => [l.from, l.to, l.start, l.end])).toEqual([
      ['pyongyang', 'khasan', '2023-09-10', '2023-09-12'],
    ]);
  });
  it('reports an unreadable date and coordinates out of range at the slide', () => {
    expect(problem('storymap.slides[3].date')).toMatchObject({
      line: 8,
      message: expect.stringMatching(/mid-September/),
    });
    expect(problem('storymap.slides[4].location.lat')?.message).toMatch(/95 is out of range/);
    expect(d.totals.events).toBe(4);
  });
});
