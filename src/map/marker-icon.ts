// The inside of an event marker: a disc in the trip's colour with a small glyph for the event kind.
// Plain strings, no Leaflet; the adapter puts them in an L.divIcon.
import type { EventKind } from '../core/schema';

/** Marker size, px: at least the 24×24 target size of WCAG 2.2 (2.5.8). */
export const MARKER_SIZE = 26;
/**
 * Closest two marker centres may come after the dodge. Hit targets are boxes, and two 26 px boxes whose
 * centres are 30 px apart on a diagonal still overlap (axe's target-size saw 21 px left of a fanned
 * marker): at size × √2 no two boxes overlap at any angle, so every marker keeps its whole 26×26 target.
 */
export const MARKER_SPACING = Math.ceil(MARKER_SIZE * Math.SQRT2);

// 16×16 line drawings (stroked), a few filled where a line would be too thin to read.
const GLYPHS: Record<EventKind, string> = {
  departure: '<path d="M4.5 11.5l7-7M6 4.5h5.5V10"/>',
  arrival: '<path d="M11.5 4.5l-7 7M4.5 6v5.5H10"/>',
  'border-crossing': '<path d="M8 2.5v11" stroke-dasharray="2 1.6"/><path d="M2.5 8h9M9.5 5.5L12 8l-2.5 2.5"/>',
  talks: '<path d="M3 3.5h10v6.5H7.5L4.5 13v-3H3z"/>',
  banquet: '<path d="M5 2.5h6l-.8 4.8a2.2 2.2 0 0 1-4.4 0zM8 9.5v4M5.5 13.5h5"/>',
  'site-visit':
    '<path d="M1.8 8s2.4-4.2 6.2-4.2S14.2 8 14.2 8s-2.4 4.2-6.2 4.2S1.8 8 1.8 8z"/><circle cx="8" cy="8" r="1.8" class="fill"/>',
  ceremony: '<path class="fill" d="M8 2l1.7 3.8 4.1.4-3.1 2.8.9 4.1L8 11l-3.6 2.1.9-4.1-3.1-2.8 4.1-.4z"/>',
  statement: '<path d="M3.5 4h9M3.5 8h9M3.5 12h5.5"/>',
  transit: '<path d="M3.5 4l4 4-4 4M8.5 4l4 4-4 4"/>',
  visit: '<path d="M4.5 14V2.5M4.5 3.5h7.5l-2 3 2 3H4.5"/>',
  other: '<circle cx="8" cy="8" r="2.6" class="fill"/>',
};

/** Inner markup of a marker. The text (label, aria-label) is set on the element, not here. */
export function markerHtml(kind: EventKind, colour: string): string {
  const ink = inkOn(colour);
  return (
    `<span class="itinera-marker__dot" style="--itinera-trip:${colour};--itinera-ink:${ink}">` +
    `<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">${GLYPHS[kind] ?? GLYPHS.other}</svg>` +
    `</span><span class="itinera-marker__label" aria-hidden="true"></span>`
  );
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function inkOn(hex: string): '#ffffff' | '#111111' {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '#ffffff';
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with white (1.05 / (l + 0.05)) against contrast with near-black ((l + 0.05) / 0.056).
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.056 ? '#ffffff' : '#111111';
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
