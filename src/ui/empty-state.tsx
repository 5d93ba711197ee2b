// Empty states over the map or the list: a time window without events (with a way back to all of them),
// and a dataset without places (no map to show, the timeline and the list carry it).
import type { TimeWindow } from '../core/selectors';
import type { Dataset } from '../core/types';
import { utcFormat, type Translate } from '../i18n/i18n';

/** The day of an instant (UTC); a window's end is exclusive, so its last day is the one before. */
const day = (ms: number, lang: string) =>
  utcFormat(lang, { year: 'numeric', month: 'short', day: 'numeric' }).format(ms);

export function EmptyWindow({
  window,
  lang,
  t,
  onShowAll,
}: {
  window: TimeWindow;
  lang: string;
  t: Translate;
  onShowAll(): void;
}) {
  return (
    <div className="empty-state" role="status" data-testid="empty-window" data-map-overlay="">
      <p>{t('emptyWindow', { from: day(window[0], lang), to: day(window[1] - 1, lang) })}</p>
      <button type="button" className="button" onClick={onShowAll}>
        {t('emptyWindowReset')}
      </button>
    </div>
  );
}

export function NoPlacesNote({ t }: { t: Translate }) {
  return (
    <p className="note" data-testid="no-places">
      {t('noPlacesNote')}
    </p>
  );
}

/** Events, but none with a place on the map and no leg to draw: the map would be empty. */
export function hasNoPlaces(data: Dataset): boolean {
  return (
    data.events.length > 0 &&
    data.legs.length === 0 &&
    !data.events.some((e) => e.place !== undefined && data.places.has(e.place))
  );
}
