// Export the dataset, or the events of the current time window, as Itinera JSON, GeoJSON or CSV.
import { useState } from 'react';
// The exporters load when a download is asked for, not with the page.
const exporters = () =>
  Promise.all([
    import('../core/export/dataset-to-raw'),
    import('../core/export/to-csv'),
    import('../core/export/to-geojson'),
  ]).then(([raw, csv, geo]) => ({ toItineraJson: raw.toItineraJson, toCsv: csv.toCsv, toGeoJson: geo.toGeoJson }));
import { isoDay } from '../core/dates';
import { countInWindow, type TimeWindow } from '../core/selectors';
import type { Dataset } from '../core/types';
import type { Translate } from '../i18n/i18n';

interface Props {
  data: Dataset;
  window: TimeWindow | null;
  lang: 'en' | 'fr' | 'ko' | 'ru';
  t: Translate;
}

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DataMenu({ data, window, lang, t }: Props) {
  const [scope, setScope] = useState<'all' | 'window'>('all');
  const w = scope === 'window' ? window : null;
  // The exporters flatten text in en or fr only (src/core/export); other languages export English.
  const exportLang = lang === 'fr' ? 'fr' : 'en';
  const base = `${data.meta.id}${w ? `_${isoDay(w[0])}_${isoDay(w[1])}` : ''}`;
  const inWindow = countInWindow(data.events, window);
  const formats = [
    {
      key: 'json',
      label: t('exportJson'),
      run: () =>
        void exporters().then(({ toItineraJson }) =>
          download(`${base}.itinera.json`, 'application/json', toItineraJson(data, w)),
        ),
    },
    {
      key: 'geojson',
      label: t('exportGeoJson'),
      run: () =>
        void exporters().then(({ toGeoJson }) =>
          download(
            `${base}.geojson`,
            'application/geo+json',
            `${JSON.stringify(toGeoJson(data, w, exportLang), null, 2)}\n`,
          ),
        ),
    },
    {
      key: 'csv',
      label: t('exportCsv'),
      run: () =>
        void exporters().then(({ toCsv }) =>
          download(`${base}.csv`, 'text/csv;charset=utf-8', toCsv(data, w, exportLang)),
        ),
    },
  ];
  return (
    <details className="data-menu">
      <summary>{t('exportMenu')}</summary>
      <div className="data-menu-panel">
        <fieldset>
          <legend>{t('exportWhich')}</legend>
          <label>
            <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
            {t('exportAll', { n: data.events.length })}
          </label>
          <label>
            <input
              type="radio"
              name="export-scope"
              checked={scope === 'window'}
              disabled={!window}
              onChange={() => setScope('window')}
            />
            {t('exportWindow', { n: inWindow })}
          </label>
        </fieldset>
        <ul>
          {formats.map((f) => (
            <li key={f.key}>
              <button type="button" data-export={f.key} onClick={f.run}>
                {f.label}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
