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
import * as L from 'leaflet';
import { arcStepKm } from '../core/route';
import { HIDDEN_OPACITY, type Stroke } from './leg-style';

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
  level: number;
  strokeIndex: number;
  options: L.PolylineOptions;
  legs: Set<Rec>;
  layer: L.Polyline | null;
}

export function createLegBatches(
  map: L.Map,
  group: L.LayerGroup,
  renderer: L.Renderer,
  onSelect: (id: string) => void,
): LegBatches {
  let recs = new Map<string, Rec>();
  const batches = new Map<string, Batch>();
  const dirty = new Set<Batch>();
  let reorder = false;
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

  function batchOf(rec: Rec, strokeIndex: number): Batch {
    const s = rec.leg.strokes[strokeIndex]!;
    const color = s.color === 'trip' ? rec.leg.colour : s.color;
    const key = `${rec.level}|${strokeIndex}|${color}|${s.weight}|${s.dashArray ?? ''}|${s.lineCap ?? ''}|${s.opacity}`;
    let b = batches.get(key);
    if (!b) {
      b = {
        key,
        level: rec.level,
        strokeIndex,
        options: {
          renderer,
          interactive: false,
          className: 'itinera-leg',
          color,
          weight: s.weight,
          opacity: rec.level * s.opacity,
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

  function place(rec: Rec, on: boolean) {
    if (rec.level < 0) return;
    for (let i = 0; i < rec.leg.strokes.length; i++) {
      const b = batchOf(rec, i);
      if (on) b.legs.add(rec);
      else b.legs.delete(rec);
      dirty.add(b);
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
    place(rec, false);
    rec.level = level;
    place(rec, true);
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
    for (const b of dirty) {
      const parts: L.LatLng[][] = [];
      for (const rec of b.legs) for (const p of partsAt(rec, step)) parts.push(p);
      if (!parts.length) {
        if (b.layer) group.removeLayer(b.layer);
        b.layer = null;
        batches.delete(b.key);
      } else if (b.layer) b.layer.setLatLngs(parts);
      else {
        b.layer = L.polyline(parts, b.options).addTo(group);
        reorder = true;
      }
    }
    dirty.clear();
    if (reorder) {
      // Canvas order is the order of bringToFront: faint levels first, then each stroke over the one before.
      const order = [...batches.values()].sort((a, b) => a.level - b.level || a.strokeIndex - b.strokeIndex);
      for (const b of order) b.layer?.bringToFront();
      halo?.bringToFront();
      reorder = false;
    }
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
        renderer,
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
