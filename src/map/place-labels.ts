// Labels on the map: the places of the story (cities and stations from the data) and, at low zoom,
// country names, placed greedily without collisions each time the view settles. Leaflet arrives as an
// argument (only its types are imported here), so the placement is plain code, tested in Node
// (tests/map/place-labels.test.ts) and in Chromium (tests/e2e/look.e2e.ts).
import type * as L from 'leaflet';
import type { FeatureCollection, Geometry } from 'geojson';
import type { Lang } from '../core/schema';
import { eventsInWindow, type TimeWindow } from '../core/selectors';
import type { Dataset } from '../core/types';
import { localName } from '../i18n/i18n';

export interface Pt {
  x: number;
  y: number;
}
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** True when the rectangles overlap, or come closer than `gap` px. */
export const intersects = (a: Rect, b: Rect, gap = 0): boolean =>
  a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
const contains = (outer: Rect, r: Rect): boolean =>
  r.x >= outer.x && r.y >= outer.y && r.x + r.w <= outer.x + outer.w && r.y + r.h <= outer.y + outer.h;

export interface LabelRequest {
  id: string;
  /** The place on screen, px. */
  at: Pt;
  /** The label's size, px. */
  w: number;
  h: number;
  /** Nearest and farthest distance from the point (a fan of markers around it pushes the label out), px. */
  near: number;
  far: number;
}
export interface Placed {
  id: string;
  rect: Rect;
}

/** Where a label may go around its point, nearest first: right, left, above, below, then the diagonals. */
export function candidates({ at: p, w, h, near, far }: LabelRequest): Rect[] {
  const steps = far > near ? [0, 1, 2, 3].map((i) => near + ((far - near) * i) / 3) : [near];
  const out: Rect[] = [];
  for (const d of steps) {
    const q = d * Math.SQRT1_2;
    out.push(
      { x: p.x + d, y: p.y - h / 2, w, h },
      { x: p.x - d - w, y: p.y - h / 2, w, h },
      { x: p.x - w / 2, y: p.y - d - h, w, h },
      { x: p.x - w / 2, y: p.y + d, w, h },
      { x: p.x + q, y: p.y - q - h, w, h },
      { x: p.x + q, y: p.y + q, w, h },
      { x: p.x - q - w, y: p.y - q - h, w, h },
      { x: p.x - q - w, y: p.y + q, w, h },
    );
  }
  return out;
}

/**
 * Greedy placement: in the order given (the priority), each label takes its first candidate that
 * stays inside `bounds` and keeps `gap` px from every obstacle and every label placed before it. A
 * label with no such candidate is left out.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly Rect[],
  bounds: Rect,
  gap = 2,
): Placed[] {
  const placed: Placed[] = [];
  for (const r of requests) {
    const rect = candidates(r).find(
      (c) =>
        contains(bounds, c) &&
        !obstacles.some((o) => intersects(c, o, gap)) &&
        !placed.some((p) => intersects(c, p.rect, gap)),
    );
    if (rect) placed.push({ id: r.id, rect });
  }
  return placed;
}

// ---- Polygons on screen, for country names: the visible part of a country and a point inside it.

/** The part of a ring inside a rectangle (Sutherland–Hodgman). */
export function clipRing(ring: readonly Pt[], r: Rect): Pt[] {
  const atX = (a: Pt, b: Pt, x: number): Pt => ({ x, y: a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x) });
  const atY = (a: Pt, b: Pt, y: number): Pt => ({ x: a.x + ((b.x - a.x) * (y - a.y)) / (b.y - a.y), y });
  const edges: [(p: Pt) => boolean, (a: Pt, b: Pt) => Pt][] = [
    [(p) => p.x >= r.x, (a, b) => atX(a, b, r.x)],
    [(p) => p.x <= r.x + r.w, (a, b) => atX(a, b, r.x + r.w)],
    [(p) => p.y >= r.y, (a, b) => atY(a, b, r.y)],
    [(p) => p.y <= r.y + r.h, (a, b) => atY(a, b, r.y + r.h)],
  ];
  let out = ring.slice();
  for (const [keep, cut] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const a = input[i]!;
      const b = input[(i + 1) % input.length]!;
      if (keep(a)) {
        out.push(a);
        if (!keep(b)) out.push(cut(a, b));
      } else if (keep(b)) out.push(cut(a, b));
    }
    if (out.length === 0) break;
  }
  return out;
}

