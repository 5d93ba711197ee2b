// The event marks of the detail view, one lane per trip. Drawing costs follow what is on screen,
// not the size of the dataset:
// - a time index (core's, shared with the selectors) answers "which events are in the window" by
//   binary search;
// - only the marks in the window have DOM (a <g> each, made when first needed; small datasets keep
//   theirs, hidden, so that every event of them stays in the document);
// - above DOM_MAX marks in the window they are painted on one canvas instead (level of detail),
//   with hit-testing for hover and click; the selected, hovered and keyboard-focused marks still get
//   their <g> above the canvas, so selection, focus and the roving tabindex work the same way.
// Texts (titles, labels, their widths, accessible names) are made when a mark first gets its DOM.
// Every target is at least 24 × 24 px and never overlaps another (WCAG 2.5.8): rows are 26 px apart,
// packed at a level where instants in a row are ≥ 26 px apart; where a lane has no room for the rows
// its marks need, neighbouring marks are grouped into a bin (one target with a count that zooms in,
// see timeline-lod.ts), and where even one row per lane does not fit, neighbouring lanes share rows.
import type { ScaleTime } from 'd3-scale';
import { inkOn, kindGlyph } from '../core/kind-symbols';
import { tripColour } from '../core/palette';
import type { Lang } from '../core/schema';
import { indexOfEvent, type TimeWindow } from '../core/selectors';
import type { Dataset, TravelEvent, Trip } from '../core/types';
import { formatShortDate, localName, type Translate } from '../i18n/i18n';
import { groupConsecutive, laneLod, shareRows, type Target } from './timeline-lod';
import {
  clamp,
  estimateTextWidth,
  fitLabel,
  laneIndex,
  laneLayout,
  markShape,
  packRows,
  placeLabels,
  queryWindow,
  RANGE_MIN_PX,
  startOrder,
  rowHitAreas,
  rowLevel,
  rowSpanOf,
  truncateLabel,
  type LaneBox,
  type LaneMetrics,
} from './timeline-math';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element of the marks, with its class. */
function el<K extends keyof SVGElementTagNameMap>(tag: K, cls?: string): SVGElementTagNameMap[K] {
  const n = document.createElementNS(SVG_NS, tag);
  if (cls) n.setAttribute('class', cls);
  return n;
}
/** Height of a lane's mark row; stacked rows inside a lane are ROW_PITCH apart (a 24 px target + 2). */
export const LANE_H = 28;
export const ROW_PITCH = 26;
const MID = LANE_H / 2;
const POINT_R = 9;
/** The side of a mark's hit area (WCAG 2.5.8: at least 24 × 24 CSS px). */
export const HIT = 24;
const BAR_H = 18;
const BAR_PAD = 4;
const GLYPH = 12;
const LABEL_MAX = 24;
/** A pan longer than this (px) since the last re-base places every mark afresh. */
const REBASE_PX = 3000;
/** Rows packed at a coarser level than this many would squeeze the lane: use a finer level. */
const MAX_LEVEL_ROWS = 6;
/** A bin's body: a pill this tall inside its 24 px target. */
const BIN_H = 20;
/** The colour of a bin holding events of several trips. */
const MIXED = '#5f6670';
/** Datasets up to this size get the DOM of every mark at once (hidden outside the window). */
export const EAGER_MAX = 400;
/**
 * Datasets up to this size pack their rows at the time level of the zoom (stable while zooming
 * within a level); bigger ones at the finest level.
 */
export const LEVELLED_MAX = 1000;
/** More marks than this in the window are painted on a canvas. */
export const DOM_MAX = 400;
/**
 * While a gesture moves the window (a drag, a pinch, a wheel zoom until its rest), a window that would
 * make DOM for more than this many new marks is sketched on the canvas instead, until the gesture ends
 * (a first style, layout and paint of a few hundred new SVG marks is a frame of 50–150 ms; the canvas
 * draws them in a few).
 */
export const SKETCH_NEW = 24;
/** A lane with more marks than one per this many px of width is drawn on the canvas… */
const DENSE_PX = 8;
/** …unless it has no more than this many marks. */
const DENSE_MIN = 60;
export const LABEL_FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

interface MarkEls {
  g: SVGGElement;
  title: SVGTitleElement;
  hit: SVGRectElement;
  ring: SVGRectElement;
  dot: SVGCircleElement;
  bar: SVGRectElement;
  glyph: SVGGElement;
  label: SVGTextElement;
}

export interface Mark {
  e: TravelEvent;
  /** Position in the dataset's events. */
  i: number;
  lane: number;
  /** Row inside the lane at the current level (packRows in time: stable while zooming in a level). */
  row: number;
  colour: string;
  /** Language of the texts below; null before they are first made. */
  textLang: Lang | null;
  title: string;
  label: string;
  labelWidth: number;
  /** Text last written to the label element (bars show a shorter cut when narrow). */
  shownLabel: string;
  /** The mark's DOM, or null while it has none. */
  node: SVGGElement | null;
  els: MarkEls | null;
  /** In the window at the last layout. */
  shown: boolean;
  /** Position at the last layout, px: start and end on x, row offset on y. */
  x0: number;
  x1: number;
  dy: number | null;
  /** Whether the DOM is displayed (null: unknown). */
  displayed: boolean | null;
  /** The bin holding the mark at the last layout, or null when it has its own target. */
  bin: Bin | null;
}

interface BinEls {
  g: SVGGElement;
  title: SVGTitleElement;
  hit: SVGRectElement;
  ring: SVGRectElement;
  body: SVGRectElement;
  count: SVGTextElement;
  /** What its texts and colour were last written for. */
  sig: string;
}

