// The React bridge to the Leaflet adapter: create it once, hand it each new view, destroy it on
// unmount. The latest callbacks live in a ref, so the adapter never needs recreating for them.
import 'leaflet/dist/leaflet.css';
import './travel-map.css';
import basemapUrl from 'world-atlas/countries-110m.json?url';
import { useEffect, useRef } from 'react';
import type { MapCallbacks, MapView, TravelMapHandle } from './map-types';
import { createTravelMap } from './travel-map';

export { prepareMapFor } from './travel-map';

export interface TravelMapProps {
  view: MapView;
  onSelect(id: string | null): void;
  onHover(id: string | null): void;
  onSelectLeg?(id: string | null): void;
  /** Remote raster tiles over the offline basemap; off (null) by default. */
  tileUrl?: string | null;
  tileAttribution?: string;
  className?: string;
}

export function TravelMap({
  view,
  onSelect,
  onHover,
  onSelectLeg,
  tileUrl = null,
  tileAttribution,
  className,
}: TravelMapProps) {
  // The region is React's; the inner div is Leaflet's, so React never rewrites the classes Leaflet adds.
  const canvasRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<TravelMapHandle | null>(null);
  const callbacksRef = useRef<MapCallbacks>({ onSelect, onHover, onSelectLeg });
  const viewRef = useRef(view);
  const { data, window: timeWindow, selectedId, hoverId, lang, t, compare, movers, follow, legId, gesture } = view;

  useEffect(function keepLatestProps() {
    callbacksRef.current = { onSelect, onHover, onSelectLeg };
    viewRef.current = view;
  });

  useEffect(
    function createMap() {
      const callbacks: MapCallbacks = {
        onSelect: (id) => callbacksRef.current.onSelect(id),
        onHover: (id) => callbacksRef.current.onHover(id),
        onSelectLeg: (id) => callbacksRef.current.onSelectLeg?.(id),
      };
      const handle = createTravelMap(canvasRef.current!, callbacks, { basemapUrl, tileUrl, tileAttribution });
      handle.update(viewRef.current);
      handleRef.current = handle;
      return function destroyMap() {
        handle.destroy();
        handleRef.current = null;
      };
    },
    // Created once: tiles are a deployment setting and do not change while the app runs.
    [tileUrl, tileAttribution],
  );

  useEffect(
    function updateMap() {
      handleRef.current?.update({
        data,
        window: timeWindow,
        selectedId,
        hoverId,
        lang,
        t,
        compare,
        movers,
        follow,
        legId,
        gesture,
      });
    },
    [data, timeWindow, selectedId, hoverId, lang, t, compare, movers, follow, legId, gesture],
  );

  return (
    <div
      className={className ? `itinera-map-host ${className}` : 'itinera-map-host'}
      role="region"
      aria-label={t('map')}
    >
      <div ref={canvasRef} className="itinera-map-canvas" />
    </div>
  );
}
