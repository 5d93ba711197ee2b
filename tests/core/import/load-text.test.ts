import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectJsonFormat, loadText } from '../../../src/core/import/load-text';
import { DEEP_NESTING, DEEP_UNCLOSED, FIVE_MB_STRING } from './hostile';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const fatalOf = (text: string) => {
  const r = loadText(text);
  expect(r.dataset.events).toEqual([]);
  const f = r.dataset.problems.find((p) => p.level === 'fatal');
  expect(f).toBeDefined();
  return { ...f!, parsed: r.parsed };
};

describe('detectJsonFormat', () => {
  it('tells the formats apart by their content', () => {
    expect(detectJsonFormat({ format: 'itinera/1', events: [] })).toBe('itinera');
    expect(detectJsonFormat({ events: [{ start_date: { year: 2000 } }] })).toBe('timelinejs');
    expect(detectJsonFormat({ title: { text: { headline: 'x' } } })).toBe('timelinejs');
    expect(detectJsonFormat({ storymap: { slides: [] } })).toBe('storymapjs');
    expect(detectJsonFormat({ type: 'FeatureCollection', features: [] })).toBe('geojson');
    expect(detectJsonFormat({ hello: 1 })).toBe('itinera');
  });
});

describe('loadText on our format', () => {
  it('gives every dropped record its line and column', () => {
    const d = loadText(fixture('broken-records.json')).dataset;
    expect(d.problems.every((p) => p.line !== undefined && p.column !== undefined)).toBe(true);
    expect(d.problems.find((p) => p.path === 'events[2].kind')).toMatchObject({ line: 21, column: 47 });
  });
});

describe('loadText on hostile files: a clear fatal problem, never a throw', () => {
  it('an empty file', () => {
    expect(fatalOf(fixture('empty.json'))).toMatchObject({
      message: expect.stringMatching(/the file is empty/),
      parsed: false,
    });
    expect(fatalOf('  \n\t ').message).toMatch(/empty/);
  });
  it('a truncated file, with the line and column', () => {
    const f = fatalOf(fixture('truncated.json'));
    expect(f.message).toMatch(/^not valid JSON at line 2, column 1: unexpected end of the file/);
    expect([f.line, f.column]).toEqual([2, 1]);
  });
  it('an HTML error page instead of JSON', () => {
    expect(fatalOf(fixture('html-error-page.json'))).toMatchObject({
      message: expect.stringMatching(/HTML page, not a dataset/),
      parsed: false,
    });
  });
  it('a JSON array at the root', () => {
    expect(fatalOf(fixture('array-root.json'))).toMatchObject({
      message: expect.stringMatching(/JSON array; a dataset is a JSON object/),
      parsed: true,
    });
  });
  it('a BOM is fine; a comment line is named, with its line', () => {
    expect(loadText(fixture('bom-only.json')).dataset.problems).toEqual([]);
    const f = fatalOf(fixture('bom-comment.json'));
    expect(f.message).toMatch(/line 2, column 3: .*comments are not allowed in JSON/);
  });
  it('a 5 MB string: loads, and the message does not repeat the 5 MB', () => {
    const d = loadText(FIVE_MB_STRING()).dataset;
    const p = d.problems.find((q) => q.path === 'events[0].start')!;
    expect(p.message.length).toBeLessThan(300);
    expect(p.message).toMatch(/5242880 characters/);
  });
  it('200,000-deep nesting, closed and unclosed', () => {
    const d = loadText(DEEP_NESTING()).dataset;
    expect(d.problems.find((p) => p.path === 'meta')).toMatchObject({
      message: expect.stringMatching(/expected object, got an array/),
      line: 1,
    });
    expect(fatalOf(DEEP_UNCLOSED()).message).toMatch(
      /not valid JSON at line 1, column \d+: unexpected end of the file/,
    );
  });
  it('wrong types everywhere: every collection and record reported, nothing thrown', () => {
    const d = loadText(fixture('wrong-types.json')).dataset;
    const paths = d.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'meta.id',
        'sources',
        'people',
        'places[0].lat',
        'trips[0].id',
        'legs[0].mode',
        'events[0].start',
        'events[1]',
        'events[2]',
        'events[3].title.en',
        'claims',
      ]),
    );
    expect(d.problems.every((p) => p.line !== undefined)).toBe(true);
  });
  it('a JSON object that is no known format says which formats are known', () => {
    expect(fatalOf('{"hello": "world"}').message).toMatch(
      /not an Itinera dataset .* TimelineJS, StoryMapJS, GeoJSON or CSV/,
    );
  });
  it('plain text that is neither JSON nor CSV', () => {
    expect(fatalOf('hello world').message).toMatch(/^not valid JSON at line 1, column 1/);
  });
});
