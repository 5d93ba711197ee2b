import { describe, expect, it } from 'vitest';
import { sourceResolver } from '../../scripts/bench/profile.mjs';

describe('sourceResolver', () => {
  it('names a script without an address as it is, without asking for its file', () => {
    const asked: string[] = [];
    const resolve = sourceResolver((url: string) => {
      asked.push(url);
      return null;
    });
    // A CPU profile's call frames carry such names (the 10k run of 1 Dec stopped on "Invalid URL").
    expect(resolve('__playwright_evaluation_script__', 3, 7)).toEqual({
      source: '__playwright_evaluation_script__',
      name: null,
      line: 4,
    });
    expect(asked).toEqual([]);
    // A served file without a map is named by its path.
    expect(resolve('http://127.0.0.1:4173/peer/vis-timeline.js', 0, 0)).toEqual({
      source: 'peer/vis-timeline.js',
      name: null,
      line: 1,
    });
    expect(asked).toEqual(['http://127.0.0.1:4173/peer/vis-timeline.js']);
    expect(resolve('', 0, 0)).toBeNull();
  });
});
