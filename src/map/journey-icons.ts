// Markup of the journey overlays: direction arrows, border-crossing stops and the moving train or
// plane. Plain strings, no Leaflet; the adapter puts them in L.divIcons.
import type { Mode } from '../core/schema';
import { inkOn } from '../core/kind-symbols';
import { escapeHtml } from './marker-icon';

export const ARROW_SIZE = 14;
export const BORDER_SIZE = 16;
export const MOVER_SIZE = 30;

/** A chevron pointing east, rotated by `deg` (clockwise, screen space). */
export function arrowHtml(colour: string, deg: number): string {
  return (
    `<svg viewBox="0 0 14 14" width="${ARROW_SIZE}" height="${ARROW_SIZE}" style="transform:rotate(${deg.toFixed(1)}deg)" aria-hidden="true" focusable="false">` +
    `<path d="M3 2.5L10 7 3 11.5" fill="none" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" stroke-linecap="round"/>` +
    `<path d="M3 2.5L10 7 3 11.5" fill="none" stroke="${escapeHtml(colour)}" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/>` +
    `</svg>`
  );
}

/** A border post: a white square with a dark bar across, the usual sign of a frontier station. */
export function borderHtml(): string {
  return (
    `<svg viewBox="0 0 16 16" width="${BORDER_SIZE}" height="${BORDER_SIZE}" aria-hidden="true" focusable="false">` +
    `<rect x="1.5" y="1.5" width="13" height="13" rx="2" fill="#ffffff" stroke="#222222" stroke-width="1.5"/>` +
    `<path d="M4 12L12 4" stroke="#b3261e" stroke-width="2.2" stroke-linecap="round"/></svg>`
  );
}

const VEHICLES: Record<Mode, string> = {
  // A locomotive front: body, window, two wheels.
  train:
    '<rect x="4" y="3" width="10" height="9" rx="2.2" class="fill"/><rect x="6" y="5" width="6" height="3" rx="0.8" class="hole"/><circle cx="6.5" cy="14" r="1.4" class="fill"/><circle cx="11.5" cy="14" r="1.4" class="fill"/>',
  plane:
    '<path class="fill" d="M9 1.5c.8 0 1.2.8 1.2 1.8v4l5.3 3v1.6l-5.3-1.6v3.3l1.8 1.4v1.3L9 15.4l-3 .9V15l1.8-1.4v-3.3L2.5 11.9v-1.6l5.3-3v-4c0-1 .4-1.8 1.2-1.8z"/>',
  car: '<path class="fill" d="M3 9.5l1.5-4h9l1.5 4v3.5H3z"/><circle cx="6" cy="13.5" r="1.5" class="hole"/><circle cx="12" cy="13.5" r="1.5" class="hole"/>',
  ship: '<path class="fill" d="M2.5 10h13l-2 4.5h-9zM5 9.5V6h7v3.5zM8 6V3h1.5v3z"/>',
};

/** The moving marker: a disc in the trip's colour with the vehicle drawn in the ink that reads on it. */
export function moverHtml(mode: Mode, colour: string): string {
  const ink = inkOn(colour);
  return (
    `<span class="itinera-mover__disc" style="--itinera-trip:${escapeHtml(colour)};--itinera-ink:${ink}">` +
    `<svg viewBox="0 0 18 18" width="20" height="20" aria-hidden="true" focusable="false">${VEHICLES[mode]}</svg></span>`
  );
}
