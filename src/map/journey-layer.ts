// The journeys on the map: each leg along its drawn route (great-circle arcs, split at the
// antimeridian), direction arrows, border-crossing stops, a wide invisible line to click a route,
// and the moving markers of playback. Created by the Leaflet adapter; create/destroy paired.
import * as L from 'leaflet';
import { tripColour } from '../core/palette';
import { arrowFractions, cumulativeKm, drawnLeg, pointAtKm } from '../core/route';
import { crossingsOf } from './crossings';
import type { Dataset, Leg } from '../core/types';
import { localName, type Translate } from '../i18n/i18n';
import { arrowHtml, ARROW_SIZE, BORDER_SIZE, borderHtml, MOVER_SIZE, moverHtml } from './journey-icons';
import { KeptDivIcon } from './kept-div-icon';
import { createLegBatches, type BatchedLeg } from './leg-batches';
import { DENSE_LEGS, HIDDEN_OPACITY, LEG_STROKES, type Stroke } from './leg-style';
import type { Mover } from './map-types';

interface LegRec {
  leg: Leg;
  /** Sparse datasets: the leg's strokes and its wide invisible line for the pointer (dense: leg-batches.ts). */
  lines: L.Polyline[];
  strokes: readonly Stroke[];
  hit: L.Polyline | null;
  arrows: L.Marker[];
  /** Dense datasets: makes the arrows when the leg first comes into the window (they are kept, off the map, when it leaves). */
  makeArrows: (() => L.Marker[]) | null;
  /** 1 drawn, FADED_OPACITY outside the window, HIDDEN_OPACITY not part of a comparison. */
  level: number;
  selected: boolean;
}

interface BorderRec {
  placeId: string;
  legIds: Set<string>;
  marker: L.Marker;
  /** "Tumangang – Khasan" pairs this stop belongs to. */
  pairs: [string, string][];
}

export interface JourneyLayer {
  build(data: Dataset): void;
  relabel(data: Dataset, lang: Parameters<typeof localName>[1], t: Translate): void;
  /** Opacity level per leg (1, the faded level or HIDDEN_OPACITY); returns true when something changed. */
  setLevels(level: (leg: Leg) => number): boolean;
  /**
   * Dense datasets, while a gesture on the timeline is under way (`true`): the legs it brings into the
   * window are drawn at once (on the canvas), and their arrows and border stops wait. Released
   * (`false`), the ones still in the window are put on the map.
   */
  hold(on: boolean): void;
  selectLeg(id: string | null): void;
  setMovers(movers: readonly Mover[], data: Dataset): void;
  /** Latitudes and longitudes of the moving markers, for following. */
  moverLatLngs(): L.LatLng[];
  destroy(): void;
}