/** Area (absolute) and centroid of a ring. */
export function ringCentroid(ring: readonly Pt[]): { area: number; at: Pt } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i]!;
    const q = ring[(i + 1) % ring.length]!;
    const f = p.x * q.y - q.x * p.y;
    a += f;
    cx += (p.x + q.x) * f;
    cy += (p.y + q.y) * f;
  }
  if (Math.abs(a) < 1e-9) return { area: 0, at: ring[0] ?? { x: 0, y: 0 } };
  return { area: Math.abs(a / 2), at: { x: cx / (3 * a), y: cy / (3 * a) } };
}

export function insideRing(p: Pt, ring: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/**
 * A w × h rectangle wholly inside `ring` and accepted by `free`: the one centred on `at` if it can be,
 * else the nearest to it on a grid over the ring's extent. Null when none fits.
 */
export function rectInside(
  ring: readonly Pt[],
  at: Pt,
  w: number,
  h: number,
  free: (r: Rect) => boolean = () => true,
): Rect | null {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of ring) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  const centres: Pt[] = [at];
  const sx = Math.max(w / 2, (x1 - x0) / 12);
  const sy = Math.max(h, (y1 - y0) / 12);
  for (let x = x0 + w / 2; x <= x1 - w / 2; x += sx)
    for (let y = y0 + h / 2; y <= y1 - h / 2; y += sy) centres.push({ x, y });
  centres.sort((a, b) => Math.hypot(a.x - at.x, a.y - at.y) - Math.hypot(b.x - at.x, b.y - at.y));
  for (const c of centres) {
    const r = { x: c.x - w / 2, y: c.y - h / 2, w, h };
    const probes = [
      { x: r.x, y: r.y },
      { x: r.x + w, y: r.y },
      { x: r.x, y: r.y + h },
      { x: r.x + w, y: r.y + h },
      { x: r.x + w / 2, y: r.y },
      { x: r.x + w / 2, y: r.y + h },
    ];
    if (probes.every((p) => insideRing(p, ring)) && free(r)) return r;
  }
  return null;
}

// Natural Earth gives English names and ISO 3166-1 numeric ids; Intl names the country in the reader's
// language from the alpha-2 code. Numeric → alpha-2 for the 177 countries of world-atlas 110m, from
// Debian's iso-codes (iso_3166-1.json); N. Cyprus, Somaliland and Kosovo have no id and keep their name.
const ISO_NUMERIC_TO_ALPHA2 =
  '004AF008AL010AQ012DZ024AO031AZ032AR036AU040AT044BS050BD051AM056BE064BT068BO070BA072BW076BR084BZ090SB096BN100BG104MM108BI112BY116KH120CM124CA140CF144LK148TD152CL156CN158TW170CO178CG180CD188CR191HR192CU196CY203CZ204BJ208DK214DO218EC222SV226GQ231ET232ER233EE238FK242FJ246FI250FR260TF262DJ266GA268GE270GM275PS276DE288GH300GR304GL320GT324GN328GY332HT340HN348HU352IS356IN360ID364IR368IQ372IE376IL380IT384CI388JM392JP398KZ400JO404KE408KP410KR414KW417KG418LA422LB426LS428LV430LR434LY440LT442LU450MG454MW458MY466ML478MR484MX496MN498MD499ME504MA508MZ512OM516NA524NP528NL540NC548VU554NZ558NI562NE566NG578NO586PK591PA598PG600PY604PE608PH616PL620PT624GW626TL630PR634QA642RO643RU646RW682SA686SN688RS694SL703SK704VN705SI706SO710ZA716ZW724ES728SS729SD732EH740SR748SZ752SE756CH760SY762TJ764TH768TG780TT784AE788TN792TR795TM800UG804UA807MK818EG826GB834TZ840US854BF858UY860UZ862VE887YE894ZM';
const ALPHA2 = new Map<string, string>();
for (let i = 0; i < ISO_NUMERIC_TO_ALPHA2.length; i += 5)
  ALPHA2.set(ISO_NUMERIC_TO_ALPHA2.slice(i, i + 3), ISO_NUMERIC_TO_ALPHA2.slice(i + 3, i + 5));

