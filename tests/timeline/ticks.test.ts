import { utcDay, utcHour, utcMonth, utcYear } from 'd3-time';
import { scaleUtc } from 'd3-scale';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  centreWindowAt,
  clampWindowWidth,
  DAY,
  estimateTextWidth,
  fitLabel,
  formatTick,
  HOUR,
  isMajorTick,
  laneIndex,
  laneLayout,
  markShape,
  packRows,
  MIN_WINDOW_MS,
  padWindow,
  panBounds,
  placeLabels,
  sameWindow,
  scaleExtentFor,
  shiftWindowInto,
  tickFormatter,
  tickLevel,
  tickStep,
  truncateLabel,
  zoomLimits,
  zoomWindowBy,
} from '../../src/timeline/timeline-math';

const utc = (s: string) => new Date(s);
const ms = (s: string) => Date.parse(s);

describe('tickLevel(step)', () => {
  it('maps d3 time-scale steps to the unit to print', () => {
    expect(tickLevel(365 * DAY)).toBe('year');
    expect(tickLevel(5 * 365 * DAY)).toBe('year');
    expect(tickLevel(90 * DAY)).toBe('month');
    expect(tickLevel(31 * DAY)).toBe('month');
    expect(tickLevel(28 * DAY)).toBe('month');
    expect(tickLevel(7 * DAY)).toBe('day');
    expect(tickLevel(DAY)).toBe('day');
    expect(tickLevel(12 * HOUR)).toBe('hour');
    expect(tickLevel(HOUR)).toBe('hour');
    expect(tickLevel(15 * 60_000)).toBe('minute');
  });

  it('goes years → months → days → hours as a scaleUtc zooms in', () => {
    const levelFor = (from: string, to: string) => {
      const x = scaleUtc()
        .domain([utc(from), utc(to)])
        .range([0, 1000]);
      const ticks = x.ticks(9);
      return tickLevel(tickStep(ticks, [ms(from), ms(to)]));
    };
    expect(levelFor('2000-01-01', '2025-01-01')).toBe('year');
    expect(levelFor('2019-01-01', '2019-12-31')).toBe('month');
    expect(levelFor('2019-04-20', '2019-04-30')).toBe('day');
    expect(levelFor('2019-04-24T00:00Z', '2019-04-25T00:00Z')).toBe('hour');
    expect(levelFor('2019-04-24T10:00Z', '2019-04-24T11:00Z')).toBe('minute');
  });
});

describe('tickStep(ticks, domain)', () => {
  it('is the distance between the first two ticks', () => {
    expect(tickStep([utc('2019-01-01'), utc('2020-01-01')], [0, 1])).toBe(ms('2020-01-01') - ms('2019-01-01'));
  });
  it('falls back to the domain width over the count with fewer than two ticks', () => {
    expect(tickStep([], [0, 10 * DAY], 5)).toBe(2 * DAY);
  });
});

describe('formatTick(date, level, lang, first)', () => {
  it('prints years', () => {
    expect(formatTick(utc('2019-01-01'), 'year', 'en')).toBe('2019');
  });
  it('prints months, with the year on January and on the first tick', () => {
    expect(formatTick(utc('2019-04-01'), 'month', 'en')).toBe('Apr');
    expect(formatTick(utc('2019-01-01'), 'month', 'en')).toBe('Jan 2019');
    expect(formatTick(utc('2019-04-01'), 'month', 'en', true)).toBe('Apr 2019');
    expect(formatTick(utc('2019-04-01'), 'month', 'fr')).toBe('avr.');
  });
  it('prints days in the language order', () => {
    expect(formatTick(utc('2019-04-24'), 'day', 'en')).toBe('Apr 24');
    expect(formatTick(utc('2019-04-24'), 'day', 'fr')).toBe('24 avr.');
    expect(formatTick(utc('2019-04-24'), 'day', 'en', true)).toBe('Apr 24, 2019');
  });
  it('prints hours on a 24-hour clock, and the day at midnight', () => {
    expect(formatTick(utc('2019-04-24T18:00Z'), 'hour', 'en')).toBe('18:00');
    expect(formatTick(utc('2019-04-24T18:00Z'), 'hour', 'fr')).toBe('18:00');
    expect(formatTick(utc('2019-04-25T00:00Z'), 'hour', 'en')).toBe('Apr 25');
    expect(formatTick(utc('2019-04-24T10:15Z'), 'minute', 'en')).toBe('10:15');
  });
  it('formats in UTC whatever the time zone of the process', () => {
    // 23:30 UTC is the next day east of UTC: the tick must still say 23:30.
    expect(formatTick(utc('2019-04-24T23:30Z'), 'minute', 'en')).toBe('23:30');
  });
});

