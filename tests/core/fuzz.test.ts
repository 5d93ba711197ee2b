// Thousands of random inputs into the parsers a stranger's URL or file reaches: none throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePartialDate } from '../../src/core/dates';
import { loadDatasetText, restoreDataset } from '../../src/core/restore';
import { readUrl, writeUrl } from '../../src/state/url-state';

describe('fuzzing', () => {
  it('parsePartialDate returns an instant or a reason for any string, in any zone', () => {
    const zone = fc.constantFrom('UTC', 'Asia/Vladivostok', 'Asia/Pyongyang', 'Europe/Moscow', 'America/St_Johns');
    const dateLike = fc
      .tuple(
        fc.integer({ min: -10, max: 10_000 }),
        fc.integer({ min: -1, max: 14 }),
        fc.integer({ min: -1, max: 33 }),
        fc.integer({ min: -1, max: 25 }),
        fc.integer({ min: -1, max: 61 }),
        fc.constantFrom('Z', '+10:00', '-03:30', '+14:00', '+15:00', '', '+9'),
      )
      .map(
        ([y, m, d, h, mi, z]) =>
          `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}${z}`,
      );
    fc.assert(
      fc.property(fc.oneof(fc.string(), dateLike), zone, (text, tz) => {
        const r = parsePartialDate(text, tz);
        if (typeof r === 'string') expect(r.length).toBeGreaterThan(0);
        else {
          expect(Number.isFinite(r.ms)).toBe(true);
          expect(r.endMs).toBeGreaterThanOrEqual(r.ms);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('readUrl and writeUrl take any query string', () => {
    const param = fc.constantFrom('event', 'from', 'to', 'lang', 'data', 't', 'compare', 'embed', 'x');
    const query = fc
      .array(fc.tuple(param, fc.string()), { maxLength: 8 })
      .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`);
    fc.assert(
      fc.property(fc.oneof(query, fc.string()), (search) => {
        const state = readUrl(search);
        if (state.from !== null) expect(Number.isFinite(state.from)).toBe(true);
        const back = writeUrl(
          search,
          { selectedId: state.event, hoverId: null, window: null, lang: state.lang ?? 'en' } as never,
          {
            lang: 'en',
          },
        );
        expect(typeof back).toBe('string');
      }),
      { numRuns: 3000 },
    );
  });

  it('the loader returns data or problems with paths for any text or value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const d = loadDatasetText(text);
        for (const p of d.problems) expect(p.path.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const d = restoreDataset(value);
        expect(Array.isArray(d.events)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
