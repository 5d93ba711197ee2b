// The Leaflet adapter: an offline basemap, the legs of each trip and one marker per event that has a
// place, kept in step with a MapView. Create once, update(view) as often as the app renders, destroy()
// once; everything bound here is unbound in destroy(). Leaflet is imported in src/map only.
//
// Two modes, chosen per dataset. Up to DOM_MARKER_LIMIT events with a place: every marker is built
// once and the window only hides some. Above it ("dense"): markers are made on demand; when more than
// DENSE_SINGLES_LIMIT events of the window are in view, the places are clustered (place-clusters.ts) and
// drawn as one disc with a count per cluster, which zooms in on click; the selected and hovered
// events are drawn on their own above the clusters. Either way the markers drawn are real buttons.
import * as L from 'leaflet';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { PlaceRecord } from '../core/schema';
import { eventOrder, eventsInWindow, inWindow, type TimeWindow } from '../core/selectors';
import { tripColour } from '../core/palette';
import type { Dataset, Leg, TravelEvent } from '../core/types';
import { formatShortDate, localName } from '../i18n/i18n';
import { fanLayout, type FanGroup, type FanPoint } from './fan-layout';
import { createJourneyLayer } from './journey-layer';
import { KeptDivIcon } from './kept-div-icon';
import { createBasemapLayer } from './basemap-layer';
import { landAsOne } from './land-geometry';
import { FADED_OPACITY, HIDDEN_OPACITY } from './leg-style';
import { ROUTE_PADDING } from './leg-batches';
import { legendContent, renderLegend, type LegendContent } from './map-legend';
import type { MapCallbacks, MapOptions, MapView, Mover, TravelMapHandle } from './map-types';
import { escapeHtml, MARKER_SIZE, MARKER_SPACING, markerHtml } from './marker-icon';
import type { MarkerSketch, SketchDisc } from './marker-sketch';
import type { ClusterItem, PlaceClusters } from './place-clusters';
import { onDemand } from '../core/on-demand';
import { basemapTones, createPlaceLabels } from './place-labels';
import { FIRST_PADDING, widenWhenIdle } from './widen-when-idle';

/** Before the data arrives: the Korean peninsula and the Russian Far East. */
const DEFAULT_CENTER: L.LatLngTuple = [45, 128];
const DEFAULT_ZOOM = 4;
/** Zoom for bringing a selection into view from far out: regional, so the route around it still reads. */
const REVEAL_ZOOM = 5;
const FIT_PADDING = 40;
const FIT_MAX_ZOOM = 10;
const Z_SELECTED = 1000;
const Z_HOVER = 900;
/** Clusters stay under every single marker. */
const Z_CLUSTER = -100_000;
/** Most event markers drawn at once; above it, clusters (see the top of this file). */
export const DOM_MARKER_LIMIT = 300;
/** Dense mode draws the events in view one by one when there are at most this many; else clusters. */
export const DENSE_SINGLES_LIMIT = 60;
/**
 * Dense mode, during a gesture on the timeline: a window that brings in more new markers than this
 * draws them on the sketch canvas (marker-sketch.ts) until the gesture ends.
 */
export const SKETCH_NEW_MARKERS = 12;
/** Dense mode keeps up to this many markers made for earlier views, then forgets the hidden ones. */
const MARKER_CACHE = 2000;
/** Cluster disc size, px. */
const CLUSTER_SIZE = 40;
/** Room kept around a focused marker when the map pans to show it, px (its label fits above). */
const FOCUS_PAN_MARGIN = 40;
/** The Natural Earth 1:110m basemap is too coarse beyond this; tiles allow more. */
const MAX_ZOOM_OFFLINE = 12;
const MAX_ZOOM_TILES = 18;

/** Clustering (place-clusters.ts, supercluster) is loaded with the first dense dataset, not in the first load. */
const clustering = onDemand(() => import('./place-clusters'));
/** The sketch of markers during a gesture (marker-sketch.ts): dense mode only, loaded with clustering. */
const sketching = onDemand(() => import('./marker-sketch'));

/** Whether the map draws a dataset in dense mode: more placed events than it makes markers for. */
function isDense(d: Dataset): boolean {
  let placed = 0;
  for (const e of d.events)
    if (e.place !== undefined && d.places.has(e.place) && ++placed > DOM_MARKER_LIMIT) return true;
  return false;
}

/**
 * Starts loading what the map will need for `d` before the map is made: the clustering module of a
 * dense dataset, so that it is there when the map first draws instead of arriving a frame or more later.
 */
export function prepareMapFor(d: Dataset): void {
  if (!clustering.module && isDense(d)) {
    clustering.load().catch(() => undefined);
    sketching.load().catch(() => undefined);
  }
}

const NATURAL_EARTH = 'https://www.naturalearthdata.com/';
const LEAFLET_PREFIX = '<a href="https://leafletjs.com/" target="_blank" rel="noopener noreferrer">Leaflet</a>';

const BASEMAP = {
  land: { fillColor: '#f2efe9', fillOpacity: 1, stroke: false },
  coast: { color: '#b9c3cb', weight: 0.8, opacity: 1, fill: false },
  borders: { color: '#a3a3a3', weight: 0.7, opacity: 0.9, fill: false },
} satisfies Record<string, L.PathOptions>;

interface MarkerRec {
  event: TravelEvent;
  place: PlaceRecord;
  latlng: L.LatLng;
  marker: L.Marker;
  el: HTMLElement;
  label: HTMLElement;
  visible: boolean;
  /** Shown as a disc on the sketch canvas (a gesture brought it in), without its element on the map. */
  sketched: boolean;
  /** Current dodge offset, px. */
  dx: number;
  dy: number;
}

/**
 * A fan too big for the map, drawn as one disc with its count (outside dense mode): `ids` are its
 * events, `bounds` their places; opening it zooms there, or fans it out when it cannot zoom further.
 */
interface StackItem {
  kind: 'stack';
  key: string;
  lat: number;
  lon: number;
  count: number;
  ids: readonly string[];
  /** Every event of the fan, the selected or hovered one kept out of the disc included. */
  fan: readonly string[];
  bounds: L.LatLngBounds;
}

interface ClusterRec {
  marker: L.Marker;
  el: HTMLElement;
  count: HTMLElement;
  item: ClusterItem | StackItem;
  shown: boolean;
}

interface Options {
  basemapUrl: string;
  tileUrl: string | null;
  tileAttribution: string;
}

