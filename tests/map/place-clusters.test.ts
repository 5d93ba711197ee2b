import { describe, expect, it } from 'vitest';
import { clusterPlaces, shortCount, type PlacePoint } from '../../src/map/place-clusters';

const WORLD = [-180, -85, 180, 85] as const;
const total = (items: { count: number }[]) => items.reduce((n, i) => n + i.count, 0);

describe('clusterPlaces', () => {
  // Two towns close together in Korea, one far away in Moscow.
  const points: PlacePoint[] = [
    { placeId: 'pyongyang', lat: 39.03, lon: 125.75, count: 40 },
    { placeId: 'nampo', lat: 38.73, lon: 125.4, count: 2 },
    { placeId: 'moscow', lat: 55.75, lon: 37.62, count: 1 },
  ];

  it('groups nearby places at a low zoom and sums their events', () => {
    const items = clusterPlaces(points).items(WORLD, 3);
    const cluster = items.find((i) => i.kind === 'cluster');
    expect(cluster).toMatchObject({ kind: 'cluster', count: 42, places: 2 });
    expect(items.find((i) => i.kind === 'place')).toMatchObject({ placeId: 'moscow', count: 1 });
    expect(total(items)).toBe(43);
  });

  it('splits a cluster at its expansion zoom, and every place stands alone above maxZoom', () => {
    const clusters = clusterPlaces(points, { maxZoom: 11 });
    const cluster = clusters.items(WORLD, 3).find((i) => i.kind === 'cluster')!;
    if (cluster.kind !== 'cluster') throw new Error('expected a cluster');
    const zoom = clusters.expansionZoom(cluster.clusterId);
    expect(zoom).toBeGreaterThan(3);
    const split = clusters.items(WORLD, zoom);
    expect(split.filter((i) => i.kind === 'place').map((i) => i.kind === 'place' && i.placeId)).toEqual(
      expect.arrayContaining(['pyongyang', 'nampo']),
    );
    expect(clusters.items(WORLD, 12).every((i) => i.kind === 'place')).toBe(true);
  });

  it('returns only what is inside the box', () => {
    const items = clusterPlaces(points).items([30, 50, 45, 60], 5);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'place', placeId: 'moscow' });
  });

  it('handles no places', () => {
    expect(clusterPlaces([]).items(WORLD, 4)).toEqual([]);
  });
});

describe('shortCount', () => {
  it('keeps the disc short', () => {
    expect(shortCount(7)).toBe('7');
    expect(shortCount(999)).toBe('999');
    expect(shortCount(1250)).toBe('1.2k');
    expect(shortCount(12_500)).toBe('12k');
    expect(shortCount(100_000)).toBe('100k');
  });
});
