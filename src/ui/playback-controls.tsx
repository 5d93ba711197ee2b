// Playback controls: previous event, play/pause, next event, speed, follow on the map, the time of
// the playhead ("Tue 12 Sept 2023, 12:15 (UTC+10:00) · Day 3"), and the compare-trips picker.
import { memo, useId, useState } from 'react';
import { dayAndTime, departureOf, tripOrigin } from '../core/compare';
import { timeZoneOffsetMinutes } from '../core/dates';
import { positionAt, SPEEDS, tripsWithLegs } from '../core/playback';
import type { Dataset } from '../core/types';
import { formatInstant, localName, type Translate } from '../i18n/i18n';
import { keysOf } from '../state/key-actions';
import type { PlayContext } from '../state/playback-state';
import type { Action, UiLang, ViewState } from '../state/view-state';
import { TripFilter } from './trip-filter';

/** The fields of the view state the controls read: a new window alone does not draw them again. */
const STATE_READ = ['t', 'playing', 'speed', 'follow', 'compare', 'trips'] as const;

interface Props {
  data: Dataset;
  state: Pick<ViewState, (typeof STATE_READ)[number]>;
  ctx: PlayContext | null;
  lang: UiLang;
  t: Translate;
  dispatch(a: Action): void;
}

const SPEED_KEYS = ['speed_hour', 'speed_6hours', 'speed_day'] as const;

/** The time zone where the traveller is at `t` (the place waited at, or the nearer end of the leg). */
function zoneAt(data: Dataset, ctx: PlayContext, t: number): string {
  const p = ctx.trips[0]!;
  const pos = positionAt(p.schedule, t);
  if (!pos) return departureOf(data, p.trip).timeZone;
  if (pos.placeId) return data.places.get(pos.placeId)?.timeZone ?? 'UTC';
  const s = p.schedule.find((x) => x.leg.id === pos.legId)!;
  const end = t - s.depart < (s.arrive - s.depart) / 2 ? s.leg.from : s.leg.to;
  return data.places.get(end)?.timeZone ?? 'UTC';
}

export function clockText(data: Dataset, ctx: PlayContext | null, t: number | null, lang: UiLang, tr: Translate) {
  if (t === null || !ctx) return tr('notStarted');
  const trip = ctx.trips[0]!.trip;
  const zone = zoneAt(data, ctx, t);
  const origin = tripOrigin(data, trip);
  const d = dayAndTime(t, origin, departureOf(data, trip).timeZone, zone);
  const time = `${String(d.hours).padStart(2, '0')}:${String(d.minutes).padStart(2, '0')}`;
  const day = tr('dayTime', { day: d.day, time });
  if (ctx.trips.length > 1) return day;
  const local = formatInstant(
    { ms: t, endMs: t, precision: 'minute', offsetMinutes: timeZoneOffsetMinutes(zone, t), explicitOffset: false },
    lang,
    { weekday: true },
  );
  return `${local} · ${day}`;
}

export const PlaybackControls = memo(
  PlaybackControlsOf,
  (a: Props, b: Props) =>
    a.data === b.data &&
    a.ctx === b.ctx &&
    a.lang === b.lang &&
    a.t === b.t &&
    a.dispatch === b.dispatch &&
    STATE_READ.every((k) => a.state[k] === b.state[k]),
);