describe('tickFormatter(ticks, domain, lang)', () => {
  it('chooses one level for the whole axis and marks the first tick', () => {
    const ticks = [utc('2019-03-01'), utc('2019-04-01'), utc('2019-05-01')];
    const f = tickFormatter(ticks, [ms('2019-02-15'), ms('2019-05-15')], 'en');
    expect(ticks.map(f)).toEqual(['Mar 2019', 'Apr', 'May']);
  });
});

describe('isMajorTick(date, level)', () => {
  it('is true at the start of the next larger unit', () => {
    expect(isMajorTick(utcYear.floor(utc('2019-06-01')), 'month')).toBe(true);
    expect(isMajorTick(utcMonth.floor(utc('2019-06-12')), 'day')).toBe(true);
    expect(isMajorTick(utcDay.floor(utc('2019-06-12T08:00Z')), 'hour')).toBe(true);
    expect(isMajorTick(utcHour.floor(utc('2019-06-12T08:20Z')), 'minute')).toBe(true);
    expect(isMajorTick(utc('2019-06-12T08:20Z'), 'minute')).toBe(false);
    expect(isMajorTick(utc('2019-01-01'), 'year')).toBe(false);
  });
});

describe('window arithmetic', () => {
  const limits = { minWidth: HOUR, maxWidth: 100 * DAY };

  it('zoomWindowBy(w, 0.5) halves the window around its centre', () => {
    expect(zoomWindowBy([0, 8 * DAY], 0.5, limits)).toEqual([2 * DAY, 6 * DAY]);
  });
  it('zoomWindowBy(w, 2) doubles the window around its centre', () => {
    expect(zoomWindowBy([2 * DAY, 6 * DAY], 2, limits)).toEqual([0, 8 * DAY]);
  });
  it('zoomWindowBy keeps the anchor where it was', () => {
    const w = zoomWindowBy([0, 8 * DAY], 0.5, limits, 2 * DAY);
    expect(w).toEqual([DAY, 5 * DAY]);
    expect((2 * DAY - w[0]) / (w[1] - w[0])).toBe(0.25);
  });
  it('zoomWindowBy stops at one hour and at the widest window', () => {
    const narrow = zoomWindowBy([0, HOUR * 1.5], 0.5, limits);
    expect(narrow[1] - narrow[0]).toBe(HOUR);
    const wide = zoomWindowBy([0, 80 * DAY], 2, limits);
    expect(wide[1] - wide[0]).toBe(100 * DAY);
    expect((wide[0] + wide[1]) / 2).toBe(40 * DAY);
  });
  it('clampWindowWidth keeps a window inside the limits and returns it unchanged when it is', () => {
    const w = [0, DAY] as const;
    expect(clampWindowWidth(w, limits)).toBe(w);
    expect(clampWindowWidth([0, 60_000], limits)).toEqual([30_000 - HOUR / 2, 30_000 + HOUR / 2]);
  });
  it('centreWindowAt keeps the width', () => {
    expect(centreWindowAt([0, 10], 100)).toEqual([95, 105]);
  });
  it('shiftWindowInto keeps the width and moves the window inside the bounds', () => {
    expect(shiftWindowInto([-5, 5], [0, 100])).toEqual([0, 10]);
    expect(shiftWindowInto([95, 105], [0, 100])).toEqual([90, 100]);
    const inside = [10, 20] as const;
    expect(shiftWindowInto(inside, [0, 100])).toBe(inside);
    const wide = [-10, 150] as const;
    expect(shiftWindowInto(wide, [0, 100])).toBe(wide);
  });
  it('padWindow pads by a fraction, at least minPad', () => {
    expect(padWindow([0, 100 * DAY], 0.1)).toEqual([-10 * DAY, 110 * DAY]);
    expect(padWindow([0, HOUR], 0.1, DAY)).toEqual([-DAY, HOUR + DAY]);
  });
  it('sameWindow tolerates rounding', () => {
    expect(sameWindow([0, 10], [0.5, 10.5])).toBe(true);
    expect(sameWindow([0, 10], [0, 12])).toBe(false);
    expect(sameWindow(null, null)).toBe(true);
    expect(sameWindow(null, [0, 1])).toBe(false);
  });
});

