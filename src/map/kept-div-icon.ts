// A Leaflet divIcon that keeps the element it made (part of the map adapter).
import * as L from 'leaflet';

/**
 * A divIcon that keeps the element it made. Dense mode takes markers (and the arrows of legs) off the
 * map and puts them back as the window moves; Leaflet would make a new element each time, parsing the
 * icon's markup again, which the caller would then have to set up and label again.
 */
export class KeptDivIcon extends L.DivIcon {
  private kept: HTMLElement | null = null;
  override createIcon(old?: HTMLElement): HTMLElement {
    return (this.kept ??= super.createIcon(old));
  }
}
