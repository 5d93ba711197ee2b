// The overview strip (context): every event as a tick over the whole dataset (a density histogram
// for large datasets), a year axis, and a d3-brush showing the detail window. Brushing asks for a
// window; the brush is moved to the window of the state with brush.move, whose events have no
// sourceEvent and are ignored, and never during a user gesture. A click without a drag centres the
// window where it was clicked. The brush is also a keyboard slider (WCAG 2.5.7): arrows move the
// window, Shift+arrows resize it, + and − zoom, Page Up/Down move by a whole window, Home/End go
// to the first and last events. Dragging the selection moves the window and keeps its width; its
// resize handles step outside a selection too narrow to hold them and still be grabbed.
import { axisBottom } from 'd3-axis';
import { brushSelection, brushX, type D3BrushEvent } from 'd3-brush';
import { scaleUtc } from 'd3-scale';
import { pointer, type Selection } from 'd3-selection';
import { tripColour } from '../core/palette';
import type { Lang } from '../core/schema';
import type { TimeWindow } from '../core/selectors';
import type { Dataset, TravelEvent } from '../core/types';
import type { Translate } from '../i18n/i18n';
import {
  brushedWindow,
  centreWindowAt,
  clamp,
  clampWindowWidth,
  formatTick,
  formatWindow,
  handleReach,
  keyWindow,
  shiftWindowInto,
  tickLevel,
  tickStep,
  type ZoomLimits,
} from './timeline-math';

/** Height of the tick band (the brushable part); the axis goes below. */
export const OV_BAND = 24;
export const OV_AXIS = 20;
/** Narrowest brush drawn, in px, so that a one-hour window stays visible over decades. */
const MIN_BRUSH_PX = 4;
/** A selection narrower than this at the end of a gesture was a click. */
const CLICK_PX = 3;
/** Above this many events the ticks become a histogram (one bar per HIST_PX of width). */
export const OV_TICKS_MAX = 1000;
const HIST_PX = 2;
/** Width of the brush's resize handles, px. */
const HANDLE_PX = 10;

export interface OverviewContext {
  /** The window shown now, and the widest one ("show all"). */
  shown(): TimeWindow;
  full(): TimeWindow;
  /** The data's extent (first and last events), or null. */
  extent(): TimeWindow | null;
  limits(): ZoomLimits;
  /** Ask for a window; `now` skips the per-frame coalescing. */
  request(w: TimeWindow, now: boolean): void;
  /** A drag of the brush starts or ends. */
  gesture(active: boolean): void;
}

export interface Overview {
  /** Ticks, axis and brush extent: on a new dataset, language or width. */
  draw(data: Dataset, width: number, lang: Lang, t: Translate): void;
  /** Show `w` on the brush, silently; skipped while the user brushes. */
  sync(w: TimeWindow): void;
  brushing(): boolean;
  destroy(): void;
}

