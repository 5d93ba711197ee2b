import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadText } from '../../../src/core/import/load-text';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

describe('GeoJSON import', () => {
  const { dataset: d, format } = loadText(fixture('places.geojson'));
  const problem = (path: string) => d.problems.find((p) => p.path === path);

  it('is detected from the content', () => {
    expect(format).toBe('geojson');
  });
  it('makes Points into places, and events when they carry a time, in [lon, lat] order', () => {
    expect(d.places.get('pyongyang')).toMatchObject({ lat: 39.0047, lon: 125.7364, timeZone: 'Asia/Pyongyang' });
    expect(d.events.map((e) => [e.title.en, e.start])).toEqual([['Talks', '2019-04-25']]);
    const at = d.places.get(d.events[0]!.place!)!;
    expect([at.lat, at.lon]).toEqual([43.1112, 131.8818]);
  });
  it('makes LineStrings into legs between the places at their ends', () => {
    expect(d.legs.map((l) => [l.id, l.from, l.mode, l.geometry.length])).toEqual([['rail', 'pyongyang', 'train', 3]]);
  });
  it('reports bad coordinates, bad dates and a leg without mode at the feature', () => {
    expect(problem('features[3].geometry.coordinates[0]')?.message).toMatch(/200 is above the maximum 180/);
    expect(problem('features[4].properties.date')?.message).toMatch(/"someday"/);
    expect(problem('features[5].properties.mode')).toMatchObject({
      message: expect.stringMatching(/missing/),
      line: 9,
    });
  });
});
