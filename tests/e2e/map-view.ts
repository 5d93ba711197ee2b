// Reading the map's view from the page: Web Mercator puts x ∝ longitude and y ∝ mercator(latitude)
// at one scale, so two markers centred on known places (border-crossing stops) give the whole view.
// Shared by the tests that check what the map draws where (journeys.e2e.ts, basemap.e2e.ts).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export type Pt = [number, number];
export interface Place {
  id: string;
  lat: number;
  lon: number;
}
export interface ScreenView {
  /** [lat, lon] → page px. */
  toScreen(p: Pt): Pt;
  /** Page px → [lat, lon]. */
  fromScreen(p: Pt): Pt;
}

const mercator = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const inverseMercator = (m: number) => ((2 * Math.atan(Math.exp(m)) - Math.PI / 2) * 180) / Math.PI;

/** The view, read from the border-crossing stops in `map` (checked against every stop, within 2 px). */
export async function viewFromStops(page: Page, map: string, places: ReadonlyMap<string, Place>): Promise<ScreenView> {
  const stops = await page.$$eval(`${map} .itinera-border-stop[data-place-id]`, (els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: (el as HTMLElement).dataset.placeId!, x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }),
  );
  const known = stops.map((s) => ({ ...s, ...places.get(s.id)! })).sort((a, b) => a.lon - b.lon);
  const [a, b] = [known[0]!, known.at(-1)!];
  expect(b.lon - a.lon).toBeGreaterThan(1);
  const perDegree = (b.x - a.x) / (b.lon - a.lon);
  const perRadian = (perDegree * 180) / Math.PI;
  const view: ScreenView = {
    toScreen: ([lat, lon]) => [a.x + (lon - a.lon) * perDegree, a.y - (mercator(lat) - mercator(a.lat)) * perRadian],
    fromScreen: ([x, y]) => [inverseMercator(mercator(a.lat) - (y - a.y) / perRadian), a.lon + (x - a.x) / perDegree],
  };
  // The same scale puts the other stops where they are: the reading of the view is right.
  for (const s of known) {
    const [x, y] = view.toScreen([s.lat, s.lon]);
    expect(Math.hypot(x - s.x, y - s.y)).toBeLessThan(2);
  }
  return view;
}