function PlaybackControlsOf({ data, state, ctx, lang, t, dispatch }: Props) {
  const [picking, setPicking] = useState(false);
  const id = useId();
  const withLegs = tripsWithLegs(data);
  const current = ctx?.trips[0]?.trip ?? withLegs.at(-1) ?? null;
  const other =
    withLegs.filter((tr) => tr.id !== current?.id && tr.traveller === current?.traveller).at(-1) ??
    withLegs.find((tr) => tr.id !== current?.id) ??
    null;
  const [pickA, setPickA] = useState<string>('');
  const [pickB, setPickB] = useState<string>('');
  const a = pickA || (other && current && other.t0 < current.t0 ? other.id : current?.id) || '';
  const b = pickB || (other && current && other.t0 < current.t0 ? current.id : other?.id) || '';

  return (
    <section className="playback" aria-label={t('playback')} aria-describedby={`${id}-keys`}>
      <div className="playback-buttons">
        <button
          type="button"
          className="pb-btn"
          onClick={() => dispatch({ type: 'step', dir: -1 })}
          aria-label={t('previousEvent')}
          title={t('previousEvent')}
          aria-keyshortcuts={keysOf('previousEvent')}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path d="M3 3v10M13 3L5 8l8 5z" />
          </svg>
        </button>
        <button
          type="button"
          className="pb-btn pb-play"
          data-testid="play"
          aria-pressed={state.playing}
          onClick={() => dispatch({ type: 'togglePlay' })}
          aria-keyshortcuts="Space"
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            {state.playing ? <path d="M4 3h3v10H4zM9 3h3v10H9z" /> : <path d="M4 2.5l10 5.5-10 5.5z" />}
          </svg>
          <span>{state.playing ? t('pause') : t('play')}</span>
        </button>
        <button
          type="button"
          className="pb-btn"
          onClick={() => dispatch({ type: 'step', dir: 1 })}
          aria-label={t('nextEvent')}
          title={t('nextEvent')}
          aria-keyshortcuts={keysOf('nextEvent')}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path d="M13 3v10M3 3l8 5-8 5z" />
          </svg>
        </button>
      </div>
      <label className="pb-speed">
        <span className="visually-hidden">{t('speed')}</span>
        <select
          value={state.speed}
          onChange={(e) => dispatch({ type: 'speed', speed: Number(e.target.value) })}
          aria-label={t('speed')}
        >
          {SPEEDS.map((s, i) => (
            <option key={s} value={s}>
              {t(SPEED_KEYS[i]!)}
            </option>
          ))}
        </select>
      </label>
      <label className="pb-follow">
        <input
          type="checkbox"
          checked={state.follow}
          onChange={(e) => dispatch({ type: 'follow', follow: e.target.checked })}
        />{' '}
        {t('follow')}
      </label>
      <output className="pb-clock" data-testid="playback-clock">
        {clockText(data, ctx, state.t, lang, t)}
      </output>
      <p id={`${id}-keys`} className="visually-hidden">
        {t('playbackKeys')}
      </p>
      {!state.compare && <TripFilter data={data} trips={state.trips} lang={lang} t={t} dispatch={dispatch} />}
      <div
        className="pb-compare"
        // Escape closes the picker and gives the focus back to its button.
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || !picking) return;
          e.stopPropagation();
          setPicking(false);
          document.getElementById(`${id}-pick-button`)?.focus();
        }}
      >
        {state.compare ? (
          <button type="button" className="pb-btn" onClick={() => dispatch({ type: 'compare', pair: null })}>
            {t('compareClose')}
          </button>
        ) : (
          <button
            id={`${id}-pick-button`}
            type="button"
            className="pb-btn"
            aria-expanded={picking}
            aria-controls={`${id}-pick`}
            disabled={withLegs.length < 2 && data.trips.length < 2}
            onClick={() => setPicking((p) => !p)}
          >
            {t('compare')}
          </button>
        )}
        {picking && !state.compare && (
          <form
            id={`${id}-pick`}
            className="pb-pick"
            onSubmit={(e) => {
              e.preventDefault();
              if (a && b && a !== b) {
                dispatch({ type: 'compare', pair: [a, b] });
                setPicking(false);
              }
            }}
          >
            {(
              [
                ['compareFirst', a, setPickA],
                ['compareSecond', b, setPickB],
              ] as const
            ).map(([key, value, set]) => (
              <label key={key}>
                <span>{t(key)}</span>
                <select value={value} onChange={(e) => set(e.target.value)}>
                  {data.trips.map((tr) => (
                    <option key={tr.id} value={tr.id}>
                      {localName(tr.title, lang)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <button type="submit" className="pb-btn" disabled={!a || !b || a === b}>
              {t('compareStart')}
            </button>
          </form>
        )}
      </div>
    </section>
  );
}
