// Map labels without collisions (src/map/place-labels.ts): the greedy placement, the grouping of close
// places, short names, the visible part of a country and its localized name.
import { describe, expect, it } from 'vitest';
import {
  candidates,
  clipRing,
  countryName,
  groupPlaces,
  intersects,
  placeLabels,
  rectInside,
  ringBox,
  ringCentroid,
  shortName,
  type LabelRequest,
} from '../../src/map/place-labels';

const bounds = { x: 0, y: 0, w: 400, h: 300 };
const req = (id: string, x: number, y: number, w = 80, h = 14): LabelRequest => ({
  id,
  at: { x, y },
  w,
  h,
  near: 6,
  far: 40,
});

describe('placeLabels', () => {
  it('puts a lone label right of its point, centred on it', () => {
    expect(placeLabels([req('a', 100, 100)], [], bounds)).toEqual([{ id: 'a', rect: { x: 106, y: 93, w: 80, h: 14 } }]);
  });

  it('never overlaps two labels, and keeps them inside the bounds', () => {
    const requests = Array.from({ length: 40 }, (_, i) => req(`p${i}`, 40 + ((i * 37) % 320), 30 + ((i * 53) % 240)));
    const placed = placeLabels(requests, [], bounds);
    expect(placed.length).toBeGreaterThan(10);
    for (const a of placed) {
      expect(a.rect.x).toBeGreaterThanOrEqual(0);
      expect(a.rect.x + a.rect.w).toBeLessThanOrEqual(400);
      for (const b of placed) if (a !== b) expect(intersects(a.rect, b.rect), `${a.id} × ${b.id}`).toBe(false);
    }
  });

  it('places by priority: the first label gets the best spot, a later one moves or is left out', () => {
    const placed = placeLabels([req('first', 100, 100), req('second', 104, 100)], [], bounds);
    expect(placed[0]).toEqual({ id: 'first', rect: { x: 106, y: 93, w: 80, h: 14 } });
    expect(placed[1]?.id).toBe('second');
    expect(intersects(placed[0]!.rect, placed[1]!.rect)).toBe(false);
    // Room for two wide labels (above and below the point), not for a third.
    const strip = { x: 0, y: 0, w: 200, h: 40 };
    const crowded = placeLabels([req('a', 100, 20, 180), req('b', 100, 20, 180), req('c', 100, 20, 180)], [], strip);
    expect(crowded.map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('steps around obstacles (markers, controls), out to the farthest distance', () => {
    const marker = { x: 90, y: 60, w: 120, h: 80 };
    const [p] = placeLabels([req('a', 100, 100)], [marker], bounds);
    expect(intersects(p!.rect, marker, 2)).toBe(false);
    expect(Math.hypot(p!.rect.x + p!.rect.w / 2 - 100, p!.rect.y + p!.rect.h / 2 - 100)).toBeLessThan(40 + 80);
    expect(placeLabels([req('a', 100, 100)], [{ x: 0, y: 0, w: 400, h: 300 }], bounds)).toEqual([]);
  });

  it('tries nearer positions before farther ones', () => {
    const c = candidates(req('a', 100, 100));
    expect(c).toHaveLength(32);
    expect(c[0]!.x).toBe(106);
    expect(c.at(-1)!.x).toBeLessThan(100 - 40 * Math.SQRT1_2 - 80 + 0.001);
  });
});

describe('groupPlaces and shortName', () => {
  it('gives places closer than the radius one label, named after the heaviest', () => {
    const groups = groupPlaces(
      [
        { id: 'fefu', at: { x: 100, y: 100 }, name: 'Far Eastern Federal University', events: 4, weight: 4 },
        { id: 'vladivostok', at: { x: 104, y: 98 }, name: 'Vladivostok', events: 3, weight: 5 },
        { id: 'khabarovsk', at: { x: 200, y: 20 }, name: 'Khabarovsk', events: 1, weight: 3 },
      ],
      30,
    );
    expect(groups.map((g) => g.members.map((m) => m.id))).toEqual([['vladivostok', 'fefu'], ['khabarovsk']]);
    expect(groups[0]!.events).toBe(7);
  });

  it('cuts a venue name at its first comma or parenthesis', () => {
    expect(shortName('Vostochny Cosmodrome, technical complex (summit building)')).toBe('Vostochny Cosmodrome');
    expect(shortName('Moscow (Kremlin)')).toBe('Moscow');
    expect(shortName('Khasan Station')).toBe('Khasan Station');
    expect(shortName('(unnamed)')).toBe('(unnamed)');
    expect(shortName('Комсомольский-на-Амуре авиационный завод имени Гагарина')).toBe('Комсомольский-на-Амуре…');
  });
});

describe('country names', () => {
  const square = [
    { x: -50, y: -50 },
    { x: 150, y: -50 },
    { x: 150, y: 150 },
    { x: -50, y: 150 },
  ];

  it('clips a country to the view and finds the centre of what is visible', () => {
    const clipped = clipRing(square, { x: 0, y: 0, w: 100, h: 100 });
    const { area, at } = ringCentroid(clipped);
    expect(area).toBeCloseTo(10_000, 6);
    expect(at.x).toBeCloseTo(50, 6);
    expect(at.y).toBeCloseTo(50, 6);
    expect(clipRing(square, { x: 500, y: 500, w: 10, h: 10 })).toEqual([]);
  });

  it('fits the name inside the country, away from what is taken', () => {
    const ring = clipRing(square, { x: 0, y: 0, w: 100, h: 100 });
    expect(rectInside(ring, { x: 50, y: 50 }, 40, 10)).toEqual({ x: 30, y: 45, w: 40, h: 10 });
    const taken = { x: 20, y: 40, w: 60, h: 20 };
    const r = rectInside(ring, { x: 50, y: 50 }, 40, 10, (c) => !intersects(c, taken, 4));
    expect(r).not.toBeNull();
    expect(intersects(r!, taken, 4)).toBe(false);
    expect(rectInside(ring, { x: 50, y: 50 }, 140, 10)).toBeNull();
  });

  it('bounds a ring in degrees, to leave out of the projection the countries out of view', () => {
    expect(
      ringBox([
        [10, 50],
        [12, 48],
        [9, 47],
        [10, 50],
      ]),
    ).toEqual([9, 47, 12, 50]);
  });

  it("names a country in the reader's language from its Natural Earth id", () => {
    expect(countryName('643', 'Russia', 'en')).toBe('Russia');
    expect(countryName('643', 'Russia', 'fr')).toBe('Russie');
    expect(countryName('408', 'North Korea', 'ko')).toBe('북한');
    expect(countryName(undefined, 'Kosovo', 'fr')).toBe('Kosovo');
  });
});
