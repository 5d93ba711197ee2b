// The D3 timeline adapter: a zoomable detail view with one lane per trip (focus) above an overview
// strip of the whole dataset with a brush (context). The time window lives in the app state: zoom,
// pan, brush and buttons only *ask* for a window through onWindowChange, and update() draws the
// window it is given. See "Feedback loops" below for how d3-zoom and d3-brush are kept in step.
import { axisBottom } from 'd3-axis';
import { scaleUtc } from 'd3-scale';
import { pointer, select, type Selection } from 'd3-selection';
import { zoom as d3Zoom, zoomIdentity, zoomTransform, type D3ZoomEvent } from 'd3-zoom';
import { tripColour } from '../core/palette';
import { onDemand } from '../core/on-demand';
import { datasetExtent, type TimeWindow } from '../core/selectors';
import type { CompareLanes } from './timeline-compare';
import { createMarkLayer, LANE_H, measureText, ROW_PITCH, type Lane, type SharedLaneBox } from './timeline-marks';
import { createOverview, OV_AXIS, OV_BAND } from './timeline-overview';
import {
  clamp,
  clampWindowWidth,
  formatTick,
  formatWindow,
  isMajorTick,
  padWindow,
  panBounds,
  sameWindow,
  shiftWindowInto,
  scaleExtentFor,
  tickLevel,
  tickStep,
  truncateLabel,
  windowWidth,
  zoomLimits,
  zoomWindowBy,
} from './timeline-math';
import type { TimelineCallbacks, TimelineHandle, TimelineView } from './timeline-types';
import { createLegend } from './timeline-legend';

const SVG_NS = 'http://www.w3.org/2000/svg';
const TOP = 6;
const AXIS_H = 26;
const GAP = 12;
const RIGHT = 36;
/** Below this width, trip names become captions above their lanes instead of a left column. */
const COMPACT_BELOW = 560;
const CAPTION_H = 13;
/** Lanes with nothing in the window fold away (the overview still shows every trip). */
const EMPTY_LANE_H = 0;
/** The detail height grows to fit this many stacked rows in one lane; more rows are squeezed. */
const MAX_FULL_ROWS = 8;
/** The detail height fits this many single-row lanes; more lanes are squeezed. */
const MAX_FULL_LANES = 5;
const LANE_FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const CAPTION_FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
/** Least distance between two lane names, px: a line of the 12 px font. */
const LANE_NAME_MIN_GAP = 14;
/** Shown for an empty dataset. */
const DEFAULT_WINDOW: TimeWindow = [Date.UTC(2000, 0, 1), Date.UTC(2025, 0, 1)];

let instances = 0;

type Detail = SVGGElement;

/** The compare lanes' code, loaded with the first comparison (not part of the first load). */
const compareLanes = onDemand(() => import('./timeline-compare'));

