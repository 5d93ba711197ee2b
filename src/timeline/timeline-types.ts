// The contract between the app and the D3 timeline adapter.
import type { Lang } from '../core/schema';
import type { TimeWindow } from '../core/selectors';
import type { Dataset } from '../core/types';
import type { Translate } from '../i18n/i18n';

export interface TimelineView {
  data: Dataset;
  /** The detail window (also the brush on the overview); null means the whole extent. */
  window: TimeWindow | null;
  selectedId: string | null;
  hoverId: string | null;
  lang: Lang;
  t: Translate;
  /** The playhead, ms (for a comparison, on the first trip's clock); null or absent hides it. */
  playhead?: number | null;
  /** Two trip ids: lanes aligned by day since departure replace the detail view. */
  compare?: readonly [string, string] | null;
}

export interface TimelineCallbacks {
  onSelect(id: string | null): void;
  onHover(id: string | null): void;
  /** Zoom, pan and brush all end here; the adapter redraws when the new window comes back in update(). */
  onWindowChange(window: TimeWindow): void;
  /**
   * A drag of the brush or a zoom gesture (wheel, pinch, drag) starts (true) or ends (false). Work that
   * waits for the window to rest (place names on the map, the address) waits for the end instead.
   */
  onGesture?(active: boolean): void;
}

export interface TimelineHandle {
  update(view: TimelineView): void;
  destroy(): void;
}
