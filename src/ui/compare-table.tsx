// Two trips side by side: the figures that differ (km by rail, hours travelling, nights, talks, site
// visits, places visited, officials met), each with the difference.
import { departureOf, tripFigures, type TripFigures } from '../core/compare';
import { tripColour } from '../core/palette';
import type { Dataset } from '../core/types';
import { formatNumber, localName, utcFormat, type Translate } from '../i18n/i18n';
import type { UiLang } from '../state/view-state';
import './compare-table.css';

interface Props {
  data: Dataset;
  pair: readonly [string, string];
  lang: UiLang;
  t: Translate;
  onClose(): void;
}

type Row = {
  key: 'cmp_railKm' | 'cmp_hours' | 'cmp_nights' | 'cmp_talks' | 'cmp_siteVisits' | 'cmp_places' | 'cmp_officials';
  value(f: TripFigures): number;
  list?(f: TripFigures): string[];
};

export function CompareTable({ data, pair, lang, t, onClose }: Props) {
  const trips = pair.map((id) => data.tripsById.get(id));
  if (!trips[0] || !trips[1]) return null;
  const [a, b] = [tripFigures(data, trips[0]), tripFigures(data, trips[1])];
  const placeName = (id: string) => localName(data.places.get(id)?.names, lang);
  const personName = (id: string) => localName(data.people.get(id)?.names, lang);
  const rows: Row[] = [
    { key: 'cmp_railKm', value: (f) => f.railKm },
    { key: 'cmp_hours', value: (f) => f.hoursTravelling },
    { key: 'cmp_nights', value: (f) => f.nights },
    { key: 'cmp_talks', value: (f) => f.talks },
    { key: 'cmp_siteVisits', value: (f) => f.siteVisits },
    { key: 'cmp_places', value: (f) => f.places.length, list: (f) => f.places.map(placeName) },
    { key: 'cmp_officials', value: (f) => f.officials.length, list: (f) => f.officials.map(personName) },
  ];
  const num = (n: number) => formatNumber(Math.round(n), lang);
  const diff = (n: number) =>
    Math.round(n) === 0 ? '±0' : `${n > 0 ? '+' : '−'}${formatNumber(Math.abs(Math.round(n)), lang)}`;
  return (
    <section className="compare-panel" aria-labelledby="compare-title" data-testid="compare-table">
      <div className="details-head">
        <h2 id="compare-title">{t('compareTitle')}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('compareClose')}>
          ×
        </button>
      </div>
      <ul className="compare-trips">
        {trips.map((trip) => (
          <li key={trip!.id}>
            <span className="compare-swatch" style={{ background: colourOf(data, trip!.id) }} aria-hidden="true" />
            <strong>{shortName(data, trip!.id, lang)}</strong> {localName(trip!.title, lang)}
          </li>
        ))}
      </ul>
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col">{t('cmp_measure')}</th>
            {trips.map((trip) => (
              <th scope="col" key={trip!.id} data-trip-id={trip!.id} title={localName(trip!.title, lang)}>
                <span className="compare-swatch" style={{ background: colourOf(data, trip!.id) }} aria-hidden="true" />
                {shortName(data, trip!.id, lang)}
              </th>
            ))}
            <th scope="col">{t('cmp_difference')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-row={r.key}>
              <th scope="row">{t(r.key)}</th>
              {[a, b].map((f) => (
                <td key={f.tripId} title={r.list ? r.list(f).join(', ') : undefined}>
                  {num(r.value(f))}
                </td>
              ))}
              <td>{diff(r.value(b) - r.value(a))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A column heading: the month and year of departure ("Apr 2019"). */
function shortName(data: Dataset, tripId: string, lang: UiLang): string {
  const trip = data.tripsById.get(tripId)!;
  const d = new Date(departureOf(data, trip).ms);
  return utcFormat(lang, { month: 'short', year: 'numeric' }).format(d);
}

function colourOf(data: Dataset, tripId: string): string {
  const order = data.tripsById.get(tripId)?.order ?? 0;
  return tripColour(order);
}