export function createOverview(
  group: Selection<SVGGElement, unknown, null, undefined>,
  ctx: OverviewContext,
): Overview {
  const x = scaleUtc();
  let width = 0;
  let brushing = false;
  let destroyed = false;
  let startSel: [number, number] | null = null;
  const band = group.append('rect').attr('class', 'tl-overview-band');
  const ticks = group.append('g').attr('class', 'tl-overview-ticks').attr('aria-hidden', 'true');
  const axis = group.append('g').attr('class', 'tl-overview-axis').attr('aria-hidden', 'true');
  const hist = group.append('path').attr('class', 'tl-overview-hist').attr('aria-hidden', 'true');
  const shadeL = group.append('rect').attr('class', 'tl-overview-shade').attr('aria-hidden', 'true');
  const shadeR = group.append('rect').attr('class', 'tl-overview-shade').attr('aria-hidden', 'true');
  const brushG = group.append('g').attr('class', 'tl-brush').attr('tabindex', 0).attr('role', 'slider');
  let lang: Lang = 'en';
  const toWindow = (a: number, b: number): TimeWindow => clampWindowWidth([+x.invert(a), +x.invert(b)], ctx.limits());
  /** The window when the gesture started; the selection's moves are read against it. */
  let startWindow: TimeWindow | null = null;
  const fromSelection = (a: number, b: number): TimeWindow =>
    startSel && startWindow
      ? brushedWindow(startWindow, startSel, [a, b], (px) => +x.invert(px), ctx.limits())
      : toWindow(a, b);

  // d3-brush draws, then tells: each listener first moves the handles off a narrow selection.
  function placeHandles(): void {
    const sel = brushSelection(brushG.node()!) as [number, number] | null;
    if (!sel) return;
    const reach = handleReach(sel[1] - sel[0], HANDLE_PX);
    brushG.select('.handle--w').attr('x', sel[0] - HANDLE_PX + reach);
    brushG.select('.handle--e').attr('x', sel[1] - reach);
  }

  const brush = brushX<unknown>()
    .handleSize(HANDLE_PX)
    .on('start', (event: D3BrushEvent<unknown>) => {
      placeHandles();
      if (!event.sourceEvent) return;
      brushing = true;
      startSel = event.selection as [number, number] | null;
      // A selection drawn anew on the background is read as drawn.
      const from = (event.sourceEvent as Event).target as Element | null;
      startWindow = from?.classList?.contains('overlay') ? null : ctx.shown();
      ctx.gesture(true);
    })
    .on('brush', (event: D3BrushEvent<unknown>) => {
      placeHandles();
      if (!event.sourceEvent || destroyed || !event.selection) return;
      const [a, b] = event.selection as [number, number];
      if (b - a >= CLICK_PX) ctx.request(fromSelection(a, b), false);
    })
    .on('end', (event: D3BrushEvent<unknown>) => {
      placeHandles();
      if (!event.sourceEvent || destroyed) return;
      brushing = false;
      const sel = event.selection as [number, number] | null;
      // A click on the background (the brush then clears its selection) or on the selection itself.
      const click =
        !sel ||
        sel[1] - sel[0] < CLICK_PX ||
        (event.mode === 'drag' && !!startSel && Math.abs(sel[0] - startSel[0]) < 0.5);
      let w: TimeWindow;
      if (!click) w = fromSelection(sel[0], sel[1]);
      else {
        const src = event.sourceEvent as MouseEvent & { changedTouches?: TouchList };
        const px = pointer(src.changedTouches?.[0] ?? src, brushG.node())[0];
        w = shiftWindowInto(centreWindowAt(ctx.shown(), +x.invert(px)), ctx.full());
      }
      ctx.request(w, true);
      sync(w);
      ctx.gesture(false);
    });

  function draw(data: Dataset, w: number, language: Lang, t: Translate): void {
    width = w;
    lang = language;
    const domain = ctx.full();
    x.domain(domain).range([0, width]);
    band.attr('width', width).attr('height', OV_BAND);
    const few = data.events.length <= OV_TICKS_MAX;
    ticks
      .selectAll<SVGLineElement, TravelEvent>('line')
      .data(few ? data.events : [], (d) => d.id)
      .join('line')
      .attr('x1', (d) => x((d.t0 + d.t1) / 2))
      .attr('x2', (d) => x((d.t0 + d.t1) / 2))
      .attr('y1', 5)
      .attr('y2', OV_BAND - 5)
      .attr('stroke', (d) => tripColour(data.tripsById.get(d.trip)?.order ?? 0));
    hist.attr('d', few ? null : histogramPath(data.events));
    brushG.attr('aria-label', t('windowSlider'));
    const values = x.ticks(Math.max(2, Math.floor(width / 80)));
    const level = tickLevel(tickStep(values, domain));
    axis.attr('transform', `translate(0,${OV_BAND})`).call(
      axisBottom(x)
        .tickValues(values)
        .tickFormat((d, i) => formatTick(new Date(+d), level, lang, i === 0))
        .tickSizeOuter(0)
        .tickSize(4),
    );
    brush.extent([
      [0, 0],
      [Math.max(1, width), OV_BAND],
    ]);
    brushG.call(brush);
    placeHandles();
  }

  function sync(w: TimeWindow): void {
    if (brushing || width <= 0) return;
    // The slider's value first: a move smaller than a pixel still changes what it says.
    const [f0, f1] = ctx.full();
    const pct = (v: number) => Math.round(clamp(((v - f0) / Math.max(1, f1 - f0)) * 100, 0, 100));
    brushG
      .attr('aria-valuemin', 0)
      .attr('aria-valuemax', 100)
      .attr('aria-valuenow', pct((w[0] + w[1]) / 2))
      .attr('aria-valuetext', formatWindow(w, lang));
    let a = clamp(x(w[0]), 0, width);
    let b = clamp(x(w[1]), 0, width);
    if (b - a < MIN_BRUSH_PX) {
      a = clamp((a + b) / 2 - MIN_BRUSH_PX / 2, 0, Math.max(0, width - MIN_BRUSH_PX));
      b = a + MIN_BRUSH_PX;
    }
    const cur = brushSelection(brushG.node()!) as [number, number] | null;
    if (cur && Math.abs(cur[0] - a) < 0.5 && Math.abs(cur[1] - b) < 0.5) return;
    brush.move(brushG, [a, b]);
    shadeL.attr('x', 0).attr('width', a).attr('y', 0).attr('height', OV_BAND);
    shadeR
      .attr('x', b)
      .attr('width', Math.max(0, width - b))
      .attr('y', 0)
      .attr('height', OV_BAND);
  }

  /** One bar per HIST_PX columns, its height the square root of the events' share there. */
  function histogramPath(events: readonly TravelEvent[]): string {
    const n = Math.max(1, Math.ceil(width / HIST_PX));
    const counts = new Uint32Array(n);
    const [d0, d1] = x.domain().map(Number) as [number, number];
    const k = n / Math.max(1, d1 - d0);
    for (const e of events) {
      const i = Math.floor(((e.t0 + e.t1) / 2 - d0) * k);
      if (i >= 0 && i < n) counts[i]!++;
    }
    const max = Math.sqrt(Math.max(1, ...counts));
    const h = OV_BAND - 6;
    let d = '';
    counts.forEach((c, i) => {
      if (!c) return;
      const bh = Math.max(2, (Math.sqrt(c) / max) * h);
      d += `M${i * HIST_PX},${OV_BAND - 3}h${HIST_PX}v${-bh.toFixed(1)}h${-HIST_PX}z`;
    });
    return d;
  }

  function onKey(event: KeyboardEvent): void {
    const full = ctx.full();
    const w = keyWindow(event.key, event.shiftKey, ctx.shown(), full, ctx.limits(), ctx.extent() ?? full);
    if (!w) return;
    event.preventDefault();
    event.stopPropagation();
    ctx.request(w, true);
  }
  const brushNode = brushG.node()!;
  brushNode.addEventListener('keydown', onKey);

  function destroy(): void {
    destroyed = true;
    brushNode.removeEventListener('keydown', onKey);
    brush.on('start brush end', null);
    brushG.on('.brush', null);
  }

  return { draw, sync, brushing: () => brushing, destroy };
}
