// The offline basemap (land, coasts, borders) on one canvas. Leaflet's vector layers keep a LatLng and
// a Point per vertex and project, clip and simplify every vertex again at each zoom: for the Natural
// Earth land, coasts and borders that was ~75 ms of the first render at any dataset size, on the way
// to the first drawn map. Here the vertices are projected once into flat arrays (land-geometry.ts,
// packPaths) and each redraw is a scale and a shift per vertex, skipping the groups out of view.
// Positioning, padding and the zoom animation are Leaflet's own: the layer is an L.Renderer, the base
// class of Leaflet's canvas and SVG renderers, drawing its own paths instead of Leaflet's.
import * as L from 'leaflet';
import type { MultiLineString, MultiPolygon } from 'geojson';
import { packPaths, type PackedPaths } from './land-geometry';
import { FIRST_PADDING, widenWhenIdle } from './widen-when-idle';

export interface BasemapStyle {
  land: { fillColor?: string; fillOpacity?: number };
  coast: { color?: string; weight?: number; opacity?: number };
  borders: { color?: string; weight?: number; opacity?: number };
}

export interface BasemapShapes {
  land: MultiPolygon;
  coast: MultiLineString;
  borders: MultiLineString;
}

/**
 * The canvas reaches this far past each side of the map (a share of its size), so that a pan of up to
 * half the map shows land at once, before the pan's end redraws it. The first draw reaches only
 * FIRST_PADDING (widen-when-idle.ts): its canvas is 1.2 × 1.2 the map instead of 2 × 2, about a third
 * of the pixels to allocate, fill and stroke on the way to the first drawn page (10k first render, 12
 * paired loads: median 1,131 → 1,094 ms, 9 quicker, 1 Dec 2026). It is widened once the page is idle.
 */
const PADDING = 0.5;

/** What the layer reads of L.Renderer's state (set by its _update). */
interface RendererState {
  _map: L.Map & { _animatingZoom?: boolean };
  _bounds?: L.Bounds;
  _zoom: number;
  _container?: HTMLCanvasElement;
}

/**
 * A layer drawing `shapes` in `style` on one canvas in `pane`. Vertices are projected at zoom 0 with
 * the map's CRS (EPSG:3857 unless the map says otherwise) when the layer is added.
 */
export function createBasemapLayer(shapes: BasemapShapes, style: BasemapStyle, pane: string): L.Layer {
  let packed: { land: PackedPaths; coast: PackedPaths; borders: PackedPaths } | null = null;
  let ctx: CanvasRenderingContext2D | null = null;

  function pack(map: L.Map) {
    const crs = map.options.crs ?? L.CRS.EPSG3857;
    const at = { lat: 0, lng: 0 } as L.LatLng;
    // crs.latLngToPoint(·, z) is the zoom-0 point times crs.scale(z) / crs.scale(0): linear in the scale.
    const project = (lng: number, lat: number) => {
      at.lat = lat;
      at.lng = lng;
      return crs.latLngToPoint(at, 0);
    };
    return {
      land: packPaths(shapes.land.coordinates, project),
      coast: packPaths(
        shapes.coast.coordinates.map((line) => [line]),
        project,
      ),
      borders: packPaths(
        shapes.borders.coordinates.map((line) => [line]),
        project,
      ),
    };
  }

  const Layer = L.Renderer.extend({
    _initContainer(this: RendererState) {
      const canvas = (this._container = document.createElement('canvas'));
      ctx = canvas.getContext('2d');
    },
    _destroyContainer(this: RendererState) {
      this._container?.remove();
      delete this._container;
      ctx = null;
    },
    _update(this: RendererState) {
      const map = this._map;
      if (map._animatingZoom && this._bounds) return;
      (L.Renderer.prototype as unknown as { _update(): void })._update.call(this);
      const canvas = this._container;
      const b = this._bounds;
      if (!canvas || !b || !ctx) return;
      packed ??= pack(map);
      const size = b.getSize();
      const ratio = L.Browser.retina ? 2 : 1;
      L.DomUtil.setPosition(canvas, b.min!);
      canvas.width = ratio * size.x; // also clears it
      canvas.height = ratio * size.y;
      canvas.style.width = `${size.x}px`;
      canvas.style.height = `${size.y}px`;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      const origin = map.getPixelOrigin();
      const view: View = {
        s: map.getZoomScale(this._zoom, 0),
        ox: origin.x + b.min!.x,
        oy: origin.y + b.min!.y,
        w: size.x,
        h: size.y,
      };
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.beginPath();
      trace(ctx, packed.land, view, true);
      ctx.globalAlpha = style.land.fillOpacity ?? 1;
      ctx.fillStyle = style.land.fillColor ?? '#f2efe9';
      ctx.fill('evenodd');
      for (const [paths, line] of [
        [packed.coast, style.coast],
        [packed.borders, style.borders],
      ] as const) {
        ctx.beginPath();
        trace(ctx, paths, view, false);
        ctx.globalAlpha = line.opacity ?? 1;
        ctx.lineWidth = line.weight ?? 1;
        ctx.strokeStyle = line.color ?? '#999';
        ctx.stroke();
      }
      (this as unknown as L.Evented).fire('update');
    },
    // No Leaflet paths to reproject or reset: _update redraws all.
    _onZoomEnd() {},
    _updatePaths() {},
  }) as unknown as new (options: L.RendererOptions) => L.Layer;
  const layer = new Layer({ pane, padding: FIRST_PADDING }) as unknown as L.Renderer;
  widenWhenIdle(layer, PADDING);
  return layer;
}

/** Zoom-0 point → canvas pixel: x·s − ox, y·s − oy; the canvas is w × h. */
interface View {
  s: number;
  ox: number;
  oy: number;
  w: number;
  h: number;
}

/** Adds the rings of the groups that meet the canvas to the current path. */
function trace(ctx: CanvasRenderingContext2D, p: PackedPaths, v: View, close: boolean): void {
  const { xy, ringEnds, groupEnds, boxes } = p;
  const { s, ox, oy } = v;
  let ring = 0;
  for (let g = 0; g < groupEnds.length; g++) {
    const lastRing = groupEnds[g]!;
    const out =
      boxes[g * 4]! * s - ox > v.w ||
      boxes[g * 4 + 2]! * s - ox < 0 ||
      boxes[g * 4 + 1]! * s - oy > v.h ||
      boxes[g * 4 + 3]! * s - oy < 0;
    if (out) {
      ring = lastRing;
      continue;
    }
    for (; ring < lastRing; ring++) {
      const start = ring === 0 ? 0 : ringEnds[ring - 1]!;
      const end = ringEnds[ring]!;
      ctx.moveTo(xy[start * 2]! * s - ox, xy[start * 2 + 1]! * s - oy);
      for (let i = start + 1; i < end; i++) ctx.lineTo(xy[i * 2]! * s - ox, xy[i * 2 + 1]! * s - oy);
      if (close) ctx.closePath();
    }
  }
}
