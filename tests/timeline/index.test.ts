// The timeline's scale-independent helpers: the time index behind windowed rendering, the row
// levels and hit areas behind 24 px targets, the keys of the overview slider, the window caption,
// and the symbol of every event kind.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inkOn, KIND_GLYPHS, kindGlyph } from '../../src/core/kind-symbols';
import { EVENT_KINDS } from '../../src/core/schema';
import { inWindow } from '../../src/core/selectors';
import { fitText } from '../../src/timeline/timeline';
import {
  brushedWindow,
  DAY,
  estimateTextWidth,
  formatWindow,
  handleReach,
  HOUR,
  keyWindow,
  packRows,
  queryWindow,
  rowHitAreas,
  rowLevel,
  rowSpanOf,
  startOrder,
  truncateLabel,
  zoomLimits,
} from '../../src/timeline/timeline-math';

const span = fc
  .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 60 }))
  .map(([t0, d]) => ({ t0, t1: t0 + d }));

describe('the time index', () => {
  it('answers a window query with exactly the spans that overlap it, in start order, sorted or not', () => {
    fc.assert(
      fc.property(
        fc.array(span, { maxLength: 80 }),
        fc.boolean(),
        fc.integer({ min: -50, max: 1050 }),
        fc.nat(300),
        (raw, sortFirst, a, w) => {
          // A dataset's events come in time order (core's index); other spans take the scan.
          const spans = sortFirst ? [...raw].sort((x, y) => x.t0 - y.t0) : raw;
          const win = [a, a + w] as const;
          const got = queryWindow(spans, win);
          const want = spans.map((s, i) => [s, i] as const).filter(([s]) => inWindow(s, win));
          expect(new Set(got)).toEqual(new Set(want.map(([, i]) => i)));
          expect(got).toHaveLength(want.length);
          const starts = got.map((i) => spans[i]!.t0);
          expect(starts).toEqual([...starts].sort((x, y) => x - y));
          const order = [...startOrder(spans)];
          expect(new Set(order).size).toBe(spans.length);
          expect(order.map((i) => spans[i]!.t0)).toEqual(spans.map((s) => s.t0).sort((x, y) => x - y));
        },
      ),
    );
  });
});

describe('rows by zoom level', () => {
  it('picks the finest level whose span is at least the spacing on screen', () => {
    expect(rowLevel(60_000, 26)).toBe(0); // 26 min at a minute per px: 3 h is enough
    const msPerPx = DAY / 90; // about 90 px a day
    const level = rowLevel(msPerPx, 26);
    expect(rowSpanOf(level)).toBeGreaterThanOrEqual(msPerPx * 26);
    expect(level === 0 || rowSpanOf(level - 1) < msPerPx * 26).toBe(true);
  });

  it('keeps instants of one row at least a target apart on screen at that level', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 * DAY }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 50_000_000 }),
        (ts, msPerPx) => {
          const spans = ts.map((t) => ({ t0: t, t1: t }));
          const rows = packRows(spans, rowSpanOf(rowLevel(msPerPx, 26)));
          const byRow = new Map<number, number[]>();
          rows.forEach((r, i) => byRow.set(r, [...(byRow.get(r) ?? []), spans[i]!.t0]));
          const level = rowLevel(msPerPx, 26);
          if (rowSpanOf(level) < msPerPx * 26) return; // the coarsest level cannot promise it
          for (const list of byRow.values()) {
            list.sort((a, b) => a - b);
            for (let i = 1; i < list.length; i++)
              expect((list[i]! - list[i - 1]!) / msPerPx).toBeGreaterThanOrEqual(26);
          }
        },
      ),
    );
  });
});

