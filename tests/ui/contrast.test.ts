// The colour tokens of src/app/app.css, light and dark, meet WCAG contrast: 4.5:1 for text, 3:1 for
// marks (focus ring). The values are read from the CSS, so changing a colour there can fail here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../src/app/app.css', import.meta.url), 'utf8');

/** The custom properties declared in the first rule whose selector is exactly `selector`. */
function tokens(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no rule ${selector} in app.css`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;/g)].map((m) => [m[1], m[2]]));
}

function luminance(hex: string): number {
  const h = hex.length === 4 ? hex.replace(/#(.)(.)(.)/, '#$1$1$2$2$3$3') : hex;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const TEXT: [string, string][] = [
  ['ink', 'paper'],
  ['ink', 'panel'],
  ['ink-muted', 'paper'],
  ['ink-muted', 'panel'],
  ['accent', 'paper'],
  ['accent', 'panel'],
  ['alert', 'alert-bg'],
  ['paper', 'ink'], // pressed buttons: paper on ink
  ['ink', 'alert-bg'], // the problems panel's text
  ['ink-muted', 'alert-bg'],
  ['ink', 'note-bg'], // notes (a dataset without places)
  // The map keeps light tones in both themes: place and country names on land and sea.
  ['map-label', 'map-land'],
  ['map-label', 'map-sea'],
  ['map-country', 'map-land'],
];
const MARKS: [string, string][] = [
  ['focus', 'paper'],
  ['focus', 'panel'],
  ['line-strong', 'paper'], // the outline of buttons and fields
];

describe('contrast of the colour tokens', () => {
  it('computes the WCAG ratio', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777', '#fff')).toBeCloseTo(4.48, 2);
  });

  for (const [name, selector] of [
    ['light', ':root'],
    ['dark', ":root[data-theme='dark']"],
    ['dark (system)', ":root:not([data-theme='light'])"],
  ] as const) {
    // A theme declares what it changes; the rest (the map's tones) comes from :root.
    const t = { ...tokens(':root'), ...tokens(selector) };
    it(`${name}: text 4.5:1`, () => {
      for (const [fg, bg] of TEXT) expect(contrast(t[fg]!, t[bg]!), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    });
    it(`${name}: marks 3:1`, () => {
      for (const [fg, bg] of MARKS) expect(contrast(t[fg]!, t[bg]!), `${fg} on ${bg}`).toBeGreaterThanOrEqual(3);
    });
  }

  it('declares the same tokens for the dark theme by attribute and by system preference', () => {
    expect(tokens(":root:not([data-theme='light'])")).toEqual(tokens(":root[data-theme='dark']"));
  });
});
