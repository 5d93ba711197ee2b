// The share card: an SVG of the default view (the Natural Earth basemap, the routes and places of the
// default time window, the dataset's title) rasterized by resvg (1200 × 630), and the Open Graph /
// Twitter meta that point to it. Built by the Vite plugin in scripts/og-image.ts.
import { Resvg } from '@resvg/resvg-js';
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { tripColour } from '../src/core/palette';
import { restoreDataset } from '../src/core/restore';
import { drawnLeg } from '../src/core/route';
import { inWindow, type TimeWindow } from '../src/core/selectors';
import type { Dataset } from '../src/core/types';
import { localName } from '../src/i18n/i18n';
import { groupPlaces, placeLabels, shortName, type LabelRequest, type PlacePoint } from '../src/map/place-labels';
import { initialState } from '../src/state/initial-state';
import { readUrl } from '../src/state/url-state';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** Light tones, as on the map (src/app/app.css, --map-*). */
const TONES = {
  sea: '#dbe5ec',
  land: '#f5f3ee',
  coast: '#9fb0bd',
  border: '#b3aa9c',
  ink: '#1d232a',
  muted: '#4b545e',
  label: '#22272d',
  country: '#6b655b',
};
const FONT = "'DejaVu Sans', 'Liberation Sans', 'Noto Sans', Arial, Helvetica, sans-serif";

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const r1 = (n: number) => Math.round(n * 10) / 10;

/** Directories that hold fonts on this machine; resvg draws no text without one. */
export function fontDirs(): string[] {
  const home = process.env.HOME ?? '';
  const dirs = [
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    join(home, '.fonts'),
    join(home, '.local/share/fonts'),
    '/System/Library/Fonts',
    '/Library/Fonts',
    'C:\\Windows\\Fonts',
  ];
  return dirs.filter((d) => existsSync(d) && hasFont(d, 3));
}
function hasFont(dir: string, depth: number): boolean {
  try {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (/\.(ttf|otf|ttc)$/i.test(name)) return true;
      if (depth > 0 && statSync(path).isDirectory() && hasFont(path, depth - 1)) return true;
    }
  } catch {
    /* unreadable: no font there */
  }
  return false;
}

/** Words into lines of at most `max` characters (a sans-serif's average width makes it good enough). */
function wrap(text: string, max: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > max) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  if (out.length > lines) {
    out.length = lines;
    out[lines - 1] = `${out[lines - 1]!.replace(/[\s,.;:]*$/, '')}…`;
  }
  return out;
}

/** The first sentence of a text. */
const firstSentence = (s: string) => /^.*?[.;](?=\s|$)/.exec(s)?.[0].replace(/;$/, '.') ?? s;

