import { describe, expect, it } from 'vitest';
import { formatBytes, formatMs, percentile, ratio, summarize } from '../../scripts/bench/stats.mjs';

describe('percentile(values, p)', () => {
  it('interpolates between the closest ranks', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(xs, 50)).toBeCloseTo(5.5);
    expect(percentile(xs, 95)).toBeCloseTo(9.55);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile(xs, 100)).toBe(10);
  });
  it('does not depend on the order of the values and skips non-numbers', () => {
    expect(percentile([10, null, 1, NaN, 5], 50)).toBe(5);
  });
  it('is null for no values and rejects a percentile outside 0–100', () => {
    expect(percentile([], 50)).toBeNull();
    expect(() => percentile([1], 101)).toThrow(/invalid percentile: 101/);
  });
});

describe('summarize(values)', () => {
  it('gives count, p50, p95, max and mean', () => {
    const s = summarize([4, 1, 3, 2]);
    expect(s).toEqual({ n: 4, p50: 2.5, p95: expect.closeTo(3.85, 5) as number, max: 4, mean: 2.5 });
  });
  it('is empty for no values', () => {
    expect(summarize([])).toEqual({ n: 0, p50: null, p95: null, max: null, mean: null });
  });
});

describe('ratio(a, b) and the formatters', () => {
  it('rounds a ratio to two significant digits, null when a figure is missing', () => {
    expect(ratio(1, 3)).toBe(0.33);
    expect(ratio(1, 'timeout')).toBeNull();
  });
  it('formats durations and sizes, passing status texts through', () => {
    expect([formatMs(12.34), formatMs(1234), formatMs(21_000), formatMs('timeout')]).toEqual([
      '12.3 ms',
      '1.23 s',
      '21.0 s',
      'timeout',
    ]);
    expect([formatBytes(2048), formatBytes(3 * 1024 * 1024)]).toEqual(['2.0 KB', '3.0 MB']);
  });
});