/** Checks the options once, naming the bad value. */
function normalizeOptions(o: MapOptions): Options {
  if (typeof o.basemapUrl !== 'string' || o.basemapUrl === '')
    throw new Error(`invalid basemapUrl: ${String(o.basemapUrl)}`);
  const tileUrl = o.tileUrl ?? null;
  if (tileUrl !== null && (typeof tileUrl !== 'string' || !tileUrl.includes('{z}')))
    throw new Error(`invalid tileUrl: ${String(tileUrl)} (expected a template with {z}, {x} and {y})`);
  return { basemapUrl: o.basemapUrl, tileUrl: tileUrl || null, tileAttribution: o.tileAttribution ?? '' };
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function sameList(a: readonly string[] | null, b: readonly string[] | null): boolean {
  return a === b || (a !== null && b !== null && a.length === b.length && a.every((x, i) => x === b[i]));
}

function sameWindow(a: TimeWindow | null, b: TimeWindow | null): boolean {
  return a === b || (a !== null && b !== null && a[0] === b[0] && a[1] === b[1]);
}

type LabelSide = 'top' | 'right' | 'bottom' | 'left';

const OPPOSITE: Record<LabelSide, LabelSide> = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' };

/** The side of a marker facing away from its fan's centre. */
function labelSide(dx: number, dy: number): LabelSide {
  if (Math.abs(dx) > Math.abs(dy)) return dx > 0 ? 'right' : 'left';
  return dy > 0 ? 'bottom' : 'top';
}

/** While following, the map pans when a moving marker leaves this inner part of the view. */
const FOLLOW_INNER = -0.25;

function legSpan(leg: Leg): { t0: number; t1: number } {
  return { t0: leg.startAt.ms, t1: Math.max(leg.endAt.endMs, leg.startAt.endMs) };
}

function sameEvents(a: readonly TravelEvent[], b: readonly TravelEvent[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function createTravelMap(el: HTMLElement, callbacks: MapCallbacks, options: MapOptions): TravelMapHandle {
  const opts = normalizeOptions(options);
  const reducedMotion = prefersReducedMotion();
  const saved = { className: el.className, position: el.style.position, tabindex: el.getAttribute('tabindex') };
  el.classList.add('itinera-map');

  const map = L.map(el, {
    zoomControl: false,
    attributionControl: false,
    trackResize: false, // a ResizeObserver below also sees the container change without the window
    minZoom: 2,
    maxZoom: opts.tileUrl ? MAX_ZOOM_TILES : MAX_ZOOM_OFFLINE,
    zoomSnap: 0.5,
    worldCopyJump: false,
    zoomAnimation: !reducedMotion,
    fadeAnimation: !reducedMotion,
    markerZoomAnimation: !reducedMotion,
    inertia: !reducedMotion,
  }).setView(DEFAULT_CENTER, DEFAULT_ZOOM, { animate: false });

  // Panes: basemap under everything (and under optional tiles), leader lines between legs and markers.
  const basemapPane = map.createPane('itinera-basemap');
  basemapPane.style.zIndex = '150';
  basemapPane.style.pointerEvents = 'none';
  const leaderPane = map.createPane('itinera-leaders');
  leaderPane.style.zIndex = '450';
  leaderPane.style.pointerEvents = 'none';
  const legRenderer = L.svg({ pane: 'overlayPane' });
  const leaderRenderer = L.svg({ pane: 'itinera-leaders' });

  // Controls. Their text depends on the language, so it is set in relabel().
  const zoomControl = L.control.zoom({ position: 'topleft' }).addTo(map);
  const attributionControl = L.control.attribution({ position: 'bottomright', prefix: LEAFLET_PREFIX }).addTo(map);
  let attributionHtml: string | null = null;
  const legendEl = document.createElement('div');
  legendEl.className = 'itinera-legend';
  const legendControl = new L.Control({ position: 'bottomleft' });
  legendControl.onAdd = () => {
    L.DomEvent.disableClickPropagation(legendEl);
    L.DomEvent.disableScrollPropagation(legendEl);
    return legendEl;
  };
  legendControl.onRemove = () => L.DomEvent.off(legendEl);
  legendControl.addTo(map);

  if (opts.tileUrl)
    L.tileLayer(opts.tileUrl, { attribution: opts.tileAttribution, maxZoom: MAX_ZOOM_TILES }).addTo(map);

  // Many legs: a few batched canvas paths rather than thousands of SVG paths (leg-batches.ts, DENSE_LEGS).
  // Sized narrow for the first drawn page, widened once the page is idle (widen-when-idle.ts).
  const denseLegRenderer = L.canvas({ pane: 'overlayPane', padding: FIRST_PADDING });
  widenWhenIdle(denseLegRenderer, ROUTE_PADDING);
  const journeys = createJourneyLayer(map, legRenderer, (id) => callbacks.onSelectLeg?.(id), denseLegRenderer);
  const leadersLayer = L.layerGroup().addTo(map);
  const markersLayer = L.featureGroup().addTo(map);
  const clustersLayer = L.featureGroup().addTo(map);
  let sketch: MarkerSketch | null = null;

  // State of what is drawn, for diffing.
  let data: Dataset | null = null;
  let legend: LegendContent = { modes: [], approximate: false, direction: false, border: false, mover: false };
  let lang: MapView['lang'] | null = null;
  let win: TimeWindow | null = null;
  let selectedId: string | null = null;
  let hoverId: string | null = null;
  let markers = new Map<string, MarkerRec>();
  let compare: ReadonlySet<string> | null = null;
  let movers: readonly Mover[] = [];
  let follow = false;
  let legId: string | null = null;
  let pendingFit = false;
  /** True from a fit until the user moves the map: while true, a resize fits again. */
  let autoFit = false;
  /** True while this adapter itself moves the map, to tell its moves from the user's. */
  let programmatic = false;
  let destroyed = false;
  const idOf = new WeakMap<L.Layer, string>();
  /** The last view, for the text of markers made on demand. */
  let textView: Pick<MapView, 'lang' | 't'> | null = null;
  // Dense mode (see the top of this file).
  let dense = false;
  /** A gesture on the timeline is under way (MapView.gesture): new markers may be sketched. */
  let gesture = false;
  /** Markers drawn on the sketch canvas; they get their elements when the gesture ends. */
  const sketched = new Set<MarkerRec>();
  /** Events drawn in dense mode (window or comparison), in time order, and the same by place. */
  let visibleEvents: TravelEvent[] = [];
  let visibleByPlace = new Map<string, TravelEvent[]>();
  let clusters: PlaceClusters | null = null;
  const clusterRecs: ClusterRec[] = [];
  const clusterOf = new WeakMap<L.Layer | HTMLElement, ClusterRec>();
  /** Places opened from their cluster disc: their events are drawn one by one whatever the count. */
  const expandedPlaces = new Set<string>();
  /** Events of the fans drawn as a disc (too big for the map), and the fans opened at full zoom. */
  let stacked = new Set<string>();
  /** The events of the fans drawn as a disc, whether in it or kept out of it (selected, hovered). */
  let stackFans = new Set<string>();
  const openedStacks = new Set<string>();

  // ---- Basemap: Natural Earth countries from the bundled TopoJSON; no request leaves the origin.
  const abort = new AbortController();
  fetch(opts.basemapUrl, { signal: abort.signal })
    .then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.json() as Promise<Topology>;
    })
    .then(function drawBasemap(topo) {
      if (destroyed) return;
      const countries = topo.objects.countries as GeometryCollection | undefined;
      if (!countries) throw new Error('no "countries" object');
      const tones = basemapTones(el, BASEMAP);
      const land = feature(topo, countries);
      // One canvas for land, coasts and borders, projected once (basemap-layer.ts); the labels still
      // read the countries.
      createBasemapLayer(
        {
          land: landAsOne(land),
          coast: mesh(topo, countries, (a, b) => a === b),
          borders: mesh(topo, countries, (a, b) => a !== b),
        },
        tones,
        'itinera-basemap',
      ).addTo(map);
      placeLabels.setCountries(land);
    })
    .catch((err: unknown) => {
      if (!abort.signal.aborted) console.warn(`Itinera map: basemap ${opts.basemapUrl} not drawn:`, err);
    });

  // ---- Marker interaction. Mouse through Leaflet (which drops the click that ends a drag); focus
  // and keys through the DOM, delegated to the container.
  const markerEvents: L.LeafletEventHandlerFnMap = {
    click(e) {
      const id = idOf.get(e.layer as L.Layer);
      if (id) callbacks.onSelect(id);
    },
    mouseover(e) {
      const id = idOf.get(e.layer as L.Layer);
      if (id) callbacks.onHover(id);
    },
    mouseout() {
      callbacks.onHover(null);
    },
  };
  markersLayer.on(markerEvents);
  const clusterEvents: L.LeafletEventHandlerFnMap = {
    click(e) {
      const rec = clusterOf.get(e.layer as L.Layer);
      if (rec) openCluster(rec);
    },
  };
  clustersLayer.on(clusterEvents);

  function markerIdAt(target: EventTarget | null): string | null {
    const node = target instanceof Element ? target.closest<HTMLElement>('.itinera-marker[data-event-id]') : null;
    return node && el.contains(node) ? (node.dataset.eventId ?? null) : null;
  }
  function onFocusIn(e: FocusEvent) {
    const id = markerIdAt(e.target);
    if (!id) return;
    callbacks.onHover(id);
    panIntoView(e.target as HTMLElement);
  }
  /** Keeps a focused marker on screen. Leaflet's autoPanOnFocus would use the true position, not the fanned one. */
  function panIntoView(node: HTMLElement) {
    // The browser has already scrolled the container to show the focused node; Leaflet would undo
    // that on the next scroll event. Undo it now, so the measure below is where the node really is.
    el.scrollTop = 0;
    el.scrollLeft = 0;
    const r = node.getBoundingClientRect();
    const c = el.getBoundingClientRect();
    const pad = FOCUS_PAN_MARGIN;
    const dx = r.left < c.left + pad ? r.left - c.left - pad : r.right > c.right - pad ? r.right - c.right + pad : 0;
    const dy = r.top < c.top + pad ? r.top - c.top - pad : r.bottom > c.bottom - pad ? r.bottom - c.bottom + pad : 0;
    if (!dx && !dy) return;
    const near = Math.abs(dx) < c.width && Math.abs(dy) < c.height;
    map.panBy([Math.round(dx), Math.round(dy)], { animate: near && !prefersReducedMotion() });
  }
  function onFocusOut(e: FocusEvent) {
    if (markerIdAt(e.target)) callbacks.onHover(null);
  }
  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const cluster = e.target instanceof Element ? e.target.closest<HTMLElement>('.itinera-cluster') : null;
    const clusterRec = cluster ? clusterOf.get(cluster) : undefined;
    if (clusterRec) {
      e.preventDefault();
      e.stopPropagation();
      openCluster(clusterRec);
      return;
    }
    const id = markerIdAt(e.target);
    if (!id) return;
    // Keep the key from Leaflet's keyboard handler and the page (Space would scroll).
    e.preventDefault();
    e.stopPropagation();
    callbacks.onSelect(id);
  }
  el.addEventListener('focusin', onFocusIn);
  el.addEventListener('focusout', onFocusOut);
  el.addEventListener('keydown', onKeyDown);

  map.on('zoomend viewreset', onZoomEnd);
  map.on('moveend', onMoveEnd);
  map.on('movestart', onMoveStart);
  // A zoom ends with a moveend too: dense mode lays out on that one, as a pan changes what is in view.
  function onZoomEnd() {
    openedStacks.clear();
    if (!dense) layout();
  }
  function onMoveEnd() {
    if (dense) layout();
  }
  function onMoveStart() {
    if (!programmatic) autoFit = false;
  }
  function moveMap(move: () => void) {
    programmatic = true;
    try {
      move();
    } finally {
      programmatic = false;
    }
  }

  const resizeObserver =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver(function onResize() {
          moveMap(() => map.invalidateSize({ debounceMoveend: true }));
          // The first fit may have happened before the app's layout settled: fit again until the user moves.
          if (pendingFit || autoFit) pendingFit = !fit();
        })
      : null;
  resizeObserver?.observe(el);
  // Place and country labels, and a scale bar (src/map/place-labels.ts); after the layout's listeners.
  const placeLabels = createPlaceLabels(map, el);
  L.control.scale({ position: 'bottomright', imperial: false, maxWidth: 120 }).addTo(map);

  // ---- Building, once per dataset.
  function build(d: Dataset) {
    data = d;
    markersLayer.clearLayers();
    leadersLayer.clearLayers();
    markers = new Map();
    sketched.clear();
    sketch?.draw([]);
    journeys.build(d);

    clustersLayer.clearLayers();
    for (const c of clusterRecs) c.shown = false;
    visibleEvents = [];
    visibleByPlace = new Map();
    clusters = null;
    expandedPlaces.clear();
    openedStacks.clear();
    dense = isDense(d);
    // Until it arrives (or if it fails), a gesture makes markers as outside one.
    if (dense) sketching.load().catch(() => undefined);
    if (dense && !clustering.module)
      clustering.load().then(
        function clustersArrived() {
          if (destroyed || data !== d || !dense) return;
          clusters = null;
          applyWindowDense();
          layout();
        },
        () => undefined, // without clusters, dense mode draws the events in view when they are few
      );

    // In time order, so the tab order through the markers follows the story. Dense mode makes them on demand.
    if (!dense)
      for (const e of d.events) {
        const place = e.place === undefined ? undefined : d.places.get(e.place);
        if (place) addMarker(makeMarker(e, place));
      }
  }

  function makeMarker(e: TravelEvent, place: PlaceRecord): MarkerRec {
    const d = data!;
    const latlng = L.latLng(place.lat, place.lon);
    const icon = new KeptDivIcon({
      className: `itinera-marker${place.approximate ? ' is-approximate' : ''}`,
      html: markerHtml(e.kind, tripColour(d.tripsById.get(e.trip)?.order ?? 0)),
      iconSize: [MARKER_SIZE, MARKER_SIZE],
      iconAnchor: [MARKER_SIZE / 2, MARKER_SIZE / 2],
    });
    const marker = L.marker(latlng, {
      icon,
      keyboard: false, // role, tabindex and keys are ours (see build and onKeyDown)
      autoPanOnFocus: false, // see panIntoView
      riseOnHover: false,
      bubblingMouseEvents: false,
    });
    idOf.set(marker, e.id);
    const rec: MarkerRec = {
      event: e,
      place,
      latlng,
      marker,
      el: null!,
      label: null!,
      visible: true,
      sketched: false,
      dx: 0,
      dy: 0,
    };
    markers.set(e.id, rec);
    return rec;
  }

  /**
   * Puts a marker on the map and makes its element ours, once: its icon keeps the element when dense
   * mode takes the marker off the map and puts it back (KeptDivIcon).
   */
  function addMarker(rec: MarkerRec) {
    markersLayer.addLayer(rec.marker);
    const mel = rec.marker.getElement()!;
    if (mel === rec.el) return;
    mel.dataset.eventId = rec.event.id;
    mel.setAttribute('role', 'button');
    mel.tabIndex = 0;
    rec.el = mel;
    rec.label = mel.querySelector<HTMLElement>('.itinera-marker__label')!;
    mel.addEventListener('focus', () => fitLabel(rec));
    if (textView) labelMarker(rec, textView);
  }

  function labelMarker(rec: MarkerRec, view: Pick<MapView, 'lang' | 't'>) {
    const title = localName(rec.event.title, view.lang);
    const date = formatShortDate(rec.event.startAt, view.lang);
    let place = localName(rec.place.names, view.lang);
    if (rec.place.approximate) place += ` (${view.t('approximate')})`;
    rec.el.setAttribute('aria-label', view.t('eventMarker', { title, date, place }));
    rec.label.textContent = `${title} · ${date}`;
  }

  // ---- Text, when the data or the language changes.
  function relabel(view: MapView) {
    const { t } = view;
    textView = { lang: view.lang, t };
    for (const rec of markers.values()) if (rec.el) labelMarker(rec, view);
    for (const c of clusterRecs) labelCluster(c);
    // The new markers are not laid out yet: Leaflet's size of the container spares a layout here.
    renderLegend(legendEl, legend, t, map.getSize().x || Infinity);
    journeys.relabel(view.data, view.lang, t);
    const container = zoomControl.getContainer();
    for (const [cls, key] of [
      ['.leaflet-control-zoom-in', 'zoomIn'],
      ['.leaflet-control-zoom-out', 'zoomOut'],
    ] as const) {
      const button = container?.querySelector(cls);
      button?.setAttribute('title', t(key));
      button?.setAttribute('aria-label', t(key));
    }
    if (attributionHtml) attributionControl.removeAttribution(attributionHtml);
    attributionHtml = `<a href="${NATURAL_EARTH}" target="_blank" rel="noopener noreferrer">${escapeHtml(t('mapAttribution'))}</a>`;
    attributionControl.addAttribution(attributionHtml);
  }

  // ---- Time window: hide markers outside it, fade legs outside it. True when markers changed.
  function applyWindow(): boolean {
    let changed = false;
    if (dense) changed = applyWindowDense();
    else
      for (const rec of markers.values()) {
        // A comparison shows its two trips whole, whatever the window.
        const visible = isVisible(rec.event);
        if (visible === rec.visible) continue;
        rec.visible = visible;
        rec.el.classList.toggle('is-out', !visible);
        if (visible) rec.el.removeAttribute('aria-hidden');
        else rec.el.setAttribute('aria-hidden', 'true');
        rec.el.tabIndex = visible ? 0 : -1;
        changed = true;
      }
    journeys.setLevels((leg) => (isLegShown(leg) ? 1 : compare ? HIDDEN_OPACITY : FADED_OPACITY));
    return changed;
  }

  /** Shown by the window (or the comparison)? A comparison shows its two trips whole, whatever the window. */
  function isVisible(e: TravelEvent): boolean {
    return compare ? compare.has(e.trip) : inWindow(e, win);
  }

  /** The events isVisible keeps, found through the time index when it is the window. */
  function shownEvents(d: Dataset): TravelEvent[] {
    return compare ? d.events.filter((e) => compare!.has(e.trip)) : eventsInWindow(d.events, win);
  }

  /** A leg shown by the window (or the comparison), as isVisible for events. */
  function isLegShown(leg: Leg): boolean {
    return compare ? compare.has(leg.trip) : inWindow(legSpan(leg), win);
  }

  /** Dense mode: the events of the window (time index) by place, and the clusters of those places. */
  function applyWindowDense(): boolean {
    const d = data!;
    const next = shownEvents(d);
    if (clusters && sameEvents(next, visibleEvents)) return false;
    visibleEvents = next;
    visibleByPlace = new Map();
    for (const e of next) {
      if (e.place === undefined || !d.places.has(e.place)) continue;
      const list = visibleByPlace.get(e.place);
      if (list) list.push(e);
      else visibleByPlace.set(e.place, [e]);
    }
    clusters =
      clustering.module?.clusterPlaces(
        [...visibleByPlace].map(([placeId, list]) => {
          const p = d.places.get(placeId)!;
          return { placeId, lat: p.lat, lon: p.lon, count: list.length };
        }),
        { maxZoom: map.getMaxZoom() - 1 },
      ) ?? null;
    return true;
  }

  /**
   * Dense mode: decides what is drawn in the current view, before the dodge. All events of the window
   * in view when there are few; else a disc per cluster, places with one event (or opened) as
   * markers, and the selected and hovered events above them.
   */
  function renderDense() {
    const d = data!;
    const bounds = map.getBounds().pad(0.25);
    const inView: string[] = [];
    let count = 0;
    for (const [placeId, list] of visibleByPlace) {
      const p = d.places.get(placeId)!;
      if (!bounds.contains([p.lat, p.lon])) continue;
      inView.push(placeId);
      count += list.length;
    }
    const wanted: TravelEvent[] = [];
    const items: ClusterItem[] = [];
    if (count <= DENSE_SINGLES_LIMIT) for (const placeId of inView) wanted.push(...visibleByPlace.get(placeId)!);
    else if (clusters) {
      const box = [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()] as const;
      for (const item of clusters.items(box, map.getZoom())) {
        if (item.kind === 'place' && (item.count === 1 || expandedPlaces.has(item.placeId)))
          wanted.push(...visibleByPlace.get(item.placeId)!);
        else items.push(item);
      }
      const has = new Set(wanted);
      for (const id of [selectedId, hoverId]) {
        const e = id === null ? undefined : d.eventsById.get(id);
        if (e && !has.has(e) && e.place !== undefined && d.places.has(e.place) && isVisible(e)) {
          wanted.push(e);
          has.add(e);
        }
      }
    }
    wanted.sort(eventOrder);
    syncMarkers(wanted);
    syncClusters(items);
  }

  /**
   * Dense mode: exactly `wanted` (in time order) are on the map. During a gesture, when more than
   * SKETCH_NEW_MARKERS of them are new, the new ones are drawn on the sketch canvas instead (all but
   * the selected and hovered events), and get their elements once the gesture has ended.
   */
  function syncMarkers(wanted: readonly TravelEvent[]) {
    const d = data!;
    const ids = new Set<string>();
    for (const e of wanted) ids.add(e.id);
    for (const rec of markers.values())
      if (rec.visible && !ids.has(rec.event.id)) {
        if (rec.sketched) unsketch(rec);
        else markersLayer.removeLayer(rec.marker);
        rec.visible = false;
      }
    let fresh = 0;
    if (gesture)
      for (const e of wanted) {
        const rec = markers.get(e.id);
        if (!rec || !(rec.visible && (rec.sketched || markersLayer.hasLayer(rec.marker)))) fresh++;
      }
    const sketchNew = fresh > SKETCH_NEW_MARKERS && !!sketchLayer();
    let added = false;
    for (const e of wanted) {
      const rec = markers.get(e.id) ?? makeMarker(e, d.places.get(e.place!)!);
      if (rec.visible && markersLayer.hasLayer(rec.marker)) continue;
      if (gesture && (sketchNew || rec.sketched) && e.id !== selectedId && e.id !== hoverId) {
        if (!rec.sketched) {
          rec.sketched = true;
          sketched.add(rec);
          rec.dx = 0;
          rec.dy = 0;
        }
        rec.visible = true;
        continue;
      }
      if (rec.sketched) unsketch(rec);
      rec.visible = true;
      rec.dx = 0;
      rec.dy = 0;
      addMarker(rec);
      rec.el.style.translate = '';
      rec.el.classList.remove('is-fanned');
      paintState(e.id);
      added = true;
    }
    // Markers are appended as they come: put them back in time order for the tab order, unless one
    // has the focus (moving it would drop the focus).
    const pane = map.getPane('markerPane');
    if (added && pane && !(document.activeElement instanceof HTMLElement && pane.contains(document.activeElement)))
      for (const e of wanted) {
        const rec = markers.get(e.id)!;
        if (!rec.sketched) pane.appendChild(rec.el);
      }
    if (markers.size > MARKER_CACHE) for (const [id, rec] of markers) if (!rec.visible) markers.delete(id);
  }

  /** The sketch canvas, made on first need once its module is there; null before. */
  function sketchLayer(): MarkerSketch | null {
    if (!sketch && sketching.module) sketch = sketching.module.createMarkerSketch(map, MARKER_SIZE);
    return sketch;
  }

  function unsketch(rec: MarkerRec) {
    rec.sketched = false;
    sketched.delete(rec);
  }

  /** Dense mode: one disc per cluster item, reusing the discs of the previous view. */
  function syncClusters(items: readonly (ClusterItem | StackItem)[]) {
    items.forEach((item, i) => {
      let rec = clusterRecs[i];
      const latlng = L.latLng(item.lat, item.lon);
      if (!rec) {
        const marker = L.marker(latlng, {
          icon: L.divIcon({
            className: 'itinera-cluster',
            html: '<span class="itinera-cluster__count" aria-hidden="true"></span>',
            iconSize: [CLUSTER_SIZE, CLUSTER_SIZE],
            iconAnchor: [CLUSTER_SIZE / 2, CLUSTER_SIZE / 2],
          }),
          keyboard: false,
          autoPanOnFocus: false,
          riseOnHover: false,
          bubblingMouseEvents: false,
          zIndexOffset: Z_CLUSTER,
        });
        rec = { marker, el: null!, count: null!, item, shown: true };
        clusterRecs.push(rec);
        clusterOf.set(marker, rec);
        showCluster(rec);
      } else {
        rec.marker.setLatLng(latlng);
        if (!rec.shown) showCluster(rec);
      }
      rec.item = item;
      rec.shown = true;
      rec.el.dataset.clusterCount = String(item.count);
      rec.el.classList.toggle('is-place', item.kind === 'place');
      rec.count.textContent =
        item.kind === 'stack' ? String(item.count) : (clustering.module?.shortCount(item.count) ?? String(item.count));
      labelCluster(rec);
    });
    for (let i = items.length; i < clusterRecs.length; i++) {
      const rec = clusterRecs[i]!;
      if (!rec.shown) continue;
      clustersLayer.removeLayer(rec.marker);
      rec.shown = false;
    }
  }

  /** Puts a disc on the map; Leaflet makes a new element each time, which is set up here. */
  function showCluster(rec: ClusterRec) {
    clustersLayer.addLayer(rec.marker);
    const cel = rec.marker.getElement()!;
    if (cel === rec.el) return;
    cel.setAttribute('role', 'button');
    cel.tabIndex = 0;
    rec.el = cel;
    rec.count = cel.querySelector<HTMLElement>('.itinera-cluster__count')!;
    clusterOf.set(cel, rec);
  }

  function labelCluster(rec: ClusterRec) {
    if (!rec.el) return;
    if (!textView) return;
    const { t } = textView;
    rec.el.setAttribute('aria-label', t('clusterMarker', { count: String(rec.item.count) }));
    rec.el.title = t('clusterMarker', { count: String(rec.item.count) });
  }

  /** A click on a disc: zoom to where the cluster splits; a place's disc opens the place's events. */
  function openCluster(rec: ClusterRec) {
    const { item } = rec;
    const latlng = L.latLng(item.lat, item.lon);
    const animate = !prefersReducedMotion();
    if (item.kind === 'stack') {
      // Zoom to its places; where that gains nothing (one place, or the deepest zoom), fan it out here.
      const target = map.getBoundsZoom(item.bounds, false, L.point(MARKER_SPACING * 4, MARKER_SPACING * 4));
      const zoom = Math.min(Math.max(target, map.getZoom() + 2), map.getMaxZoom());
      if (zoom > map.getZoom()) map.setView(latlng, zoom, { animate });
      else {
        openedStacks.add(item.key);
        layout();
      }
      return;
    }
    if (item.kind === 'cluster' && clusters) {
      const zoom = Math.min(Math.max(clusters.expansionZoom(item.clusterId), map.getZoom() + 1), map.getMaxZoom());
      map.setView(latlng, zoom, { animate });
      return;
    }
    if (item.kind === 'place') {
      expandedPlaces.add(item.placeId);
      const zoom = Math.max(map.getZoom(), Math.min(map.getMaxZoom(), REVEAL_ZOOM + 3));
      if (zoom !== map.getZoom() || !map.getBounds().pad(-0.1).contains(latlng)) map.setView(latlng, zoom, { animate });
      else layout();
    }
  }

  // ---- Selection and hover: touch only the markers concerned.
  function paintState(id: string | null) {
    const rec = id === null ? undefined : markers.get(id);
    if (!rec?.el) return;
    const selected = id === selectedId;
    const hovered = id === hoverId;
    rec.el.classList.toggle('is-selected', selected);
    rec.el.classList.toggle('is-hover', hovered);
    if (selected) rec.el.setAttribute('aria-current', 'true');
    else rec.el.removeAttribute('aria-current');
    rec.marker.setZIndexOffset(selected ? Z_SELECTED : hovered ? Z_HOVER : 0);
    if (selected || hovered) fitLabel(rec);
  }

  /**
   * A shown label stays inside the map: past the edge on its side it turns to the opposite side, and
   * what still sticks out slides back in (a marker near the left edge of a phone's map kept its label
   * half off screen).
   */
  function fitLabel(rec: MarkerRec) {
    const { el, label } = rec;
    if (!el?.isConnected || getComputedStyle(label).display === 'none') return;
    label.style.removeProperty('--itinera-label-dx');
    label.style.removeProperty('--itinera-label-dy');
    const box = map.getContainer().getBoundingClientRect();
    const margin = 4;
    const past = (r: DOMRect, side: LabelSide) =>
      side === 'left'
        ? r.left < box.left + margin
        : side === 'right'
          ? r.right > box.right - margin
          : side === 'top'
            ? r.top < box.top + margin
            : r.bottom > box.bottom - margin;
    const side = (el.dataset.labelSide as LabelSide | undefined) ?? 'top';
    let r = label.getBoundingClientRect();
    if (past(r, side)) {
      el.dataset.labelSide = OPPOSITE[side];
      r = label.getBoundingClientRect();
    }
    const slide = (lo: number, hi: number, min: number, max: number) =>
      lo < min ? Math.min(min - lo, max - hi) : hi > max ? Math.max(max - hi, min - lo) : 0;
    const dx = slide(r.left, r.right, box.left + margin, box.right - margin);
    const dy = slide(r.top, r.bottom, box.top + margin, box.bottom - margin);
    if (dx) label.style.setProperty('--itinera-label-dx', `${Math.round(dx)}px`);
    if (dy) label.style.setProperty('--itinera-label-dy', `${Math.round(dy)}px`);
  }

  /**
   * Room around the fitted places: the margin, plus the controls stacked in the map's corners (zoom,
   * legend, scale, attribution), so that no marker opens under a control where it could not be clicked
   * whole (axe target-size). At most 30 % of the height each way, so a small map still shows the places.
   */
  function fitPadding(size: L.Point): { paddingTopLeft: L.PointTuple; paddingBottomRight: L.PointTuple } {
    const corner = (selector: string) =>
      map.getContainer().querySelector(selector)?.getBoundingClientRect().height ?? 0;
    const cap = size.y * 0.3;
    const top = Math.min(
      cap,
      FIT_PADDING + Math.max(corner('.leaflet-top.leaflet-left'), corner('.leaflet-top.leaflet-right')),
    );
    const bottom = Math.min(
      cap,
      FIT_PADDING + Math.max(corner('.leaflet-bottom.leaflet-left'), corner('.leaflet-bottom.leaflet-right')),
    );
    return { paddingTopLeft: [FIT_PADDING, top], paddingBottomRight: [FIT_PADDING, bottom] };
  }

  /** Brings the selected event into view when it is outside the map (with a margin). */
  function reveal(id: string) {
    const e = data?.eventsById.get(id);
    const place = e?.place === undefined ? undefined : data?.places.get(e.place);
    const size = map.getSize();
    if (!place || size.x === 0 || size.y === 0) return;
    const latlng = L.latLng(place.lat, place.lon);
    if (map.getBounds().pad(-0.1).contains(latlng)) return;
    const zoom = Math.max(map.getZoom(), REVEAL_ZOOM);
    // Not through moveMap: after a reveal, a resize must not fit the view away from the selection.
    if (prefersReducedMotion()) map.setView(latlng, zoom, { animate: false });
    else map.flyTo(latlng, zoom, { duration: 0.8 });
  }

  /**
   * Fits the view to the places of the events and legs in the time window, or to all of them when
   * the window holds none: a dataset spanning Moscow to Pyongyang should open on the trip in view,
   * not on a continent with the visible markers fanned out in one corner. False without a size yet.
   */
  function fit(): boolean {
    const size = map.getSize();
    if (size.x === 0 || size.y === 0) return false;
    const bounds = boundsToFit(data!);
    if (!bounds) return true;
    fitView(bounds, size);
    autoFit = true;
    layout();
    return true;
  }

  /** The places of the events and legs shown (or of all, when the window shows none); null without any. */
  function boundsToFit(d: Dataset): L.LatLngBounds | null {
    let bounds = placesBounds(d, true);
    if (!bounds.isValid()) bounds = placesBounds(d, false);
    return bounds.isValid() ? bounds : null;
  }

  function placesBounds(d: Dataset, inWindowOnly: boolean): L.LatLngBounds {
    const bounds = L.latLngBounds([]);
    for (const e of inWindowOnly ? shownEvents(d) : d.events) {
      const p = e.place === undefined ? undefined : d.places.get(e.place);
      if (p) bounds.extend([p.lat, p.lon]);
    }
    for (const leg of d.legs) if (!inWindowOnly || isLegShown(leg)) for (const p of leg.geometry) bounds.extend(p);
    return bounds;
  }

  /**
   * Whether two centres are less than a pixel apart at the map's zoom. Leaflet's centre, once asked
   * anew from the map's pixels (after invalidateSize, say), is the fitted one rounded to the pixel
   * grid; a fit to it again pans by nothing and still ends in a moveend, which redraws every route
   * and lays the clusters and labels out again (10k events: the ResizeObserver's first call did).
   */
  function within1px(a: L.LatLng, b: L.LatLng): boolean {
    const zoom = map.getZoom();
    return map.project(a, zoom).distanceTo(map.project(b, zoom)) < 1;
  }

  /** The last view fit() set, and what it was asked: asked again, with the view unmoved, it does nothing. */
  let lastFit: { key: string; center: L.LatLng; zoom: number } | null = null;

  /**
   * Fits the view to `bounds`. Leaflet re-projects every layer on the map at each new view, even an
   * unchanged one (10k events: 0.3 s), so the same request on an unmoved view is not sent again.
   */
  function fitView(bounds: L.LatLngBounds, size: L.Point) {
    const padding = fitPadding(size);
    const key = [bounds.toBBoxString(), size.x, size.y, padding.paddingTopLeft, padding.paddingBottomRight].join('|');
    if (lastFit && lastFit.key === key && lastFit.zoom === map.getZoom() && within1px(lastFit.center, map.getCenter()))
      return;
    moveMap(() => {
      if (bounds.getNorthEast().equals(bounds.getSouthWest()))
        map.setView(bounds.getCenter(), REVEAL_ZOOM, { animate: false });
      else map.fitBounds(bounds, { ...padding, maxZoom: FIT_MAX_ZOOM, animate: false });
    });
    lastFit = { key, center: map.getCenter(), zoom: map.getZoom() };
  }

  /**
   * The fans that would not fit in the map (their radius beyond half its smaller side, less a marker):
   * drawn as one disc with the count, as dense mode does, instead of markers spilling out of view and
   * under the controls. The selected and hovered events stay out of the disc; an opened fan stays open.
   */
  function stackedFans(groups: readonly FanGroup[]): StackItem[] {
    const size = map.getSize();
    const room = Math.min(size.x, size.y) / 2 - MARKER_SPACING;
    const out: StackItem[] = [];
    for (const g of groups) {
      if (g.radius <= room) continue;
      const ids = g.ids.filter((id) => id !== selectedId && id !== hoverId);
      const key = [...g.ids].sort()[0]!;
      if (ids.length < 2 || openedStacks.has(key)) continue;
      const bounds = L.latLngBounds(ids.map((id) => markers.get(id)!.latlng));
      const at = map.layerPointToLatLng(L.point(g.x, g.y));
      out.push({ kind: 'stack', key, lat: at.lat, lon: at.lng, count: ids.length, ids, fan: g.ids, bounds });
    }
    return out;
  }

  // ---- Dodge: fan out markers that overlap on screen, with leader lines to their true positions.
  function layout() {
    if (destroyed || !data) return;
    if (dense) renderDense();
    const points: FanPoint[] = [];
    const projected = new Map<string, L.Point>();
    for (const rec of markers.values()) {
      if (!rec.visible) continue;
      const p = map.latLngToLayerPoint(rec.latlng);
      projected.set(rec.event.id, p);
      points.push({ id: rec.event.id, x: p.x, y: p.y });
    }
    const { offsets, groups } = fanLayout(points, { minDistance: MARKER_SPACING });
    const stacks = dense ? [] : stackedFans(groups);
    stacked = new Set(stacks.flatMap((st) => st.ids));
    stackFans = new Set(stacks.flatMap((st) => st.fan));
    // Labels go on the outer side of a fan, so that they do not cover the neighbours.
    const sides = new Map<string, LabelSide>();
    for (const g of groups) {
      for (const id of g.ids) {
        const p = projected.get(id)!;
        const o = offsets.get(id)!;
        sides.set(id, labelSide(p.x + o.dx - g.x, p.y + o.dy - g.y));
      }
    }
    for (const rec of sketched) {
      const o = offsets.get(rec.event.id);
      rec.dx = o ? Math.round(o.dx) : 0;
      rec.dy = o ? Math.round(o.dy) : 0;
    }
    drawSketch(projected);
    for (const rec of markers.values()) {
      if (!rec.el || rec.sketched) continue;
      const inStack = stacked.has(rec.event.id);
      if (rec.el.classList.contains('is-stacked') !== inStack) {
        rec.el.classList.toggle('is-stacked', inStack);
        rec.el.tabIndex = inStack ? -1 : 0;
      }
      const side = sides.get(rec.event.id) ?? 'top';
      if (rec.el.dataset.labelSide !== side) rec.el.dataset.labelSide = side;
      // In a disc, the selected or hovered event stays shown at its own place.
      const o = inStack ? undefined : offsets.get(rec.event.id);
      const dx = o ? Math.round(o.dx) : 0;
      const dy = o ? Math.round(o.dy) : 0;
      if (dx === rec.dx && dy === rec.dy) continue;
      rec.dx = dx;
      rec.dy = dy;
      // `translate` composes with the `transform` Leaflet uses to place the icon, so the two never fight.
      rec.el.style.translate = dx || dy ? `${dx}px ${dy}px` : '';
      rec.el.classList.toggle('is-fanned', dx !== 0 || dy !== 0);
    }
    for (const id of new Set([selectedId, hoverId])) {
      const rec = id === null ? undefined : markers.get(id);
      if (rec?.visible) fitLabel(rec);
    }

    if (!dense) syncClusters(stacks);

    leadersLayer.clearLayers();
    const lines: L.LatLng[][] = [];
    const anchors = new Map<string, L.LatLng>();
    for (const g of groups) {
      if (stacked.has(g.ids[0]!)) continue;
      for (const id of g.ids) {
        const rec = markers.get(id)!;
        if (rec.sketched) continue; // its leader is on the sketch (drawSketch)
        const p = projected.get(id)!;
        lines.push([rec.latlng, map.layerPointToLatLng(p.add([rec.dx, rec.dy]))]);
        anchors.set(`${rec.latlng.lat},${rec.latlng.lng}`, rec.latlng);
      }
    }
    if (lines.length === 0) return;
    const common = { renderer: leaderRenderer, interactive: false };
    L.polyline(lines, { ...common, className: 'itinera-leader', color: '#4d4d4d', weight: 1.25, opacity: 0.85 }).addTo(
      leadersLayer,
    );
    for (const latlng of anchors.values())
      L.circleMarker(latlng, {
        ...common,
        className: 'itinera-anchor',
        radius: 3,
        color: '#ffffff',
        weight: 1.5,
        fillColor: '#333333',
        fillOpacity: 1,
      }).addTo(leadersLayer);
  }

  /** The sketched markers as discs, where their elements would be (dodge included). */
  function drawSketch(projected: ReadonlyMap<string, L.Point>) {
    const d = data!;
    const discs: SketchDisc[] = [];
    for (const rec of sketched) {
      const p = projected.get(rec.event.id);
      if (!p) continue;
      discs.push({
        at: p.add([rec.dx, rec.dy]),
        from: rec.dx || rec.dy ? p : null,
        colour: tripColour(d.tripsById.get(rec.event.trip)?.order ?? 0),
        approximate: !!rec.place.approximate,
      });
    }
    sketch?.draw(discs);
  }

  function update(view: MapView) {
    if (destroyed) return;
    const fresh = view.data !== data;
    const nextCompare = view.compare && view.compare.length ? view.compare : null;
    if (fresh) {
      // The view fits the new data before its layers are drawn, so that Leaflet projects them once:
      // fitted after, every route is projected again (10k events: 0.3 s). The window, the comparison
      // and the legend (whose height the fit leaves room for) are the new ones already.
      win = view.window;
      compare = nextCompare ? new Set(nextCompare) : null;
      legend = legendContent(view.data);
      // Leaflet's size of the container (kept up to date by the ResizeObserver below), not
      // el.clientWidth: that would lay the page out once more before the legend is even drawn.
      const size = map.getSize();
      renderLegend(legendEl, legend, view.t, size.x || Infinity);
      const bounds = boundsToFit(view.data);
      if (bounds && size.x > 0 && size.y > 0) fitView(bounds, size);
      build(view.data);
      pendingFit = true;
    }
    if (fresh || view.lang !== lang) relabel(view);
    lang = view.lang;

    let relayout = fresh;
    // The gesture's end: the markers it sketched get their elements.
    const wasGesture = gesture;
    gesture = !!view.gesture && dense;
    if (wasGesture && !gesture && sketched.size) relayout = true;
    if (gesture && !wasGesture) {
      journeys.hold(true);
      sketchLayer()?.prepare();
    }
    const compareChanged = !sameList(nextCompare, compare ? [...compare] : null);
    if (compareChanged) {
      compare = nextCompare ? new Set(nextCompare) : null;
      pendingFit = true;
    }
    if (fresh || compareChanged || !sameWindow(view.window, win)) {
      win = view.window;
      relayout = applyWindow() || relayout;
    }
    if (wasGesture && !gesture) journeys.hold(false);
    if (fresh || (view.legId ?? null) !== legId) {
      legId = view.legId ?? null;
      journeys.selectLeg(legId);
    }
    follow = view.follow ?? false;
    const nextMovers = view.movers ?? [];
    if (fresh || nextMovers !== movers) {
      movers = nextMovers;
      journeys.setMovers(movers, view.data);
      if (follow) keepMoversInView();
    }

    const selectionChanged = view.selectedId !== selectedId;
    if (fresh || selectionChanged || view.hoverId !== hoverId) {
      const before = [selectedId, hoverId];
      selectedId = view.selectedId;
      hoverId = view.hoverId;
      for (const id of new Set([...before, selectedId, hoverId])) paintState(id);
      // Dense mode draws the selected and hovered events above the clusters.
      // A disc changes only when an event of its fan is selected or hovered, or stops being so.
      const touched = [...before, selectedId, hoverId].some((id) => id !== null && stackFans.has(id));
      if ((dense || touched) && (before[0] !== selectedId || before[1] !== hoverId)) relayout = true;
    }

    // fit() lays out; without a size yet it waits for the ResizeObserver, but the layout need not.
    const fitted = pendingFit && fit();
    if (fitted) pendingFit = false;
    else if (relayout) layout();
    if (selectionChanged && selectedId !== null) reveal(selectedId);
    placeLabels.update(view);
  }

  /** Pans (without animation, it runs every frame) when a moving marker leaves the middle of the view. */
  function keepMoversInView() {
    const size = map.getSize();
    const pts = journeys.moverLatLngs();
    if (!pts.length || size.x === 0 || size.y === 0) return;
    const inner = map.getBounds().pad(FOLLOW_INNER);
    if (pts.every((p) => inner.contains(p))) return;
    const target = pts.length === 1 ? pts[0]! : L.latLngBounds(pts).getCenter();
    moveMap(() => map.panTo(target, { animate: false }));
  }

  function destroy() {
    if (destroyed) return;
    destroyed = true;
    placeLabels.destroy();
    journeys.destroy();
    sketch?.destroy();
    abort.abort();
    resizeObserver?.disconnect();
    el.removeEventListener('focusin', onFocusIn);
    el.removeEventListener('focusout', onFocusOut);
    el.removeEventListener('keydown', onKeyDown);
    map.off('zoomend viewreset', onZoomEnd);
    map.off('moveend', onMoveEnd);
    map.off('movestart', onMoveStart);
    markersLayer.off(markerEvents);
    clustersLayer.off(clusterEvents);
    L.DomUtil.restoreOutline();
    map.remove();
    // Leaflet leaves a scroll listener, its classes, a position and a tabindex on the container.
    L.DomEvent.off(el);
    el.className = saved.className;
    el.style.position = saved.position;
    if (saved.tabindex === null) el.removeAttribute('tabindex');
    else el.setAttribute('tabindex', saved.tabindex);
    markers = new Map();
    data = null;
  }

  return { update, destroy };
}
