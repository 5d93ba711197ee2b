import { describe, expect, it } from 'vitest';
import { readUrl, writeUrl } from '../../src/state/url-state';
import { PLAYBACK_DEFAULTS, type ViewState } from '../../src/state/view-state';

const state = (s: Partial<ViewState>): ViewState => ({
  ...PLAYBACK_DEFAULTS,
  selectedId: null,
  hoverId: null,
  window: null,
  lang: 'en',
  ...s,
});

describe('readUrl', () => {
  it('reads event, from, to, lang and data', () => {
    const u = readUrl('?event=kju-2019-talks&from=2019-04-20&to=2019-04-28&lang=fr&data=other.json');
    expect(u.event).toBe('kju-2019-talks');
    expect(new Date(u.from!).toISOString()).toBe('2019-04-20T00:00:00.000Z');
    expect(new Date(u.to!).toISOString()).toBe('2019-04-29T00:00:00.000Z'); // a bare `to` day is inclusive
    expect(u.lang).toBe('fr');
    expect(u.data).toBe('other.json');
  });
  it('ignores malformed values', () => {
    expect(readUrl('?from=yesterday&lang=xx&event=')).toEqual({
      event: null,
      from: null,
      to: null,
      lang: null,
      data: null,
      t: null,
      compare: null,
      trips: null,
    });
  });
  it('reads trips= as a list of ids, each once, dropping malformed ones', () => {
    expect(readUrl('?trips=kju-2019-russia,kju-2023-russia').trips).toEqual(['kju-2019-russia', 'kju-2023-russia']);
    expect(readUrl('?trips=a,,a,%3Cb%3E,c').trips).toEqual(['a', 'c']);
    expect(readUrl('?trips=').trips).toBeNull();
  });
});

describe('writeUrl', () => {
  it('writes the trips shown and drops trips= when every trip is shown', () => {
    const search = writeUrl('?lang=fr', state({ trips: ['a', 'b'] }), { lang: 'en' });
    expect(new URLSearchParams(search).get('trips')).toBe('a,b');
    expect(readUrl(search).trips).toEqual(['a', 'b']);
    expect(writeUrl(search, state({ trips: null }), { lang: 'en' })).not.toContain('trips');
  });
  it('round-trips the window and the selection', () => {
    const w = [Date.UTC(2023, 8, 10, 6, 30), Date.UTC(2023, 8, 20)] as const;
    const search = writeUrl('', state({ selectedId: 'e1', window: w, lang: 'fr' }), { lang: 'en' });
    const back = readUrl(search);
    expect([back.from, back.to]).toEqual([...w]);
    expect(back.event).toBe('e1');
    expect(back.lang).toBe('fr');
  });
  it('keeps parameters it does not own and drops cleared ones', () => {
    const search = writeUrl('?data=x.json&event=old', state({}), { lang: 'en' });
    expect(search).toBe('?data=x.json');
  });
});
