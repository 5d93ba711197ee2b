// The routes of a dense dataset (more than DENSE_LEGS legs, journey-layer.ts) on the canvas renderer,
// batched: one Leaflet polyline per stroke, trip colour and opacity level holding every leg of that
// look as one part each, instead of a polyline per stroke per leg plus an invisible wide one for the
// pointer. At 500 legs (the benchmark's datasets) that is a few dozen layers instead of ~1,250, each
// set up, projected and redrawn by Leaflet on its own: the first render of 10,000 events came ~110 ms
// sooner (paired A/B, 1,654 → 1,543 ms median). Where legs overlap, a batch's translucent stroke no
// longer darkens at the crossings (one path, painted once).
//
// What the per-leg hit lines gave, done here: a click selects the leg nearest the pointer within
// HIT_PX (half the old hit line's 14 px), and the pointer turns to a hand over a leg. Legs nearly
// hidden (out of a comparison) are drawn but cannot be picked. The selected leg gets its own
// highlight line, drawn above the batches.
//
// Two canvases (1 Dec 2026): every drawn leg at the faint level on the lower one, and the legs at full
// strength (the window's, or a comparison's two trips) again on an upper one. A window change moves
// legs in and out of the upper canvas only: the lower one, which holds every route, is not drawn again.
// Before, each brush move redrew all routes; rasterizing them took 25–50 ms per move at 10,000 events
// on this machine (software canvas). A leg in the window now has its faint copy under it, hidden by
// its own stroke.
import * as L from 'leaflet';
import { arcStepKm } from '../core/route';
import { FADED_OPACITY, HIDDEN_OPACITY, type Stroke } from './leg-style';
import { widenWhenIdle } from './widen-when-idle';

export interface BatchedLeg {
  id: string;
  /**
   * The drawn route at an arc step (core's drawnLeg): one or more parts (split at the antimeridian).
   * The batches draw each zoom at arcStepKm's step, so a world view draws a quarter of the points.
   */
  partsAt(stepKm: number): L.LatLng[][];
  colour: string;
  strokes: readonly Stroke[];
}

export interface LegBatches {
  /** Replaces the legs; none is drawn until it gets a level. */
  setLegs(legs: readonly BatchedLeg[]): void;
  /** The leg's opacity level (1, faded or HIDDEN_OPACITY); drawn at the next flush. */
  setLevel(id: string, level: number): void;
  select(id: string | null): void;
  /** Redraws the batches whose legs changed level, in order: fainter levels below, strokes in order. */
  flush(): void;
  /** The pickable leg nearest a container point, within HIT_PX; null when none. */
  legAt(point: L.Point): string | null;
  destroy(): void;
}

/**
 * A batch holds hundreds of routes, each already a great-circle arc of short segments: Leaflet's
 * clipping to the view and its simplification (Douglas–Peucker within 1 px), run for every point at
 * every zoom, cost more than drawing the points they would spare (half of the batches' set-up at 10k
 * events, ~50 ms); the canvas clips what it draws anyway.
 */
const UNSIMPLIFIED = { smoothFactor: 0, noClip: true } satisfies L.PolylineOptions;

/** How far from a leg (px) a click still picks it: half the width of the sparse mode's hit line. */
export const HIT_PX = 7;
/** The selected leg's halo, as the sparse mode's hit line draws it when selected. */
const HALO: L.PolylineOptions = { color: '#1a73e8', weight: 14, opacity: 0.28, lineCap: 'round', lineJoin: 'round' };

interface Rec {
  leg: BatchedLeg;
  level: number;
  /** The route at the step it was last asked for. */
  drawnStep: number;
  drawn: L.LatLng[][];
  /** Each part's points projected at `zoom`, and their bounds, for picking. */
  zoom: number;
  projected: L.Point[][];
  box: L.Bounds;
}

interface Batch {
  key: string;
  /** On the upper canvas (legs at full strength), or the lower one (every leg, faint). */
  top: boolean;
  strokeIndex: number;
  /** The stroke's own opacity; the batch draws it times its canvas's level. */
  alpha: number;
  options: L.PolylineOptions;
  legs: Set<Rec>;
  layer: L.Polyline | null;
}

/**
 * Draws a canvas renderer's pending changes now. Leaflet draws them in the next animation frame; a
 * window change arrives in an animation frame (the timeline asks once per frame), so the routes came a
 * frame after the markers and the timeline that the same change redrew. Leaflet 1.9's renderer keeps
 * the request in `_redrawRequest` and draws in `_redraw`, which are not public: without them (another
 * Leaflet), the routes are drawn a frame later as before.
 */
function drawNow(renderer: L.Renderer): void {
  const r = renderer as unknown as { _redrawRequest?: number | null; _redraw?: () => void; _ctx?: unknown };
  if (!r._redrawRequest || typeof r._redraw !== 'function' || !r._ctx) return;
  L.Util.cancelAnimFrame(r._redrawRequest);
  r._redraw();
}

