// Compare lanes: two trips in parallel lanes on one clock, the time since local midnight of each
// departure day ("Day 1", "Day 2"…), with their events and the playhead. Replaces the detail view
// while a comparison is on. Marks share the `tl-mark` classes and `data-event-id`, so the
// timeline's delegated click, hover and focus handling applies to them as well.
import { scaleUtc } from 'd3-scale';
import { select } from 'd3-selection';
import { tripOrigin } from '../core/compare';
import { tripColour } from '../core/palette';
import { DAY_MS, playRange, tripSchedule } from '../core/playback';
import type { Dataset, TravelEvent, Trip } from '../core/types';
import { formatShortDate, localName, type Translate } from '../i18n/i18n';
import type { Lang } from '../core/schema';
import { laneLod, type Target } from './timeline-lod';
import { clamp } from './timeline-math';

const SVG_NS = 'http://www.w3.org/2000/svg';
const TOP = 22;
const AXIS_H = 22;
/** Rows 26 px apart hold targets of 24 × 24 px (WCAG 2.5.8) that never overlap. */
const ROW = 26;
const HIT = 24;
const BAR_H = 12;
const LANE_PAD = 4;
const POINT_R = 6;
const CAPTION_H = 15;
const RIGHT = 24;

interface CmpMark {
  e: TravelEvent;
  /** Start and end on the common clock, ms since the trip's origin. */
  a0: number;
  a1: number;
  row: number;
}

interface CmpLane {
  trip: Trip;
  origin: number;
  colour: string;
  marks: CmpMark[];
  rows: number;
  end: number;
}

export interface CompareView {
  data: Dataset;
  pair: readonly [string, string];
  /** Playhead on the first trip's clock (absolute ms), or null. */
  t: number | null;
  selectedId: string | null;
  hoverId: string | null;
  lang: Lang;
  tr: Translate;
}

export interface CompareLanes {
  node: SVGSVGElement;
  update(view: CompareView, width: number): void;
  setPlayhead(t: number | null): void;
  setStates(selectedId: string | null, hoverId: string | null): void;
  destroy(): void;
}

