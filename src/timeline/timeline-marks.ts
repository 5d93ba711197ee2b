// The event marks of the detail view: one <g> per event in one lane per trip, joined by event id.
// Three costs, three entry points: setData rebuilds the DOM (new dataset), layout moves marks
// (window or size), setStates toggles attributes on the marks whose selection or hover changed.
import type { ScaleTime } from 'd3-scale';
import { select } from 'd3-selection';
import { tripColour } from '../core/palette';
import type { Lang } from '../core/schema';
import { inWindow, type TimeWindow } from '../core/selectors';
import type { Dataset, TravelEvent, Trip } from '../core/types';
import { formatShortDate, localName, type Translate } from '../i18n/i18n';
import {
  clamp,
  estimateTextWidth,
  fitLabel,
  laneIndex,
  laneLayout,
  markShape,
  packRows,
  placeLabels,
  RANGE_MIN_PX,
  truncateLabel,
  type LaneBox,
  type LaneMetrics,
} from './timeline-math';

/** Height of a lane's mark row; stacked rows inside a lane are ROW_PITCH apart. */
export const LANE_H = 28;
export const ROW_PITCH = 16;
const MID = LANE_H / 2;
const POINT_R = 7;
const HIT = 24;
const BAR_H = 14;
const BAR_PAD = 4;
const LABEL_MAX = 24;
export const LABEL_FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export interface Mark {
  e: TravelEvent;
  lane: number;
  /** Row inside the lane, from packRows: stable while zooming. */
  row: number;
  colour: string;
  title: string;
  label: string;
  labelWidth: number;
  /** Text last written to the label element (bars show a shorter cut when narrow). */
  shownLabel: string;
  node: SVGGElement | null;
  /** Last display state and row offset written, to skip redundant writes; null before the first layout. */
  shown: boolean | null;
  dy: number | null;
}

export interface Lane {
  trip: Trip;
  index: number;
  title: string;
  node: SVGGElement | null;
  ty: number | null;
}

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
  ): LaneBox[];
  setStates(
    selectedId: string | null,
    hoverId: string | null,
    prev?: { selectedId: string | null; hoverId: string | null },
  ): void;
  /** Marks overlapping the window, in time order. */
  visible(): readonly Mark[];
  /** The most rows any lane needs with all its events shown. */
  maxRows(): number;
  get(id: string): Mark | undefined;
  lanes(): readonly Lane[];
}

