// The timeline's level of detail (src/timeline/timeline-lod.ts): which marks keep a 24 px target of
// their own and which are grouped into a bin, how rows are shared among lanes, and lanes sharing rows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupConsecutive, laneLod, overlapRuns, shareRows, type Target } from '../../src/timeline/timeline-lod';

const HIT = 24;
/** A point mark at x: its target is a target wide, centred. */
const at = (x: number): Target => ({ a: x - HIT / 2, b: x + HIT / 2 });
const overlaps = (p: Target, q: Target) => Math.min(p.b, q.b) - Math.max(p.a, q.a) > 1e-6;

/** Every target of the result (own targets and bins) with its row. */
function targetsOf(input: readonly Target[], lod: ReturnType<typeof laneLod>) {
  const own = input.flatMap((t, i) => (lod.row[i]! >= 0 ? [{ ...t, row: lod.row[i]!, i }] : []));
  const bins = lod.bins.map((b) => ({ a: b.a, b: b.b, row: b.row, i: -1 }));
  return { own, bins, all: [...own, ...bins] };
}

describe('laneLod', () => {
  it('merges marks closer than a target into a bin when the lane has one row', () => {
    const input = [at(100), at(110), at(118)];
    const lod = laneLod(input, { maxRows: 1 });
    expect(lod.bins).toHaveLength(1);
    expect(lod.bins[0]!.members).toEqual([0, 1, 2]);
    expect(lod.row).toEqual([-1, -1, -1]);
    expect(lod.bin).toEqual([0, 0, 0]);
    expect(lod.bins[0]!.a).toBe(88);
    expect(lod.bins[0]!.b).toBe(130);
    expect(lod.used).toBe(1);
  });

  it('keeps marks a target apart (or farther) as marks of their own', () => {
    const input = [at(100), at(124), at(300)];
    const lod = laneLod(input, { maxRows: 1 });
    expect(lod.bins).toEqual([]);
    expect(lod.row).toEqual([0, 0, 0]);
  });

  it('stacks close marks in rows instead when the lane has room for them', () => {
    const lod = laneLod([at(100), at(110), at(118)], { maxRows: 3 });
    expect(lod.bins).toEqual([]);
    expect([...lod.row].sort()).toEqual([0, 1, 2]);
    expect(lod.used).toBe(3);
  });

  it('bins only the crowded group and leaves a far mark alone', () => {
    const input = [at(100), at(104), at(108), at(400)];
    const lod = laneLod(input, { maxRows: 2 });
    expect(lod.bins).toHaveLength(1);
    expect(lod.bins[0]!.members).toEqual([0, 1, 2]);
    expect(lod.row[3]).toBe(0);
  });

  it('keeps a long bar as a mark and bins the short marks over it', () => {
    // A stay of 300 px with four events within its first days, and the lane has two rows.
    const bar = { a: 100, b: 400 };
    const input = [bar, at(120), at(126), at(132), at(138)];
    const lod = laneLod(input, { maxRows: 2 });
    expect(lod.row[0]).toBeGreaterThanOrEqual(0);
    expect(lod.bins).toHaveLength(1);
    expect(lod.bins[0]!.members).toEqual([1, 2, 3, 4]);
  });

  it('puts a long bar lying wholly inside a bin into that bin', () => {
    const input = [at(100), at(110), { a: 95, b: 150 }, at(140), at(146)];
    const lod = laneLod(input, { maxRows: 1 });
    expect(lod.bins).toHaveLength(1);
    expect(lod.bins[0]!.members.sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('gives the same answer for the same marks in any input order', () => {
    const xs = [300, 100, 110, 500, 118, 505];
    const a = laneLod(xs.map(at), { maxRows: 1 });
    const perm = [5, 3, 1, 0, 4, 2];
    const b = laneLod(
      perm.map((k) => at(xs[k]!)),
      { maxRows: 1 },
    );
    const spans = (lod: typeof a) => lod.bins.map((bin) => [bin.a, bin.b, bin.members.length]);
    expect(spans(b)).toEqual(spans(a));
    // Members are listed in time order, ties by input order.
    expect(a.bins.map((bin) => bin.members)).toEqual([
      [1, 2, 4],
      [3, 5],
    ]);
  });

  it('never overlaps two targets in a row, never uses more rows than given, and never spans a bin across a mark of its own', () => {
    const target = fc.oneof(
      fc.integer({ min: 0, max: 800 }).map((x) => at(x)),
      fc
        .tuple(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 8, max: 200 }))
        .map(([x, w]) => ({ a: x + w / 2 - Math.max(HIT, w) / 2, b: x + w / 2 + Math.max(HIT, w) / 2 })),
    );
    fc.assert(
      fc.property(fc.array(target, { maxLength: 60 }), fc.integer({ min: 1, max: 6 }), (input, maxRows) => {
        const lod = laneLod(input, { maxRows });
        const { own, bins, all } = targetsOf(input, lod);
        expect(lod.used).toBeLessThanOrEqual(maxRows);
        // Every input is either its own target or in exactly one bin.
        input.forEach((_, i) => expect(lod.row[i]! >= 0 !== lod.bin[i]! >= 0).toBe(true));
        expect(lod.bins.reduce((n, b) => n + b.members.length, 0)).toBe(
          input.filter((_, i) => lod.bin[i]! >= 0).length,
        );
        for (const b of lod.bins) {
          expect(b.members.length).toBeGreaterThan(1);
          expect(b.b - b.a).toBeGreaterThanOrEqual(HIT - 1e-9);
        }
        for (let p = 0; p < all.length; p++)
          for (let q = p + 1; q < all.length; q++)
            if (all[p]!.row === all[q]!.row) expect(overlaps(all[p]!, all[q]!)).toBe(false);
        for (const b of bins)
          for (const m of own) expect(m.a >= b.a && m.b <= b.b && m.b - m.a < b.b - b.a).toBe(false);
      }),
    );
  });
});

describe('overlapRuns', () => {
  it('chains targets that overlap one another, and runs never overlap', () => {
    const input = [at(0), at(20), at(40), at(100), at(124)];
    expect(overlapRuns(input, [0, 1, 2, 3, 4])).toEqual([[0, 1, 2], [3], [4]]);
  });
});

describe('shareRows', () => {
  it('gives each busy lane a row, then the rest to the lanes with the fewest', () => {
    expect(shareRows([3, 0, 5, 1], 6)).toEqual([3, 0, 2, 1]);
    expect(shareRows([3, 0, 5, 1], 20)).toEqual([3, 0, 5, 1]);
    expect(shareRows([2, 2], 3)).toEqual([2, 1]);
  });

  it('says when there is not a row for each busy lane', () => {
    expect(shareRows([1, 1, 1], 2)).toBeNull();
  });
});

describe('groupConsecutive', () => {
  it('splits lanes into runs whose sizes differ by one at most, in order', () => {
    expect(groupConsecutive([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 7)).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
      [6, 7],
      [8, 9],
      [10],
      [11],
    ]);
    expect(groupConsecutive([4, 7], 5)).toEqual([[4], [7]]);
    expect(groupConsecutive([1, 2, 3], 0)).toEqual([[1, 2, 3]]);
  });
});
