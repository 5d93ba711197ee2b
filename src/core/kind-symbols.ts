// One symbol vocabulary for event kinds, shared by the map's markers and the timeline's marks: a
// 16×16 line drawing per kind (stroked; elements with class "fill" are filled) and the ink that
// reads on a trip colour. Plain strings and numbers, no DOM.
import { EVENT_KINDS, type EventKind } from './vocab';

/** The kinds in the order a legend lists them. */
export const KIND_ORDER: readonly EventKind[] = EVENT_KINDS;

// 16×16 line drawings (stroked), a few filled where a line would be too thin to read.
export const KIND_GLYPHS: Readonly<Record<EventKind, string>> = {
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

/** The glyph of a kind (unknown kinds draw as "other"). */
export function kindGlyph(kind: string): string {
  return (KIND_GLYPHS as Record<string, string>)[kind] ?? KIND_GLYPHS.other;
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