export function createCompareLanes(): CompareLanes {
  const node = document.createElementNS(SVG_NS, 'svg');
  const svg = select(node).attr('class', 'tl-compare').attr('role', 'group');
  const grid = svg.append('g').attr('class', 'tl-cmp-grid').attr('aria-hidden', 'true');
  const labels = svg.append('g').attr('class', 'tl-cmp-labels').attr('aria-hidden', 'true');
  const lanesG = svg.append('g').attr('class', 'tl-cmp-lanes');
  const playhead = svg.append('g').attr('class', 'tl-playhead').attr('aria-hidden', 'true').style('display', 'none');
  const phLine = playhead.append('line');
  const phLabel = playhead.append('text').attr('class', 'tl-playhead-label').attr('y', 12);
  // Milliseconds since the origin, on a UTC scale rather than a linear one: the two map a number the
  // same way, and the timeline already loads scaleUtc, while scaleLinear would bring its tick
  // formatter and d3-format (~2.3 KB gzip) into the first load, which holds d3-scale for both.
  const x = scaleUtc();
  let lanes: CmpLane[] = [];
  let key = '';
  let height = 0;
  let playheadT: number | null = null;
  let tr: Translate | null = null;

  function build(data: Dataset, pair: readonly [string, string]) {
    lanes = pair.flatMap((id) => {
      const trip = data.tripsById.get(id);
      if (!trip) return [];
      const origin = tripOrigin(data, trip);
      const events = data.events.filter((e) => e.trip === id);
      // Rows are packed in pixels once the width is known (update).
      const marks = events.map((e) => ({ e, a0: e.t0 - origin, a1: e.t1 - origin, row: 0 }));
      const end = playRange(trip, tripSchedule(data, id))[1] - origin;
      return [
        {
          trip,
          origin,
          colour: tripColour(trip.order),
          marks,
          rows: 1,
          end: Math.max(end, ...marks.map((m) => m.a1)),
        },
      ];
    });
  }

  function update(view: CompareView, width: number) {
    tr = view.tr;
    const k = `${view.pair.join(',')}|${view.lang}|${Math.round(width)}`;
    if (k === key && lanes.length) {
      setPlayhead(view.t);
      setStates(view.selectedId, view.hoverId);
      return;
    }
    key = k;
    build(view.data, view.pair);
    // Trip titles are long: captions above the lanes, at every width.
    const compact = true;
    const gutter = compact ? 8 : clamp(Math.round(width * 0.16), 110, 190);
    const innerW = Math.max(10, width - gutter - RIGHT);
    // From the day before departure at most: statements weeks ahead would squeeze the journey.
    const start = Math.max(
      -DAY_MS,
      Math.min(0, ...lanes.flatMap((l) => l.marks.map((m) => Math.floor(m.a0 / DAY_MS) * DAY_MS))),
    );
    for (const l of lanes) l.marks = l.marks.filter((m) => m.a1 > start);
    const end = Math.max(DAY_MS, ...lanes.map((l) => Math.ceil(l.end / DAY_MS) * DAY_MS));
    x.domain([start, end]).range([gutter, gutter + innerW]);
    // Rows in pixels at this width: every target gets a row where it overlaps no other (the lanes
    // grow; the whole trip is always in view, so there is no zooming to bin for).
    for (const l of lanes) {
      const targets = l.marks.map((m): Target => {
        const x0 = x(m.a0);
        const w = Math.max(0, x(m.a1) - x0);
        const c = w < 6 ? x0 : x0 + w / 2;
        const half = Math.max(HIT, w < 6 ? 0 : w) / 2;
        return { a: c - half, b: c + half };
      });
      const lod = laneLod(targets, { maxRows: Infinity });
      l.marks.forEach((m, i) => (m.row = Math.max(0, lod.row[i]!)));
      l.rows = Math.max(1, lod.used);
    }

    // Lane boxes.
    let y = TOP;
    const boxes = lanes.map((l) => {
      const cap = compact ? CAPTION_H : 0;
      const h = cap + LANE_PAD * 2 + (l.rows - 1) * ROW + HIT;
      const box = { y, h, cap };
      y += h;
      return box;
    });
    height = y + AXIS_H;
    svg.attr('width', width).attr('height', height).attr('aria-label', view.tr('compareLanes'));

    // Day grid and labels: a line at each local midnight since departure, "Day n" in between.
    const days: number[] = [];
    for (let d = start; d < end; d += DAY_MS) days.push(d);
    const dayW = innerW / Math.max(1, days.length);
    const every = dayW < 34 ? Math.ceil(34 / dayW) : 1;
    grid
      .selectAll('line')
      .data([...days, end])
      .join('line')
      .attr('x1', (d) => x(d))
      .attr('x2', (d) => x(d))
      .attr('y1', TOP)
      .attr('y2', height - AXIS_H);
    // Day 1 is the departure day; the day before is day 0 (as in the playback clock).
    const dayNo = (d: number) => Math.round(d / DAY_MS) + 1;
    grid
      .selectAll('text')
      .data(days.filter((_, i) => i % every === 0))
      .join('text')
      .attr('x', (d) => x(d + (DAY_MS * Math.min(every, days.length)) / 2))
      .attr('y', height - 6)
      .attr('text-anchor', 'middle')
      .text((d) => (dayW < 40 && every === 1 ? String(dayNo(d)) : view.tr('dayN', { n: dayNo(d) })));
    svg
      .selectAll('rect.tl-cmp-stripe')
      .data(boxes)
      .join((enter) => enter.insert('rect', ':first-child').attr('class', 'tl-cmp-stripe'))
      .attr('x', gutter)
      .attr('width', innerW)
      .attr('y', (b) => b.y)
      .attr('height', (b) => b.h)
      .classed('is-odd', (_, i) => i % 2 === 1);

    labels
      .selectAll<SVGGElement, CmpLane>('g')
      .data(lanes)
      .join((enter) => {
        const g = enter.append('g');
        g.append('circle').attr('r', 4);
        g.append('text').attr('dy', '0.35em');
        return g;
      })
      .attr('transform', (_, i) => `translate(0,${boxes[i]!.y + (compact ? CAPTION_H / 2 + 2 : boxes[i]!.h / 2)})`)
      .call((g) =>
        g
          .select('circle')
          .attr('cx', compact ? gutter + 6 : gutter - 10)
          .attr('fill', (d) => d.colour),
      )
      .call((g) =>
        g
          .select('text')
          .attr('x', compact ? gutter + 14 : gutter - 20)
          .attr('text-anchor', compact ? 'start' : 'end')
          .text((d) => localName(d.trip.title, view.lang)),
      );

    const laneSel = lanesG
      .selectAll<SVGGElement, CmpLane>('g.tl-cmp-lane')
      .data(lanes, (d) => d.trip.id)
      .join('g')
      .attr('class', 'tl-cmp-lane')
      .attr('role', 'group')
      .attr('data-trip-id', (d) => d.trip.id)
      .attr('aria-label', (d) => localName(d.trip.title, view.lang))
      .attr('transform', (_, i) => `translate(0,${boxes[i]!.y + boxes[i]!.cap + LANE_PAD})`)
      .style('color', (d) => d.colour);
    let first = true;
    laneSel
      .selectAll<SVGGElement, CmpMark>('g.tl-mark')
      .data(
        (d) => d.marks,
        (d) => d.e.id,
      )
      .join((enter) => {
        const g = enter.append('g').attr('class', 'tl-mark tl-cmp-mark').attr('role', 'button');
        g.append('title');
        g.append('rect').attr('class', 'tl-hit');
        g.append('rect').attr('class', 'tl-ring');
        g.append('rect').attr('class', 'tl-bar').attr('rx', 2);
        g.append('circle').attr('class', 'tl-dot').attr('r', POINT_R);
        return g;
      })
      .attr('data-event-id', (d) => d.e.id)
      .attr('tabindex', () => {
        const t = first ? 0 : -1;
        first = false;
        return t;
      })
      .attr('aria-label', (d) => {
        const title = localName(d.e.title, view.lang);
        return `${title}, ${view.tr('dayN', { n: dayNo(Math.floor(d.a0 / DAY_MS) * DAY_MS) })}, ${formatShortDate(d.e.startAt, view.lang)}`;
      })
      .each(function drawMark(d) {
        const x0 = x(d.a0);
        const w = Math.max(0, x(d.a1) - x0);
        const point = w < 6;
        const cy = d.row * ROW + HIT / 2;
        this.classList.toggle('is-point', point);
        this.classList.toggle('is-range', !point);
        const [title, hit, ring, bar, dot] = Array.from(this.children) as SVGElement[];
        title!.textContent = localName(d.e.title, view.lang);
        const hw = Math.max(HIT, point ? 0 : w);
        const hx = (point ? x0 : x0 + w / 2) - hw / 2;
        set(hit!, { x: hx, y: cy - HIT / 2, width: hw, height: HIT });
        const rw = point ? POINT_R * 2 + 6 : Math.max(3, w) + 6;
        set(ring!, { x: (point ? x0 - POINT_R : x0) - 3, y: cy - BAR_H / 2 - 3, width: rw, height: BAR_H + 6, rx: 4 });
        set(bar!, { x: x0, y: cy - BAR_H / 2, width: Math.max(3, w), height: BAR_H });
        set(dot!, { cx: x0, cy });
      });

    phLine.attr('y1', TOP - 4).attr('y2', height - AXIS_H);
    setPlayhead(view.t, true);
    setStates(view.selectedId, view.hoverId);
  }

  function set(el: Element, attrs: Record<string, number>) {
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  }

  function setPlayhead(t: number | null, force = false) {
    if (t === playheadT && !force) return;
    playheadT = t;
    const a = lanes[0];
    if (t === null || !a) {
      playhead.style('display', 'none');
      return;
    }
    const at = t - a.origin;
    const px = x(at);
    playhead.style('display', null).attr('transform', `translate(${px},0)`);
    phLine.attr('x1', 0).attr('x2', 0);
    const n = Math.floor(at / DAY_MS);
    const hh = Math.floor((at - n * DAY_MS) / 3_600_000);
    const mm = Math.floor((at - n * DAY_MS - hh * 3_600_000) / 60_000);
    const time = `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
    const [r0, r1] = x.range() as [number, number];
    phLabel
      .attr('text-anchor', px > (r0 + r1) / 2 ? 'end' : 'start')
      .attr('x', px > (r0 + r1) / 2 ? -4 : 4)
      .text(tr ? tr('dayTime', { day: n + 1, time }) : time);
  }

  function setStates(selectedId: string | null, hoverId: string | null) {
    lanesG.selectAll<SVGGElement, CmpMark>('g.tl-mark').each(function paint(d) {
      const sel = d.e.id === selectedId;
      this.classList.toggle('is-selected', sel);
      this.classList.toggle('is-hover', d.e.id === hoverId);
      if (sel) this.setAttribute('aria-current', 'true');
      else this.removeAttribute('aria-current');
    });
  }

  function onKeyDown(event: KeyboardEvent) {
    const mark = (event.target as Element | null)?.closest?.('g.tl-cmp-mark');
    if (!mark || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    const all = Array.from(node.querySelectorAll<SVGGElement>('g.tl-cmp-mark'));
    const i = all.indexOf(mark as SVGGElement);
    const next = all[i + (event.key === 'ArrowRight' ? 1 : -1)];
    event.preventDefault();
    event.stopPropagation();
    if (!next) return;
    mark.setAttribute('tabindex', '-1');
    next.setAttribute('tabindex', '0');
    next.focus();
  }
  node.addEventListener('keydown', onKeyDown);

  return {
    node,
    update,
    setPlayhead: (t) => setPlayhead(t),
    setStates,
    destroy() {
      node.removeEventListener('keydown', onKeyDown);
      node.remove();
      lanes = [];
    },
  };
}