/** Marks of one lane (or of lanes sharing rows) grouped into one target that zooms in on them. */
export interface Bin {
  /** "bin:" and the id of its first event: the key of its DOM and of the roving tabindex. */
  key: string;
  /** In time order. */
  members: Mark[];
  /** The lane whose rows hold it. */
  lane: number;
  row: number;
  /** Target, base coordinates (px). */
  a: number;
  b: number;
  /** Time span of its events, ms. */
  t0: number;
  t1: number;
  els: BinEls;
}

/** What the arrow keys move between: marks with their own target and bins, in time order. */
export interface NavItem {
  id: string;
  t0: number;
  t1: number;
  lane: number;
  row: number;
}

export interface Lane {
  trip: Trip;
  index: number;
  title: string;
  node: SVGGElement | null;
  ty: number | null;
}

/** A lane's box, and how many following lanes share its rows (drawn in it) at this window. */
export type SharedLaneBox = LaneBox & { more: number };

let measureCtx: CanvasRenderingContext2D | null | undefined;
/** Width of a text in px in `font`, by canvas when there is one, else estimated. */
export function measureText(text: string, font = LABEL_FONT): number {
  if (measureCtx === undefined) {
    try {
      measureCtx = document.createElement('canvas').getContext('2d');
    } catch {
      measureCtx = null;
    }
  }
  if (!measureCtx) return estimateTextWidth(text, parseFloat(font));
  measureCtx.font = font;
  return measureCtx.measureText(text).width;
}

function describe(e: TravelEvent, data: Dataset, lang: Lang, t: Translate, title: string): string {
  const start = formatShortDate(e.startAt, lang);
  const end = formatShortDate(e.endAt, lang);
  const date = end && end !== start ? `${start} – ${end}` : start;
  const place = e.place ? localName(data.places.get(e.place)?.names, lang) : '';
  const text = t('eventMarker', { title, date, place });
  return place ? text : text.replace(/[\s,;:–-]+$/u, '');
}

export interface MarkLayer {
  setData(data: Dataset): Lane[];
  setTexts(data: Dataset, lang: Lang, t: Translate): void;
  /**
   * Show, place and label the marks of `window`; lanes share `height` (see laneLayout). Returns the
   * lane boxes, for the stripes and trip names drawn around the marks.
   */
  layout(
    x: ScaleTime<number, number>,
    window: TimeWindow,
    width: number,
    height: number,
    metrics: Pick<LaneMetrics, 'empty' | 'caption' | 'alignTop'>,
    /** A gesture is moving the window: many new marks are sketched on the canvas (see SKETCH_NEW). */
    moving?: boolean,
  ): SharedLaneBox[];
  setStates(
    selectedId: string | null,
    hoverId: string | null,
    prev?: { selectedId: string | null; hoverId: string | null },
  ): void;
  /** Marks overlapping the window, in time order. */
  visible(): readonly Mark[];
  /** Marks with their own target and bins, in time order (what the arrow keys move between). */
  nav(): readonly NavItem[];
  /** A bin of the last layout by its key. */
  bin(key: string): Bin | undefined;
  /** Whether the window's marks are painted on the canvas (too many for DOM, or sketched in a gesture). */
  dense(): boolean;
  /** Whether the canvas stands in for DOM marks only because a gesture is under way. */
  sketched(): boolean;
  /** The mark under a point of the lanes' coordinates (canvas mode), within half a target. */
  hitTest(px: number, py: number): Mark | null;
  /** The most rows any lane needs with all its events shown (at the finest level). */
  maxRows(): number;
  get(id: string): Mark | undefined;
  lanes(): readonly Lane[];
  /** Roving tabindex: the one mark or bin (by key) with tabindex 0 (a mark gets its DOM if it has none). */
  setTabStop(id: string | null): void;
  tabStop(): string | null;
  /** Move the focus to a shown mark. */
  focus(id: string): void;
}

/** An attribute written only when it changes (a pan leaves most of them as they are). */
type Cached = Element & { _tlA?: Record<string, string>; _tlShown?: boolean };
function put(el: Element, name: string, value: string | number): void {
  const c = el as Cached;
  const v = typeof value === 'number' ? String(Math.round(value * 100) / 100) : value;
  const a = (c._tlA ??= {});
  if (a[name] === v) return;
  a[name] = v;
  el.setAttribute(name, v);
}
function show(el: SVGElement, on: boolean): void {
  const c = el as SVGElement & Cached;
  if (c._tlShown === on) return;
  c._tlShown = on;
  el.style.display = on ? '' : 'none';
}
const shownEl = (el: SVGElement): boolean => (el as SVGElement & Cached)._tlShown !== false;

/** A mark's elements as every mark of a kind has them, built once per kind. */
const templates = new Map<string, SVGGElement>();
/**
 * A new mark is a clone of its kind's template: one call, instead of eight elements made and about
 * fifteen attributes set one by one, and the kind's glyph parsed again from its markup. A brush move
 * at 10,000 events brings up to a hundred new marks into the window.
 */
function markTemplate(kind: string): SVGGElement {
  let g = templates.get(kind);
  if (g) return g;
  g = el('g', 'tl-mark');
  g.setAttribute('role', 'button');
  g.setAttribute('tabindex', '-1');
  g.setAttribute('data-event-id', ''); // its place among the attributes; each clone gets its own
  g.setAttribute('data-kind', kind);
  const dot = el('circle', 'tl-dot');
  dot.setAttribute('cy', String(MID));
  dot.setAttribute('r', String(POINT_R));
  const bar = el('rect', 'tl-bar');
  bar.setAttribute('y', String(MID - BAR_H / 2));
  bar.setAttribute('height', String(BAR_H));
  bar.setAttribute('rx', '3');
  const glyph = el('g', 'tl-glyph');
  glyph.setAttribute('aria-hidden', 'true');
  glyph.innerHTML = kindGlyph(kind);
  const label = el('text', 'tl-label');
  label.setAttribute('y', String(MID));
  label.setAttribute('dy', '0.35em');
  g.append(el('title'), el('rect', 'tl-hit'), el('rect', 'tl-ring'), dot, bar, glyph, label);
  templates.set(kind, g);
  return g;
}