describe('hit areas along a row', () => {
  it('are 24 px wide when marks are 24 px apart, and never overlap', () => {
    const items = [0, 30, 60].map((c) => ({ start: c - 9, end: c + 9, point: true }));
    expect(rowHitAreas(items, 24)).toEqual([
      { x: -12, width: 24 },
      { x: 18, width: 24 },
      { x: 48, width: 24 },
    ]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 12 }), (cs) => {
        const sorted = [...cs].sort((a, b) => a - b).map((c) => ({ start: c - 9, end: c + 9, point: true }));
        const hits = rowHitAreas(sorted, 24);
        for (let i = 1; i < hits.length; i++)
          expect(hits[i]!.x).toBeGreaterThanOrEqual(hits[i - 1]!.x + hits[i - 1]!.width - 1e-9);
      }),
    );
  });

  it('keep a bar at least its own width', () => {
    expect(rowHitAreas([{ start: 10, end: 110, point: false }], 24)).toEqual([{ x: 10, width: 100 }]);
  });
});

describe('keys of the overview slider', () => {
  const full = [0, 100 * DAY] as const;
  const limits = zoomLimits(full);
  const w = [40 * DAY, 50 * DAY] as const;
  it('moves by a tenth with the arrows and a whole window with Page Up/Down', () => {
    expect(keyWindow('ArrowRight', false, w, full, limits)).toEqual([41 * DAY, 51 * DAY]);
    expect(keyWindow('ArrowLeft', false, w, full, limits)).toEqual([39 * DAY, 49 * DAY]);
    expect(keyWindow('PageUp', false, w, full, limits)).toEqual([50 * DAY, 60 * DAY]);
    expect(keyWindow('PageDown', false, w, full, limits)).toEqual([30 * DAY, 40 * DAY]);
  });
  it('resizes with Shift+arrows and zooms with + and −, around the centre', () => {
    const wider = keyWindow('ArrowRight', true, w, full, limits)!;
    expect(wider[1] - wider[0]).toBeCloseTo(12.5 * DAY);
    expect((wider[0] + wider[1]) / 2).toBeCloseTo(45 * DAY);
    const narrower = keyWindow('ArrowLeft', true, w, full, limits)!;
    expect(narrower[1] - narrower[0]).toBeCloseTo(8 * DAY);
    expect(keyWindow('+', false, w, full, limits)).toEqual([42.5 * DAY, 47.5 * DAY]);
    expect(keyWindow('-', false, w, full, limits)).toEqual([35 * DAY, 55 * DAY]);
  });
  it('goes to the start and the end, and stays inside the data', () => {
    expect(keyWindow('Home', false, w, full, limits)).toEqual([0, 10 * DAY]);
    expect(keyWindow('End', false, w, full, limits)).toEqual([90 * DAY, 100 * DAY]);
    const ends = [20 * DAY, 80 * DAY] as const;
    expect(keyWindow('Home', false, w, full, limits, ends)).toEqual([19.5 * DAY, 29.5 * DAY]);
    expect(keyWindow('End', false, w, full, limits, ends)).toEqual([70.5 * DAY, 80.5 * DAY]);
    expect(keyWindow('ArrowRight', false, [95 * DAY, 100 * DAY], full, limits)).toEqual([95 * DAY, 100 * DAY]);
    expect(keyWindow('x', false, w, full, limits)).toBeNull();
  });
});

describe('the window in words', () => {
  it('reads as a date range in the language, with hours for short windows', () => {
    const a = Date.UTC(2019, 3, 23);
    expect(formatWindow([a, Date.UTC(2019, 3, 28)], 'en')).toMatch(/^Apr 23\s–\s28, 2019$/);
    expect(formatWindow([a, Date.UTC(2019, 3, 28)], 'fr')).toMatch(/23.*28 avr\. 2019/);
    expect(formatWindow([a + 6 * HOUR, a + 18 * HOUR], 'en')).toMatch(/06:00.*18:00/);
  });
});

