// Canvases drawn narrow first and widened once the page is idle (part of the map adapter).
//
// Leaflet's canvas renderers reach `padding` (a share of the map's size) past each side of the map, so
// that a pan shows drawn routes and land at once, before its end redraws them. In this Chromium
// without a GPU, a canvas's first drawing after it is sized costs in proportion to its pixels (a
// 1485 × 565 canvas 10–13 ms, 1114 × 424 5–7 ms, 1 Dec 2026): the surface is made and cleared then.
// On the way to the first drawn page, the map's canvases are therefore sized at a narrow padding, and
// each is widened to its own once the page is idle.
import type * as L from 'leaflet';

/** The padding a canvas is first drawn at: 1.2 × 1.2 the map. */
export const FIRST_PADDING = 0.1;

/** Runs `fn` when the page is next idle (within a second), or after 200 ms without requestIdleCallback. */
function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 200);
  return () => clearTimeout(id);
}

interface Widened {
  options: L.RendererOptions;
  _map?: L.Map | null;
  _update(): void;
}

/**
 * Widens `renderer` (sized at a narrower padding, e.g. FIRST_PADDING) to `padding` once the page is idle
 * after its first drawing, and redraws it. The renderer must fire 'update' when it has drawn (L.Canvas
 * does). A renderer taken off the map before then is widened after its next drawing.
 */
export function widenWhenIdle(renderer: L.Renderer, padding: number): void {
  const r = renderer as unknown as Widened;
  let cancel: (() => void) | null = null;
  const drawn = () => {
    if (cancel || (r.options.padding ?? 0) >= padding) return;
    cancel = whenIdle(() => {
      cancel = null;
      if (!r._map) return;
      renderer.off('update', drawn);
      renderer.off('remove', removed);
      r.options.padding = padding;
      r._update();
    });
  };
  const removed = () => {
    cancel?.();
    cancel = null;
  };
  renderer.on('update', drawn);
  renderer.on('remove', removed);
}