export function createMarkLayer(container: SVGGElement): MarkLayer {
  const root = select(container);
  let marks: Mark[] = [];
  let byId = new Map<string, Mark>();
  let lanes: Lane[] = [];
  let shown: Mark[] = [];

  function setData(data: Dataset): Lane[] {
    const index = laneIndex(data.trips, data.events);
    lanes = data.trips
      .filter((trip) => index.has(trip.id))
      .map((trip): Lane => ({ trip, index: index.get(trip.id)!, title: '', node: null, ty: null }))
      .sort((a, b) => a.index - b.index);
    const old = byId;
    marks = data.events.map((e) => {
      const trip = data.tripsById.get(e.trip);
      const prev = old.get(e.id);
      return {
        e,
        lane: index.get(e.trip) ?? 0,
        row: 0,
        colour: tripColour(trip?.order ?? 0),
        title: prev?.title ?? '',
        label: prev?.label ?? '',
        labelWidth: prev?.labelWidth ?? 0,
        shownLabel: '',
        node: null,
        shown: null,
        dy: null,
      };
    });
    byId = new Map(marks.map((m) => [m.e.id, m]));
    const perLane = lanes.map((): Mark[] => []);
    for (const m of marks) perLane[m.lane]?.push(m);
    for (const list of perLane) {
      const rows = packRows(list.map((m) => m.e));
      list.forEach((m, i) => (m.row = rows[i]!));
    }

    const laneSel = root
      .selectAll<SVGGElement, Lane>('g.tl-lane')
      .data(lanes, (d) => d.trip.id)
      .join((enter) => enter.append('g').attr('class', 'tl-lane').attr('role', 'group'))
      .attr('data-trip-id', (d) => d.trip.id)
      .each(function bindLane(d) {
        d.node = this;
      });

    laneSel
      .selectAll<SVGGElement, Mark>('g.tl-mark')
      .data(
        (lane) => perLane[lane.index] ?? [],
        (d) => d.e.id,
      )
      .join((enter) => {
        const g = enter.append('g').attr('class', 'tl-mark').attr('role', 'button').attr('tabindex', -1);
        g.append('title');
        g.append('rect').attr('class', 'tl-hit');
        g.append('rect').attr('class', 'tl-ring');
        g.append('circle').attr('class', 'tl-dot').attr('cy', MID).attr('r', POINT_R);
        g.append('rect')
          .attr('class', 'tl-bar')
          .attr('y', MID - BAR_H / 2)
          .attr('height', BAR_H)
          .attr('rx', 3);
        g.append('text').attr('class', 'tl-label').attr('y', MID).attr('dy', '0.35em');
        return g;
      })
      .attr('data-event-id', (d) => d.e.id)
      .style('color', (d) => d.colour)
      .each(function bindNode(d) {
        d.node = this;
      });
    shown = [];
    return lanes;
  }

  function setTexts(data: Dataset, lang: Lang, t: Translate): void {
    for (const lane of lanes) lane.title = localName(lane.trip.title, lang);
    root.selectAll<SVGGElement, Lane>('g.tl-lane').attr('aria-label', (d) => d.title);
    for (const m of marks) {
      m.title = localName(m.e.title, lang);
      m.label = truncateLabel(m.title, LABEL_MAX);
      m.labelWidth = measureText(m.label);
      const g = m.node;
      if (!g) continue;
      g.setAttribute('aria-label', describe(m.e, data, lang, t, m.title));
      g.firstElementChild!.textContent = m.title;
      g.lastElementChild!.textContent = m.shownLabel = m.label;
    }
  }

  function layout(
    x: ScaleTime<number, number>,
    window: TimeWindow,
    width: number,
    height: number,
    metrics: Pick<LaneMetrics, 'empty' | 'caption' | 'alignTop'>,
  ): LaneBox[] {
    const lo = -HIT;
    const hi = width + HIT;
    shown = [];
    const need = lanes.map(() => 0);
    for (const m of marks) {
      const visible = inWindow(m.e, window);
      if (visible !== m.shown && m.node) {
        m.node.style.display = visible ? '' : 'none';
        m.shown = visible;
      }
      if (!visible) continue;
      shown.push(m);
      need[m.lane] = Math.max(need[m.lane] ?? 0, m.row + 1);
    }
    const boxes = laneLayout(need, height, { row: LANE_H, pitch: ROW_PITCH, ...metrics });
    for (const lane of lanes) {
      const box = boxes[lane.index]!;
      const ty = box.y + metrics.caption + box.inset;
      if (lane.node && ty !== lane.ty) lane.node.setAttribute('transform', `translate(0,${ty})`);
      lane.ty = ty;
    }

    // Labels are placed per row, left to right.
    const perRow = new Map<number, { m: Mark; start: number; end: number; point: boolean }[]>();
    for (const m of shown) {
      const g = m.node!;
      const pitch = boxes[m.lane]!.pitch;
      const dy = m.row * pitch;
      if (dy !== m.dy) {
        g.setAttribute('transform', `translate(0,${dy})`);
        m.dy = dy;
      }
      // Stacked rows are closer than a full target: shrink the hit area to the row (min 16 px).
      const hitH = need[m.lane]! > 1 ? clamp(pitch, 16, HIT) : HIT;
      const x0 = x(m.e.t0);
      const x1 = x(m.e.t1);
      const [hit, ring, dot, bar] = [g.children[1]!, g.children[2]!, g.children[3]!, g.children[4]!];
      hit.setAttribute('y', String(MID - hitH / 2));
      hit.setAttribute('height', String(hitH));
      let start: number;
      let end: number;
      const point = markShape(x0, x1) === 'point';
      if (point) {
        const cx = clamp((x0 + x1) / 2, lo, hi);
        start = cx - POINT_R;
        end = cx + POINT_R;
        dot.setAttribute('cx', String(cx));
        hit.setAttribute('x', String(cx - HIT / 2));
        hit.setAttribute('width', String(HIT));
        setRing(ring, cx - POINT_R - 4, MID - POINT_R - 4, POINT_R * 2 + 8, POINT_R * 2 + 8, POINT_R + 4);
      } else {
        const b0 = clamp(x0, lo, hi);
        const w = Math.max(RANGE_MIN_PX, clamp(x1, lo, hi) - b0);
        start = b0;
        end = b0 + w;
        bar.setAttribute('x', String(b0));
        bar.setAttribute('width', String(w));
        const hw = Math.max(HIT, w);
        hit.setAttribute('x', String(b0 - (hw - w) / 2));
        hit.setAttribute('width', String(hw));
        setRing(ring, b0 - 4, MID - BAR_H / 2 - 4, w + 8, BAR_H + 8, 6);
      }
      g.classList.toggle('is-point', point);
      g.classList.toggle('is-range', !point);
      const key = m.lane * 1024 + m.row;
      const item = { m, start, end, point };
      const row = perRow.get(key);
      if (row) row.push(item);
      else perRow.set(key, [item]);
    }
    for (const items of perRow.values()) {
      items.sort((a, b) => a.start - b.start);
      // No labels in rows squeezed closer than a line of text.
      const lane = items[0]!.m.lane;
      const room = need[lane]! <= 1 || boxes[lane]!.pitch >= 14;
      const xs = placeLabels(
        items.map((it) => ({
          markStart: it.start,
          markEnd: it.end,
          labelWidth: it.point && room ? it.m.labelWidth : null,
        })),
        width,
      );
      items.forEach((it, i) => {
        const m = it.m;
        const text = m.node!.lastElementChild as SVGTextElement;
        let lx = xs[i] ?? null;
        let label = m.label;
        if (!it.point && room) {
          // Bars carry their label inside, cut to the visible part of the bar.
          const from = Math.max(it.start, 0);
          label = fitLabel(m.title, m.label, m.labelWidth, Math.min(it.end, width) - from - 2 * BAR_PAD);
          lx = label ? from + BAR_PAD : null;
        }
        if (lx === null) text.style.display = 'none';
        else {
          if (label !== m.shownLabel) text.textContent = m.shownLabel = label;
          text.style.display = '';
          text.setAttribute('x', String(lx));
        }
      });
    }
    return boxes;
  }

  function setRing(ring: Element, x: number, y: number, w: number, h: number, rx: number): void {
    ring.setAttribute('x', String(x));
    ring.setAttribute('y', String(y));
    ring.setAttribute('width', String(w));
    ring.setAttribute('height', String(h));
    ring.setAttribute('rx', String(rx));
  }

  function paint(id: string | null, selectedId: string | null, hoverId: string | null): void {
    const g = id === null ? undefined : byId.get(id)?.node;
    if (!g) return;
    const selected = id === selectedId;
    g.classList.toggle('is-selected', selected);
    g.classList.toggle('is-hover', id === hoverId);
    if (selected) g.setAttribute('aria-current', 'true');
    else g.removeAttribute('aria-current');
  }

  function setStates(
    selectedId: string | null,
    hoverId: string | null,
    prev?: { selectedId: string | null; hoverId: string | null },
  ): void {
    if (!prev) {
      for (const m of marks) paint(m.e.id, selectedId, hoverId);
      return;
    }
    for (const id of new Set([prev.selectedId, prev.hoverId, selectedId, hoverId])) paint(id, selectedId, hoverId);
  }

  return {
    setData,
    setTexts,
    layout,
    setStates,
    visible: () => shown,
    maxRows: () => marks.reduce((a, m) => Math.max(a, m.row + 1), 1),
    get: (id) => byId.get(id),
    lanes: () => lanes,
  };
}
