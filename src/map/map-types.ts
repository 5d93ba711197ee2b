// The contract between the app and the Leaflet adapter. The adapter receives data and callbacks and
// never reaches into the store.
import type { Lang, Mode } from '../core/schema';
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
  /** Two trips compared: only they are drawn, whole, whatever the window. */
  compare?: readonly string[] | null;
  /** The moving markers of playback, one per trip in play; empty or absent when not playing. */
  movers?: readonly Mover[];
  /** Keep the moving markers in view. */
  follow?: boolean;
  /** The leg whose details are shown. */
  legId?: string | null;
  /** A gesture on the timeline (a brush drag, a zoom) is under way: the place names wait for its end. */
  gesture?: boolean;
}

export interface Mover {
  tripId: string;
  latlng: readonly [number, number];
  mode: Mode;
  /** Read by screen readers: "Train, Kim Jong Un's first visit…". */
  label: string;
}

export interface MapCallbacks {
  onSelect(id: string | null): void;
  onHover(id: string | null): void;
  /** A click on a route. Optional: without it, routes are not interactive. */
  onSelectLeg?(id: string | null): void;
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