describe('zoom limits', () => {
  it('zoomLimits(extent) allows one hour to 1.5 × the extent', () => {
    const extent = [ms('2000-07-01'), ms('2024-06-30')] as const;
    const l = zoomLimits(extent);
    expect(l.minWidth).toBe(MIN_WINDOW_MS);
    expect(l.maxWidth).toBe((extent[1] - extent[0]) * 1.5);
  });
  it('scaleExtentFor(base, limits) turns widths into d3-zoom scale factors', () => {
    const [kMin, kMax] = scaleExtentFor(10 * DAY, { minWidth: HOUR, maxWidth: 40 * DAY });
    expect(kMin).toBe(0.25);
    expect(kMax).toBe(240);
  });
  it('scaleExtentFor always contains k = 1, so the current window is reachable', () => {
    expect(scaleExtentFor(30 * 60_000, { minWidth: HOUR, maxWidth: DAY })).toEqual([1 / 48, 1]);
  });
  it('panBounds centres the extent in the widest window and always contains the current one', () => {
    const limits = { minWidth: HOUR, maxWidth: 150 };
    expect(panBounds([0, 100], limits, [10, 20])).toEqual([-25, 125]);
    expect(panBounds([0, 100], limits, [-50, 20])).toEqual([-50, 125]);
    expect(panBounds(null, limits, [10, 20])).toEqual([10, 20]);
  });
});

