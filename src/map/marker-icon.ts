// The inside of an event marker: a disc in the trip's colour with a small glyph for the event kind.
// Plain strings, no Leaflet; the adapter puts them in an L.divIcon.
import { inkOn, kindGlyph } from '../core/kind-symbols';
import type { EventKind } from '../core/schema';

/** Marker size, px: at least the 24×24 target size of WCAG 2.2 (2.5.8). */
export const MARKER_SIZE = 26;
/**
 * Closest two marker centres may come after the dodge. Hit targets are boxes, and two 26 px boxes whose
 * centres are 30 px apart on a diagonal still overlap (axe's target-size saw 21 px left of a fanned
 * marker): at size × √2 no two boxes overlap at any angle, so every marker keeps its whole 26×26 target.
 */
export const MARKER_SPACING = Math.ceil(MARKER_SIZE * Math.SQRT2);

/** Inner markup of a marker. The text (label, aria-label) is set on the element, not here. */
export function markerHtml(kind: EventKind, colour: string): string {
  const ink = inkOn(colour);
  return (
    `<span class="itinera-marker__dot" style="--itinera-trip:${colour};--itinera-ink:${ink}">` +
    `<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">${kindGlyph(kind)}</svg>` +
    `</span><span class="itinera-marker__label" aria-hidden="true"></span>`
  );
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
