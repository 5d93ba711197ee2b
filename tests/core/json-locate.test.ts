import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, locatePaths, parsePath, positionFinder } from '../../src/core/json-locate';

describe('parsePath', () => {
  it('splits keys and indexes', () => {
    expect(parsePath('events[3].start_date.year')).toEqual(['events', 3, 'start_date', 'year']);
    expect(parsePath('storymap.slides[0].location.lat')).toEqual(['storymap', 'slides', 0, 'location', 'lat']);
    expect(parsePath('')).toEqual([]);
  });
  it('is null for labels that are not paths', () => {
    expect(parsePath('(file)')).toBeNull();
    expect(parsePath('(root)')).toBeNull();
  });
});

describe('locatePaths', () => {
  const text =
    '{\n  "a": [1, {"b\\"q": "x\\u0041]}"}, 3],\n  "events": [\n    {"id": "e1"},\n    {"id": "e2", "start": "2019"}\n  ]\n}';
  it('finds the line and column of the value at a path', () => {
    const at = locatePaths(text, ['events[1].start', 'events[0]', 'a[2]']);
    expect(at.get('events[1].start')).toEqual({ line: 5, column: 27 });
    expect(at.get('events[0]')).toEqual({ line: 4, column: 5 });
    expect(at.get('a[2]')).toEqual({ line: 2, column: 35 });
  });
  it('is not fooled by escaped quotes and brackets inside strings', () => {
    expect(locatePaths(text, ['a[1].b"q']).get('a[1].b"q')).toEqual({ line: 2, column: 21 });
  });
  it('falls back to the nearest ancestor for a missing field', () => {
    expect(locatePaths(text, ['events[0].sources']).get('events[0].sources')).toEqual({ line: 4, column: 5 });
  });
  it('walks 200,000-deep nesting without overflowing the stack', () => {
    const deep = `{"x": ${'['.repeat(200_000)}1${']'.repeat(200_000)}, "y": 2}`;
    expect(locatePaths(deep, ['y']).get('y')).toEqual({ line: 1, column: deep.length - 1 });
  });
});

describe('findJsonSyntaxError', () => {
  it('is null for valid JSON', () => {
    expect(findJsonSyntaxError('{"a": [1, 2.5e3, true, null, "\\n"]}')).toBeNull();
  });
  it('gives the line and column of a trailing comma', () => {
    expect(findJsonSyntaxError('{\n  "a": 1,\n}')).toMatchObject({
      line: 3,
      column: 1,
      message: expect.stringMatching(/trailing comma/),
    });
  });
  it('names a comment, a single quote and a cut-short file', () => {
    expect(findJsonSyntaxError('{\n  // note\n}')).toMatchObject({
      line: 2,
      column: 3,
      message: expect.stringMatching(/comment/),
    });
    expect(findJsonSyntaxError("{'a': 1}")?.message).toMatch(/single quote/);
    expect(findJsonSyntaxError('{"a": [1, 2')?.message).toMatch(/cut short/);
    expect(findJsonSyntaxError('{"a": "open\n"}')).toMatchObject({
      line: 1,
      column: 12,
      message: expect.stringMatching(/not closed/),
    });
  });
  it('reports text after the value and an empty text', () => {
    expect(findJsonSyntaxError('{} x')?.message).toMatch(/after the end/);
    expect(findJsonSyntaxError('  ')?.message).toMatch(/empty/);
  });
});

describe('positionFinder', () => {
  it('counts lines from 1 and columns from 1', () => {
    const at = positionFinder('ab\ncd\n\nef');
    expect(at(0)).toEqual({ line: 1, column: 1 });
    expect(at(4)).toEqual({ line: 2, column: 2 });
    expect(at(7)).toEqual({ line: 4, column: 1 });
  });
});
