// The details of a leg (a click on its route): where from and to, when, the length computed along the
// drawn route, the time under way and the average speed, and every distance the sources report,
// each with its sources, so a reader sees where they disagree.
import { tripSchedule } from '../core/playback';
import type { Dataset } from '../core/types';
import { formatInstant, formatNumber, localName, type Translate } from '../i18n/i18n';
import type { UiLang } from '../state/view-state';
import { SourceLinks } from './source-links';
import './leg-details.css';

interface Props {
  data: Dataset;
  legId: string;
  lang: UiLang;
  t: Translate;
  onClose(): void;
}

export function formatDuration(ms: number, t: Translate): string {
  const minutes = Math.round(ms / 60_000);
  return t('hoursMinutes', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

export function LegDetails({ data, legId, lang, t, onClose }: Props) {
  const leg = data.legs.find((l) => l.id === legId);
  if (!leg) return null;
  const s = tripSchedule(data, leg.trip).find((x) => x.leg.id === legId);
  const from = localName(data.places.get(leg.from)?.names, lang);
  const to = localName(data.places.get(leg.to)?.names, lang);
  const trip = data.tripsById.get(leg.trip);
  const ms = s ? s.arrive - s.depart : 0;
  const kmh = ms > 0 ? leg.lengthKm / (ms / 3_600_000) : null;
  return (
    <article className="details leg-details" aria-labelledby="leg-title" data-leg-id={leg.id}>
      <div className="details-head">
        <h2 id="leg-title">
          {t(`mode_${leg.mode}`)}: {from} → {to}
        </h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </div>
      <dl className="details-facts">
        {trip && (
          <>
            <dt>{t('trip')}</dt>
            <dd>{localName(trip.title, lang)}</dd>
          </>
        )}
        <dt>{t('legDeparture')}</dt>
        <dd>{formatInstant(leg.startAt, lang, { weekday: true })}</dd>
        <dt>{t('legArrival')}</dt>
        <dd>{formatInstant(leg.endAt, lang, { weekday: true })}</dd>
        <dt>{t('legLength')}</dt>
        <dd data-testid="leg-length">{formatNumber(leg.lengthKm, lang)} km</dd>
        {s && (
          <>
            <dt>{t('legDuration')}</dt>
            <dd data-testid="leg-duration">
              {formatDuration(ms, t)}
              {!s.exactTimes && <span className="muted"> *</span>}
            </dd>
          </>
        )}
        {kmh !== null && (
          <>
            <dt>{t('legSpeed')}</dt>
            <dd data-testid="leg-speed">
              {t('kmPerHour', { n: formatNumber(kmh, lang) })}
              {s && !s.exactTimes && <span className="muted"> *</span>}
            </dd>
          </>
        )}
      </dl>
      {s && !s.exactTimes && <p className="muted small">* {t('legEstimated')}</p>}
      {leg.distances && leg.distances.length > 0 && (
        <section className="distances">
          <h3>{t('legReported')}</h3>
          <ul className="leg-distances">
            <li className="is-computed">
              <strong>{formatNumber(leg.lengthKm, lang)} km</strong>{' '}
              <span className="muted">{t('legComputedNote', { km: formatNumber(leg.lengthKm, lang) })}</span>
            </li>
            {leg.distances.map((d, i) => (
              <li key={i}>
                <strong>{formatNumber(d.km, lang)} km</strong> {localName(d.label, lang)}{' '}
                <span className="muted">({t(`basis_${d.basis}`)})</span>{' '}
                <SourceLinks data={data} ids={d.sources} compact />
              </li>
            ))}
          </ul>
        </section>
      )}
      {leg.sources && leg.sources.length > 0 && (
        <section className="sources">
          <h3>{t('sources')}</h3>
          <SourceLinks data={data} ids={leg.sources} />
        </section>
      )}
    </article>
  );
}
