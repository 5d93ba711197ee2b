// Pure helpers of the timeline adapter: window arithmetic, zoom limits, tick formats, lanes and
// label placement. No DOM, so they run under Vitest in Node.
import FlatQueue from 'flatqueue';
import { utcDay, utcHour, utcMonth, utcYear } from 'd3-time';
import type { TimeWindow } from '../core/selectors';
import { candidateRange, timeIndex, type Spanned } from '../core/time-index';
import { utcFormat } from '../i18n/i18n';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** The narrowest detail window: one hour. */
export const MIN_WINDOW_MS = HOUR;
/** The widest detail window, as a multiple of the dataset extent. */
export const MAX_WINDOW_FACTOR = 1.5;

export interface ZoomLimits {
  minWidth: number;
  maxWidth: number;
}

export const windowWidth = (w: TimeWindow): number => w[1] - w[0];
export const windowCentre = (w: TimeWindow): number => (w[0] + w[1]) / 2;

/** Widen a window by `fraction` of its width on each side, at least `minPad` ms. */
export function padWindow(w: TimeWindow, fraction = 0.02, minPad = DAY): TimeWindow {
  const pad = Math.max(windowWidth(w) * fraction, minPad);
  return [w[0] - pad, w[1] + pad];
}

/** Zoom limits for a dataset extent: one hour up to 1.5 × the extent (never below the minimum). */
export function zoomLimits(extent: TimeWindow | null): ZoomLimits {
  const maxWidth = extent ? Math.max(windowWidth(extent) * MAX_WINDOW_FACTOR, 2 * DAY) : 100 * 365 * DAY;
  return { minWidth: MIN_WINDOW_MS, maxWidth };
}

/** Keep the centre, clamp the width into the limits. */
export function clampWindowWidth(w: TimeWindow, limits: ZoomLimits): TimeWindow {
  const width = Math.min(Math.max(windowWidth(w), limits.minWidth), limits.maxWidth);
  if (width === windowWidth(w)) return w;
  const c = windowCentre(w);
  return [c - width / 2, c + width / 2];
}

/**
 * The window `factor` times as wide (0.5 zooms in, 2 zooms out), keeping the time at `anchor`
 * (default: the centre) at the same relative position; the width is clamped into `limits`.
 */
export function zoomWindowBy(w: TimeWindow, factor: number, limits: ZoomLimits, anchor = windowCentre(w)): TimeWindow {
  const width = windowWidth(w);
  const next = Math.min(Math.max(width * factor, limits.minWidth), limits.maxWidth);
  const k = width > 0 ? (anchor - w[0]) / width : 0.5;
  const t0 = anchor - k * next;
  return [t0, t0 + next];
}

/** The same width, centred on `t`. */
export function centreWindowAt(w: TimeWindow, t: number): TimeWindow {
  const half = windowWidth(w) / 2;
  return [t - half, t + half];
}

/**
 * The window after the overview's selection went from `from` to `to` (px; `invert` gives their
 * times), `start` being the window when the gesture began. The selection is drawn at least a few
 * pixels wide, so a narrow window is read from how its edges moved, not from where they are: both by
 * the same time, a move (the width kept); one of them, a resize of that side (the other end stays, the
 * width within `limits`). A selection turned over (one edge dragged past the other) is read as drawn.
 */
export function brushedWindow(
  start: TimeWindow,
  from: readonly [number, number],
  to: readonly [number, number],
  invert: (px: number) => number,
  limits: ZoomLimits,
): TimeWindow {
  const d0 = invert(to[0]) - invert(from[0]);
  const d1 = invert(to[1]) - invert(from[1]);
  const still0 = Math.abs(to[0] - from[0]) < 1e-6;
  const still1 = Math.abs(to[1] - from[1]) < 1e-6;
  const fit = (width: number) => clamp(width, limits.minWidth, limits.maxWidth);
  if (!still0 && !still1 && Math.abs(to[1] - to[0] - (from[1] - from[0])) < 1e-6) return [start[0] + d0, start[1] + d0];
  if (still0 && !still1) return [start[0], start[0] + fit(start[1] + d1 - start[0])];
  if (still1 && !still0) return [start[1] - fit(start[1] - (start[0] + d0)), start[1]];
  return clampWindowWidth([invert(to[0]), invert(to[1])], limits);
}

