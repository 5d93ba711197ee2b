// "Trips": choose which trips the map, the timeline and the list show (`trips=` in the address).
// A disclosure button and a panel of checkboxes; Escape or a click outside closes it, focus returns.
import { useEffect, useId, useRef, useState } from 'react';
import { tripColour } from '../core/palette';
import type { Dataset } from '../core/types';
import { localName, utcFormat, type Translate } from '../i18n/i18n';
import type { Action, UiLang } from '../state/view-state';

interface Props {
  data: Dataset;
  trips: readonly string[] | null;
  lang: UiLang;
  t: Translate;
  dispatch(a: Action): void;
}

const year = (ms: number, lang: UiLang) => (Number.isFinite(ms) ? utcFormat(lang, { year: 'numeric' }).format(ms) : '');

export function TripFilter({ data, trips, lang, t, dispatch }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(
    function closeOnEscapeOrOutside() {
      if (!open) return;
      const onKey = (e: KeyboardEvent) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        setOpen(false);
        button.current?.focus();
      };
      const onDown = (e: PointerEvent) => {
        const target = e.target as Node;
        if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
      };
      document.addEventListener('keydown', onKey, true);
      document.addEventListener('pointerdown', onDown);
      return () => {
        document.removeEventListener('keydown', onKey, true);
        document.removeEventListener('pointerdown', onDown);
      };
    },
    [open],
  );
  if (data.trips.length < 2) return null;
  const shown = (tripId: string) => !trips || trips.includes(tripId);
  const toggle = (tripId: string, on: boolean) => {
    const next = data.trips.map((tr) => tr.id).filter((x) => (x === tripId ? on : shown(x)));
    // Unticking the last trip would show nothing: keep it.
    if (next.length > 0) dispatch({ type: 'trips', trips: next });
  };
  const count = trips ? trips.length : data.trips.length;
  return (
    <div className="trip-filter">
      <button
        ref={button}
        type="button"
        className={`pb-btn${trips ? ' is-filtered' : ''}`}
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        data-testid="trip-filter"
        onClick={() => setOpen((o) => !o)}
      >
        {trips ? t('tripsSome', { count, total: data.trips.length }) : t('tripsAll')}
      </button>
      {open && (
        <div ref={panel} id={`${id}-panel`} className="trip-filter-panel">
          <fieldset>
            <legend>{t('tripsLegend')}</legend>
            {data.trips.map((tr) => {
              const on = shown(tr.id);
              const title = localName(tr.title, lang) || tr.id;
              // The middle of the trip: its start in UTC can fall in the previous year (a year-precision date in Moscow).
              const when = year((tr.t0 + tr.t1) / 2, lang);
              return (
                <label key={tr.id} className="trip-filter-row">
                  <input
                    type="checkbox"
                    checked={on}
                    disabled={on && count === 1}
                    data-trip-id={tr.id}
                    onChange={(e) => toggle(tr.id, e.target.checked)}
                  />
                  <span className="compare-swatch" style={{ background: tripColour(tr.order) }} aria-hidden="true" />
                  <span className="trip-filter-name">{title}</span>
                  {!title.includes(when) && <span className="trip-filter-year">{when}</span>}
                </label>
              );
            })}
          </fieldset>
          <button
            type="button"
            className="pb-btn"
            disabled={!trips}
            onClick={() => dispatch({ type: 'trips', trips: null })}
          >
            {t('tripsShowAll')}
          </button>
        </div>
      )}
    </div>
  );
}
