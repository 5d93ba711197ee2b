// The printable itinerary (`?print=1`, loaded on demand): per trip, one table of days, local times with
// their UTC offset, places, legs with km, events and sources, a small route map, a page break between trips.
import { useMemo } from 'react';
import { formatOffset, type Instant } from '../core/dates';
import type { Lang } from '../core/schema';
import type { Dataset, Leg, TravelEvent, Trip } from '../core/types';
import { formatNumber, formatShortDate, localName, type Translate } from '../i18n/i18n';
import './print-view.css';

interface Props {
  data: Dataset;
  lang: Lang;
  t: Translate;
}

interface Row {
  key: string;
  at: Instant;
  sort: number;
  event?: TravelEvent;
  leg?: Leg;
}

function localTime(i: Instant): string {
  if (i.precision !== 'minute' && i.precision !== 'second') return '';
  const wall = new Date(i.ms + i.offsetMinutes * 60_000);
  const hm = `${String(wall.getUTCHours()).padStart(2, '0')}:${String(wall.getUTCMinutes()).padStart(2, '0')}`;
  return `${hm} (${formatOffset(i.offsetMinutes)})`;
}

/** A route sketch: the legs' geometry in an equirectangular frame, with the places as dots. */
function RouteSketch({ data, legs, lang }: { data: Dataset; legs: Leg[]; lang: Lang }) {
  const points = legs.flatMap((l) => l.geometry);
  if (points.length < 2) return null;
  const lats = points.map((p) => p[0]);
  const lons = points.map((p) => p[1]);
  const [s, n, w, e] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const width = 600;
  const spanX = Math.max(0.5, (e - w) * k);
  const spanY = Math.max(0.5, n - s);
  const scale = Math.min((width - 40) / spanX, 260 / spanY);
  const height = spanY * scale + 40;
  const x = (lon: number) => 20 + (lon - w) * k * scale;
  const y = (lat: number) => 20 + (n - lat) * scale;
  const placeIds = [...new Set(legs.flatMap((l) => [l.from, l.to]))];
  return (
    <svg className="print-map" viewBox={`0 0 ${width} ${height}`} role="img" aria-hidden="true">
      {legs.map((l) => (
        <polyline
          key={l.id}
          points={l.geometry.map(([la, lo]) => `${x(lo).toFixed(1)},${y(la).toFixed(1)}`).join(' ')}
          fill="none"
          stroke="#b3261e"
          strokeWidth={2.5}
          strokeDasharray={l.mode === 'plane' ? '6 4' : undefined}
        />
      ))}
      {placeIds.map((id) => {
        const p = data.places.get(id);
        if (!p) return null;
        return (
          <g key={id}>
            <circle cx={x(p.lon)} cy={y(p.lat)} r={4} fill="#1a1a1a" />
            <text x={x(p.lon) + 6} y={y(p.lat) - 6} fontSize={12} fill="#1a1a1a">
              {localName(p.names, lang)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function TripTable({ data, trip, lang, t }: { data: Dataset; trip: Trip; lang: Lang; t: Translate }) {
  const legs = data.legs.filter((l) => l.trip === trip.id);
  const rows: Row[] = [
    ...data.events
      .filter((e) => e.trip === trip.id)
      .map((e): Row => ({ key: e.id, at: e.startAt, sort: e.t0, event: e })),
    ...legs.map((l): Row => ({ key: l.id, at: l.startAt, sort: l.startAt.ms, leg: l })),
  ].sort((a, b) => a.sort - b.sort || (a.leg ? -1 : 0) - (b.leg ? -1 : 0));
  const place = (id: string | undefined) => (id ? localName(data.places.get(id)?.names, lang) : '');
  const sourceList = (ids: readonly string[] | undefined) =>
    (ids ?? []).map((id) => data.sources.get(id)).filter((s) => s !== undefined);
  return (
    <section className="print-trip" data-trip-id={trip.id}>
      <h2>{localName(trip.title, lang)}</h2>
      {trip.summary && <p>{localName(trip.summary, lang)}</p>}
      <RouteSketch data={data} legs={legs} lang={lang} />
      <table className="print-table">
        <thead>
          <tr>
            <th scope="col">{t('printDay')}</th>
            <th scope="col">{t('printTime')}</th>
            <th scope="col">{t('place')}</th>
            <th scope="col">{t('printWhat')}</th>
            <th scope="col">{t('sources')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const e = r.event;
            const l = r.leg;
            const reported = l?.distances?.map((d) => `${formatNumber(d.km, lang)} km (${localName(d.label, lang)})`);
            return (
              <tr key={r.key} data-event-id={e?.id} data-leg-id={l?.id} className={l ? 'print-leg' : 'print-event'}>
                <td>{formatShortDate(r.at, lang)}</td>
                <td>{localTime(r.at) || (e?.timeText ? localName(e.timeText, lang) : '')}</td>
                <td>{e ? place(e.place) : `${place(l!.from)} → ${place(l!.to)}`}</td>
                <td>
                  {e ? (
                    <>
                      <strong>{localName(e.title, lang)}</strong>
                      {e.summary && <span className="print-summary"> {localName(e.summary, lang)}</span>}
                    </>
                  ) : (
                    <>
                      <strong>
                        {t(`mode_${l!.mode}`)}: {formatNumber(l!.lengthKm, lang)} km
                      </strong>
                      {reported && reported.length > 0 && <span className="print-summary"> {reported.join('; ')}</span>}
                    </>
                  )}
                </td>
                <td>
                  {sourceList(e ? e.sources : l!.sources).map((s) => (
                    <span key={s.id} className="print-source">
                      {s.publisher}, <a href={s.url}>{s.title}</a>
                      {s.date ? ` (${s.date})` : ''}
                    </span>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export function PrintView({ data, lang, t }: Props) {
  const trips = useMemo(
    () =>
      data.trips.filter(
        (trip) => data.events.some((e) => e.trip === trip.id) || data.legs.some((l) => l.trip === trip.id),
      ),
    [data],
  );
  const leave = () => {
    const q = new URLSearchParams(location.search);
    q.delete('print');
    location.search = q.toString();
  };
  return (
    <div className="print-view">
      <header className="print-head">
        <h1>{localName(data.meta.title, lang)}</h1>
        {data.meta.description && <p>{localName(data.meta.description, lang)}</p>}
        <p className="print-actions">
          <button type="button" onClick={() => window.print()}>
            {t('printNow')}
          </button>{' '}
          <button type="button" onClick={leave}>
            {t('printLeave')}
          </button>
        </p>
      </header>
      {trips.map((trip) => (
        <TripTable key={trip.id} data={data} trip={trip} lang={lang} t={t} />
      ))}
    </div>
  );
}
