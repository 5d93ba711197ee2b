import { describe, expect, it } from 'vitest';
import { fanLayout, ringSlots, type FanLayout, type FanPoint } from '../../src/map/fan-layout';

const D = 28;

function placedAt(points: readonly FanPoint[], layout: FanLayout): { id: string; x: number; y: number }[] {
  return points.map((p) => {
    const o = layout.offsets.get(p.id)!;
    return { id: p.id, x: p.x + o.dx, y: p.y + o.dy };
  });
}

function minPairDistance(pts: readonly { x: number; y: number }[]): number {
  let min = Infinity;
  for (let i = 0; i < pts.length; i++)
    for (let j = i + 1; j < pts.length; j++)
      min = Math.min(min, Math.hypot(pts[i]!.x - pts[j]!.x, pts[i]!.y - pts[j]!.y));
  return min;
}

/** A small seeded generator, so the random cases are the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function randomPoints(n: number, size: number, seed: number): FanPoint[] {
  const r = lcg(seed);
  return Array.from({ length: n }, (_, i) => ({ id: `e${i}`, x: r() * size, y: r() * size }));
}

describe('ringSlots(n, d)', () => {
  it('puts one marker at the centre', () => {
    expect(ringSlots(1, D)).toEqual({ radius: 0, slots: [[0, 0]] });
  });

  it('keeps every pair of slots at least d apart, on one ring or several', () => {
    for (const n of [2, 3, 5, 8, 9, 20, 57, 200]) {
      const { slots } = ringSlots(n, D);
      expect(slots).toHaveLength(n);
      expect(minPairDistance(slots.map(([x, y]) => ({ x, y })))).toBeGreaterThanOrEqual(D - 1e-6);
    }
  });

  it('starts at 12 o’clock', () => {
    const [first] = ringSlots(4, D).slots;
    expect(first![0]).toBeCloseTo(0);
    expect(first![1]).toBeLessThan(0);
  });
});

describe('fanLayout(points, { minDistance })', () => {
  it('leaves lone markers where they are', () => {
    const points = [
      { id: 'a', x: 0, y: 0 },
      { id: 'b', x: 100, y: 0 },
      { id: 'c', x: 0, y: 100 },
    ];
    const layout = fanLayout(points, { minDistance: D });
    for (const p of points) expect(layout.offsets.get(p.id)).toEqual({ dx: 0, dy: 0 });
    expect(layout.groups).toEqual([]);
  });

  it('fans out markers at one point around it, in input order clockwise from the top', () => {
    const points = ['a', 'b', 'c', 'd'].map((id) => ({ id, x: 50, y: 50 }));
    const layout = fanLayout(points, { minDistance: D });
    const placed = placedAt(points, layout);
    expect(minPairDistance(placed)).toBeGreaterThanOrEqual(D - 1e-6);
    expect(layout.groups).toHaveLength(1);
    expect(layout.groups[0]!.ids).toEqual(['a', 'b', 'c', 'd']);
    expect(layout.groups[0]!.x).toBeCloseTo(50);
    expect(placed[0]!.y).toBeLessThan(50); // 'a' on top
    expect(placed[1]!.x).toBeGreaterThan(50); // 'b' to the right
  });

  it('fans out nearby points around their centroid, keeping their directions', () => {
    const points = [
      { id: 'west', x: 0, y: 0 },
      { id: 'east', x: 10, y: 0 },
    ];
    const placed = placedAt(points, fanLayout(points, { minDistance: D }));
    expect(placed[1]!.x - placed[0]!.x).toBeCloseTo(D);
    expect((placed[0]!.x + placed[1]!.x) / 2).toBeCloseTo(5);
  });

  it('keeps the order of directions around the centre, on one ring and on several', () => {
    for (const n of [6, 20]) {
      // Points on a small circle, given in a shuffled order: fanned out, they must keep their turn.
      const points = Array.from({ length: n }, (_, k) => {
        const a = ((k * 7) % n) * ((2 * Math.PI) / n);
        return { id: `p${(k * 7) % n}`, x: 100 + 3 * Math.sin(a), y: 100 - 3 * Math.cos(a) };
      });
      const layout = fanLayout(points, { minDistance: D });
      const turn = (p: { x: number; y: number }) => (Math.atan2(p.x - 100, -(p.y - 100)) + 2 * Math.PI) % (2 * Math.PI);
      const placed = placedAt(points, layout);
      const rings = new Map<number, typeof placed>();
      for (const p of placed) {
        const r = Math.round(Math.hypot(p.x - 100, p.y - 100));
        rings.set(r, [...(rings.get(r) ?? []), p]);
      }
      expect(rings.size).toBe(n <= 8 ? 1 : 2);
      for (const ring of rings.values()) {
        const byTurn = [...ring].sort((a, b) => turn(a) - turn(b)).map((p) => Number(p.id.slice(1)));
        // Turned, but cyclically increasing: at most one descent.
        const descents = byTurn.filter((v, i) => v < byTurn[(i + byTurn.length - 1) % byTurn.length]!).length;
        expect(descents).toBeLessThanOrEqual(1);
      }
    }
  });

  it('does not group points exactly minDistance apart', () => {
    const points = [
      { id: 'a', x: 0, y: 0 },
      { id: 'b', x: D, y: 0 },
    ];
    expect(fanLayout(points, { minDistance: D }).groups).toEqual([]);
  });

  it('keeps no two fanned markers closer than minDistance, across groups too', () => {
    for (const [n, size, seed] of [
      [10, 40, 1],
      [40, 120, 2],
      [150, 400, 3],
      [300, 300, 4],
    ] as const) {
      const points = randomPoints(n, size, seed);
      const layout = fanLayout(points, { minDistance: D });
      expect(layout.offsets.size).toBe(n);
      expect(minPairDistance(placedAt(points, layout))).toBeGreaterThanOrEqual(D - 1e-6);
    }
  });

  it('fans out a crowd at one place (Vladivostok at zoom 3) on several rings', () => {
    const points = Array.from({ length: 30 }, (_, i) => ({ id: `v${i}`, x: 200 + (i % 3) * 0.5, y: 300 }));
    const layout = fanLayout(points, { minDistance: D });
    expect(layout.groups).toHaveLength(1);
    expect(minPairDistance(placedAt(points, layout))).toBeGreaterThanOrEqual(D - 1e-6);
  });

  it('is deterministic', () => {
    const points = randomPoints(120, 250, 7);
    const a = fanLayout(points, { minDistance: D });
    const b = fanLayout(
      points.map((p) => ({ ...p })),
      { minDistance: D },
    );
    expect([...b.offsets]).toEqual([...a.offsets]);
    expect(b.groups).toEqual(a.groups);
  });

  it('returns nothing for no points', () => {
    expect(fanLayout([], { minDistance: D })).toEqual({ offsets: new Map(), groups: [] });
  });

  it('names a bad option', () => {
    expect(() => fanLayout([], { minDistance: 0 })).toThrow('invalid minDistance: 0');
    expect(() => fanLayout([], { minDistance: D, firstRing: 1 })).toThrow('invalid firstRing: 1');
  });
});