export function createMarkLayer(container: SVGGElement): MarkLayer {
  let marks: Mark[] = [];
  let evs: readonly TravelEvent[] = [];
  /** Marks with DOM (every mark when eager; in a crowded dataset, a window's worth). */
  const withNode = new Set<Mark>();
  /** The dataset's events by id, for markOf. */
  let eventsById: ReadonlyMap<string, TravelEvent> = new Map();
  let lanes: Lane[] = [];
  let shown: Mark[] = [];
  /** Marks with displayed DOM after the last layout. */
  let withDom: Mark[] = [];
  let eager = true;
  let levelled = true;
  let isDense = false;
  /** The last layout is on the canvas only because a gesture was moving the window (DOM would come too slowly). */
  let sketch = false;
  let levels = new Map<number, Int32Array>();
  let texts: { data: Dataset; lang: Lang; t: Translate } | null = null;
  let geo: {
    width: number;
    boxes: LaneBox[];
    need: number[];
    caption: number;
  } | null = null;
  // Marks are placed in base coordinates: px from `base.t` at `base.k` px/ms. A pan (same scale)
  // only moves the group holding them by `shift` px; a zoom, a resize or a long pan re-bases.
  const base = { t: 0, k: 0, width: 0, lo: 0, hi: 0 };
  let shift = 0;
  let selectedId: string | null = null;
  let hoverId: string | null = null;
  let tabStopId: string | null = null;
  /** Bins of the last layout, their DOM by key, and what the arrow keys move between. */
  let bins: Bin[] = [];
  let binByKey = new Map<string, Bin>();
  const binPool = new Map<string, BinEls>();
  /** Made when a key asks for it: a crowded window has many marks, and pans and zooms redo layout. */
  let nav: NavItem[] | null = null;
  /** Per lane: the lane whose rows it shares at this window (itself unless lanes are short of room). */
  let slot: number[] = [];

  // The canvas of the dense mode, inside the SVG so that it shares the lanes' coordinates and clip.
  const fo = document.createElementNS(SVG_NS, 'foreignObject');
  fo.setAttribute('class', 'tl-canvas');
  fo.setAttribute('aria-hidden', 'true');
  fo.style.display = 'none';
  const canvas = document.createElement('canvas');
  fo.append(canvas);
  container.append(fo);
  const panG = document.createElementNS(SVG_NS, 'g');
  panG.setAttribute('class', 'tl-pan');
  container.append(panG);

  /**
   * The mark of an event id. A dataset's events are in (t0, id) order (Dataset.events), and so are the
   * marks: the mark is found by bisection, and no map of 100,000 ids is made at each new dataset for
   * the few ids ever asked.
   */
  function markOf(id: string): Mark | undefined {
    const e = eventsById.get(id);
    const i = e ? indexOfEvent(evs, e) : -1;
    return i >= 0 ? marks[i] : undefined;
  }

  function rowsAt(lv: number): Int32Array {
    let rows = levels.get(lv);
    if (rows) return rows;
    rows = new Int32Array(marks.length);
    const perLane = lanes.map((): number[] => []);
    marks.forEach((m, i) => perLane[m.lane]?.push(i));
    const span = rowSpanOf(lv);
    for (const list of perLane) {
      const packed = packRows(
        list.map((i) => marks[i]!.e),
        span,
      );
      list.forEach((i, k) => (rows![i] = packed[k]!));
    }
    levels.set(lv, rows);
    return rows;
  }

  function setData(data: Dataset): Lane[] {
    const laneOf = laneIndex(data.trips, data.events);
    for (const lane of lanes) lane.node?.remove();
    for (const m of withNode) m.node?.remove();
    withNode.clear();
    for (const els of binPool.values()) els.g.remove();
    binPool.clear();
    binByKey = new Map();
    bins = [];
    nav = null;
    lanes = data.trips
      .filter((trip) => laneOf.has(trip.id))
      .map((trip): Lane => ({ trip, index: laneOf.get(trip.id)!, title: '', node: null, ty: null }))
      .sort((a, b) => a.index - b.index);
    slot = lanes.map((l) => l.index);
    evs = data.events;
    marks = data.events.map((e, i) => ({
      e,
      i,
      lane: laneOf.get(e.trip) ?? 0,
      row: 0,
      colour: tripColour(data.tripsById.get(e.trip)?.order ?? 0),
      textLang: null,
      title: '',
      label: '',
      labelWidth: 0,
      shownLabel: '',
      node: null,
      els: null,
      shown: false,
      x0: 0,
      x1: 0,
      dy: null,
      displayed: null,
      bin: null,
    }));
    eventsById = data.eventsById;
    levels = new Map();
    const rows = rowsAt(0);
    marks.forEach((m, i) => (m.row = rows[i]!));
    eager = marks.length <= EAGER_MAX;
    levelled = marks.length <= LEVELLED_MAX;
    shown = [];
    withDom = [];
    tabStopId = null;
    for (const lane of lanes) {
      const g = document.createElementNS(SVG_NS, 'g');
      g.setAttribute('class', 'tl-lane');
      g.setAttribute('role', 'group');
      g.setAttribute('data-trip-id', lane.trip.id);
      panG.append(g);
      lane.node = g;
    }
    if (eager) {
      // In time order, so that reading the document follows the timeline.
      for (const i of startOrder(data.events)) {
        const m = marks[i]!;
        makeNode(m);
        m.node!.style.display = 'none';
        m.displayed = false;
      }
    }
    return lanes;
  }

  function makeNode(m: Mark): void {
    const g = markTemplate(m.e.kind).cloneNode(true) as SVGGElement;
    g.setAttribute('data-event-id', m.e.id);
    g.style.color = m.colour;
    g.style.setProperty('--tl-mark-ink', inkOn(m.colour));
    const [title, hit, ring, dot, bar, glyph, label] = g.children as unknown as [
      SVGTitleElement,
      SVGRectElement,
      SVGRectElement,
      SVGCircleElement,
      SVGRectElement,
      SVGGElement,
      SVGTextElement,
    ];
    const els: MarkEls = { g, title, hit, ring, dot, bar, glyph, label };
    m.node = g;
    withNode.add(m);
    m.els = els;
    m.dy = null;
    m.displayed = null;
    m.shownLabel = '';
    writeTexts(m);
    paint(m);
    lanes[m.lane]?.node?.append(g);
  }

  function dropNode(m: Mark): void {
    m.node?.remove();
    m.node = null;
    withNode.delete(m);
    m.els = null;
    m.displayed = null;
    m.dy = null;
  }

  function ensureTexts(m: Mark): void {
    if (!texts || m.textLang === texts.lang) return;
    m.textLang = texts.lang;
    m.title = localName(m.e.title, texts.lang);
    m.label = truncateLabel(m.title, LABEL_MAX);
    m.labelWidth = measureText(m.label);
  }

  function writeTexts(m: Mark): void {
    const els = m.els;
    if (!els || !texts) return;
    ensureTexts(m);
    els.g.setAttribute('aria-label', describe(m.e, texts.data, texts.lang, texts.t, m.title));
    els.title.textContent = m.title;
    els.label.textContent = m.shownLabel = m.label;
  }

  function setTexts(data: Dataset, lang: Lang, t: Translate): void {
    texts = { data, lang, t };
    for (const lane of lanes) {
      lane.title = localName(lane.trip.title, lang);
      lane.node?.setAttribute('aria-label', lane.title);
    }
    for (const m of withNode) writeTexts(m);
  }

  function setDisplayed(m: Mark, on: boolean): void {
    if (!m.node || m.displayed === on) return;
    m.node.style.display = on ? '' : 'none';
    m.displayed = on;
  }

  /** Marks that keep their DOM in dense mode. */
  function specials(): Set<Mark> {
    const out = new Set<Mark>();
    for (const id of [selectedId, hoverId, tabStopId]) {
      const m = id ? markOf(id) : undefined;
      if (m?.shown) out.add(m);
    }
    return out;
  }

  /** A mark's target at the last layout, base coordinates (as rowHitAreas centres it). */
  function targetOf(m: Mark): Target {
    if (markShape(m.x0, m.x1) === 'point') {
      const c = (m.x0 + m.x1) / 2;
      return { a: c - HIT / 2, b: c + HIT / 2 };
    }
    const w = Math.max(RANGE_MIN_PX, m.x1 - m.x0);
    const half = Math.max(HIT, w) / 2;
    return { a: m.x0 + w / 2 - half, b: m.x0 + w / 2 + half };
  }

  /** Rows of `list` (one lane) at a time level, or -1 when two targets in a row would overlap. */
  function levelRowsOf(list: readonly Mark[], rows: Int32Array, tg: Map<Mark, Target>): number {
    const byRow = new Map<number, Target[]>();
    let n = 0;
    for (const m of list) {
      const r = rows[m.i]!;
      n = Math.max(n, r + 1);
      const row = byRow.get(r);
      if (row) row.push(tg.get(m)!);
      else byRow.set(r, [tg.get(m)!]);
    }
    for (const row of byRow.values()) {
      row.sort((p, q) => p.a - q.a);
      for (let k = 1; k < row.length; k++) if (row[k]!.a < row[k - 1]!.b - 0.01) return -1;
    }
    return n;
  }

  function layout(
    _x: ScaleTime<number, number>,
    window: TimeWindow,
    width: number,
    height: number,
    metrics: Pick<LaneMetrics, 'empty' | 'caption' | 'alignTop'>,
    moving = false,
  ): SharedLaneBox[] {
    for (const m of shown) {
      m.shown = false;
      m.bin = null;
    }
    shown = queryWindow(evs, window).map((i) => marks[i]!);
    for (const m of shown) m.shown = true;
    // Level of detail: the canvas when there are too many marks for DOM, or when they would crowd
    // each other (a lane with more than one mark per DENSE_PX of width).
    const counts = lanes.map(() => 0);
    for (const m of shown) counts[m.lane]!++;
    isDense = shown.length > DOM_MAX || Math.max(0, ...counts) * DENSE_PX > Math.max(width, DENSE_MIN * DENSE_PX);
    const wasSketch = sketch;
    sketch = false;

    const k = width / Math.max(1, window[1] - window[0]);
    const s = (window[0] - base.t) * base.k;
    // The same scale when the marks at the far edge would move less than a quarter pixel (windows
    // that come back through the address are rounded, so widths differ by a few ms).
    const sameScale = Math.abs(k / base.k - 1) * width < 0.25;
    if (!sameScale || width !== base.width || Math.abs(s) > REBASE_PX) {
      // Far-off ends are clamped (huge SVG coordinates lose precision), beyond any pan before re-basing.
      Object.assign(base, { t: window[0], k, width, lo: -REBASE_PX - HIT - 8, hi: width + REBASE_PX + HIT + 8 });
      shift = 0;
    } else shift = s;
    panG.setAttribute('transform', `translate(${-shift},0)`);
    for (const m of shown) {
      m.x0 = clamp((m.e.t0 - base.t) * base.k, base.lo, base.hi);
      m.x1 = clamp((m.e.t1 - base.t) * base.k, base.lo, base.hi);
    }

    const rowsNeeded = (rows: Int32Array) => {
      const need = lanes.map(() => 0);
      for (const m of shown) need[m.lane] = Math.max(need[m.lane]!, rows[m.i]! + 1);
      return need;
    };
    const more = lanes.map(() => 0);
    slot = lanes.map((l) => l.index);
    const found: { lane: number; row: number; a: number; b: number; members: Mark[] }[] = [];
    let need: number[];
    /** The canvas: rows at the finest level, squeezed into the height. */
    const denseRows = (): number[] => {
      let lv = levelled ? rowLevel((window[1] - window[0]) / Math.max(1, width), ROW_PITCH) : 0;
      let rows = rowsAt(lv);
      let n = rowsNeeded(rows);
      while (lv > 0 && Math.max(0, ...n) > MAX_LEVEL_ROWS) {
        rows = rowsAt(--lv);
        n = rowsNeeded(rows);
      }
      for (const m of shown) m.row = rows[m.i]!;
      return n;
    };
    // A gesture that sketched its last window goes on sketching until it ends: the rows and bins of DOM
    // mode would be worked out only to be dropped.
    if (!isDense && moving && !eager && wasSketch) sketch = isDense = true;
    if (isDense) need = denseRows();
    else {
      // Rows at the finest time level whose instants in a row are a target apart (stable while
      // zooming inside a level) when they fit; else as few rows as pixels allow, and bins.
      const rows = rowsAt(levelled ? rowLevel((window[1] - window[0]) / Math.max(1, width), ROW_PITCH) : 0);
      const perLane = lanes.map((): Mark[] => []);
      for (const m of shown) perLane[m.lane]!.push(m);
      const tg = new Map<Mark, Target>();
      for (const m of shown) tg.set(m, targetOf(m));
      const level = perLane.map((list) => (list.length ? levelRowsOf(list, rows, tg) : 0));
      const want = perLane.map((list, i) =>
        level[i]! > 0
          ? level[i]!
          : list.length
            ? laneLod(
                list.map((m) => tg.get(m)!),
                { maxRows: Infinity },
              ).used
            : 0,
      );
      const unit = metrics.caption + LANE_H;
      const busy = lanes.filter((l) => want[l.index]! > 0).map((l) => l.index);
      let groups: number[][];
      let got: number[];
      if (busy.length * unit <= height + 0.5) {
        got = shareRows(want, busy.length + Math.max(0, Math.floor((height - busy.length * unit) / ROW_PITCH + 1e-6)))!;
        groups = busy.map((i) => [i]);
      } else {
        // Not even a row per lane: neighbouring lanes share one.
        groups = groupConsecutive(busy, Math.floor(height / unit));
        got = lanes.map(() => 0);
        for (const g of groups) got[g[0]!] = 1;
      }
      need = lanes.map(() => 0);
      for (const g of groups) {
        const first = g[0]!;
        for (const l of g) slot[l] = first;
        more[first] = g.length - 1;
        if (g.length === 1 && level[first]! > 0 && level[first]! <= got[first]!) {
          for (const m of perLane[first]!) m.row = rows[m.i]!;
          need[first] = level[first]!;
          continue;
        }
        const list = g.flatMap((l) => perLane[l]!);
        const lod = laneLod(
          list.map((m) => tg.get(m)!),
          { maxRows: got[first]! },
        );
        list.forEach((m, i) => (m.row = Math.max(0, lod.row[i]!)));
        for (const b of lod.bins)
          found.push({ lane: first, row: b.row, a: b.a, b: b.b, members: b.members.map((i) => list[i]!) });
        need[first] = lod.used;
      }
      // In a gesture, a window that would make DOM for many new marks is sketched on the canvas (their
      // first style, layout and paint would cost frames), and stays so until the gesture ends.
      if (moving && !eager) {
        // Marks without DOM yet, less those in bins (a mark is in one bin at most), without a set per move.
        let fresh = 0;
        for (const m of shown) if (!m.node) fresh++;
        for (const f of found) for (const m of f.members) if (!m.node) fresh--;
        if (fresh > SKETCH_NEW) {
          sketch = isDense = true;
          slot = lanes.map((l) => l.index);
          more.fill(0);
          found.length = 0;
          need = denseRows();
        }
      }
    }

    const boxes = laneLayout(need, height, { row: LANE_H, pitch: ROW_PITCH, ...metrics });
    for (const lane of lanes) {
      const box = boxes[slot[lane.index]!]!;
      const ty = box.y + metrics.caption + box.inset;
      if (lane.node && ty !== lane.ty) lane.node.setAttribute('transform', `translate(0,${ty})`);
      lane.ty = ty;
    }
    geo = { width, boxes, need, caption: metrics.caption };
    setBins(found);

    const selected = selectedId ? markOf(selectedId) : undefined;
    const domMarks = isDense
      ? [...specials()]
      : [...shown.filter((m) => !m.bin), ...(selected?.shown && selected.bin ? [selected] : [])];
    const keep = new Set(domMarks);
    for (const m of withDom) {
      if (keep.has(m)) continue;
      if (eager) setDisplayed(m, false);
      else dropNode(m);
    }
    withDom = domMarks;
    for (const m of domMarks) if (!m.node) makeNode(m);
    placeMarks(domMarks, !isDense);
    placeBins();
    nav = null;
    if (isDense) {
      fo.style.display = '';
      drawCanvas(width, height);
    } else if (fo.style.display !== 'none') {
      fo.style.display = 'none';
      canvas.width = canvas.height = 0;
    }
    return boxes.map((b, i) => ({ ...b, more: more[i]! }));
  }

  const navOf = (m: Mark): NavItem => ({ id: m.e.id, t0: m.e.t0, t1: m.e.t1, lane: slot[m.lane]!, row: m.row });
  const navOfBin = (b: Bin): NavItem => ({ id: b.key, t0: b.t0, t1: b.t1, lane: b.lane, row: b.row });

  /** Bins of this layout: their DOM is kept by key (the first event's id) from one layout to the next. */
  function setBins(found: readonly { lane: number; row: number; a: number; b: number; members: Mark[] }[]): void {
    const next = new Map<string, Bin>();
    bins = found.map((f) => {
      const key = `bin:${f.members[0]!.e.id}`;
      let t0 = Infinity;
      let t1 = -Infinity;
      for (const m of f.members) [t0, t1] = [Math.min(t0, m.e.t0), Math.max(t1, m.e.t1)];
      const bin: Bin = { key, lane: f.lane, row: f.row, a: f.a, b: f.b, t0, t1, members: f.members, els: binEls(key) };
      for (const m of f.members) m.bin = bin;
      next.set(key, bin);
      return bin;
    });
    for (const [key, els] of binPool)
      if (!next.has(key)) {
        els.g.remove();
        binPool.delete(key);
      }
    binByKey = next;
  }

  function binEls(key: string): BinEls {
    const had = binPool.get(key);
    if (had) return had;
    const g = el('g', 'tl-bin');
    g.setAttribute('role', 'button');
    g.setAttribute('tabindex', '-1');
    g.setAttribute('data-bin', key);
    const els: BinEls = {
      g,
      title: el('title'),
      hit: el('rect', 'tl-hit'),
      ring: el('rect', 'tl-ring'),
      body: el('rect', 'tl-bin-body'),
      count: el('text', 'tl-bin-count'),
      sig: '',
    };
    els.hit.setAttribute('y', String(MID - HIT / 2));
    els.hit.setAttribute('height', String(HIT));
    els.ring.setAttribute('y', String(MID - HIT / 2 - 1));
    els.ring.setAttribute('height', String(HIT + 2));
    els.body.setAttribute('y', String(MID - BIN_H / 2));
    els.body.setAttribute('height', String(BIN_H));
    els.body.setAttribute('rx', String(BIN_H / 2));
    els.count.setAttribute('y', String(MID));
    els.count.setAttribute('dy', '0.35em');
    els.count.setAttribute('text-anchor', 'middle');
    els.count.setAttribute('aria-hidden', 'true');
    g.append(els.title, els.hit, els.ring, els.body, els.count);
    binPool.set(key, els);
    return els;
  }

  /** The bin's span in words: "Apr 24, 2019 – Apr 26, 2019". */
  function binDates(b: Bin, lang: Lang): string {
    let first = b.members[0]!;
    let last = first;
    for (const m of b.members) {
      if (m.e.t0 < first.e.t0) first = m;
      if (m.e.t1 > last.e.t1) last = m;
    }
    const start = formatShortDate(first.e.startAt, lang);
    const end = formatShortDate(last.e.endAt, lang);
    return end && end !== start ? `${start} – ${end}` : start;
  }

  /** Position, colour and name the bins; a bin lies under the marks of its lane (drawn above it). */
  function placeBins(): void {
    if (!geo) return;
    const vis0 = shift;
    const vis1 = shift + geo.width;
    for (const b of bins) {
      const els = b.els;
      const laneNode = lanes[b.lane]?.node;
      if (laneNode && els.g.parentNode !== laneNode) laneNode.insertBefore(els.g, laneNode.firstChild);
      put(els.g, 'transform', `translate(0,${b.row * geo.boxes[b.lane]!.pitch})`);
      put(els.hit, 'x', b.a);
      put(els.hit, 'width', b.b - b.a);
      put(els.ring, 'x', b.a - 1);
      put(els.ring, 'width', b.b - b.a + 2);
      put(els.ring, 'rx', (HIT + 2) / 2);
      put(els.body, 'x', b.a + 1);
      put(els.body, 'width', b.b - b.a - 2);
      const half = HIT / 2;
      put(els.count, 'x', clamp((b.a + b.b) / 2, Math.max(b.a, vis0) + half, Math.min(b.b, vis1) - half));
      const colour = b.members.every((m) => m.e.trip === b.members[0]!.e.trip) ? b.members[0]!.colour : MIXED;
      const lang = texts?.lang ?? 'en';
      const sig = `${b.members.length}|${b.members.at(-1)!.e.id}|${lang}|${colour}`;
      if (sig !== els.sig && texts) {
        els.sig = sig;
        const vars = { n: b.members.length, dates: binDates(b, lang) };
        els.g.setAttribute('aria-label', texts.t('binEvents', vars));
        els.title.textContent = texts.t('binSpan', vars);
        els.count.textContent = String(b.members.length);
        els.g.style.color = colour;
        els.g.style.setProperty('--tl-mark-ink', inkOn(colour));
      }
      paintBin(b);
    }
  }

  function paintBin(b: Bin): void {
    const g = b.els.g;
    g.classList.toggle('is-hover', hoverId !== null && b.members.some((m) => m.e.id === hoverId));
    g.classList.toggle('has-selected', selectedId !== null && b.members.some((m) => m.e.id === selectedId));
    g.setAttribute('tabindex', b.key === tabStopId ? '0' : '-1');
  }

  /** Position the DOM of `list`; `labels`: place labels along each row (off in dense mode). */
  function placeMarks(list: readonly Mark[], labels: boolean): void {
    if (!geo) return;
    const { boxes, need } = geo;
    // The visible part of the lanes, in base coordinates.
    const vis0 = shift;
    const vis1 = shift + geo.width;
    const perRow = new Map<number, { m: Mark | null; start: number; end: number; point: boolean }[]>();
    for (const m of list) {
      const els = m.els!;
      setDisplayed(m, true);
      // The selected event of a bin is drawn on it, to be seen; the bin stays the target.
      const inBin = m.bin !== null;
      if (els.g.classList.contains('is-in-bin') !== inBin) els.g.classList.toggle('is-in-bin', inBin);
      if (inBin) m.row = m.bin!.row;
      const pitch = boxes[m.lane]!.pitch;
      const dy = m.row * pitch;
      if (dy !== m.dy) {
        els.g.setAttribute('transform', `translate(0,${dy})`);
        m.dy = dy;
      }
      // Squeezed rows are closer than a target: the hit area shrinks to the row (never overlapping).
      const hitH = need[m.lane]! > 1 ? Math.min(HIT, Math.max(pitch, 8)) : HIT;
      put(els.hit, 'y', MID - hitH / 2);
      put(els.hit, 'height', hitH);
      let start: number;
      let end: number;
      const point = markShape(m.x0, m.x1) === 'point';
      if (point) {
        const cx = (m.x0 + m.x1) / 2;
        start = cx - POINT_R;
        end = cx + POINT_R;
        put(els.dot, 'cx', cx);
        setRing(els.ring, cx - POINT_R - 3, MID - POINT_R - 3, POINT_R * 2 + 6, POINT_R * 2 + 6, POINT_R + 3);
        put(els.glyph, 'transform', `translate(${cx - GLYPH / 2},${MID - GLYPH / 2}) scale(${GLYPH / 16})`);
        show(els.glyph, true);
      } else {
        const b0 = m.x0;
        const w = Math.max(RANGE_MIN_PX, m.x1 - b0);
        start = b0;
        end = b0 + w;
        put(els.bar, 'x', b0);
        put(els.bar, 'width', w);
        setRing(els.ring, b0 - 3, MID - BAR_H / 2 - 3, w + 6, BAR_H + 6, 6);
        // The kind's glyph at the visible start of the bar, when the bar has room for it.
        const g0 = Math.max(b0, vis0) + 3;
        const room = Math.min(end, vis1) - g0 >= GLYPH + 4;
        show(els.glyph, room);
        if (room) put(els.glyph, 'transform', `translate(${g0},${MID - GLYPH / 2}) scale(${GLYPH / 16})`);
      }
      // A new mark has neither class yet: test the one it should have, not only is-point.
      if (!els.g.classList.contains(point ? 'is-point' : 'is-range')) {
        els.g.classList.toggle('is-point', point);
        els.g.classList.toggle('is-range', !point);
      }
      if (inBin) {
        show(els.label, false);
        continue;
      }
      const key = slot[m.lane]! * 1024 + m.row;
      const item = { m, start, end, point };
      const row = perRow.get(key);
      if (row) row.push(item);
      else perRow.set(key, [item]);
    }
    // Bins take room in their rows: labels keep clear of them.
    if (labels)
      for (const b of bins) {
        const row = perRow.get(b.lane * 1024 + b.row);
        if (row) row.push({ m: null, start: b.a, end: b.b, point: false });
      }
    for (const all of perRow.values()) {
      all.sort((a, b) => a.start - b.start);
      const items = all.filter((it): it is { m: Mark; start: number; end: number; point: boolean } => it.m !== null);
      rowHitAreas(items, HIT).forEach((h, i) => {
        const hit = items[i]!.m.els!.hit;
        put(hit, 'x', h.x);
        put(hit, 'width', h.width);
      });
      const lane = items[0]!.m.lane;
      // No labels in rows squeezed closer than a line of text.
      const room = labels && (need[lane]! <= 1 || geo.boxes[lane]!.pitch >= 14);
      // Labels are placed in the visible part: [0, width] from its left edge.
      const placed = placeLabels(
        all.map((it) => ({
          markStart: it.start - vis0,
          markEnd: it.end - vis0,
          labelWidth: it.m && it.point && room ? it.m.labelWidth : null,
        })),
        geo.width,
      );
      const xs = placed.filter((_, i) => all[i]!.m !== null);
      items.forEach((it, i) => {
        const m = it.m;
        const els = m.els!;
        const text = els.label;
        const at = room ? (xs[i] ?? null) : null;
        let lx = at === null ? null : at + vis0;
        let label = m.label;
        if (!it.point && room) {
          // Bars carry their label inside, after the glyph, cut to the visible part of the bar.
          const from = Math.max(it.start, vis0) + (shownEl(els.glyph) ? GLYPH + 3 : 0);
          label = fitLabel(m.title, m.label, m.labelWidth, Math.min(it.end, vis1) - from - 2 * BAR_PAD);
          lx = label ? from + BAR_PAD : null;
        }
        if (lx === null) show(text, false);
        else {
          if (label !== m.shownLabel) text.textContent = m.shownLabel = label;
          show(text, true);
          put(text, 'x', lx);
        }
      });
    }
  }

  function setRing(ring: Element, x: number, y: number, w: number, h: number, rx: number): void {
    put(ring, 'x', x);
    put(ring, 'y', y);
    put(ring, 'width', w);
    put(ring, 'height', h);
    put(ring, 'rx', rx);
  }

  /** Dense mode: every mark of the window as a small tick in its lane and row, one fill per lane. */
  function drawCanvas(width: number, height: number): void {
    if (!geo) return;
    const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
    const w = Math.max(1, Math.round(width));
    const h = Math.max(1, Math.round(height));
    put(fo, 'width', w);
    put(fo, 'height', h);
    if (canvas.width !== w * dpr || canvas.height !== h * dpr) {
      canvas.width = w * dpr;
      canvas.height = h * dpr;
      canvas.style.width = `${w}px`;
      canvas.style.height = `${h}px`;
    }
    let ctx: CanvasRenderingContext2D | null;
    try {
      ctx = canvas.getContext('2d');
    } catch {
      ctx = null;
    }
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.globalAlpha = 0.8;
    const perLane = lanes.map((): Mark[] => []);
    for (const m of shown) perLane[m.lane]?.push(m);
    const tickH = (lane: number) => clamp(geo!.boxes[lane]!.pitch - 2, 4, 14);
    for (const lane of lanes) {
      const list = perLane[lane.index]!;
      if (!list.length) continue;
      const ty = lane.ty ?? 0;
      const pitch = geo.boxes[lane.index]!.pitch;
      const th = tickH(lane.index);
      ctx.fillStyle = list[0]!.colour;
      ctx.beginPath();
      // One rect per pixel column and row: a thousand marks at one pixel cost one rect.
      const last = new Map<number, number>();
      for (const m of list) {
        const y = ty + m.row * pitch + MID - th / 2;
        const a = Math.floor(m.x0 - shift);
        const b = Math.max(a + 3, Math.ceil(m.x1 - shift));
        if ((last.get(m.row) ?? -Infinity) >= b) continue;
        last.set(m.row, b);
        ctx.rect(a - (b - a === 3 ? 1 : 0), y, b - a, th);
      }
      ctx.fill();
    }
    ctx.globalAlpha = 1;
  }

  function hitTest(px: number, py: number): Mark | null {
    if (!geo || !isDense) return null;
    let best: Mark | null = null;
    let bestD = Infinity;
    const half = HIT / 2;
    for (const m of shown) {
      const lane = lanes[m.lane];
      const pitch = geo.boxes[m.lane]!.pitch;
      const cy = (lane?.ty ?? 0) + m.row * pitch + MID;
      const dyAbs = Math.abs(py - cy);
      if (dyAbs > Math.min(half, Math.max(pitch, 8) / 2)) continue;
      const bx = px + shift;
      const dx = bx < m.x0 ? m.x0 - bx : bx > m.x1 ? bx - m.x1 : 0;
      if (dx > half) continue;
      const d = dx * dx + dyAbs * dyAbs;
      if (d < bestD) [best, bestD] = [m, d];
    }
    return best;
  }

  function paint(m: Mark): void {
    const g = m.node;
    if (!g) return;
    const selected = m.e.id === selectedId;
    g.classList.toggle('is-selected', selected);
    g.classList.toggle('is-hover', m.e.id === hoverId);
    if (selected) g.setAttribute('aria-current', 'true');
    else g.removeAttribute('aria-current');
    g.setAttribute('tabindex', m.e.id === tabStopId ? '0' : '-1');
  }

  /** Dense mode: give DOM to the marks that became special, take it from those that stopped. */
  function refreshSpecials(): void {
    if (!geo) return;
    if (!isDense) {
      // Lighter windows: only the selected event of a bin needs DOM it had not, drawn on its bin.
      const sel = selectedId ? markOf(selectedId) : undefined;
      const want = sel?.shown && sel.bin ? sel : null;
      const drop = withDom.filter((m) => m.bin && m !== want);
      if (drop.length) {
        withDom = withDom.filter((m) => !drop.includes(m));
        for (const m of drop) {
          if (eager) setDisplayed(m, false);
          else dropNode(m);
        }
      }
      if (want && !withDom.includes(want)) {
        if (!want.node) makeNode(want);
        withDom.push(want);
        placeMarks([want], false);
      }
      return;
    }
    const want = specials();
    const next: Mark[] = [];
    for (const m of withDom) {
      if (want.has(m)) next.push(m);
      else if (eager) setDisplayed(m, false);
      else dropNode(m);
    }
    const added: Mark[] = [];
    for (const m of want) {
      if (next.includes(m)) continue;
      if (!m.node) makeNode(m);
      next.push(m);
      added.push(m);
    }
    withDom = next;
    if (added.length) placeMarks(added, false);
  }

  function setStates(
    sel: string | null,
    hover: string | null,
    prev?: { selectedId: string | null; hoverId: string | null },
  ): void {
    selectedId = sel;
    hoverId = hover;
    refreshSpecials();
    if (!prev) {
      for (const m of withNode) paint(m);
      for (const b of bins) paintBin(b);
      return;
    }
    for (const id of new Set([prev.selectedId, prev.hoverId, sel, hover])) {
      const m = id ? markOf(id) : undefined;
      if (m) paint(m);
    }
    for (const b of bins) paintBin(b);
  }

  function setTabStop(id: string | null): void {
    const prevId = tabStopId;
    const prev = prevId ? markOf(prevId) : undefined;
    tabStopId = id;
    refreshSpecials();
    if (prev) paint(prev);
    const m = id ? markOf(id) : undefined;
    if (m) paint(m);
    for (const key of [prevId, id]) {
      const b = key ? binByKey.get(key) : undefined;
      if (b) paintBin(b);
    }
  }

  return {
    setData,
    setTexts,
    layout,
    setStates,
    visible: () => shown,
    nav() {
      nav ??= (isDense ? shown.map(navOf) : [...shown.filter((m) => !m.bin).map(navOf), ...bins.map(navOfBin)]).sort(
        (p, q) => p.t0 - q.t0 || p.lane - q.lane || p.row - q.row || (p.id < q.id ? -1 : 1),
      );
      return nav;
    },
    bin: (key) => binByKey.get(key),
    dense: () => isDense,
    sketched: () => sketch,
    hitTest,
    maxRows: () => rowsAt(0).reduce((a, r) => Math.max(a, r + 1), 1),
    get: (id) => markOf(id),
    lanes: () => lanes,
    setTabStop,
    tabStop: () => tabStopId,
    focus(id) {
      setTabStop(id);
      (binByKey.get(id)?.els.g ?? markOf(id)?.node)?.focus();
    },
  };
}
