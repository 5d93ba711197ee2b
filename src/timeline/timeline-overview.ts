// The overview strip (context): every event as a tick over the whole dataset, a year axis, and a
// d3-brush showing the detail window. Brushing asks for a window; the brush is moved to the
// window of the state with brush.move, whose events have no sourceEvent and are ignored, and never
// during a user gesture. A click without a drag centres the window where it was clicked.
import { axisBottom } from 'd3-axis';
import { brushSelection, brushX, type D3BrushEvent } from 'd3-brush';
import { scaleUtc } from 'd3-scale';
import { pointer, type Selection } from 'd3-selection';
import { tripColour } from '../core/palette';
import type { Lang } from '../core/schema';
import type { TimeWindow } from '../core/selectors';
import type { Dataset, TravelEvent } from '../core/types';
import {
  centreWindowAt,
  clamp,
  clampWindowWidth,
  formatTick,
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

export interface OverviewContext {
  /** The window shown now, and the widest one ("show all"). */
  shown(): TimeWindow;
  full(): TimeWindow;
  limits(): ZoomLimits;
  /** Ask for a window; `now` skips the per-frame coalescing. */
  request(w: TimeWindow, now: boolean): void;
}

export interface Overview {
  /** Ticks, axis and brush extent: on a new dataset, language or width. */
  draw(data: Dataset, width: number, lang: Lang): void;
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
  const brushG = group.append('g').attr('class', 'tl-brush');
  const toWindow = (a: number, b: number): TimeWindow => clampWindowWidth([+x.invert(a), +x.invert(b)], ctx.limits());

  const brush = brushX<unknown>()
    .handleSize(10)
    .on('start', (event: D3BrushEvent<unknown>) => {
      if (!event.sourceEvent) return;
      brushing = true;
      startSel = event.selection as [number, number] | null;
    })
    .on('brush', (event: D3BrushEvent<unknown>) => {
      if (!event.sourceEvent || destroyed || !event.selection) return;
      const [a, b] = event.selection as [number, number];
      if (b - a >= CLICK_PX) ctx.request(toWindow(a, b), false);
    })
    .on('end', (event: D3BrushEvent<unknown>) => {
      if (!event.sourceEvent || destroyed) return;
      brushing = false;
      const sel = event.selection as [number, number] | null;
      // A click on the background (the brush then clears its selection) or on the selection itself.
      const click =
        !sel ||
        sel[1] - sel[0] < CLICK_PX ||
        (event.mode === 'drag' && !!startSel && Math.abs(sel[0] - startSel[0]) < 0.5);
      let w: TimeWindow;
      if (!click) w = toWindow(sel[0], sel[1]);
      else {
        const src = event.sourceEvent as MouseEvent & { changedTouches?: TouchList };
        const px = pointer(src.changedTouches?.[0] ?? src, brushG.node())[0];
        w = shiftWindowInto(centreWindowAt(ctx.shown(), +x.invert(px)), ctx.full());
      }
      ctx.request(w, true);
      sync(w);
    });

  function draw(data: Dataset, w: number, lang: Lang): void {
    width = w;
    const domain = ctx.full();
    x.domain(domain).range([0, width]);
    band.attr('width', width).attr('height', OV_BAND);
    ticks
      .selectAll<SVGLineElement, TravelEvent>('line')
      .data(data.events, (d) => d.id)
      .join('line')
      .attr('x1', (d) => x((d.t0 + d.t1) / 2))
      .attr('x2', (d) => x((d.t0 + d.t1) / 2))
      .attr('y1', 5)
      .attr('y2', OV_BAND - 5)
      .attr('stroke', (d) => tripColour(data.tripsById.get(d.trip)?.order ?? 0));
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
  }

  function sync(w: TimeWindow): void {
    if (brushing || width <= 0) return;
    let a = clamp(x(w[0]), 0, width);
    let b = clamp(x(w[1]), 0, width);
    if (b - a < MIN_BRUSH_PX) {
      a = clamp((a + b) / 2 - MIN_BRUSH_PX / 2, 0, Math.max(0, width - MIN_BRUSH_PX));
      b = a + MIN_BRUSH_PX;
    }
    const cur = brushSelection(brushG.node()!) as [number, number] | null;
    if (cur && Math.abs(cur[0] - a) < 0.5 && Math.abs(cur[1] - b) < 0.5) return;
    brush.move(brushG, [a, b]);
  }

  function destroy(): void {
    destroyed = true;
    brush.on('start brush end', null);
    brushG.on('.brush', null);
  }

  return { draw, sync, brushing: () => brushing, destroy };
}
