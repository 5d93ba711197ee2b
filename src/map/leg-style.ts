// How a leg is drawn for each mode of travel: one or two strokes along the route. Shared by the legs
// layer and the legend, so the legend shows exactly what the map draws. Pure data, no Leaflet.
import type { Mode } from '../core/schema';

export interface Stroke {
  /** `trip` takes the trip's colour. */
  color: 'trip' | string;
  weight: number;
  dashArray?: string;
  lineCap?: 'butt' | 'round' | 'square';
  opacity: number;
}

/**
 * train: a solid line with white "ties" inside, the railway look of printed maps;
 * plane: thin dashes; car: dots; ship: long dashes.
 */
export const LEG_STROKES: Record<Mode, readonly Stroke[]> = {
  train: [
    { color: 'trip', weight: 5, lineCap: 'butt', opacity: 0.95 },
    { color: '#ffffff', weight: 2, dashArray: '5 5', lineCap: 'butt', opacity: 0.95 },
  ],
  plane: [{ color: 'trip', weight: 2, dashArray: '6 6', lineCap: 'butt', opacity: 0.9 }],
  car: [{ color: 'trip', weight: 3.5, dashArray: '0.1 7', lineCap: 'round', opacity: 0.95 }],
  ship: [{ color: 'trip', weight: 3, dashArray: '16 8', lineCap: 'butt', opacity: 0.9 }],
};

/** Opacity of legs outside the time window: still there for context, clearly in the background. */
export const FADED_OPACITY = 0.15;
/** Opacity of legs left out of a comparison: nearly gone, and no longer clickable. */
export const HIDDEN_OPACITY = 0.04;

/**
 * Above this many legs the routes are drawn on a canvas, a few batched paths instead of one SVG path
 * per stroke (leg-batches.ts), and the direction arrows are made only for the legs in the time window.
 */
export const DENSE_LEGS = 150;
