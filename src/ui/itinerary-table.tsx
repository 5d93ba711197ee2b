// The itinerary as a table ("List"): one row per event in the time window, sortable, in step with
// the selection. A reader who cannot use the map (screen reader, small screen) gets everything here.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { eventsInWindow, type TimeWindow } from '../core/selectors';
import type { Lang } from '../core/schema';
import type { Dataset, TravelEvent } from '../core/types';
import { formatShortDate, pickText, type Translate } from '../i18n/i18n';
import type { UiLang } from '../state/view-state';
import { FallbackMark } from './fallback-mark';
import './itinerary-table.css';

export type SortKey = 'date' | 'place' | 'title' | 'trip';

interface Props {
  data: Dataset;
  window: TimeWindow | null;
  selectedId: string | null;
  lang: UiLang;
  t: Translate;
  onSelect(id: string): void;
}

interface Row {
  e: TravelEvent;
  date: string;
  time: string;
  place: { text: string; lang: Lang };
  title: { text: string; lang: Lang };
  trip: { text: string; lang: Lang };
}

/** The wall-clock time at the place, when the sources give one. */
function localTime(e: TravelEvent): string {
  const i = e.startAt;
  if (i.precision !== 'minute' && i.precision !== 'second') return '';
  const wall = new Date(i.ms + i.offsetMinutes * 60_000);
  return `${String(wall.getUTCHours()).padStart(2, '0')}:${String(wall.getUTCMinutes()).padStart(2, '0')}`;
}

export function buildRows(data: Dataset, window: TimeWindow | null, lang: UiLang): Row[] {
  return eventsInWindow(data.events, window).map((e) => {
    const place = e.place ? data.places.get(e.place) : undefined;
    return {
      e,
      date: formatShortDate(e.startAt, lang),
      time: localTime(e),
      place: place ? pickText(place.names, lang) : { text: '', lang },
      title: pickText(e.title, lang),
      trip: pickText(data.tripsById.get(e.trip)?.title, lang),
    };
  });
}

export function sortRows(rows: readonly Row[], key: SortKey, dir: 1 | -1, lang: UiLang): Row[] {
  const collator = new Intl.Collator(lang);
  const cmp = (a: Row, b: Row) => {
    const d = key === 'date' ? a.e.t0 - b.e.t0 : collator.compare(a[key].text, b[key].text);
    return d !== 0 ? d * dir : a.e.t0 - b.e.t0;
  };
  return [...rows].sort(cmp);
}

const COLUMNS: readonly { key: SortKey | 'time'; label: 'col_date' | 'col_time' | 'place' | 'col_title' | 'trip' }[] = [
  { key: 'date', label: 'col_date' },
  { key: 'time', label: 'col_time' },
  { key: 'place', label: 'place' },
  { key: 'title', label: 'col_title' },
  { key: 'trip', label: 'trip' },
];

export function ItineraryTable({ data, window, selectedId, lang, t, onSelect }: Props) {
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'date', dir: 1 });
  const rows = useMemo(
    () => sortRows(buildRows(data, window, lang), sort.key, sort.dir, lang),
    [data, window, lang, sort],
  );
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  /** Set while the selection comes from this table, so it does not scroll under the reader. */
  const fromHere = useRef(false);
  // Roving tabindex: one button in the table takes Tab; the arrows move between rows.
  const stop = rows.some((r) => r.e.id === selectedId) ? selectedId : (rows[0]?.e.id ?? null);

  useEffect(
    function scrollSelectedIntoView() {
      if (fromHere.current) {
        fromHere.current = false;
        return;
      }
      const row = bodyRef.current?.querySelector<HTMLElement>('tr[aria-current="true"]');
      row?.scrollIntoView?.({ block: 'nearest' });
    },
    [selectedId],
  );

  function select(id: string) {
    fromHere.current = true;
    onSelect(id);
  }

  function onKeyDown(ev: KeyboardEvent<HTMLButtonElement>, index: number) {
    const to =
      ev.key === 'ArrowDown'
        ? index + 1
        : ev.key === 'ArrowUp'
          ? index - 1
          : ev.key === 'Home'
            ? 0
            : ev.key === 'End'
              ? rows.length - 1
              : null;
    if (to === null || to < 0 || to >= rows.length) return;
    ev.preventDefault();
    ev.stopPropagation();
    bodyRef.current?.querySelectorAll<HTMLButtonElement>('button.it-select')[to]?.focus();
  }

  return (
    <div className="itinerary" data-testid="itinerary">
      <table className="itinerary-table">
        <caption className="visually-hidden">{t('itinerary')}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const active = c.key === sort.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={active ? (sort.dir > 0 ? 'ascending' : 'descending') : undefined}
                >
                  {c.key === 'time' ? (
                    t(c.label)
                  ) : (
                    <button
                      type="button"
                      className="it-sort"
                      onClick={() =>
                        setSort((s) => ({ key: c.key as SortKey, dir: s.key === c.key ? (-s.dir as 1 | -1) : 1 }))
                      }
                    >
                      {t(c.label)}
                      <span aria-hidden="true" className="it-sort-mark">
                        {active ? (sort.dir > 0 ? ' ▲' : ' ▼') : ' ↕'}
                      </span>
                    </button>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody ref={bodyRef}>
          {rows.map((r, i) => {
            const selected = r.e.id === selectedId;
            return (
              <tr
                key={r.e.id}
                data-event-id={r.e.id}
                aria-current={selected ? 'true' : undefined}
                className={selected ? 'is-selected' : undefined}
                onClick={() => select(r.e.id)}
              >
                <td className="it-date">
                  <time dateTime={new Date(r.e.startAt.ms).toISOString()}>{r.date}</time>
                </td>
                <td className="it-time">{r.time}</td>
                <td>
                  <span lang={r.place.lang}>{r.place.text}</span>
                  {r.place.text && <FallbackMark shown={r.place.lang} lang={lang} t={t} />}
                </td>
                <td>
                  <button
                    lang={r.title.lang}
                    type="button"
                    className="it-select"
                    tabIndex={r.e.id === stop ? 0 : -1}
                    aria-pressed={selected}
                    onClick={(ev) => {
                      ev.stopPropagation();
                      select(r.e.id);
                    }}
                    onKeyDown={(ev) => onKeyDown(ev, i)}
                  >
                    {r.title.text}
                  </button>
                  <FallbackMark shown={r.title.lang} lang={lang} t={t} />
                </td>
                <td>
                  <span lang={r.trip.lang}>{r.trip.text}</span>
                  {r.trip.text && <FallbackMark shown={r.trip.lang} lang={lang} t={t} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p className="muted">{t('noEvents')}</p>}
    </div>
  );
}