/** How far the routes' canvases reach past each side of the map, once widened (a share of its size). */
export const ROUTE_PADDING = 0.3;

export function createLegBatches(
  map: L.Map,
  group: L.LayerGroup,
  renderer: L.Renderer,
  onSelect: (id: string) => void,
): LegBatches {
  let recs = new Map<string, Rec>();
  // The upper canvas: the lower one's pane and first padding, widened to ROUTE_PADDING like it when the
  // page is idle (widen-when-idle.ts). Its container follows the lower one's in the pane because the
  // lower batches are always added first (flush).
  const lower = renderer.options as L.RendererOptions;
  const upper = L.canvas({ pane: lower.pane ?? 'overlayPane', padding: lower.padding ?? ROUTE_PADDING });
  widenWhenIdle(upper, ROUTE_PADDING);
  /** The level of every leg not at full strength: faded, or nearly hidden out of a comparison. */
  let baseLevel = FADED_OPACITY;
  const batches = new Map<string, Batch>();
  const dirty = new Set<Batch>();
  /** A new batch on the lower canvas, on the upper one: its order there is set again at the flush. */
  const reorder = { lower: false, upper: false };
  let selected: string | null = null;
  let halo: L.Polyline | null = null;
  /** The arc step the batches are drawn at (arcStepKm of the map's zoom when they were last flushed). */
  let step = NaN;
  const stepNow = () => {
    const zoom = map.getZoom();
    return arcStepKm(Number.isFinite(zoom) ? zoom : 0);
  };
  const partsAt = (rec: Rec, stepKm: number) => {
    if (rec.drawnStep !== stepKm) {
      rec.drawn = rec.leg.partsAt(stepKm);
      rec.drawnStep = stepKm;
    }
    return rec.drawn;
  };

  function batchOf(rec: Rec, strokeIndex: number, top: boolean): Batch {
    const s = rec.leg.strokes[strokeIndex]!;
    const color = s.color === 'trip' ? rec.leg.colour : s.color;
    const key = `${top ? 1 : 0}|${strokeIndex}|${color}|${s.weight}|${s.dashArray ?? ''}|${s.lineCap ?? ''}|${s.opacity}`;
    let b = batches.get(key);
    if (!b) {
      b = {
        key,
        top,
        strokeIndex,
        alpha: s.opacity,
        options: {
          renderer: top ? upper : renderer,
          interactive: false,
          className: 'itinera-leg',
          color,
          weight: s.weight,
          opacity: (top ? 1 : baseLevel) * s.opacity,
          lineCap: s.lineCap ?? 'butt',
          lineJoin: 'round',
          ...(s.dashArray ? { dashArray: s.dashArray } : {}),
          ...UNSIMPLIFIED,
        },
        legs: new Set(),
        layer: null,
      };
      batches.set(key, b);
    }
    return b;
  }

  function place(rec: Rec, top: boolean, on: boolean) {
    for (let i = 0; i < rec.leg.strokes.length; i++) {
      const b = batchOf(rec, i, top);
      if (on) b.legs.add(rec);
      else b.legs.delete(rec);
      dirty.add(b);
    }
  }

  /** Every lower batch at a new level (a comparison starts or ends). */
  function rebase(level: number) {
    baseLevel = level;
    for (const b of batches.values()) {
      if (b.top) continue;
      b.options.opacity = level * b.alpha;
      b.layer?.setStyle({ opacity: b.options.opacity });
    }
  }

  function setLegs(legs: readonly BatchedLeg[]) {
    for (const b of batches.values()) if (b.layer) group.removeLayer(b.layer);
    batches.clear();
    dirty.clear();
    recs = new Map(
      legs.map((leg) => [
        leg.id,
        { leg, level: -1, drawnStep: NaN, drawn: [], zoom: NaN, projected: [], box: L.bounds([]) },
      ]),
    );
    select(null);
  }

  function setLevel(id: string, level: number) {
    const rec = recs.get(id);
    if (!rec || rec.level === level) return;
    if (level >= 0 && level !== 1 && level !== baseLevel) rebase(level);
    // On the lower canvas from its first level on; on the upper one while at full strength.
    if (rec.level < 0 !== level < 0) place(rec, false, level >= 0);
    if ((rec.level === 1) !== (level === 1)) place(rec, true, level === 1);
    rec.level = level;
    if (id === selected) drawHalo();
  }

  function flush() {
    // A zoom that changes the arc step redraws every batch at the new one (the map calls this at zoomend).
    const s = stepNow();
    if (s !== step) {
      step = s;
      for (const b of batches.values()) if (b.layer) dirty.add(b);
      if (halo) drawHalo();
    }
    if (!dirty.size) return;
    // Lower batches first: the first one added puts the lower canvas in the pane before the upper one.
    for (const b of [...dirty].sort((x, y) => Number(x.top) - Number(y.top))) {
      const parts: L.LatLng[][] = [];
      for (const rec of b.legs) for (const p of partsAt(rec, step)) parts.push(p);
      if (!parts.length) {
        if (b.layer) group.removeLayer(b.layer);
        b.layer = null;
        batches.delete(b.key);
      } else if (b.layer) b.layer.setLatLngs(parts);
      else {
        b.layer = L.polyline(parts, b.options).addTo(group);
        reorder[b.top ? 'upper' : 'lower'] = true;
      }
    }
    dirty.clear();
    if (reorder.lower || reorder.upper) {
      // Canvas order is the order of bringToFront: each stroke over the one before. Only the canvas
      // that got a new batch: bringToFront draws that canvas again.
      const order = [...batches.values()]
        .filter((b) => reorder[b.top ? 'upper' : 'lower'])
        .sort((a, b) => a.strokeIndex - b.strokeIndex);
      for (const b of order) b.layer?.bringToFront();
      if (reorder.upper) halo?.bringToFront();
      reorder.lower = reorder.upper = false;
    }
    drawNow(renderer);
    drawNow(upper);
  }

  function drawHalo() {
    const rec = selected ? recs.get(selected) : undefined;
    const show = !!rec && rec.level > HIDDEN_OPACITY;
    if (!show) {
      if (halo) group.removeLayer(halo);
      halo = null;
      return;
    }
    const parts = partsAt(rec, Number.isFinite(step) ? step : stepNow());
    if (halo) halo.setLatLngs(parts);
    else
      halo = L.polyline(parts, {
        ...HALO,
        ...UNSIMPLIFIED,
        renderer: upper,
        interactive: false,
        className: 'itinera-leg-halo',
      });
    halo.addTo(group).bringToFront();
  }

  function select(id: string | null) {
    selected = id;
    drawHalo();
  }

  /** Each part's points projected at the map's zoom (pixels of the whole world at that zoom), and their box. */
  function projectAt(rec: Rec, zoom: number) {
    if (rec.zoom === zoom) return;
    rec.projected = partsAt(rec, arcStepKm(zoom)).map((part) => part.map((ll) => map.project(ll, zoom)));
    rec.box = L.bounds(rec.projected.flat());
    rec.zoom = zoom;
  }

  function legAt(point: L.Point): string | null {
    const zoom = map.getZoom();
    // In the projected pixels of the whole world at this zoom, as the legs' points (Leaflet draws a
    // route where its longitudes put it, once: no copy a world away to look for).
    const p = map.containerPointToLayerPoint(point).add(map.getPixelOrigin());
    let best = null as Rec | null;
    let bestD = HIT_PX;
    for (const rec of recs.values()) {
      if (rec.level <= HIDDEN_OPACITY) continue;
      projectAt(rec, zoom);
      if (!near(rec.box, p, bestD)) continue;
      const consider = (d: number) => {
        // Nearest wins; on a shared track the leg in the window (drawn over a faded one) does.
        if (d < bestD || (d === bestD && best && rec.level > best.level)) {
          bestD = d;
          best = rec;
        }
      };
      for (const xy of rec.projected) {
        if (xy.length === 1) consider(p.distanceTo(xy[0]!));
        for (let i = 1; i < xy.length; i++) consider(L.LineUtil.pointToSegmentDistance(p, xy[i - 1]!, xy[i]!));
      }
    }
    return best?.leg.id ?? null;
  }

  // The pointer: a click picks a leg; moving over one shows the hand (checked once a frame).
  const container = map.getContainer();
  let pending: L.Point | null = null;
  let frame = 0;
  const events: L.LeafletEventHandlerFnMap = {
    zoomend: flush,
    click(e) {
      const id = legAt((e as L.LeafletMouseEvent).containerPoint);
      if (id) onSelect(id);
    },
    mousemove(e) {
      pending = (e as L.LeafletMouseEvent).containerPoint;
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        if (pending) container.classList.toggle('itinera-over-leg', legAt(pending) !== null);
      });
    },
    mouseout() {
      pending = null;
      container.classList.remove('itinera-over-leg');
    },
  };
  map.on(events);

  return {
    setLegs,
    setLevel,
    select,
    flush,
    legAt,
    destroy() {
      map.off(events);
      cancelAnimationFrame(frame);
      container.classList.remove('itinera-over-leg');
      setLegs([]);
    },
  };
}

/** Whether `p` is within `d` of the box. */
function near(box: L.Bounds, p: L.Point, d: number): boolean {
  const { min, max } = box;
  return !!min && !!max && p.x >= min.x - d && p.x <= max.x + d && p.y >= min.y - d && p.y <= max.y + d;
}
