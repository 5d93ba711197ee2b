// Wires it all: load the dataset, hold the view state, keep the URL in step, lay out the areas.
import { useEffect, useMemo, useReducer, useState } from 'react';
import { eventsInWindow } from '../core/selectors';
import type { Dataset } from '../core/types';
import { translator } from '../i18n/i18n';
import { TravelMap } from '../map/travel-map-view';
import { initialState, browserLang } from '../state/initial-state';
import { readUrl, writeUrl } from '../state/url-state';
import { reduce, type Action, type ViewState } from '../state/view-state';
import { Timeline } from '../timeline/timeline-view';
import { AppHeader } from '../ui/app-header';
import { DetailsPanel } from '../ui/details-panel';
import { ProblemsPanel } from '../ui/problems-panel';
import { AreaBoundary } from './error-boundary';
import { fetchDataset } from './load-dataset';

export function App() {
  const [data, setData] = useState<Dataset | null>(null);
  useEffect(function loadData() {
    let live = true;
    void fetchDataset(readUrl(location.search).data, location.href).then((d) => live && setData(d));
    return () => {
      live = false;
    };
  }, []);
  if (!data)
    return (
      <p className="boot" role="status">
        {translator(readUrl(location.search).lang ?? browserLang(navigator.languages))('loading')}
      </p>
    );
  return <Explorer data={data} />;
}

const URL_WRITE_DELAY_MS = 150;
/** Remote raster tiles are off unless the site that builds Itinera sets VITE_TILE_URL. */
const TILE_URL: string | null = import.meta.env.VITE_TILE_URL || null;

function Explorer({ data }: { data: Dataset }) {
  const fallbackLang = useMemo(() => browserLang(navigator.languages), []);
  const [state, dispatch] = useReducer(
    (s: ViewState, a: Action) => reduce(s, a, data),
    undefined,
    () => initialState(data, readUrl(location.search), fallbackLang),
  );
  const { lang, selectedId, hoverId, window } = state;
  const t = useMemo(() => translator(lang), [lang]);

  useEffect(
    function writeStateToUrl() {
      const timer = setTimeout(() => {
        const search = writeUrl(location.search, { selectedId, hoverId: null, window, lang }, { lang: fallbackLang });
        if (search !== location.search)
          history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
      }, URL_WRITE_DELAY_MS);
      return () => clearTimeout(timer);
    },
    [selectedId, window, lang, fallbackLang],
  );
  useEffect(
    function documentLanguage() {
      document.documentElement.lang = lang;
    },
    [lang],
  );

  const shown = useMemo(() => eventsInWindow(data.events, window).length, [data, window]);
  const callbacks = useMemo(
    () => ({
      onSelect: (id: string | null) => dispatch({ type: 'select', id }),
      onHover: (id: string | null) => dispatch({ type: 'hover', id }),
      onWindowChange: (w: readonly [number, number]) => dispatch({ type: 'window', window: w }),
    }),
    [],
  );
  const view = { data, window, selectedId, hoverId, lang, t };

  return (
    <div className="app">
      <AppHeader data={data} lang={lang} t={t} shown={shown} onLang={(l) => dispatch({ type: 'lang', lang: l })} />
      {data.problems.length > 0 && <ProblemsPanel data={data} t={t} />}
      <main className="app-main">
        <div className="app-map">
          <AreaBoundary area={t('map')}>
            <TravelMap view={view} onSelect={callbacks.onSelect} onHover={callbacks.onHover} tileUrl={TILE_URL} />
          </AreaBoundary>
        </div>
        <aside className="app-details" aria-label={t('details')}>
          <DetailsPanel
            data={data}
            selectedId={selectedId}
            lang={lang}
            t={t}
            onClose={() => callbacks.onSelect(null)}
          />
        </aside>
        <div className="app-timeline">
          <AreaBoundary area={t('timeline')}>
            <Timeline view={view} {...callbacks} />
          </AreaBoundary>
        </div>
      </main>
    </div>
  );
}
