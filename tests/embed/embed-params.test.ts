import { describe, expect, it } from 'vitest';
import { fullViewSearch, parseEmbedParams, resolveAliases } from '../../src/embed/embed-params';

describe('parseEmbedParams(search, hash)', () => {
  it('is off by default', () => {
    expect(parseEmbedParams('', '')).toEqual({
      embed: false,
      chrome: true,
      height: null,
      childId: null,
      secret: null,
      id: 'itinera',
    });
  });

  it('reads embed, height, chrome and the pym.js childId, tolerating initialWidth', () => {
    const p = parseEmbedParams('?embed=1&height=480&chrome=0&initialWidth=640&childId=story-map', '');
    expect(p).toMatchObject({ embed: true, height: 480, chrome: false, childId: 'story-map', id: 'story-map' });
  });

  it('clamps the height and ignores a height that is not a number', () => {
    expect(parseEmbedParams('?height=5', '').height).toBe(120);
    expect(parseEmbedParams('?height=99999', '').height).toBe(4000);
    expect(parseEmbedParams('?height=tall', '').height).toBeNull();
  });

  it("reads WordPress's #?secret= and refuses odd secrets", () => {
    expect(parseEmbedParams('?embed=1', '#?secret=abc123XY').secret).toBe('abc123XY');
    expect(parseEmbedParams('', '#?secret=a"b').secret).toBeNull();
  });

  it('refuses odd ids', () => {
    expect(parseEmbedParams('?childId=<x>', '').childId).toBeNull();
    expect(parseEmbedParams('?embed_id=map-2&childId=c', '').id).toBe('map-2');
  });
});

describe('resolveAliases(search, ids)', () => {
  const ids = ['a', 'b', 'c'];
  it('maps language to lang and source to data', () => {
    expect(new URLSearchParams(resolveAliases('?language=fr&source=d.json')).get('lang')).toBe('fr');
    expect(new URLSearchParams(resolveAliases('?source=d.json')).get('data')).toBe('d.json');
  });
  it('keeps an Itinera name over its TimelineJS alias', () => {
    expect(new URLSearchParams(resolveAliases('?language=fr&lang=en')).get('lang')).toBe('en');
    expect(new URLSearchParams(resolveAliases('?start_at_slide=1&event=c', ids)).get('event')).toBe('c');
  });
  it('opens start_at_slide (0-based, in time order) and start_at_end', () => {
    expect(new URLSearchParams(resolveAliases('?start_at_slide=0', ids)).get('event')).toBe('a');
    expect(new URLSearchParams(resolveAliases('?start_at_slide=1', ids)).get('event')).toBe('b');
    expect(new URLSearchParams(resolveAliases('?start_at_slide=99', ids)).get('event')).toBe('c');
    expect(new URLSearchParams(resolveAliases('?start_at_end=true', ids)).get('event')).toBe('c');
    expect(new URLSearchParams(resolveAliases('?start_at_slide=x', ids)).get('event')).toBeNull();
  });
  it('waits for the events before choosing a slide', () => {
    expect(new URLSearchParams(resolveAliases('?start_at_slide=1')).get('event')).toBeNull();
  });
});

describe('fullViewSearch(search)', () => {
  it('drops the frame-only parameters and keeps the view', () => {
    expect(fullViewSearch('?embed=1&height=400&childId=c&initialWidth=600&event=e&t=2023&theme=dark')).toBe(
      '?event=e&t=2023&theme=dark',
    );
    expect(fullViewSearch('?embed=1')).toBe('');
  });
});