/** Shift `w`, keeping its width, to lie inside `bounds`; a window wider than them is left alone. */
export function shiftWindowInto(w: TimeWindow, bounds: TimeWindow): TimeWindow {
  const width = windowWidth(w);
  if (width >= windowWidth(bounds)) return w;
  if (w[0] < bounds[0]) return [bounds[0], bounds[0] + width];
  if (w[1] > bounds[1]) return [bounds[1] - width, bounds[1]];
  return w;
}

/** Equal up to `tolerance` ms at both ends (round trips through pixels lose a little). */
export function sameWindow(a: TimeWindow | null, b: TimeWindow | null, tolerance = 1): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a[0] - b[0]) <= tolerance && Math.abs(a[1] - b[1]) <= tolerance;
}

/**
 * d3-zoom's scale extent relative to a base window: k = base width / shown width, so the narrowest
 * window gives the largest k.
 */
export function scaleExtentFor(baseWidth: number, limits: ZoomLimits): [number, number] {
  const kMin = baseWidth / limits.maxWidth;
  const kMax = baseWidth / limits.minWidth;
  return [Math.min(kMin, 1), Math.max(kMax, 1)];
}

/** The time range the detail view may pan over: the extent centred in a span of the widest window. */
export function panBounds(extent: TimeWindow | null, limits: ZoomLimits, current: TimeWindow): TimeWindow {
  if (!extent) return current;
  const slack = Math.max(0, (limits.maxWidth - windowWidth(extent)) / 2);
  return [Math.min(extent[0] - slack, current[0]), Math.max(extent[1] + slack, current[1])];
}

// --- Axis ticks -------------------------------------------------------------------------------

export type TickLevel = 'year' | 'month' | 'day' | 'hour' | 'minute';

/** The calendar unit to print, from the distance between two ticks. */
export function tickLevel(stepMs: number): TickLevel {
  if (stepMs >= 360 * DAY) return 'year';
  if (stepMs >= 28 * DAY) return 'month';
  if (stepMs >= DAY) return 'day';
  if (stepMs >= HOUR) return 'hour';
  return 'minute';
}

/** The step between ticks; with fewer than two ticks, the domain width divided by `count`. */
export function tickStep(ticks: readonly Date[], domain: TimeWindow, count = 5): number {
  if (ticks.length >= 2) return ticks[1]!.getTime() - ticks[0]!.getTime();
  return windowWidth(domain) / Math.max(1, count);
}

const isStart = (interval: { floor(d: Date): Date }, d: Date) => +interval.floor(d) === +d;

/**
 * Format one tick in UTC at `level`. The first tick and ticks at the start of the next larger unit
 * carry that unit too ("Jan 2019" among "Feb", "25 Apr" among "06:00"), as in d3's multi-scale format.
 */
export function formatTick(d: Date, level: TickLevel, lang: string, first = false): string {
  switch (level) {
    case 'year':
      return utcFormat(lang, { year: 'numeric' }).format(d);
    case 'month':
      return first || isStart(utcYear, d)
        ? utcFormat(lang, { year: 'numeric', month: 'short' }).format(d)
        : utcFormat(lang, { month: 'short' }).format(d);
    case 'day':
      if (first || isStart(utcYear, d))
        return utcFormat(lang, { year: 'numeric', month: 'short', day: 'numeric' }).format(d);
      return utcFormat(lang, { month: 'short', day: 'numeric' }).format(d);
    case 'hour':
    case 'minute':
      if (first || isStart(utcDay, d)) return utcFormat(lang, { month: 'short', day: 'numeric' }).format(d);
      return utcFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  }
}

/** A tick formatter for a set of ticks (d3-axis calls it with the tick and its index). */
export function tickFormatter(
  ticks: readonly Date[],
  domain: TimeWindow,
  lang: string,
): (d: Date, i: number) => string {
  const level = tickLevel(tickStep(ticks, domain));
  return (d, i) => formatTick(d, level, lang, i === 0);
}

/** Whether `d` starts a calendar unit at least as large as `level` (used to emphasise such ticks). */
export function isMajorTick(d: Date, level: TickLevel): boolean {
  switch (level) {
    case 'year':
      return false;
    case 'month':
      return isStart(utcYear, d);
    case 'day':
      return isStart(utcMonth, d);
    case 'hour':
      return isStart(utcDay, d);
    case 'minute':
      return isStart(utcHour, d);
  }
}

// --- Marks and labels ---------------------------------------------------------------------------

/** Marks narrower than this (px) are drawn as points. */
export const POINT_MAX_PX = 6;
export const RANGE_MIN_PX = 8;

export const markShape = (x0: number, x1: number): 'point' | 'range' => (x1 - x0 < POINT_MAX_PX ? 'point' : 'range');

