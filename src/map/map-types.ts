// The contract between the app and the Leaflet adapter. The adapter receives data and callbacks and
// never reaches into the store.
import type { Lang } from '../core/schema';
import type { TimeWindow } from '../core/selectors';
import type { Dataset } from '../core/types';
import type { Translate } from '../i18n/i18n';

export interface MapView {
  data: Dataset;
  /** Events outside the window are hidden from the map; null shows all. */
  window: TimeWindow | null;
  selectedId: string | null;
  hoverId: string | null;
  lang: Lang;
  t: Translate;
}

export interface MapCallbacks {
  onSelect(id: string | null): void;
  onHover(id: string | null): void;
}

export interface MapOptions {
  /** URL of the bundled Natural Earth TopoJSON (same origin). */
  basemapUrl: string;
  /** Optional remote raster tiles, off by default: `https://{s}.tile.example/{z}/{x}/{y}.png`. */
  tileUrl?: string | null;
  tileAttribution?: string;
}

export interface TravelMapHandle {
  update(view: MapView): void;
  destroy(): void;
}