const regionNames = new Map<string, Intl.DisplayNames | null>();
/** A country's name in `lang` (Intl), else Natural Earth's English name. */
export function countryName(numericId: string | undefined, fallback: string, lang: string): string {
  const code = numericId === undefined ? undefined : ALPHA2.get(numericId);
  if (!code) return fallback;
  if (!regionNames.has(lang)) {
    try {
      regionNames.set(lang, new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }));
    } catch {
      regionNames.set(lang, null);
    }
  }
  return regionNames.get(lang)?.of(code) ?? fallback;
}

/** A ring's bounds in degrees: west, south, east, north. */
export function ringBox(ring: readonly (readonly number[])[]): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of ring) {
    w = Math.min(w, lon!);
    e = Math.max(e, lon!);
    s = Math.min(s, lat!);
    n = Math.max(n, lat!);
  }
  return [w, s, e, n];
}

/** Longer label texts end with "…" at a word boundary. */
const MAX_LABEL_CHARS = 30;

/** A label's text: the name up to its first comma or parenthesis ("Vostochny Cosmodrome"), not too long. */
export function shortName(name: string): string {
  const short = name.split(/\s*[,(（，]/)[0]!.trim() || name;
  if (short.length <= MAX_LABEL_CHARS) return short;
  const cut = short.slice(0, MAX_LABEL_CHARS);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 10 ? cut.lastIndexOf(' ') : MAX_LABEL_CHARS)}…`;
}

export interface PlacePoint {
  id: string;
  at: Pt;
  name: string;
  /** Events there. */
  events: number;
  /** Events there, plus bonuses; the heaviest place of a group names it, groups are placed heaviest first. */
  weight: number;
}

/** Places within `radius` px of a heavier place join its group; groups come heaviest first. */
export function groupPlaces(
  points: readonly PlacePoint[],
  radius: number,
): { members: PlacePoint[]; events: number; weight: number }[] {
  const sorted = [...points].sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
  const groups: { members: PlacePoint[]; events: number; weight: number }[] = [];
  for (const p of sorted) {
    const g = groups.find((g) => Math.hypot(g.members[0]!.at.x - p.at.x, g.members[0]!.at.y - p.at.y) < radius);
    if (g) {
      g.members.push(p);
      g.weight += p.weight;
      g.events += p.events;
    } else groups.push({ members: [p], events: p.events, weight: p.weight });
  }
  return groups.sort((a, b) => b.weight - a.weight);
}

// ---- The Leaflet side.

export interface PlaceLabelsView {
  data: Dataset;
  lang: Lang;
  selectedId: string | null;
  window: TimeWindow | null;
  compare?: readonly string[] | null;
  /** A gesture on the timeline is under way: a new window is laid out when it ends. */
  gesture?: boolean;
}

export interface PlaceLabels {
  update(view: PlaceLabelsView): void;
  /** The Natural Earth countries (as the basemap drew them), once the basemap has loaded. */
  setCountries(countries: FeatureCollection<Geometry | null>): void;
  destroy(): void;
}

/** Country names show up to this zoom; beyond it the places of the story carry the map. */
const COUNTRY_MAX_ZOOM = 6.5;
/** A place with at least this many events in view gets the larger label. */
const MAJOR_EVENTS = 3;
/** Labels keep this far from the map's edges, px. */
const EDGE = 4;
const FAN_MAX = 72;
/** Places closer than this on screen share one label, px. */
const GROUP_PX = 30;
/** A plain name ("Vladivostok", not "Mariinsky Theatre, Vladivostok") names a group before a venue does. */
const PLAIN_NAME_BONUS = 2;
const SELECTED_BONUS = 1000;
/** How long the time window rests before the place labels follow it, ms. */
const SETTLE_MS = 120;

interface Country {
  id: string | undefined;
  name: string;
  /** Outer rings, [lon, lat]. */
  rings: [number, number][][];
  /** Each ring's bounds: west, south, east, north. */
  boxes: [number, number, number, number][];
}

/** A country's biggest part on screen: its ring in container pixels, area and centroid. */
interface CountryPiece {
  c: Country;
  ring: Pt[];
  area: number;
  at: Pt;
}

/**
 * Draws the labels in two panes of `map`: country names above the basemap and under the routes, place
 * names above the routes and under the markers. Obstacles are the markers, the map's controls and any
 * element marked `data-map-overlay` over the map.
 */
export function createPlaceLabels(map: L.Map, el: HTMLElement): PlaceLabels {
  const placePane = map.createPane('itinera-place-labels');
  placePane.style.zIndex = '460';
  placePane.style.pointerEvents = 'none';
  placePane.setAttribute('aria-hidden', 'true');
  const countryPane = map.createPane('itinera-country-labels');
  countryPane.style.zIndex = '190';
  countryPane.style.pointerEvents = 'none';
  countryPane.setAttribute('aria-hidden', 'true');

  let view: PlaceLabelsView | null = null;
  let countries: Country[] = [];
  const placeEls = new Map<string, HTMLElement>();
  const countryEls = new Map<string, HTMLElement>();
  const sizes = new Map<string, { w: number; h: number }>();
  let destroyed = false;

  function labelEl(pane: HTMLElement, els: Map<string, HTMLElement>, key: string, cls: string, text: string) {
    let node = els.get(key);
    if (!node) {
      node = document.createElement('div');
      node.dataset.label = key;
      pane.append(node);
      els.set(key, node);
    }
    if (node.className !== cls) node.className = cls;
    if (node.textContent !== text) node.textContent = text;
    return node;
  }

  /**
   * The labels' sizes, measured once per class and text. All the new ones are shown first and read
   * after, so that a first layout of many labels costs one style and layout pass, not one per label.
   */
  function measureAll(nodes: readonly HTMLElement[]): { w: number; h: number }[] {
    const keys = nodes.map((node) => `${node.className}|${node.textContent}`);
    const fresh = nodes.filter((_, i) => !sizes.has(keys[i]!));
    for (const node of fresh) {
      node.hidden = false;
      node.style.transform = '';
    }
    for (const node of fresh) {
      const s = { w: Math.ceil(node.offsetWidth), h: Math.ceil(node.offsetHeight) };
      if (s.w > 0) sizes.set(`${node.className}|${node.textContent}`, s);
    }
    return keys.map((k) => sizes.get(k) ?? { w: 0, h: 0 });
  }

  /**
   * Each country's biggest visible part on screen (clipped to the map, with its area and centroid),
   * biggest first. It depends on the view only (not on the time window or the selection), so it is
   * computed once per view: moving the time window does not project every border again.
   */
  let countryCache: { key: string; pieces: CountryPiece[] } | null = null;
  function countryPieces(size: L.Point): CountryPiece[] {
    const c = map.getCenter();
    const key = `${map.getZoom()}|${c.lat}|${c.lng}|${size.x}|${size.y}`;
    if (countryCache?.key === key) return countryCache.pieces;
    const inner: Rect = { x: EDGE, y: EDGE, w: size.x - 2 * EDGE, h: size.y - 2 * EDGE };
    const pieces: CountryPiece[] = [];
    for (const country of countries) {
      let best: CountryPiece | null = null;
      for (const [i, ring] of country.rings.entries()) {
        // A ring wholly out of view is not projected (most of the world, at the zoom of a story).
        const [w, south, e, north] = country.boxes[i]!;
        const nw = map.latLngToContainerPoint([north, w]);
        const se = map.latLngToContainerPoint([south, e]);
        if (se.x < inner.x || nw.x > inner.x + inner.w || se.y < inner.y || nw.y > inner.y + inner.h) continue;
        const clipped = clipRing(
          ring.map(([lon, lat]) => map.latLngToContainerPoint([lat, lon])),
          inner,
        );
        if (clipped.length < 3) continue;
        const { area, at } = ringCentroid(clipped);
        if (!best || area > best.area) best = { c: country, ring: clipped, area, at };
      }
      if (best && best.area > 4000) pieces.push(best);
    }
    pieces.sort((a, b) => b.area - a.area);
    countryCache = { key, pieces };
    return pieces;
  }

  function show(node: HTMLElement, r: Rect) {
    const p = map.containerPointToLayerPoint([r.x, r.y]);
    node.style.transform = `translate3d(${Math.round(p.x)}px, ${Math.round(p.y)}px, 0)`;
    node.hidden = false;
  }

  function obstacles(box: DOMRect): Rect[] {
    const rel = (r: DOMRect): Rect => ({ x: r.left - box.left, y: r.top - box.top, w: r.width, h: r.height });
    const out: Rect[] = [];
    // The markers, the selected marker's own label (it stays shown), the map's controls.
    const selector = '.leaflet-marker-pane > *, .leaflet-marker-pane > .is-selected *, .leaflet-control';
    for (const node of el.querySelectorAll<HTMLElement>(selector))
      if (node.getClientRects().length) out.push(rel(node.getBoundingClientRect()));
    for (const node of document.querySelectorAll<HTMLElement>('[data-map-overlay]')) {
      const r = node.getBoundingClientRect();
      if (r.width && r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom)
        out.push(rel(r));
    }
    return out;
  }

  function relayout() {
    if (destroyed || !view) return;
    const size = map.getSize();
    if (!size.x || !size.y) return;
    placePane.hidden = false;
    countryPane.hidden = false;
    const box = el.getBoundingClientRect();
    const bounds: Rect = { x: EDGE, y: EDGE, w: size.x - 2 * EDGE, h: size.y - 2 * EDGE };
    const blocked = obstacles(box);

    // The places with an event in view, and how far their markers fan out.
    const { data, lang, selectedId } = view;
    const compare = view.compare?.length ? new Set(view.compare) : null;
    const counts = new Map<string, number>();
    // The window's events through the time index, not a scan of all of them (100,000 in the benchmark).
    for (const e of compare ? data.events : eventsInWindow(data.events, view.window)) {
      if (e.place === undefined || (compare && !compare.has(e.trip))) continue;
      counts.set(e.place, (counts.get(e.place) ?? 0) + 1);
    }
    const fan = new Map<string, number>();
    for (const node of el.querySelectorAll<HTMLElement>('.leaflet-marker-pane [data-event-id]')) {
      const place = data.eventsById.get(node.dataset.eventId ?? '')?.place;
      const rec = place === undefined ? undefined : data.places.get(place);
      if (!rec || !node.getClientRects().length) continue;
      const p = map.latLngToContainerPoint([rec.lat, rec.lon]);
      const r = node.getBoundingClientRect();
      const d = Math.hypot(r.left - box.left + r.width / 2 - p.x, r.top - box.top + r.height / 2 - p.y);
      fan.set(place!, Math.max(fan.get(place!) ?? 0, d + Math.max(r.width, r.height) / 2 + 3));
    }
    const selectedPlace = selectedId ? data.eventsById.get(selectedId)?.place : undefined;
    // Places closer on screen than GROUP_PX share one label, named after the group's main place.
    const points: PlacePoint[] = [];
    for (const [id, n] of counts) {
      const place = data.places.get(id);
      if (!place) continue;
      const at = map.latLngToContainerPoint([place.lat, place.lon]);
      if (at.x < 0 || at.y < 0 || at.x > size.x || at.y > size.y) continue;
      const full = localName(place.names, lang);
      // Plain or venue is read from the English name, so every language picks the same place.
      const plain = !localName(place.names, 'en').includes(',');
      const weight = n + (plain ? PLAIN_NAME_BONUS : 0) + (id === selectedPlace ? SELECTED_BONUS : 0);
      points.push({ id, at: { x: at.x, y: at.y }, name: shortName(full), events: n, weight });
    }
    const groups = groupPlaces(points, GROUP_PX);
    const requests: LabelRequest[] = [];
    const wanted = new Set<string>();
    const groupNodes = groups.map((g) => {
      const main = g.members[0]!;
      const major = g.events >= MAJOR_EVENTS || g.members.some((m) => m.id === selectedPlace);
      wanted.add(main.id);
      return labelEl(placePane, placeEls, main.id, `itinera-place-label${major ? ' is-major' : ''}`, main.name);
    });
    const groupSizes = measureAll(groupNodes);
    groups.forEach((g, i) => {
      const main = g.members[0]!;
      const { w, h } = groupSizes[i]!;
      const near = 6;
      const spread = Math.max(0, ...g.members.map((m) => fan.get(m.id) ?? 0));
      requests.push({ id: main.id, at: main.at, w, h, near, far: Math.min(FAN_MAX, Math.max(near, spread)) });
    });
    const placed = placeLabels(requests, blocked, bounds);
    const shown = new Set(placed.map((p) => p.id));
    for (const p of placed) show(placeEls.get(p.id)!, p.rect);
    for (const [id, node] of placeEls) if (!shown.has(id) || !wanted.has(id)) node.hidden = true;

    // Country names at low zoom, biggest visible part first, around everything placed so far.
    const countryShown = new Set<string>();
    if (map.getZoom() <= COUNTRY_MAX_ZOOM && countries.length) {
      const taken = [...blocked, ...placed.map((p) => p.rect)];
      const pieces = countryPieces(size);
      const nodes = pieces.map(({ c }) =>
        labelEl(countryPane, countryEls, c.id ?? c.name, 'itinera-country-label', countryName(c.id, c.name, lang)),
      );
      const dims = measureAll(nodes);
      for (const node of nodes) node.hidden = true;
      for (const [i, { c, ring, area, at }] of pieces.entries()) {
        const key = c.id ?? c.name;
        const node = nodes[i]!;
        const { w, h } = dims[i]!;
        if (w * h * 2.5 > area) continue;
        const r = rectInside(ring, at, w, h, (c) => !taken.some((o) => intersects(c, o, 4)));
        if (!r) continue;
        taken.push(r);
        show(node, r);
        countryShown.add(key);
      }
    }
    for (const [key, node] of countryEls) if (!countryShown.has(key)) node.hidden = true;
  }

  function hideWhileZooming() {
    placePane.hidden = true;
    countryPane.hidden = true;
  }

  // Every request for a layout (a new view, the map moved, the countries arrived) is served once, in
  // the next frame: at start-up the data, the fit and the basemap ask within a few tasks of each other.
  let frame = 0;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  /** The window changed during a gesture: the labels are laid out when it ends. */
  let owed = false;
  function schedule() {
    if (destroyed) return;
    clearTimeout(settleTimer);
    settleTimer = undefined;
    if (!frame)
      frame = requestAnimationFrame(() => {
        frame = 0;
        relayout();
      });
  }
  /** While the time window moves (a brush drag, a zoom), the labels follow once it rests. */
  function scheduleWhenSettled() {
    if (destroyed || frame) return;
    clearTimeout(settleTimer);
    settleTimer = setTimeout(schedule, SETTLE_MS);
  }

  map.on('moveend resize viewreset', schedule);
  map.on('zoomstart', hideWhileZooming);

  return {
    update(next) {
      const prev = view;
      view = next;
      const changed = (k: keyof PlaceLabelsView) => !prev || prev[k] !== next[k];
      if (changed('data') || changed('lang') || changed('compare') || changed('selectedId')) {
        owed = false;
        schedule();
      } else if (next.gesture) {
        // Nothing is laid out during the gesture, even when it pauses; a layout already asked for waits too.
        if (changed('window') || settleTimer !== undefined) owed = true;
        clearTimeout(settleTimer);
        settleTimer = undefined;
      } else if (owed || changed('window')) {
        owed = false;
        // The gesture's end is the rest a window change waits for (a wheel zoom ends after a pause already).
        if (prev?.gesture) schedule();
        else scheduleWhenSettled();
      }
    },
    setCountries(fc) {
      countries = fc.features.map((f) => {
        const g = f.geometry;
        const polys = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : [];
        const rings = polys.map((p) => p[0] as [number, number][]);
        return {
          id: f.id === undefined ? undefined : String(f.id),
          name: String((f.properties as { name?: string } | null)?.name ?? ''),
          rings,
          boxes: rings.map(ringBox),
        };
      });
      countryCache = null;
      schedule();
    },
    destroy() {
      destroyed = true;
      cancelAnimationFrame(frame);
      clearTimeout(settleTimer);
      map.off('moveend resize viewreset', schedule);
      map.off('zoomstart', hideWhileZooming);
      placePane.remove();
      countryPane.remove();
      placeEls.clear();
      countryEls.clear();
    },
  };
}

/** The basemap's colours from the page's tokens (--map-land, --map-coast, --map-border), else `base`. */
export function basemapTones<K extends 'land' | 'coast' | 'borders'>(
  el: HTMLElement,
  base: Record<K, L.PathOptions>,
): Record<K, L.PathOptions> {
  const style = getComputedStyle(el);
  const token = (name: string) => style.getPropertyValue(name).trim() || undefined;
  const out = { ...base } as Record<string, L.PathOptions>;
  const land = token('--map-land');
  const coast = token('--map-coast');
  const border = token('--map-border');
  if (land && out.land) out.land = { ...out.land, fillColor: land };
  if (coast && out.coast) out.coast = { ...out.coast, color: coast };
  if (border && out.borders) out.borders = { ...out.borders, color: border };
  return out as Record<K, L.PathOptions>;
}