/** Cut a label to `max` characters (code points), ending with an ellipsis when cut. */
export function truncateLabel(text: string, max = 24): string {
  const chars = Array.from(text.trim());
  if (chars.length <= max) return chars.join('');
  return `${chars
    .slice(0, Math.max(1, max - 1))
    .join('')
    .trimEnd()}…`;
}

/**
 * The label to write in `room` px: the full `label` (of `width` px) when it fits, else `title` cut
 * to the characters that fit at the label's average character width; '' below 3 characters.
 */
export function fitLabel(title: string, label: string, width: number, room: number): string {
  if (width <= room) return label;
  const chars = Array.from(label).length;
  const n = Math.floor(room / (width / Math.max(1, chars)));
  return n >= 3 ? truncateLabel(title, n) : '';
}

/** A rough width of a text in px when nothing can measure it (system UI font). */
export function estimateTextWidth(text: string, fontPx = 11): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af]/.test(ch) ? fontPx : fontPx * 0.56;
  return w;
}

export interface LabelCandidate {
  /** Extent of the mark itself (px). */
  markStart: number;
  markEnd: number;
  /** Width of its label, or null for marks without a label (they still take room). */
  labelWidth: number | null;
}

/**
 * Greedy placement along one lane, in x order: a label sits right of its mark, or else left of it,
 * and is kept when it clears everything already placed (marks and labels), the next mark, and the
 * plot [0, limit]. Returns, per candidate, the label's left x or null when it is skipped.
 */
export function placeLabels(items: readonly LabelCandidate[], limit: number, offset = 4, gap = 4): (number | null)[] {
  const out: (number | null)[] = [];
  let occupied = -Infinity;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const nextMark = items[i + 1]?.markStart ?? Infinity;
    const w = it.labelWidth ?? 0;
    const fits = (x: number) => x >= occupied && x >= 0 && x + w <= limit && x + w + gap <= nextMark;
    let placed: number | null = null;
    if (w > 0) {
      const right = it.markEnd + offset;
      const left = it.markStart - offset - w;
      placed = fits(right) ? right : fits(left) ? left : null;
    }
    out.push(placed);
    occupied = Math.max(occupied, it.markEnd + gap, placed === null ? -Infinity : placed + w + gap);
  }
  return out;
}

// --- Lanes ------------------------------------------------------------------------------------

export interface LaneInput {
  id: string;
  order: number;
}

/** One lane per trip that has events, in trip order; returns trip id → lane index. */
export function laneIndex(trips: readonly LaneInput[], events: readonly { trip: string }[]): Map<string, number> {
  const used = new Set(events.map((e) => e.trip));
  const out = new Map<string, number>();
  [...trips]
    .filter((t) => used.has(t.id))
    .sort((a, b) => a.order - b.order)
    .forEach((t, i) => out.set(t.id, i));
  return out;
}

/** Keep a value inside [lo, hi] (for SVG coordinates of marks far off-screen). */
export const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), hi);

/**
 * How far each of a brush's resize handles (`handle` px wide) reaches inside a selection `width` px
 * wide. d3-brush centres a handle on each edge (half of it inside); on a selection narrower than two
 * handles they would cover it, and a drag from its middle would resize the window instead of moving
 * it. They step outwards instead, leaving at least a handle's width (or all of a narrower selection)
 * free to grab: the reach goes from half a handle at twice its width down to nothing at its width.
 */
export const handleReach = (width: number, handle: number): number => clamp((width - handle) / 2, 0, handle / 2);

// --- Rows inside a lane -----------------------------------------------------------------------

/**
 * Stack overlapping spans into rows, first fit in time order: each span goes to the first row that
 * is free at its start. Spans shorter than `minSpan` count as that long, so that instants a few
 * minutes apart (drawn as overlapping dots at most zooms) do not share a row. Returns a row per
 * input, in input order. Computed in time, not pixels, so that rows do not change while zooming.
 */