/** Screen angle (degrees clockwise from east) of a route at `km`, through the map's projection. */
function angleAt(crs: L.CRS, geometry: Leg['geometry'], cum: number[], km: number): number {
  const total = cum.at(-1) ?? 0;
  const d = Math.max(0.5, total * 0.01);
  const a = crs.project(L.latLng(pointAtKm(geometry, cum, Math.max(0, km - d))));
  const b = crs.project(L.latLng(pointAtKm(geometry, cum, Math.min(total, km + d))));
  // Leaflet's projected y grows downwards on screen, like CSS rotation.
  return (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
}

export function createJourneyLayer(
  map: L.Map,
  renderer: L.Renderer,
  onSelectLeg: (id: string) => void,
  denseRenderer: L.Renderer = renderer,
): JourneyLayer {
  const arrowPane = map.createPane('itinera-arrows');
  arrowPane.style.zIndex = '430';
  arrowPane.style.pointerEvents = 'none';
  const moverPane = map.createPane('itinera-movers');
  moverPane.style.zIndex = '650';
  const group = L.featureGroup().addTo(map);
  const moversLayer = L.layerGroup().addTo(map);
  let recs: LegRec[] = [];
  let borders: BorderRec[] = [];
  const movers = new Map<string, { marker: L.Marker; mode: string; label: string }>();
  const legOf = new WeakMap<L.Layer, string>();

  const hitEvents: L.LeafletEventHandlerFnMap = {
    click(e) {
      const id = legOf.get(e.propagatedFrom ?? e.target);
      if (id) {
        L.DomEvent.stopPropagation(e);
        onSelectLeg(id);
      }
    },
  };
  group.on(hitEvents);
  const batches = createLegBatches(map, group, denseRenderer, onSelectLeg);
  let dense = false;

  function build(data: Dataset) {
    batches.setLegs([]);
    group.clearLayers();
    recs = [];
    borders = [];
    heldArrows.clear();
    heldStops.clear();
    const crs = map.options.crs ?? L.CRS.EPSG3857;
    dense = data.legs.length > DENSE_LEGS;
    const batched: BatchedLeg[] = [];
    for (const leg of data.legs) {
      const colour = tripColour(data.tripsById.get(leg.trip)?.order ?? 0);
      const strokes = LEG_STROKES[leg.mode];
      let lines: L.Polyline[] = [];
      let hit: L.Polyline | null = null;
      if (dense)
        batched.push({
          id: leg.id,
          partsAt: (stepKm) => drawnLeg(leg, stepKm).map((part) => part.map((p) => L.latLng(p))),
          colour,
          strokes,
        });
      else {
        const parts = drawnLeg(leg);
        lines = strokes.map((s) =>
          L.polyline(parts, {
            renderer,
            interactive: false,
            className: `itinera-leg itinera-leg--${leg.mode}`,
            color: s.color === 'trip' ? colour : s.color,
            weight: s.weight,
            opacity: s.opacity,
            lineCap: s.lineCap ?? 'butt',
            lineJoin: 'round',
            ...(s.dashArray ? { dashArray: s.dashArray } : {}),
          }).addTo(group),
        );
        hit = L.polyline(parts, {
          renderer,
          className: 'itinera-leg-hit',
          color: '#1a73e8',
          weight: 14,
          opacity: 0,
          lineCap: 'round',
          lineJoin: 'round',
          bubblingMouseEvents: false,
        }).addTo(group);
        legOf.set(hit, leg.id);
      }
      let cum: number[] | null = null;
      const makeArrows = () => {
        cum ??= cumulativeKm(leg.geometry);
        const total = cum.at(-1) ?? 0;
        return total < 1
          ? []
          : arrowFractions(total).map((f) =>
              L.marker(L.latLng(pointAtKm(leg.geometry, cum!, f * total)), {
                pane: 'itinera-arrows',
                interactive: false,
                keyboard: false,
                icon: new KeptDivIcon({
                  className: 'itinera-arrow',
                  html: arrowHtml(colour, angleAt(crs, leg.geometry, cum!, f * total)),
                  iconSize: [ARROW_SIZE, ARROW_SIZE],
                  iconAnchor: [ARROW_SIZE / 2, ARROW_SIZE / 2],
                }),
              }).addTo(group),
            );
      };
      recs.push({
        leg,
        lines,
        strokes,
        hit,
        arrows: dense ? [] : makeArrows(),
        makeArrows: dense ? makeArrows : null,
        // Dense: not a level yet, so the first setLevels paints every leg (and makes the arrows in view).
        level: dense ? -1 : 1,
        selected: false,
      });
    }
    batches.setLegs(batched);
    const byPlace = new Map<string, BorderRec>();
    for (const c of crossingsOf(data)) {
      for (const placeId of [c.from, c.to]) {
        const place = data.places.get(placeId)!;
        let rec = byPlace.get(placeId);
        if (!rec) {
          const marker = L.marker([place.lat, place.lon], {
            pane: 'itinera-arrows',
            interactive: false,
            keyboard: false,
            icon: new KeptDivIcon({
              className: 'itinera-border-stop',
              html: borderHtml(),
              iconSize: [BORDER_SIZE, BORDER_SIZE],
              iconAnchor: [BORDER_SIZE / 2, BORDER_SIZE / 2],
            }),
          });
          // Dense: on the map only while one of its legs is in the window (see setLevels).
          if (!dense) marker.addTo(group);
          rec = { placeId, legIds: new Set(), marker, pairs: [] };
          byPlace.set(placeId, rec);
        }
        rec.legIds.add(c.legId);
        const pair: [string, string] = c.from < c.to ? [c.from, c.to] : [c.to, c.from];
        if (!rec.pairs.some((p) => p[0] === pair[0] && p[1] === pair[1])) rec.pairs.push(pair);
      }
    }
    borders = [...byPlace.values()];
    for (const b of borders) {
      const el = b.marker.getElement();
      if (el) el.dataset.placeId = b.placeId;
    }
  }

  /** The text of the last relabel, for border stops put on the map later (dense datasets). */
  let labelling: { data: Dataset; lang: Parameters<typeof localName>[1]; t: Translate } | null = null;

  function labelBorder(b: BorderRec) {
    const el = b.marker.getElement();
    if (!el || !labelling) return;
    const { data, lang, t } = labelling;
    const name = (id: string) => localName(data.places.get(id)?.names, lang);
    const text = b.pairs.map(([a, c]) => t('borderCrossingAt', { a: name(a), b: name(c) })).join('; ');
    el.dataset.placeId = b.placeId;
    el.title = text;
    el.setAttribute('role', 'img');
    el.setAttribute('aria-label', text);
  }

  function relabel(data: Dataset, lang: Parameters<typeof localName>[1], t: Translate) {
    const name = (id: string) => localName(data.places.get(id)?.names, lang);
    labelling = { data, lang, t };
    for (const b of borders) labelBorder(b);
    for (const r of recs) {
      const path = r.hit?.getElement();
      // A labelled graphic: aria-label alone is not allowed on a path without a role (axe aria-prohibited-attr).
      path?.setAttribute('role', 'img');
      if (path)
        path.setAttribute(
          'aria-label',
          t('legRoute', { from: name(r.leg.from), to: name(r.leg.to), mode: t(`mode_${r.leg.mode}`) }),
        );
    }
  }

  /** Dense: a gesture is under way; what waits for its end (see hold). */
  let holding = false;
  const heldArrows = new Set<LegRec>();
  const heldStops = new Set<BorderRec>();

  function paint(r: LegRec) {
    if (r.makeArrows) {
      // Dense: a leg's arrows are on the map while it is in the window; made once, then kept.
      const on = r.level === 1;
      heldArrows.delete(r);
      if (on && holding) heldArrows.add(r);
      else showArrows(r, on);
    }
    for (const a of r.arrows) a.setOpacity(r.level);
    if (!r.hit) {
      batches.setLevel(r.leg.id, r.level);
      return;
    }
    r.lines.forEach((line, i) => line.setStyle({ opacity: r.level * r.strokes[i]!.opacity }));
    r.hit.setStyle({ opacity: r.selected && r.level > HIDDEN_OPACITY ? 0.28 : 0 });
    const path = r.hit.getElement() as SVGElement | undefined;
    if (path) path.style.pointerEvents = r.level <= HIDDEN_OPACITY ? 'none' : '';
  }

  function showArrows(r: LegRec, on: boolean) {
    if (on && !r.arrows.length) r.arrows = r.makeArrows!();
    else if (on) for (const a of r.arrows) group.addLayer(a);
    else for (const a of r.arrows) group.removeLayer(a);
  }

  function showStop(b: BorderRec) {
    b.marker.addTo(group);
    labelBorder(b);
    b.marker.setOpacity(1);
  }

  function hold(on: boolean) {
    holding = on;
    if (on) return;
    for (const r of heldArrows) if (r.level === 1) showArrows(r, true);
    for (const b of heldStops) showStop(b);
    heldArrows.clear();
    heldStops.clear();
  }

  function setLevels(level: (leg: Leg) => number): boolean {
    let changed = false;
    for (const r of recs) {
      const next = level(r.leg);
      if (next === r.level) continue;
      r.level = next;
      changed = true;
      paint(r);
      if (next === 1) for (const line of r.lines) line.bringToFront();
    }
    batches.flush();
    if (changed) {
      const levelOf = new Map(recs.map((r) => [r.leg.id, r.level]));
      for (const b of borders) {
        const level = Math.max(...[...b.legIds].map((id) => levelOf.get(id) ?? 0));
        // Dense datasets (routes on a canvas): only the stops of legs in the window are on the map.
        if (recs.length > DENSE_LEGS) {
          const on = group.hasLayer(b.marker);
          heldStops.delete(b);
          if (level === 1 && !on && holding) heldStops.add(b);
          else if (level === 1 && !on) showStop(b);
          else if (level !== 1 && on) group.removeLayer(b.marker);
          if (level !== 1 || !on) continue;
        }
        b.marker.setOpacity(level);
      }
      for (const r of recs) if (r.selected) r.hit?.bringToFront();
    }
    return changed;
  }

  function selectLeg(id: string | null) {
    if (dense) batches.select(id);
    for (const r of recs) {
      const sel = r.leg.id === id;
      if (sel === r.selected) continue;
      r.selected = sel;
      if (dense) continue;
      paint(r);
      r.hit?.getElement()?.classList.toggle('is-selected', sel);
    }
  }

  function setMovers(list: readonly Mover[], data: Dataset) {
    const keep = new Set<string>();
    for (const m of list) {
      keep.add(m.tripId);
      let rec = movers.get(m.tripId);
      if (!rec || rec.mode !== m.mode) {
        if (rec) moversLayer.removeLayer(rec.marker);
        const colour = tripColour(data.tripsById.get(m.tripId)?.order ?? 0);
        const marker = L.marker(L.latLng(m.latlng[0], m.latlng[1]), {
          pane: 'itinera-movers',
          interactive: false,
          keyboard: false,
          icon: L.divIcon({
            className: `itinera-mover itinera-mover--${m.mode}`,
            html: moverHtml(m.mode, colour),
            iconSize: [MOVER_SIZE, MOVER_SIZE],
            iconAnchor: [MOVER_SIZE / 2, MOVER_SIZE / 2],
          }),
        }).addTo(moversLayer);
        const el = marker.getElement()!;
        el.dataset.tripId = m.tripId;
        el.setAttribute('role', 'img');
        rec = { marker, mode: m.mode, label: '' };
        movers.set(m.tripId, rec);
      } else {
        const cur = rec.marker.getLatLng();
        if (cur.lat !== m.latlng[0] || cur.lng !== m.latlng[1]) rec.marker.setLatLng([m.latlng[0], m.latlng[1]]);
      }
      if (rec.label !== m.label) {
        rec.label = m.label;
        rec.marker.getElement()?.setAttribute('aria-label', m.label);
      }
    }
    for (const [id, rec] of movers)
      if (!keep.has(id)) {
        moversLayer.removeLayer(rec.marker);
        movers.delete(id);
      }
  }

  return {
    build,
    relabel,
    setLevels,
    hold,
    selectLeg,
    setMovers,
    moverLatLngs: () => [...movers.values()].map((m) => m.marker.getLatLng()),
    destroy() {
      batches.destroy();
      group.off(hitEvents);
      group.clearLayers();
      moversLayer.clearLayers();
      group.remove();
      moversLayer.remove();
      movers.clear();
      recs = [];
      borders = [];
      heldArrows.clear();
      heldStops.clear();
    },
  };
}