export function createTimeline(el: HTMLElement, callbacks: TimelineCallbacks): TimelineHandle {
  const uid = `itinera-tl-${++instances}`;
  let view: TimelineView | null = null;
  let destroyed = false;
  let width = 0;
  let gutter = 0;
  let innerW = 0;
  let detailH = LANE_H;
  let compact = false;
  let laneMetrics = { empty: EMPTY_LANE_H, caption: 0, alignTop: false };
  let extent: TimeWindow | null = null;
  let full: TimeWindow = DEFAULT_WINDOW;
  let limits = zoomLimits(null);
  const x = scaleUtc();
  /** The zoom's reference scale: the window shown while the zoom transform is the identity. */
  const base = scaleUtc();

  // --- DOM: our own root inside el, so the React bridge keeps its element to itself. ---------
  const root = document.createElement('div');
  root.className = 'tl';
  const toolbar = document.createElement('div');
  toolbar.className = 'tl-toolbar';
  const btnOut = button('tl-btn tl-zoom-out', '−');
  const btnIn = button('tl-btn tl-zoom-in', '+');
  const btnAll = button('tl-btn tl-show-all', '');
  // Moving the window without dragging (WCAG 2.5.7): half a window earlier or later.
  const btnEarlier = button('tl-btn tl-earlier', '‹');
  const btnLater = button('tl-btn tl-later', '›');
  // The window in words, readable at a glance, and the legend of the kinds' symbols.
  const rangeCaption = document.createElement('span');
  rangeCaption.className = 'tl-range';
  const legend = createLegend();
  toolbar.append(legend.node, rangeCaption, btnEarlier, btnLater, btnOut, btnIn, btnAll);
  const svgNode = document.createElementNS(SVG_NS, 'svg');
  // The compare lanes (timeline-compare.ts) are made with the first comparison, their code loaded then.
  let cmp: CompareLanes | null = null;
  // Compare lanes grow with their rows of 24 px targets; past a share of the screen they scroll.
  const cmpBox = document.createElement('div');
  cmpBox.className = 'tl-compare-box';
  cmpBox.style.display = 'none';
  root.append(toolbar, svgNode, cmpBox);
  el.append(root);

  // A group, not the default image role, whose children would be presentational.
  const svg = select(svgNode).attr('class', 'tl-svg').attr('role', 'group');
  const clipRect = svg.append('defs').append('clipPath').attr('id', `${uid}-clip`).append('rect');
  const detail = svg.append('g').attr('class', 'tl-detail').attr('role', 'group');
  const surface = detail.append('rect').attr('class', 'tl-surface');
  const stripes = detail.append('g').attr('class', 'tl-stripes');
  const grid = detail.append('g').attr('class', 'tl-grid').attr('aria-hidden', 'true');
  const laneLabels = detail.append('g').attr('class', 'tl-lane-labels').attr('aria-hidden', 'true');
  const axisG = detail.append('g').attr('class', 'tl-axis').attr('aria-hidden', 'true');
  // The span of the bin under the pointer or the focus, on the axis.
  const binSpan = detail
    .append('rect')
    .attr('class', 'tl-bin-span')
    .attr('aria-hidden', 'true')
    .attr('rx', 2)
    .style('display', 'none');
  const utcCaption = detail.append('text').attr('class', 'tl-utc').attr('aria-hidden', 'true').text('UTC');
  const lanesG = detail.append('g').attr('class', 'tl-lanes').attr('clip-path', `url(#${uid}-clip)`);
  const playheadG = detail
    .append('g')
    .attr('class', 'tl-playhead')
    .attr('aria-hidden', 'true')
    .style('display', 'none');
  const emptyNote = detail
    .append('text')
    .attr('class', 'tl-empty')
    .attr('text-anchor', 'middle')
    .style('display', 'none');
  const playheadLine = playheadG.append('line').attr('y1', -4);
  playheadG.append('path').attr('d', 'M-5,-6 L5,-6 L0,0 Z');
  const overviewG = svg.append('g').attr('class', 'tl-overview').attr('role', 'group');
  const lanesNode = lanesG.node()!;
  const marks = createMarkLayer(lanesNode);

  const shown = (): TimeWindow => view?.window ?? full;

  // --- Asking for a window: coalesced to one call per animation frame. ------------------------
  let pending: TimeWindow | null = null;
  let frame = 0;
  function requestWindow(w: TimeWindow, now = false): void {
    pending = w;
    if (now) flush();
    else if (!frame) frame = requestAnimationFrame(flushFrame);
  }
  function flushFrame(): void {
    frame = 0;
    flush();
  }
  function flush(): void {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    const w = pending;
    pending = null;
    if (w && !destroyed && !sameWindow(w, shown())) callbacks.onWindowChange(w);
  }

  // --- Feedback loops -------------------------------------------------------------------------
  // Zoom: `base` holds the window of the state when the gesture started and the transform is the
  // identity. During a user gesture each zoom event asks for transform.rescaleX(base); update()
  // draws whatever the state says without touching the zoom (a reset mid-gesture would make
  // d3-zoom jump: it keeps the grab point in transformed coordinates). When the gesture ends, and
  // on every window that arrives outside a gesture, `base` becomes the state's window and the
  // transform is reset to the identity. Programmatic transforms have no sourceEvent and are ignored.
  let zooming = false;
  /** The zoom gesture is a drag (or a pinch), told to the app; a wheel's is not. */
  let dragging = false;
  const zoomer = d3Zoom<Detail, unknown>()
    .clickDistance(4)
    .filter((event: MouseEvent) => {
      if (event.type === 'dblclick' && (markOf(event.target) || binOf(event.target))) return false;
      return (!event.ctrlKey || event.type === 'wheel') && !event.button;
    })
    .on('start', (event: D3ZoomEvent<Detail, unknown>) => {
      if (!event.sourceEvent || destroyed) return;
      zooming = true;
      // A drag or a pinch; a wheel zoom ends after a pause of its own, which is the rest waited for.
      dragging = (event.sourceEvent as Event).type !== 'wheel';
      if (dragging) callbacks.onGesture?.(true);
    })
    .on('zoom', (event: D3ZoomEvent<Detail, unknown>) => {
      if (!event.sourceEvent || destroyed) return;
      const [a, b] = event.transform.rescaleX(base).domain();
      requestWindow([+a!, +b!]);
    })
    .on('end', (event: D3ZoomEvent<Detail, unknown>) => {
      if (!event.sourceEvent || destroyed) return;
      zooming = false;
      flush();
      rebase();
      gestureEnded(dragging);
      dragging = false;
    });
  detail.call(zoomer);

  function rebase(): void {
    const w = shown();
    base.domain(w).range([0, innerW]);
    const bounds = panBounds(extent, limits, w);
    zoomer
      .extent([
        [0, 0],
        [Math.max(1, innerW), detailH + AXIS_H],
      ])
      .scaleExtent(scaleExtentFor(windowWidth(w), limits))
      .translateExtent([
        [base(bounds[0]), -Infinity],
        [base(bounds[1]), Infinity],
      ]);
    const t = zoomTransform(detail.node()!);
    if (t.k !== 1 || t.x !== 0 || t.y !== 0) zoomer.transform(detail, zoomIdentity);
  }

  const overview = createOverview(overviewG, {
    shown,
    full: () => full,
    extent: () => extent,
    limits: () => limits,
    request: requestWindow,
    gesture: (active) => !destroyed && (active ? callbacks.onGesture?.(true) : gestureEnded(true)),
  });

  /**
   * A gesture has ended (its `zooming` or brushing flag is down, and its last window drawn). Marks
   * sketched on the canvas during it get their DOM, unless that last window was already laid out
   * without the gesture. `tell`: the app hears of it (not of a wheel zoom's end).
   */
  function gestureEnded(tell: boolean): void {
    if (marks.sketched() && view) {
      layoutWindow();
      refreshTabStop();
    }
    if (tell) callbacks.onGesture?.(false);
  }

  // --- Marks: one set of delegated listeners for all of them, on the HTML root (Chromium makes an
  // SVG element with focus listeners focusable, which would add a stray tab stop). -------------
  let pointerHover: string | null = null;

  /** The mark under the pointer: its DOM, or on the canvas of a dense window. */
  function markAt(event: MouseEvent): string | null {
    const id = idOf(markOf(event.target));
    if (id || !marks.dense() || !(event.target instanceof Element) || !event.target.closest('.tl-detail')) return id;
    const [px, py] = pointer(event, lanesNode);
    return marks.hitTest(px, py)?.e.id ?? null;
  }
  function onClick(event: MouseEvent): void {
    const bin = binOf(event.target);
    if (bin) return openBin(bin, false);
    const id = markAt(event);
    if (id) callbacks.onSelect(id);
  }
  /** A bin asks for the window of its events (a little wider), where they get targets of their own. */
  function openBin(key: string, keyboard: boolean): void {
    const b = marks.bin(key);
    if (!b) return;
    const span = b.t1 - b.t0;
    const c = (b.t0 + b.t1) / 2;
    const w = clampWindowWidth([c - span * 0.8, c + span * 0.8], limits);
    focusAfter = keyboard && !sameWindow(w, shown()) ? b.members[0]!.e.id : null;
    requestWindow(w, true);
  }
  function showBinSpan(key: string | null): void {
    const b = key ? marks.bin(key) : undefined;
    if (!b) {
      binSpan.style('display', 'none');
      return;
    }
    const [x0, x1] = [clamp(x(b.t0), 0, innerW), clamp(x(b.t1), 0, innerW)];
    const w = Math.max(4, x1 - x0);
    binSpan
      .style('display', null)
      .attr('x', (x0 + x1) / 2 - w / 2)
      .attr('width', w)
      .attr('y', detailH - 3)
      .attr('height', 6);
  }
  /** After a bin opens by keyboard: the event to focus once the new window is drawn. */
  let focusAfter: string | null = null;
  function onKeyDown(event: KeyboardEvent): void {
    const bin = binOf(event.target);
    const id = bin ?? idOf(markOf(event.target));
    if (!id) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (bin) openBin(bin, true);
      else callbacks.onSelect(id);
    } else if (event.key === 'Escape' && view?.selectedId) {
      callbacks.onSelect(null);
    } else {
      const next = neighbour(id, event.key);
      if (next) {
        event.preventDefault();
        marks.focus(next);
      }
    }
  }
  function onPointerOver(event: PointerEvent): void {
    if (zooming || overview.brushing()) return;
    showBinSpan(binOf(event.target));
    const id = idOf(markOf(event.target));
    if (id && id !== pointerHover) {
      pointerHover = id;
      callbacks.onHover(id);
    }
  }
  /** Dense windows: hover by hit-testing the canvas (marks with DOM answer pointerover). */
  function onPointerMove(event: PointerEvent): void {
    if (!marks.dense() || zooming || overview.brushing() || markOf(event.target)) return;
    const id = markAt(event);
    surface.classed('is-over-mark', id !== null);
    if (id === pointerHover) return;
    pointerHover = id;
    callbacks.onHover(id);
  }
  function onPointerOut(event: PointerEvent): void {
    if (binOf(event.target) && !binOf(event.relatedTarget)) showBinSpan(null);
    const inDetail = event.relatedTarget instanceof Element && !!event.relatedTarget.closest('.tl-detail');
    if (marks.dense() && pointerHover && !inDetail) {
      pointerHover = null;
      callbacks.onHover(null);
      return;
    }
    const from = idOf(markOf(event.target));
    if (!from || idOf(markOf(event.relatedTarget)) !== null) return;
    if (marks.dense() && inDetail) return;
    pointerHover = null;
    callbacks.onHover(null);
  }
  function onFocusIn(event: FocusEvent): void {
    const bin = binOf(event.target);
    if (bin) {
      setTabStop(bin);
      showBinSpan(bin);
      return;
    }
    const id = idOf(markOf(event.target));
    if (!id) return;
    setTabStop(id);
    callbacks.onHover(id);
  }
  function onFocusOut(event: FocusEvent): void {
    if (binOf(event.target)) showBinSpan(null);
    if (idOf(markOf(event.target)) && !idOf(markOf(event.relatedTarget))) callbacks.onHover(null);
  }
  root.addEventListener('click', onClick);
  root.addEventListener('keydown', onKeyDown);
  root.addEventListener('pointerover', onPointerOver);
  root.addEventListener('pointerout', onPointerOut);
  root.addEventListener('pointermove', onPointerMove);
  root.addEventListener('focusin', onFocusIn);
  root.addEventListener('focusout', onFocusOut);

  /**
   * Arrow keys, over marks and bins alike: left/right in time order, up/down to the nearest one of the
   * next row, Home/End.
   */
  function neighbour(id: string, key: string): string | null {
    const vis = marks.nav();
    const i = vis.findIndex((m) => m.id === id);
    if (i < 0) return null;
    const cur = vis[i]!;
    switch (key) {
      case 'ArrowRight':
        return vis[i + 1]?.id ?? null;
      case 'ArrowLeft':
        return vis[i - 1]?.id ?? null;
      case 'Home':
        return vis[0]?.id ?? null;
      case 'End':
        return vis.at(-1)?.id ?? null;
      case 'ArrowUp':
      case 'ArrowDown': {
        const dir = key === 'ArrowUp' ? -1 : 1;
        // Rows in reading order: lane by lane, then row by row inside a lane.
        const rowOf = (m: (typeof vis)[number]) => m.lane * 1024 + m.row;
        const rows = vis.map(rowOf).filter((r) => (r - rowOf(cur)) * dir > 0);
        if (!rows.length) return null;
        const row = dir < 0 ? Math.max(...rows) : Math.min(...rows);
        const mid = (cur.t0 + cur.t1) / 2;
        let best: string | null = null;
        let bestD = Infinity;
        for (const m of vis) {
          const d = Math.abs((m.t0 + m.t1) / 2 - mid);
          if (rowOf(m) === row && d < bestD) [best, bestD] = [m.id, d];
        }
        return best;
      }
      default:
        return null;
    }
  }

  /**
   * Roving tabindex: the selected mark when shown (or its bin), else the current stop, else the first
   * mark or bin.
   */
  function refreshTabStop(): void {
    const sel = view?.selectedId;
    // A key among this window's stops: a mark of its own, or the bin holding it.
    const stop = (id: string | null | undefined): string | null => {
      if (!id) return null;
      if (id.startsWith('bin:')) return marks.bin(id) ? id : null;
      const m = marks.get(id);
      if (!m?.shown) return null;
      if (marks.dense() || !m.bin) return id;
      return m.bin.key;
    };
    // A crowded window (the canvas) has no bins, and its marks are already in time order.
    const first = () => (marks.dense() ? marks.visible()[0]?.e.id : marks.nav()[0]?.id) ?? null;
    setTabStop(stop(sel) ?? stop(marks.tabStop()) ?? first());
  }
  function setTabStop(id: string | null): void {
    if (id !== marks.tabStop()) marks.setTabStop(id);
  }

  // --- Buttons ---------------------------------------------------------------------------------
  function onZoomIn(): void {
    if (btnIn.getAttribute('aria-disabled') !== 'true') requestWindow(zoomWindowBy(shown(), 0.5, limits), true);
  }
  function onZoomOut(): void {
    if (btnOut.getAttribute('aria-disabled') !== 'true') requestWindow(zoomWindowBy(shown(), 2, limits), true);
  }
  function onShowAll(): void {
    requestWindow(full, true);
  }
  btnIn.addEventListener('click', onZoomIn);
  btnOut.addEventListener('click', onZoomOut);
  btnAll.addEventListener('click', onShowAll);
  function onPan(dir: 1 | -1): void {
    const w = shown();
    const step = ((w[1] - w[0]) / 2) * dir;
    requestWindow(shiftWindowInto([w[0] + step, w[1] + step], panBounds(extent, limits, w)), true);
  }
  const onEarlier = () => onPan(-1);
  const onLater = () => onPan(1);
  btnEarlier.addEventListener('click', onEarlier);
  btnLater.addEventListener('click', onLater);

  // --- Drawing -------------------------------------------------------------------------------
  function applyTexts(v: TimelineView): void {
    for (const [b, key] of [
      [btnIn, 'zoomIn'],
      [btnOut, 'zoomOut'],
      [btnEarlier, 'earlier'],
      [btnLater, 'later'],
    ] as const) {
      b.setAttribute('aria-label', v.t(key));
      b.title = v.t(key);
    }
    btnAll.textContent = v.t('showAll');
    detail.attr('aria-label', v.t('detail'));
    overviewG.attr('aria-label', v.t('overview'));
    marks.setTexts(v.data, v.lang, v.t);
    legend.update(v);
  }

  /** Sizes, lanes and the overview: on a new dataset, language or container width. */
  function layoutFrame(): void {
    if (!view) return;
    const lanes = marks.lanes();
    compact = width < COMPACT_BELOW;
    laneMetrics = compact
      ? { empty: EMPTY_LANE_H, caption: CAPTION_H, alignTop: true }
      : { empty: EMPTY_LANE_H, caption: 0, alignTop: false };
    // A fixed height, so that zooming never makes the page jump: a few single-row lanes, or the most
    // stacked lane with the others folded away. The map above gets the rest of the screen.
    const n = Math.min(MAX_FULL_LANES, Math.max(1, lanes.length));
    const rows = Math.min(MAX_FULL_ROWS, marks.maxRows());
    const laneH = LANE_H + laneMetrics.caption;
    detailH = Math.max(n * laneH, laneH + (rows - 1) * ROW_PITCH);
    gutter = compact ? 8 : clamp(Math.round(width * 0.16), 110, 190);
    innerW = Math.max(0, width - gutter - RIGHT);
    const ovY = TOP + detailH + AXIS_H + GAP;
    svg.attr('height', ovY + OV_BAND + OV_AXIS + 2);
    if (innerW <= 0) return;

    clipRect
      .attr('x', 0)
      .attr('y', -8)
      .attr('width', innerW)
      .attr('height', detailH + 16);
    detail.attr('transform', `translate(${gutter},${TOP})`);
    surface.attr('width', innerW).attr('height', detailH + AXIS_H);
    playheadLine.attr('y2', detailH);
    stripes
      .selectAll<SVGRectElement, Lane>('rect')
      .data(lanes, (d) => d.trip.id)
      .join('rect')
      .attr('class', (d) => (d.index % 2 ? 'tl-stripe is-odd' : 'tl-stripe'))
      .attr('x', 0)
      .attr('width', innerW);
    axisG.attr('transform', `translate(0,${detailH})`);
    utcCaption.attr('x', innerW + 5).attr('y', detailH + 7);

    // Trip names: a right-aligned column left of the lanes, or captions above them when narrow.
    labelW = compact ? innerW - 16 : gutter - 26;
    laneLabels
      .attr('transform', `translate(${compact ? 0 : -gutter},0)`)
      .classed('is-compact', compact)
      .selectAll<SVGGElement, Lane>('g')
      .data(lanes, (d) => d.trip.id)
      .join((enter) => {
        const g = enter.append('g');
        g.append('title');
        g.append('circle').attr('r', 4);
        g.append('text').attr('dy', '0.35em');
        return g;
      })
      .call((g) => g.select('title').text((d) => d.title))
      .call((g) =>
        g
          .select('circle')
          .attr('cx', compact ? 5 : gutter - 10)
          .attr('fill', (d) => tripColour(d.trip.order)),
      )
      .call((g) =>
        g
          .select('text')
          .attr('x', compact ? 13 : gutter - 20)
          .attr('text-anchor', compact ? 'start' : 'end')
          .text((d) => fitText(d.title, labelW, compact ? CAPTION_FONT : LANE_FONT)),
      );

    overviewG.attr('transform', `translate(${gutter},${ovY})`);
    overview.draw(view.data, innerW, view.lang, view.t);
    lastBoxes = '';
    layoutWindow();
  }

  /** The lane boxes last drawn (stripes and trip names follow them). */
  let lastBoxes = '';
  /** The axis ticks last drawn: their times, labels and sizes. */
  let lastTicks = '';
  /** Room for a trip's name, px. */
  let labelW = 0;
  /** The detail scale, axis and marks, the brush and the zoom: on every new window. */
  function layoutWindow(): void {
    if (!view || innerW <= 0) return;
    const w = shown();
    x.domain(w).range([0, innerW]);
    const ticks = x.ticks(Math.max(2, Math.floor(innerW / 110)));
    const level = tickLevel(tickStep(ticks, w));
    const lang = view.lang;
    // d3-axis's own half-pixel offset (crisp lines at a device pixel ratio of 1), set on both axes and
    // used again below when only the ticks' places change.
    const offset = devicePixelRatio > 1 ? 0 : 0.5;
    const axisKey = `${lang} ${level} ${innerW} ${detailH} ${offset}`;
    const ticksKey = `${axisKey} ${ticks.map(Number).join(',')}`;
    const place = (d: Date) => `translate(${+x(d) + offset},0)`;
    const label = (d: Date, i: number) => formatTick(new Date(+d), level, lang, i === 0);
    if (ticksKey === lastTicks) {
      // The same ticks (a brush drag, a pan): they only move. d3-axis would join them again and set every
      // label's text, which Chromium then lays out again.
      axisG.selectAll<SVGGElement, Date>('.tick').attr('transform', place);
      grid.selectAll<SVGGElement, Date>('.tick').attr('transform', place);
    } else if (
      lastTicks.startsWith(`${axisKey} `) &&
      rejoinTicks(axisG, ticks, place, label, level) &&
      rejoinTicks(grid, ticks, place, null, level)
    ) {
      // Ticks of the same level and sizes, some new (a brush drag moves the window by a few ticks a step).
      lastTicks = ticksKey;
    } else {
      lastTicks = ticksKey;
      axisG
        .call(
          axisBottom(x)
            .offset(offset)
            .tickValues(ticks)
            .tickFormat((d, i) => label(d as Date, i))
            .tickSizeOuter(0)
            .tickPadding(6),
        )
        .selectAll<SVGGElement, Date>('.tick')
        .classed('is-major', (d) => isMajorTick(d, level));
      grid
        .call(
          axisBottom(x)
            .offset(offset)
            .tickValues(ticks)
            .tickSize(detailH)
            .tickFormat(() => ''),
        )
        .call((g) => g.select('.domain').remove());
    }
    binSpan.style('display', 'none');
    // While a gesture moves the window (a drag, a pinch, a wheel zoom until its rest), a window with
    // many new marks is sketched on the canvas.
    const boxes = marks.layout(x, w, innerW, detailH, laneMetrics, zooming || overview.brushing());
    rangeCaption.textContent = formatWindow(w, lang);
    const empty = marks.visible().length === 0 && view.data.events.length > 0;
    // A window sketched during a gesture is not "too crowded": only the note of a crowded one says so.
    const dense = marks.dense() && !marks.sketched();
    emptyNote.text(view.t(dense ? 'zoomInToSee' : 'noEventsInWindow'));
    emptyNote.classed('is-dense', dense);
    emptyNote.node()!.style.display = empty || dense ? '' : 'none';
    emptyNote
      .attr('x', dense ? innerW - 4 : innerW / 2)
      .attr('y', dense ? 10 : detailH / 2)
      .attr('text-anchor', dense ? 'end' : 'middle')
      .attr('dy', '0.35em');
    // Lanes grow and shrink with what is in the window; stripes and trip names follow.
    const boxesKey = boxes.map((b) => `${b.y},${b.h},${b.rows},${b.inset},${b.more}`).join(' ');
    if (boxesKey !== lastBoxes) {
      lastBoxes = boxesKey;
      placeLanes(boxes);
    }
    if (!zooming) rebase();
    overview.sync(w);
    btnIn.setAttribute('aria-disabled', String(windowWidth(w) <= limits.minWidth * 1.001));
    btnOut.setAttribute('aria-disabled', String(windowWidth(w) >= limits.maxWidth * 0.999));
  }

  function placeLanes(boxes: readonly SharedLaneBox[]): void {
    // Lanes sharing rows (too many for the height): the first one's name says how many follow.
    const all = marks.lanes();
    const font = compact ? CAPTION_FONT : LANE_FONT;
    laneLabels.selectAll<SVGGElement, Lane>('g').each(function nameLane(d) {
      const more = boxes[d.index]!.more;
      const suffix = more > 0 && view ? view.t('laneShared', { title: '', n: more }) : '';
      const text = suffix
        ? fitText(d.title, labelW - measureText(suffix, font), font) + suffix
        : fitText(d.title, labelW, font);
      const label = this.querySelector('text')!;
      if (label.textContent !== text) label.textContent = text;
      const names = all
        .slice(d.index, d.index + more + 1)
        .map((l) => l.title)
        .join('\n');
      const title = this.querySelector('title')!;
      if (title.textContent !== names) title.textContent = names;
    });
    // Stripes alternate among the lanes drawn (lanes sharing rows fold into the first).
    const nth = new Map<number, number>();
    boxes.forEach((b, i) => b.h > 0 && nth.set(i, nth.size));
    // Written only where they change: when one lane grows, the lanes above it keep their stripes and names.
    stripes.selectAll<SVGRectElement, Lane>('rect').each(function placeStripe(d) {
      setChanged(this, 'y', String(boxes[d.index]!.y));
      setChanged(this, 'height', String(boxes[d.index]!.h));
      setChanged(this, 'class', (nth.get(d.index) ?? d.index) % 2 ? 'tl-stripe is-odd' : 'tl-stripe');
    });
    // A caption sits right above its lane's rows; a column name is level with the first row.
    const yOf = (b: SharedLaneBox) =>
      compact ? b.y + b.inset + CAPTION_H / 2 + 1 : b.rows > 0 ? b.y + b.inset + LANE_H / 2 : b.y + b.h / 2;
    // Lanes thinner than a line of text (dozens of trips in view) name every few: each name that would
    // touch the one above it is left out (its lane keeps its stripe, and its marks their own names).
    // (A lane with nothing in the window has no name, unless none has anything.)
    const allEmpty = boxes.every((b) => b.rows === 0);
    const named = new Set<number>();
    let lastY = -Infinity;
    for (const l of all) {
      const b = boxes[l.index]!;
      const y = yOf(b);
      if ((b.rows > 0 || allEmpty) && y - lastY >= LANE_NAME_MIN_GAP) {
        named.add(l.index);
        lastY = y;
      }
    }
    laneLabels.selectAll<SVGGElement, Lane>('g').each(function placeName(d) {
      setChanged(this, 'transform', `translate(0,${yOf(boxes[d.index]!)})`);
      setChanged(this, 'visibility', named.has(d.index) ? null : 'hidden');
    });
  }

  /**
   * The axis's ticks joined by their time, not by d3-axis's key (their place, which a moved window changes
   * for every tick): the ticks kept only move, the ones leaving go, and each new one is a copy of a kept
   * tick (d3-axis's attributes) with its own place and label. A label is set only when it changes (the
   * first tick's carries the year). False when there is no tick to copy (d3-axis draws them then).
   */
  function rejoinTicks(
    g: Selection<SVGGElement, unknown, null, undefined>,
    ticks: readonly Date[],
    place: (d: Date) => string,
    label: ((d: Date, i: number) => string) | null,
    level: ReturnType<typeof tickLevel>,
  ): boolean {
    const template = g.select<SVGGElement>('.tick').node();
    if (!template) return false;
    const model = template.cloneNode(true) as SVGGElement;
    const joined = g
      .selectAll<SVGGElement, Date>('.tick')
      .data(ticks, (d) => +d)
      .join(
        (enter) => enter.append(() => model.cloneNode(true) as SVGGElement),
        (update) => update,
        (exit) => exit.remove(),
      )
      .order()
      .attr('transform', place);
    if (label)
      joined.each(function labelTick(d, i) {
        const text = this.querySelector('text');
        const s = label(d, i);
        if (text && text.textContent !== s) text.textContent = s;
        const major = isMajorTick(d, level);
        if (this.classList.contains('is-major') !== major) this.classList.toggle('is-major', major);
      });
    return true;
  }

  /** The playhead: a line across the lanes at `t`; hidden outside the window. Cheap: runs per frame. */
  let playheadX: number | null = null;
  function placePlayhead(): void {
    const t = view?.playhead ?? null;
    const w = shown();
    const px = t === null || innerW <= 0 || t < w[0] || t > w[1] ? null : Math.round(x(t) * 10) / 10;
    if (px === playheadX) return;
    playheadX = px;
    if (px === null) playheadG.style('display', 'none');
    else playheadG.style('display', null).attr('transform', `translate(${px},0)`);
  }

  /** Shows the compare lanes instead of the detail and overview when a comparison is on. */
  function drawCompare(v: TimelineView): boolean {
    const on = !!v.compare;
    svgNode.style.display = on ? 'none' : '';
    toolbar.style.display = on ? 'none' : '';
    cmpBox.style.display = on ? '' : 'none';
    if (on && !cmp) {
      if (compareLanes.module) cmpBox.replaceChildren((cmp = compareLanes.module.createCompareLanes()).node);
      else {
        // Drawn when the code arrives; if it cannot, said in place (and tried again at the next update).
        compareLanes.load().then(
          () => !destroyed && view?.compare && drawCompare(view),
          (err: unknown) => {
            console.warn('Itinera timeline: the comparison lanes did not load:', err);
            if (destroyed || !view?.compare) return;
            const p = document.createElement('p');
            p.className = 'tl-compare-error';
            p.setAttribute('role', 'alert');
            p.textContent = view.t('compareNotLoaded');
            cmpBox.replaceChildren(p);
          },
        );
        return on;
      }
    }
    if (on && width > 0)
      cmp!.update(
        {
          data: v.data,
          pair: v.compare!,
          t: v.playhead ?? null,
          selectedId: v.selectedId,
          hoverId: v.hoverId,
          lang: v.lang,
          tr: v.t,
        },
        cmpBox.clientWidth || width,
      );
    return on;
  }

  function measure(): number {
    return root.getBoundingClientRect().width || el.clientWidth;
  }
  const resizeObserver = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(onResize);
  function onResize(): void {
    const w = measure();
    if (destroyed || Math.abs(w - width) < 0.5) return;
    width = w;
    layoutFrame();
    if (view) drawCompare(view);
    playheadX = NaN;
    placePlayhead();
  }
  resizeObserver?.observe(el);
  width = measure();

  function update(next: TimelineView): void {
    if (destroyed) return;
    const prev = view;
    view = next;
    const dataChanged = !prev || prev.data !== next.data;
    // Texts follow the language; `t` is taken to be a function of it (a new `t` per render must not
    // turn every hover into a full redraw).
    const textChanged = dataChanged || prev.lang !== next.lang;
    const windowChanged = dataChanged || !sameWindow(prev.window, next.window, 0);
    if (dataChanged) {
      extent = datasetExtent(next.data);
      full = extent ? padWindow(extent, 0.04) : DEFAULT_WINDOW;
      limits = zoomLimits(extent);
      marks.setData(next.data);
    }
    if (textChanged) applyTexts(next);
    if (textChanged) layoutFrame();
    else if (windowChanged) layoutWindow();
    marks.setStates(next.selectedId, next.hoverId, dataChanged ? undefined : prev!);
    if (windowChanged || prev?.selectedId !== next.selectedId) refreshTabStop();
    if (windowChanged && focusAfter) {
      // The first event of an opened bin, or the smaller bin still holding it.
      const m = marks.get(focusAfter);
      focusAfter = null;
      const key = m?.shown ? (m.bin && !marks.dense() ? m.bin.key : m.e.id) : null;
      if (key) marks.focus(key);
    }
    if (next.compare || prev?.compare) drawCompare(next);
    if (windowChanged || textChanged) playheadX = NaN;
    placePlayhead();
  }

  function destroy(): void {
    if (destroyed) return;
    // Taken away in the middle of a drag (its area crashed): the gesture's end will never come, so
    // it is told now, or the app would go on waiting to write the address and the place names.
    if (dragging || overview.brushing()) callbacks.onGesture?.(false);
    destroyed = true;
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    resizeObserver?.disconnect();
    zoomer.on('start zoom end', null);
    detail.on('.zoom', null);
    overview.destroy();
    cmp?.destroy();
    root.removeEventListener('click', onClick);
    root.removeEventListener('keydown', onKeyDown);
    root.removeEventListener('pointerover', onPointerOver);
    root.removeEventListener('pointerout', onPointerOut);
    root.removeEventListener('pointermove', onPointerMove);
    root.removeEventListener('focusin', onFocusIn);
    root.removeEventListener('focusout', onFocusOut);
    btnIn.removeEventListener('click', onZoomIn);
    btnOut.removeEventListener('click', onZoomOut);
    btnAll.removeEventListener('click', onShowAll);
    btnEarlier.removeEventListener('click', onEarlier);
    btnLater.removeEventListener('click', onLater);
    root.remove();
    view = null;
  }

  return { update, destroy };
}