describe('kind symbols', () => {
  it('has a distinct glyph for every kind of the schema, and a fallback', () => {
    const glyphs = EVENT_KINDS.map((k) => KIND_GLYPHS[k]);
    expect(glyphs.every((g) => /^<(path|circle)/.test(g))).toBe(true);
    expect(new Set(glyphs).size).toBe(EVENT_KINDS.length);
    expect(kindGlyph('unknown-kind')).toBe(KIND_GLYPHS.other);
  });
  it('picks the ink that reads on a trip colour', () => {
    expect(inkOn('#0072B2')).toBe('#ffffff');
    expect(inkOn('#F0E442')).toBe('#111111');
  });
});

describe('fitText', () => {
  // In Node there is no canvas: measureText falls back to estimateTextWidth, which the reference uses too.
  const width = (text: string) => estimateTextWidth(text, 11);
  /** One measurement per character cut, from the end: the longest truncation that fits, 4 at least. */
  const reference = (text: string, max: number) => {
    if (width(text) <= max) return text;
    let n = Array.from(text).length;
    while (n > 4 && width(truncateLabel(text, n)) > max) n--;
    return truncateLabel(text, n);
  };

  it('finds the longest truncation that fits, as cutting one character at a time does', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'W', ' ', 'é', '한', '…', 'i'), maxLength: 80 }),
        fc.integer({ min: 0, max: 400 }),
        (text, max) => {
          expect(fitText(text, max, '11px sans-serif')).toBe(reference(text, max));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("the brush's resize handles", () => {
  it('reach half a handle into a wide selection, and leave at least a handle of a narrow one to drag', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 400, noNaN: true }), fc.integer({ min: 2, max: 30 }), (width, handle) => {
        const reach = handleReach(width, handle);
        expect(reach).toBeGreaterThanOrEqual(0);
        expect(reach).toBeLessThanOrEqual(handle / 2);
        // The middle left free between the two handles.
        expect(width - 2 * reach).toBeGreaterThanOrEqual(Math.min(width, handle) - 1e-9);
        if (width >= 2 * handle) expect(reach).toBe(handle / 2); // d3-brush's own placement
      }),
    );
    expect(handleReach(6, 10)).toBe(0);
    expect(handleReach(14, 10)).toBe(2);
  });
});

describe('the window read from a drag of the overview', () => {
  const limits = { minWidth: HOUR, maxWidth: 400 * DAY };
  const invert = (px: number) => px * DAY; // a day per pixel
  // A 2-hour window, drawn as a 4 px selection centred on it.
  const start = [100 * DAY, 100 * DAY + 2 * HOUR] as const;
  const from = [98, 102] as const;

  it('moves a narrow window by the time its selection moved, keeping its width', () => {
    expect(brushedWindow(start, from, [68, 72], invert, limits)).toEqual([70 * DAY, 70 * DAY + 2 * HOUR]);
  });

  it('resizes from the side that moved and keeps the other end', () => {
    expect(brushedWindow(start, from, [98, 112], invert, limits)).toEqual([start[0], start[1] + 10 * DAY]);
    expect(brushedWindow(start, from, [90, 102], invert, limits)).toEqual([start[0] - 8 * DAY, start[1]]);
    // Within the limits: narrower than the narrowest, or wider than the widest, from the end kept.
    expect(brushedWindow(start, from, [98, 101.9], invert, limits)).toEqual([start[0], start[0] + HOUR]);
    expect(brushedWindow(start, from, [98, 600], invert, limits)).toEqual([start[0], start[0] + 400 * DAY]);
  });

  it('reads a selection turned over as drawn', () => {
    expect(brushedWindow(start, from, [80, 98], invert, limits)).toEqual([80 * DAY, 98 * DAY]);
  });

  it('agrees with the drawn selection when the selection is as wide as the window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: -200, max: 200 }),
        (a, w, d) => {
          const f = [a, a + w] as const;
          const got = brushedWindow([invert(f[0]), invert(f[1])], f, [a + d, a + w + d], invert, {
            minWidth: 0,
            maxWidth: 1e15,
          });
          expect(got).toEqual([invert(a + d), invert(a + w + d)]);
        },
      ),
    );
  });
});