export function packRows(spans: readonly { t0: number; t1: number }[], minSpan = 3 * HOUR): number[] {
  const order = new Array<number>(spans.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  let sorted = true;
  for (let i = 1; i < spans.length && sorted; i++) sorted = spans[i - 1]!.t0 <= spans[i]!.t0;
  if (!sorted) order.sort((a, b) => spans[a]!.t0 - spans[b]!.t0 || a - b);
  const rows = new Array<number>(spans.length);
  // First fit without scanning every row: rows in use by the time they come free, rows free by
  // number. Starts only grow, so a row free at one start is free at every later one. (A lane of
  // 2,000 long events made thousands of rows to scan per span: 100k events, ~130 → ~60 ms.)
  const busy = new FlatQueue<number>();
  const free = new FlatQueue<number>();
  let count = 0;
  for (const i of order) {
    const s = spans[i]!;
    while (busy.length && busy.peekValue()! <= s.t0) {
      const r = busy.pop()!;
      free.push(r, r);
    }
    const r = free.length ? free.pop()! : count++;
    busy.push(r, Math.max(s.t1, s.t0 + minSpan));
    rows[i] = r;
  }
  return rows;
}

export interface LaneMetrics {
  /** Height of a lane's first row (the mark row). */
  row: number;
  /** Vertical distance between stacked rows. */
  pitch: number;
  /** Height of a lane with nothing in the window. */
  empty: number;
  /** Space above the first row (a caption), added to every lane. */
  caption: number;
  /** Rows at the top of a lane with room to spare, rather than centred. */
  alignTop?: boolean;
}

export interface LaneBox {
  y: number;
  h: number;
  /** Rows asked for (0: nothing in the window). */
  rows: number;
  /** Row distance used in this lane (less than metrics.pitch when squeezed). */
  pitch: number;
  /** Offset of the first row from y + caption (rows are centred in a lane with room to spare). */
  inset: number;
}

/**
 * Share a fixed `total` height among lanes: a lane with nothing in the window shrinks to
 * `empty`, a lane needing n rows asks for row + (n − 1) × pitch, slack goes equally to the
 * lanes with rows, and when the asks exceed the total the stacked rows are squeezed (they may
 * overlap) rather than the total grown, so the page never jumps while zooming.
 */
export function laneLayout(rowsPerLane: readonly number[], total: number, m: LaneMetrics): LaneBox[] {
  const want = rowsPerLane.map((n) => (n > 0 ? m.caption + m.row + (n - 1) * m.pitch : m.empty));
  const busy = rowsPerLane.filter((n) => n > 0).length;
  const sum = want.reduce((a, b) => a + b, 0);
  let heights: number[];
  let pitches: number[];
  if (sum <= total) {
    const share = (total - sum) / (busy || rowsPerLane.length || 1);
    heights = want.map((h, i) => h + (busy === 0 || rowsPerLane[i]! > 0 ? share : 0));
    pitches = rowsPerLane.map(() => m.pitch);
  } else {
    const fixed = want.reduce((a, h, i) => a + (rowsPerLane[i]! > 0 ? m.caption + m.row : h), 0);
    const extra = rowsPerLane.reduce((a, n) => a + Math.max(0, n - 1) * m.pitch, 0);
    if (fixed > total) {
      // Even one row per lane does not fit: every lane shrinks in proportion, rows overlap.
      const f = total / fixed;
      pitches = rowsPerLane.map(() => 0);
      heights = rowsPerLane.map((n, i) => (n > 0 ? (m.caption + m.row) * f : want[i]! * f));
    } else {
      const k = extra > 0 ? Math.max(0, (total - fixed) / extra) : 0;
      pitches = rowsPerLane.map(() => m.pitch * k);
      heights = rowsPerLane.map((n, i) => (n > 0 ? m.caption + m.row + Math.max(0, n - 1) * m.pitch * k : want[i]!));
    }
  }
  let y = 0;
  return heights.map((h, i) => {
    const n = rowsPerLane[i]!;
    const used = n > 0 ? m.row + (n - 1) * pitches[i]! : 0;
    const box = {
      y,
      h,
      rows: n,
      pitch: pitches[i]!,
      inset: n > 0 && !m.alignTop ? Math.max(0, (h - m.caption - used) / 2) : 0,
    };
    y += h;
    return box;
  });
}

// --- Window queries -----------------------------------------------------------------------------

/**
 * Indices of the spans overlapping `w` (ends included, as inWindow), in start order. Spans in time
 * order (a dataset's events always are) are answered by core's time index, the one the selectors
 * use, built once per array; others by a scan and a sort.
 */
export function queryWindow(spans: readonly Spanned[], w: readonly [number, number]): number[] {
  const out: number[] = [];
  const index = timeIndex(spans);
  if (index) {
    const [lo, hi] = candidateRange(index, w[0], w[1]);
    for (let i = lo; i < hi; i++) if (spans[i]!.t1 >= w[0]) out.push(i);
    return out;
  }
  for (let i = 0; i < spans.length; i++) if (spans[i]!.t1 >= w[0] && spans[i]!.t0 <= w[1]) out.push(i);
  return out.sort((a, b) => spans[a]!.t0 - spans[b]!.t0 || a - b);
}

/** The spans' indices in start order (then input order). */
export function startOrder(spans: readonly Spanned[]): Int32Array {
  const order = new Int32Array(spans.length);
  for (let i = 0; i < order.length; i++) order[i] = i; // (not Int32Array.from(keys()): an iterator, slow)
  if (!timeIndex(spans)) order.sort((a, b) => spans[a]!.t0 - spans[b]!.t0 || a - b);
  return order;
}

// --- Rows by zoom level -------------------------------------------------------------------------

/** The shortest time two instants in one row stand for: 3 h, doubling at each coarser level. */
export const ROW_SPAN_BASE = 3 * HOUR;
export const ROW_LEVELS = 14;

/**
 * The row-packing level for a zoom: the finest level whose span is at least `spacingPx` on screen,
 * so that instants sharing a row are never closer than a target's width. Levels are powers of two
 * of ROW_SPAN_BASE, so rows stay put while zooming inside one level.
 */
export function rowLevel(msPerPx: number, spacingPx: number): number {
  const need = msPerPx * spacingPx;
  let level = 0;
  while (level < ROW_LEVELS - 1 && ROW_SPAN_BASE * 2 ** level < need) level++;
  return level;
}

export const rowSpanOf = (level: number): number => ROW_SPAN_BASE * 2 ** level;

/**
 * Hit areas along one row, left to right: each centred on its mark and `size` wide (a range keeps
 * at least its own width), cut back to the midpoint with a neighbour so that no two overlap.
 */
export function rowHitAreas(
  items: readonly { start: number; end: number; point: boolean }[],
  size: number,
): { x: number; width: number }[] {
  const out = items.map((it) => {
    const c = (it.start + it.end) / 2;
    const w = it.point ? size : Math.max(size, it.end - it.start);
    return { x0: c - w / 2, x1: c + w / 2 };
  });
  for (let i = 1; i < out.length; i++) {
    const a = out[i - 1]!;
    const b = out[i]!;
    if (a.x1 > b.x0) {
      const cut = clamp((items[i - 1]!.end + items[i]!.start) / 2, Math.min(a.x0, b.x0), Math.max(a.x1, b.x1));
      a.x1 = Math.max(a.x0, Math.min(a.x1, cut));
      b.x0 = Math.min(b.x1, Math.max(b.x0, cut));
    }
  }
  return out.map((h) => ({ x: h.x0, width: Math.max(0, h.x1 - h.x0) }));
}

// --- Keyboard and the window's caption -----------------------------------------------------------

/**
 * The window a key asks for on the overview's slider: arrows move it by a tenth of its width
 * (Right/Up later), Shift+arrows widen (Right/Up) or narrow it, Page Up/Down move it by a whole
 * width, + and − zoom by two, Home/End go to the first/last events (`ends`, the data's extent),
 * a twentieth of the window inside. Moves stay inside `full`. Null for other keys.
 */
export function keyWindow(
  key: string,
  shift: boolean,
  w: TimeWindow,
  full: TimeWindow,
  limits: ZoomLimits,
  ends: TimeWindow = full,
): TimeWindow | null {
  const width = windowWidth(w);
  const move = (dt: number): TimeWindow => shiftWindowInto([w[0] + dt, w[1] + dt], full);
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return shift ? zoomWindowBy(w, 1.25, limits) : move(width / 10);
    case 'ArrowLeft':
    case 'ArrowDown':
      return shift ? zoomWindowBy(w, 0.8, limits) : move(-width / 10);
    case 'PageUp':
      return move(width);
    case 'PageDown':
      return move(-width);
    case '+':
    case '=':
      return zoomWindowBy(w, 0.5, limits);
    case '-':
    case '_':
    case '−':
      return zoomWindowBy(w, 2, limits);
    case 'Home':
      return width >= windowWidth(full)
        ? w
        : shiftWindowInto([ends[0] - width / 20, ends[0] + (width * 19) / 20], full);
    case 'End':
      return width >= windowWidth(full)
        ? w
        : shiftWindowInto([ends[1] - (width * 19) / 20, ends[1] + width / 20], full);
    default:
      return null;
  }
}

/** The window in words, in UTC: "Apr 23 – 28, 2019"; with hours below two days. */
export function formatWindow(w: TimeWindow, lang: string): string {
  const short = windowWidth(w) < 2 * DAY;
  const f = utcFormat(lang, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...(short ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
  });
  return f.formatRange(new Date(w[0]), new Date(w[1]));
}