/**
 * Sets (or, for null, removes) an attribute only when its value changes: a value written again still goes
 * through the browser's attribute-change path (a mutation record; style and layout invalidation). Unlike
 * timeline-marks.ts's `put`, which trusts a cache of what it wrote itself, this reads the attribute: the
 * stripes it is used on are also written by d3 when the lanes are laid out, which would leave a cache stale.
 */
function setChanged(el: Element, name: string, value: string | null): void {
  if (el.getAttribute(name) === value) return;
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
}

function button(className: string, text: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = text;
  return b;
}

function markOf(target: EventTarget | null): SVGGElement | null {
  return target instanceof Element ? target.closest<SVGGElement>('g.tl-mark') : null;
}

function idOf(mark: Element | null): string | null {
  return mark?.getAttribute('data-event-id') ?? null;
}

/** The key of the bin at an event's target ("bin:…"), or null. */
function binOf(target: EventTarget | null): string | null {
  return target instanceof Element ? (target.closest('g.tl-bin')?.getAttribute('data-bin') ?? null) : null;
}

/**
 * The longest truncation of `text` that fits `maxWidth` px in `font` (4 characters at least). A
 * truncation only grows with its length, so the length is found by bisection: a few measurements per
 * title instead of one per character cut.
 */
export function fitText(text: string, maxWidth: number, font: string): string {
  // Lane names are fitted again whenever the lanes' boxes change, which a drag does often.
  const key = `${font}|${maxWidth}|${text}`;
  let fitted = fits.get(key);
  if (fitted === undefined) {
    if (fits.size > 2000) fits.clear();
    fits.set(key, (fitted = fitUncached(text, maxWidth, font)));
  }
  return fitted;
}
const fits = new Map<string, string>();
function fitUncached(text: string, maxWidth: number, font: string): string {
  if (measureText(text, font) <= maxWidth) return text;
  let lo = 4;
  let hi = Array.from(text).length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measureText(truncateLabel(text, mid), font) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return truncateLabel(text, lo);
}
