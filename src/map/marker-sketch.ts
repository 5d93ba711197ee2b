// Dense mode, during a gesture on the timeline (a brush drag, a zoom drag): the markers a new window
// brings in are drawn as plain discs in their trip's colour on one canvas, instead of being made as
// elements (a marker is a button with a glyph, a label and an accessible name; making 40–60 of them
// where a drag crosses into the next trip took 20–30 ms of a frame). When the gesture ends the map
// gives them their elements, as the timeline does with the marks it sketched.
//
// The canvas is drawn at once, in the frame of the window change (Leaflet's canvas renderer would draw
// it in the next one). It sits in its own pane under the markers, at the view's top-left layer point,
// so it pans with the map; a zoom hides it until the layout after the zoom draws it again.
import * as L from 'leaflet';

export interface SketchDisc {
  /** Where the marker would be drawn (its dodge included), in layer points. */
  at: L.Point;
  /** Its place, when the dodge moved it away (a leader line joins the two, as for a marker). */
  from: L.Point | null;
  colour: string;
  approximate: boolean;
}

export interface MarkerSketch {
  /** Draws exactly these discs (none: the canvas is hidden). */
  draw(discs: readonly SketchDisc[]): void;
  /**
   * Sizes the canvas to the view and makes its drawing surface, which the first drawing would do (~5 ms
   * at 10k events): called when a gesture starts, before any window of it is drawn.
   */
  prepare(): void;
  destroy(): void;
}

const SKETCH_PANE = 'itinera-sketch';
/**
 * travel-map.css's --itinera-halo. Not read from the page: getComputedStyle, in the frame that has just
 * changed the timeline and the map, made the browser work out the page's style first (~10 ms at 10k).
 */
const HALO = '#ffffff';

export function createMarkerSketch(map: L.Map, size: number): MarkerSketch {
  const pane = map.getPane(SKETCH_PANE) ?? map.createPane(SKETCH_PANE);
  // Above the routes (overlay pane, 400), under the markers (600) that keep their elements.
  pane.style.zIndex = '590';
  pane.style.pointerEvents = 'none';
  const canvas = L.DomUtil.create('canvas', 'itinera-marker-sketch', pane);
  canvas.setAttribute('aria-hidden', 'true');
  canvas.hidden = true;
  const ctx = canvas.getContext('2d');
  let shown = 0;
  const hide = () => {
    if (!shown) return;
    shown = 0;
    canvas.hidden = true;
    delete canvas.dataset.discs;
  };
  map.on('zoomstart', hide);

  /** Fits the canvas to the view; returns the view's size and its top-left layer point. */
  function fit(c: CanvasRenderingContext2D) {
    const view = map.getSize();
    const ratio = window.devicePixelRatio || 1;
    const origin = map.containerPointToLayerPoint([0, 0]);
    L.DomUtil.setPosition(canvas, origin);
    const w = Math.round(view.x * ratio);
    const h = Math.round(view.y * ratio);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
      canvas.style.width = `${view.x}px`;
      canvas.style.height = `${view.y}px`;
    }
    c.setTransform(ratio, 0, 0, ratio, 0, 0);
    c.clearRect(0, 0, view.x, view.y);
    return { view, origin };
  }

  function prepare() {
    if (ctx && !shown) fit(ctx);
  }

  function draw(discs: readonly SketchDisc[]) {
    if (!discs.length || !ctx) return hide();
    const { view, origin } = fit(ctx);
    // Leader lines and their anchors first, under the discs (as the map's leaders, travel-map.ts).
    ctx.setLineDash([]);
    ctx.lineWidth = 1.25;
    ctx.strokeStyle = 'rgba(77, 77, 77, 0.85)';
    ctx.beginPath();
    const anchors = new Map<string, L.Point>();
    for (const d of discs) {
      if (!d.from) continue;
      ctx.moveTo(d.from.x - origin.x, d.from.y - origin.y);
      ctx.lineTo(d.at.x - origin.x, d.at.y - origin.y);
      anchors.set(`${d.from.x},${d.from.y}`, d.from);
    }
    ctx.stroke();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = HALO;
    ctx.fillStyle = '#333333';
    for (const a of anchors.values()) {
      ctx.beginPath();
      ctx.arc(a.x - origin.x, a.y - origin.y, 3, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
    // The marker's look without its glyph: the trip's colour inside the white halo, and a dark rim.
    const r = size / 2;
    for (const d of discs) {
      const x = d.at.x - origin.x;
      const y = d.at.y - origin.y;
      if (x < -r || y < -r || x > view.x + r || y > view.y + r) continue;
      ctx.beginPath();
      ctx.arc(x, y, r - 0.5, 0, 2 * Math.PI);
      ctx.fillStyle = 'rgba(0, 0, 0, 0.5)';
      ctx.fill();
      ctx.beginPath();
      ctx.arc(x, y, r - 1.5, 0, 2 * Math.PI);
      ctx.fillStyle = d.colour;
      ctx.fill();
      ctx.lineWidth = 2;
      ctx.strokeStyle = HALO;
      ctx.setLineDash(d.approximate ? [3, 2] : []);
      ctx.stroke();
    }
    shown = discs.length;
    canvas.dataset.discs = String(shown);
    canvas.hidden = false;
  }

  return {
    draw,
    prepare,
    destroy() {
      map.off('zoomstart', hide);
      canvas.remove();
    },
  };
}
