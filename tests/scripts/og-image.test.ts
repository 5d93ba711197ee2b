// The share card (scripts/og-image.ts): a 1200 × 630 PNG of the default view, with a map and words on it,
// and the meta that point to it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ogMeta, renderOgImage, OG_HEIGHT, OG_WIDTH } from '../../scripts/og-card';
import { restoreDataset } from '../../src/core/restore';
import raw from '../../data/kim-trips.json';

const root = new URL('../../', import.meta.url).pathname;

describe('the share card', () => {
  const card = renderOgImage(`${root}data/kim-trips.json`, `${root}node_modules/world-atlas/countries-110m.json`);
  mkdirSync(`${root}test-artifacts`, { recursive: true });
  writeFileSync(`${root}test-artifacts/og-image.png`, card.png);

  it('is a PNG of 1200 × 630', () => {
    expect(card.png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(card.png.readUInt32BE(16)).toBe(OG_WIDTH);
    expect(card.png.readUInt32BE(20)).toBe(OG_HEIGHT);
    expect([card.width, card.height]).toEqual([OG_WIDTH, OG_HEIGHT]);
  });

  it('is not blank: sea, land, the route colour and (with a font) dark text all show', () => {
    const colours = new Map<string, number>();
    for (let i = 0; i < card.pixels.length; i += 4 * 7) {
      const key = `${card.pixels[i]! >> 4},${card.pixels[i + 1]! >> 4},${card.pixels[i + 2]! >> 4}`;
      colours.set(key, (colours.get(key) ?? 0) + 1);
    }
    expect(colours.size).toBeGreaterThan(20);
    // No colour covers more than 60% of the card.
    const samples = card.pixels.length / (4 * 7);
    expect(Math.max(...colours.values()) / samples).toBeLessThan(0.6);
    // The 2023 trip's colour (#009E73, Okabe–Ito green) draws the route.
    expect([...colours.keys()].some((k) => k === '0,9,7')).toBe(true);
    if (card.text) expect([...colours.keys()].some((k) => k === '1,2,2')).toBe(true); // --ink #1d232a
  });

  it('writes Open Graph and Twitter meta with the title, the description and the image', () => {
    const meta = ogMeta(restoreDataset(raw), 'https://example.org/itinera/og-image.png');
    expect(meta).toContain(`<meta property="og:title" content="Kim Jong Un's trains to Russia, 2019 and 2023" />`);
    expect(meta).toContain('<meta property="og:image" content="https://example.org/itinera/og-image.png" />');
    expect(meta).toContain('<meta name="twitter:card" content="summary_large_image" />');
    expect(meta).toMatch(/og:description" content="Kim Jong Un's armoured-train/);
  });
});
