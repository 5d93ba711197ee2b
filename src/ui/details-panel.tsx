// The selected event: what, when (local time at the place, with its offset), where, who, and sources.
import type { Dataset } from '../core/types';
import { formatInstant, localName, pickText, type Translate } from '../i18n/i18n';
import type { UiLang } from '../state/view-state';
import { SourceLinks } from './source-links';
import { TripDistances } from './trip-distances';
import { FallbackMark } from './fallback-mark';

interface Props {
  data: Dataset;
  selectedId: string | null;
  lang: UiLang;
  t: Translate;
  onClose(): void;
}

export function DetailsPanel({ data, selectedId, lang, t, onClose }: Props) {
  const e = selectedId ? data.eventsById.get(selectedId) : undefined;
  if (!e) return <p className="details-empty">{t('noSelection')}</p>;
  const place = e.place ? data.places.get(e.place) : undefined;
  const trip = data.tripsById.get(e.trip);
  const title = pickText(e.title, lang);
  const summary = pickText(e.summary, lang);
  const sameEnd = e.endAt === e.startAt;
  const claims = data.claims.filter((c) => c.about === e.id);
  return (
    <article className="details" aria-labelledby="details-title">
      <div className="details-head">
        <h2 id="details-title">
          <span lang={title.lang}>{title.text}</span>
          <FallbackMark shown={title.lang} lang={lang} t={t} />
        </h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </div>
      <dl className="details-facts">
        <dt>{t('when')}</dt>
        <dd>
          <time dateTime={new Date(e.startAt.ms).toISOString()}>
            {formatInstant(e.startAt, lang, { weekday: true })}
          </time>
          {!sameEnd && <> – {formatInstant(e.endAt, lang, { weekday: true })}</>}
          {e.timeText && <span className="time-text"> · {localName(e.timeText, lang)}</span>}
        </dd>
        {place && (
          <>
            <dt>{t('place')}</dt>
            <dd>
              <span lang={pickText(place.names, lang).lang}>{localName(place.names, lang)}</span>
              <FallbackMark shown={pickText(place.names, lang).lang} lang={lang} t={t} />
              {place.approximate && <span className="muted"> ({t('approximate')})</span>}
            </dd>
          </>
        )}
        {trip && (
          <>
            <dt>{t('trip')}</dt>
            <dd>{localName(trip.title, lang)}</dd>
          </>
        )}
        {e.participants && e.participants.length > 0 && (
          <>
            <dt>{t('participants')}</dt>
            <dd>
              <ul className="participants">
                {e.participants.map((pid) => {
                  const p = data.people.get(pid);
                  if (!p) return null;
                  return (
                    <li key={pid}>
                      {localName(p.names, lang)}
                      {p.role && <span className="muted">, {localName(p.role, lang)}</span>}
                    </li>
                  );
                })}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {summary.text && (
        <p className="details-summary" lang={summary.lang}>
          {summary.text}
        </p>
      )}
      {claims.length > 0 && (
        <section className="claims">
          <h3>{t('claims')}</h3>
          <ul>
            {claims.map((c) => (
              <li key={c.id}>
                {localName(c.text, lang)}{' '}
                {c.disputes && c.disputes.length > 0 && <em className="muted">({t('disputes')})</em>}{' '}
                <SourceLinks data={data} ids={c.sources} compact />
              </li>
            ))}
          </ul>
        </section>
      )}
      <TripDistances data={data} tripId={e.trip} lang={lang} t={t} />
      <section className="sources">
        <h3>{t('sources')}</h3>
        <SourceLinks data={data} ids={e.sources} />
      </section>
    </article>
  );
}
