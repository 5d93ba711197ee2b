// The distances reported for a trip's legs, side by side with the length of the drawn route, so a
// reader sees where the sources disagree.
import type { Dataset } from '../core/types';
import { formatNumber, localName, type Translate } from '../i18n/i18n';
import type { UiLang } from '../state/view-state';
import { SourceLinks } from './source-links';

export function TripDistances({
  data,
  tripId,
  lang,
  t,
}: {
  data: Dataset;
  tripId: string;
  lang: UiLang;
  t: Translate;
}) {
  const legs = data.legs.filter((l) => l.trip === tripId && l.distances && l.distances.length > 0);
  if (legs.length === 0) return null;
  return (
    <section className="distances">
      <h3>{t('reportedDistances')}</h3>
      <ul>
        {legs.flatMap((l) =>
          l.distances!.map((d, i) => (
            <li key={`${l.id}-${i}`}>
              <strong>{formatNumber(d.km, lang)} km</strong> {localName(d.label, lang)}{' '}
              <span className="muted">({t(`basis_${d.basis}`)})</span>{' '}
              <SourceLinks data={data} ids={d.sources} compact />
            </li>
          )),
        )}
      </ul>
      <p className="muted small">
        {t('drawnLength', {
          km: formatNumber(
            data.legs.filter((l) => l.trip === tripId).reduce((s, l) => s + l.lengthKm, 0),
            lang,
          ),
        })}
      </p>
    </section>
  );
}