describe('marks and labels', () => {
  it('markShape draws spans under 6 px as points', () => {
    expect(markShape(100, 105.9)).toBe('point');
    expect(markShape(100, 106)).toBe('range');
  });

  it('truncateLabel cuts at 24 characters with an ellipsis', () => {
    expect(truncateLabel('Talks at FEFU')).toBe('Talks at FEFU');
    const t = truncateLabel('Arrival at Vladivostok railway station, honour guard');
    // 23 characters and the ellipsis, less the space the cut ended on.
    expect(t).toBe('Arrival at Vladivostok…');
    expect(Array.from(truncateLabel('Departure from Pyongyang station at dawn'))).toHaveLength(24);
    expect(truncateLabel('Вокзал Владивосток, почётный караул и оркестр', 10)).toBe('Вокзал Вл…');
    expect(truncateLabel('김정은 위원장 블라디보스토크역 도착 환영 행사', 8)).toBe('김정은 위원장…');
  });

  it('fitLabel cuts a bar label to the room it has', () => {
    const title = 'Summit talks at the Vostochny Cosmodrome';
    const label = truncateLabel(title); // 24 characters, say 120 px: 5 px each
    expect(fitLabel(title, label, 120, 200)).toBe(label);
    expect(fitLabel(title, label, 120, 50)).toBe('Summit ta…');
    expect(fitLabel(title, label, 120, 14)).toBe('');
  });

  it('estimateTextWidth counts Hangul and CJK as wider', () => {
    expect(estimateTextWidth('abcd', 10)).toBeCloseTo(22.4);
    expect(estimateTextWidth('김정은', 10)).toBe(30);
  });

  it('placeLabels keeps a label when it clears the previous label and the next mark', () => {
    const xs = placeLabels(
      [
        { markStart: 0, markEnd: 14, labelWidth: 50 }, // label 18..68
        { markStart: 40, markEnd: 54, labelWidth: 30 }, // label 58..88, clear of the mark at 100
        { markStart: 100, markEnd: 114, labelWidth: 50 }, // label 118..168 would run over the mark at 160
        { markStart: 160, markEnd: 174, labelWidth: 30 }, // the last one has the room
      ],
      1000,
    );
    // The first label would run over the second mark (40): skipped.
    expect(xs).toEqual([null, 58, null, 178]);
  });

  it('placeLabels keeps well-spaced labels, and none on top of a range bar', () => {
    const xs = placeLabels(
      [
        { markStart: 0, markEnd: 14, labelWidth: 30 }, // 18..48
        { markStart: 60, markEnd: 74, labelWidth: 30 }, // 78..108
        { markStart: 200, markEnd: 214, labelWidth: 30 },
      ],
      1000,
    );
    expect(xs).toEqual([18, 78, 218]);
    const overlapped = placeLabels(
      [
        { markStart: 0, markEnd: 8, labelWidth: null }, // a range bar 0..400 with no label
        { markStart: 0, markEnd: 400, labelWidth: null },
        { markStart: 200, markEnd: 214, labelWidth: 30 }, // a point on top of the bar
      ],
      1000,
    );
    expect(overlapped).toEqual([null, null, null]);
  });

  it('placeLabels puts the label left of its mark when the right side has no room', () => {
    expect(placeLabels([{ markStart: 950, markEnd: 964, labelWidth: 60 }], 1000)).toEqual([886]);
    // Left of the mark, but not over the previous label.
    expect(
      placeLabels(
        [
          { markStart: 800, markEnd: 814, labelWidth: 100 }, // 818..918
          { markStart: 950, markEnd: 964, labelWidth: 60 }, // right: past 1000; left: 886, inside 818..922
        ],
        1000,
      ),
    ).toEqual([818, null]);
  });

  it('laneIndex gives one lane per trip with events, in trip order', () => {
    const trips = [
      { id: 'b', order: 1 },
      { id: 'a', order: 0 },
      { id: 'empty', order: 2 },
      { id: 'c', order: 3 },
    ];
    const lanes = laneIndex(trips, [{ trip: 'c' }, { trip: 'a' }, { trip: 'b' }, { trip: 'a' }]);
    expect([...lanes]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
  });
});

describe('rows and lane heights', () => {
  it('packRows stacks overlapping spans, first fit in time order', () => {
    const day = (d: number) => ({ t0: d * DAY, t1: (d + 1) * DAY });
    // Two whole-day events on day 0, one on day 1, a two-day span from day 0.
    expect(packRows([day(0), day(0), day(1), { t0: 0, t1: 2 * DAY }])).toEqual([0, 1, 0, 2]);
  });
  it('packRows gives instants a minimum span', () => {
    const at = (h: number) => ({ t0: h * HOUR, t1: h * HOUR });
    expect(packRows([at(10), at(11), at(14)])).toEqual([0, 1, 0]);
    expect(packRows([at(10), at(11), at(14)], 0)).toEqual([0, 0, 0]);
  });
  it('packRows returns rows in input order whatever the order of the spans', () => {
    expect(
      packRows([
        { t0: 5 * DAY, t1: 6 * DAY },
        { t0: 0, t1: 10 * DAY },
      ]),
    ).toEqual([1, 0]);
  });

  it('packRows gives each span the lowest row free at its start, as a scan of every row would', () => {
    /** The definition, row by row: the first row whose last span has ended. */
    const firstFit = (spans: { t0: number; t1: number }[], minSpan: number) => {
      const order = spans.map((_, i) => i).sort((a, b) => spans[a]!.t0 - spans[b]!.t0 || a - b);
      const ends: number[] = [];
      const rows: number[] = [];
      for (const i of order) {
        const s = spans[i]!;
        let r = ends.findIndex((e) => e <= s.t0);
        if (r < 0) r = ends.push(0) - 1;
        ends[r] = Math.max(s.t1, s.t0 + minSpan);
        rows[i] = r;
      }
      return rows;
    };
    const span = fc
      .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 40 }))
      .map(([t0, d]) => ({ t0: t0 * HOUR, t1: (t0 + d) * HOUR }));
    fc.assert(
      fc.property(
        fc.array(span, { maxLength: 300 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 6 }),
        (spans, sorted, min) => {
          const input = sorted ? [...spans].sort((a, b) => a.t0 - b.t0) : spans;
          expect(packRows(input, min * HOUR)).toEqual(firstFit(input, min * HOUR));
        },
      ),
      { numRuns: 300 },
    );
  });

  const m = { row: 28, pitch: 16, empty: 16, caption: 0 };
  it('laneLayout keeps the total and gives the slack to lanes with rows', () => {
    const boxes = laneLayout([0, 2, 0, 1], 4 * 28, m);
    // Asks: 16, 44, 16, 28 = 104 of 112; the 8 px of slack go to the two lanes with rows.
    expect(boxes.map((b) => b.h)).toEqual([16, 48, 16, 32]);
    expect(boxes.map((b) => b.y)).toEqual([0, 16, 64, 80]);
  });
  it('laneLayout centres the rows of a lane with room to spare', () => {
    const boxes = laneLayout([0, 2, 0], 120, m);
    expect(boxes[1]!.h).toBe(120 - 32);
    expect(boxes[1]!.inset).toBe((88 - 44) / 2);
    expect(boxes[1]!.pitch).toBe(16);
  });
  it('laneLayout can keep rows at the top of their lane', () => {
    expect(laneLayout([0, 2, 0], 120, { ...m, alignTop: true })[1]!.inset).toBe(0);
  });
  it('laneLayout squeezes stacked rows when they do not fit, keeping the total', () => {
    const boxes = laneLayout([4, 1], 2 * 28 + 24, m);
    const total = boxes.reduce((a, b) => a + b.h, 0);
    expect(total).toBeCloseTo(80);
    expect(boxes[0]!.pitch).toBeCloseTo(8);
    expect(boxes[1]!.h).toBe(28);
  });
  it('laneLayout shares the height evenly when nothing is in the window', () => {
    expect(laneLayout([0, 0], 56, m).map((b) => b.h)).toEqual([28, 28]);
  });
  it('laneLayout adds the caption to every lane with rows', () => {
    const boxes = laneLayout([1, 0], 28 + 13 + 16, { ...m, caption: 13 });
    expect(boxes.map((b) => b.h)).toEqual([41, 16]);
  });
  it('laneLayout shrinks every lane in proportion when even single rows do not fit', () => {
    const boxes = laneLayout([1, 1, 1, 1], 56, { ...m, empty: 0 });
    expect(boxes.map((b) => b.h)).toEqual([14, 14, 14, 14]);
    expect(boxes.map((b) => b.y)).toEqual([0, 14, 28, 42]);
  });
});