/** The share card of `data` at its default view, as SVG. `text: false` leaves the words out (no font). */
export function ogSvg(data: Dataset, topo: Topology, { text = true, lang = 'en' as const } = {}): string {
  const W = OG_WIDTH;
  const H = OG_HEIGHT;
  const window: TimeWindow | null = initialState(data, readUrl(''), lang).window;
  const legs = data.legs.filter((l) =>
    inWindow({ t0: l.startAt.ms, t1: Math.max(l.endAt.endMs, l.startAt.endMs) }, window),
  );
  const events = data.events.filter((e) => e.place !== undefined && inWindow(e, window));
  // The view: the routes and places of the window, right of the title panel.
  const panel = text ? 500 : 0;
  const focus: GeoPermissibleObjects = {
    type: 'FeatureCollection',
    features: [
      ...legs.flatMap((l) =>
        drawnLeg(l).map((part) => ({
          type: 'Feature' as const,
          properties: {},
          geometry: { type: 'LineString' as const, coordinates: part.map(([lat, lon]) => [lon, lat]) },
        })),
      ),
      ...events.map((e) => {
        const p = data.places.get(e.place!)!;
        return {
          type: 'Feature' as const,
          properties: {},
          geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] },
        };
      }),
    ],
  };
  const projection = geoMercator().fitExtent(
    [
      [panel + 70, 70],
      [W - 70, H - 70],
    ],
    focus,
  );
  projection.clipExtent([
    [0, 0],
    [W, H],
  ]);
  const path = geoPath(projection);
  const countries = topo.objects.countries as GeometryCollection;
  const land = path(feature(topo, countries)) ?? '';
  const coast = path(mesh(topo, countries, (a, b) => a === b)) ?? '';
  const borders = path(mesh(topo, countries, (a, b) => a !== b)) ?? '';

  const routes = legs
    .map((l) => {
      const colour = tripColour(data.tripsById.get(l.trip)?.order ?? 0);
      const d = drawnLeg(l)
        .map((part) => path({ type: 'LineString', coordinates: part.map(([lat, lon]) => [lon, lat]) }) ?? '')
        .join('');
      return `<path d="${d}" fill="none" stroke="#ffffff" stroke-width="9" stroke-linecap="round" stroke-linejoin="round"/><path d="${d}" fill="none" stroke="${colour}" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/>`;
    })
    .join('');

  // One dot per place with events in the window, sized by their number, in the colour of its trip.
  const counts = new Map<string, { n: number; colour: string }>();
  for (const e of events) {
    const c = counts.get(e.place!) ?? { n: 0, colour: tripColour(data.tripsById.get(e.trip)?.order ?? 0) };
    c.n++;
    counts.set(e.place!, c);
  }
  const points: PlacePoint[] = [];
  const dots: string[] = [];
  for (const [id, { n, colour }] of counts) {
    const place = data.places.get(id)!;
    const xy = projection([place.lon, place.lat]);
    if (!xy) continue;
    const full = localName(place.names, lang);
    points.push({
      id,
      at: { x: xy[0], y: xy[1] },
      name: shortName(full),
      events: n,
      weight: n + (full.includes(',') ? 0 : 2),
    });
    dots.push(
      `<circle cx="${r1(xy[0])}" cy="${r1(xy[1])}" r="${r1(6 + Math.min(n, 6))}" fill="${colour}" stroke="#ffffff" stroke-width="2.5"/>`,
    );
  }

  let labels = '';
  let title = '';
  if (text) {
    const size = 22;
    const groups = groupPlaces(points, 40);
    const requests: LabelRequest[] = groups.map((g) => {
      const m = g.members[0]!;
      return { id: m.id, at: m.at, w: m.name.length * size * 0.6, h: size * 1.2, near: 16, far: 40 };
    });
    const obstacles = points.map((p) => ({ x: p.at.x - 10, y: p.at.y - 10, w: 20, h: 20 }));
    const placed = placeLabels(requests, obstacles, { x: panel + 10, y: 10, w: W - panel - 20, h: H - 20 }, 6);
    labels = placed
      .map(({ id, rect }) => {
        const name = points.find((p) => p.id === id)!.name;
        return `<text x="${r1(rect.x)}" y="${r1(rect.y + size)}" font-size="${size}" font-weight="700" fill="${TONES.label}" stroke="#ffffff" stroke-width="5" stroke-linejoin="round" paint-order="stroke">${esc(name)}</text>`;
      })
      .join('');
    const heading = wrap(localName(data.meta.title, lang) || 'Itinera', 18, 4);
    const dek = wrap(firstSentence(localName(data.meta.description, lang)), 33, 6);
    const y0 = 96;
    title =
      `<rect x="0" y="0" width="${panel}" height="${H}" fill="#ffffff"/>` +
      `<rect x="${panel}" y="0" width="2" height="${H}" fill="#d9d6cf"/>` +
      heading
        .map(
          (l, i) =>
            `<text x="56" y="${y0 + i * 46}" font-size="38" font-weight="700" fill="${TONES.ink}">${esc(l)}</text>`,
        )
        .join('') +
      dek
        .map(
          (l, i) =>
            `<text x="56" y="${y0 + heading.length * 46 + 28 + i * 31}" font-size="22" fill="${TONES.muted}">${esc(l)}</text>`,
        )
        .join('') +
      `<text x="56" y="${H - 48}" font-size="20" font-weight="700" fill="${TONES.ink}">Itinera</text>` +
      `<text x="148" y="${H - 48}" font-size="18" fill="${TONES.muted}">Map: Natural Earth</text>`;
  }

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${esc(FONT)}">`,
    `<rect width="${W}" height="${H}" fill="${TONES.sea}"/>`,
    `<path d="${land}" fill="${TONES.land}"/>`,
    `<path d="${coast}" fill="none" stroke="${TONES.coast}" stroke-width="1.2"/>`,
    `<path d="${borders}" fill="none" stroke="${TONES.border}" stroke-width="1.2" stroke-dasharray="5 3"/>`,
    routes,
    dots.join(''),
    labels,
    title,
    '</svg>',
  ].join('');
}

/** The share card, rendered: its PNG and its pixels (RGBA). Without any font on the machine it has no text. */
export function renderOgImage(
  datasetFile: string,
  basemapFile: string,
): { png: Buffer; width: number; height: number; pixels: Buffer; text: boolean } {
  const data = restoreDataset(JSON.parse(readFileSync(datasetFile, 'utf8')));
  const topo = JSON.parse(readFileSync(basemapFile, 'utf8')) as Topology;
  const dirs = fontDirs();
  const text = dirs.length > 0;
  const svg = ogSvg(data, topo, { text });
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: OG_WIDTH },
    font: { loadSystemFonts: false, fontDirs: dirs, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    logLevel: 'off',
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height, pixels: image.pixels, text };
}

/** The meta tags of the share card (title and description of the default dataset, the image). */
export function ogMeta(data: Dataset, imageUrl: string, lang = 'en' as const): string {
  const title = localName(data.meta.title, lang) || 'Itinera';
  const description = localName(data.meta.description, lang);
  const tags: [string, string, string][] = [
    ['property', 'og:type', 'website'],
    ['property', 'og:site_name', 'Itinera'],
    ['property', 'og:title', title],
    ['property', 'og:description', description],
    ['property', 'og:image', imageUrl],
    ['property', 'og:image:width', String(OG_WIDTH)],
    ['property', 'og:image:height', String(OG_HEIGHT)],
    ['property', 'og:image:alt', `${title}: a map of the routes`],
    ['name', 'twitter:card', 'summary_large_image'],
    ['name', 'twitter:title', title],
    ['name', 'twitter:description', description],
    ['name', 'twitter:image', imageUrl],
  ];
  return tags
    .filter(([, , v]) => v)
    .map(([k, name, v]) => `<meta ${k}="${name}" content="${esc(v)}" />`)
    .join('\n    ');
}

/** The meta tags for the dataset in `datasetFile`. */
export function ogMetaFor(datasetFile: string, imageUrl: string): string {
  return ogMeta(restoreDataset(JSON.parse(readFileSync(datasetFile, 'utf8'))), imageUrl);
}
