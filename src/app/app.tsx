// Wires it all: load the dataset, hold the view state, keep the URL in step, lay out the areas.
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { countInWindow, datasetExtent } from '../core/selectors';
import { datasetForTrips } from '../core/trip-filter';
import type { Dataset } from '../core/types';
import { fullViewSearch, parseEmbedParams, resolveAliases } from '../embed/embed-params';
import { startHeightBroadcaster } from '../embed/height-broadcaster';
import { loadStrings, localName, translator } from '../i18n/i18n';
import { prepareMapFor, TravelMap } from '../map/travel-map-view';
import { initialState, browserLang } from '../state/initial-state';
import { readUrl, writeUrl } from '../state/url-state';
import { reduce, type Action, type ViewState } from '../state/view-state';
import { usePlayback } from './use-playback';
import { Timeline } from '../timeline/timeline-view';
import { AppHeader, HeaderMenu, useDocumentMeta } from '../ui/app-header';
import { AppFooter } from '../ui/app-footer';
import { EmptyWindow, hasNoPlaces, NoPlacesNote } from '../ui/empty-state';
import { LayoutSkeleton } from '../ui/skeleton';
import { DetailsPanel } from '../ui/details-panel';
import { PlaybackControls } from '../ui/playback-controls';
import { ShareButton } from '../ui/share-button';
import { DataMenu } from '../ui/data-menu';
import { ExportImageMenu } from '../ui/export-image-menu';
import { FileOpen } from '../ui/file-open';
import { FileDrop } from '../ui/file-open-drop';
import { LoadProgress } from '../ui/file-open-progress';
import { LiveRegion } from '../ui/live-region';
import { ThemeSwitch, useTheme } from '../ui/theme';
import { useBottomSheet } from '../ui/bottom-sheet';
import { AreaBoundary, CrashProbe } from '../ui/area-boundary';
import { openFile, type Progress } from './load-dataset';
import { pendingFirstLoad, takeFirstLoad } from './first-load';

export function App() {
  const [data, setData] = useState<Dataset | null>(null);
  // A new dataset (an opened file) starts a fresh view: the Explorer is keyed by it.
  const [generation, setGeneration] = useState(0);
  // The first load's progress so far: the app may mount after the download has started.
  const [progress, setProgress] = useState<Progress | null>(() => {
    const load = pendingFirstLoad();
    return load && !load.done ? load.last : null;
  });
  useEffect(function loadData() {
    let live = true;
    const load = takeFirstLoad();
    load.onProgress = (p) => live && setProgress(p);
    void load.dataset.then((d) => {
      if (!live) return;
      prepareMapFor(d);
      setData(d);
      setProgress(null);
    });
    return () => {
      live = false;
    };
  }, []);
  const onOpenFile = useCallback(async (file: File) => {
    setProgress({ phase: 'download', loaded: 0, total: file.size });
    const d = await openFile(file, setProgress);
    prepareMapFor(d);
    forgetDataInUrl();
    setData(d);
    setGeneration((g) => g + 1);
    setProgress(null);
  }, []);
  if (!data) {
    const t = translator(readUrl(resolveAliases(location.search)).lang ?? browserLang(navigator.languages));
    return (
      <LayoutSkeleton label={t('loading')}>{progress && <LoadProgress progress={progress} t={t} />}</LayoutSkeleton>
    );
  }
  return <Explorer key={generation} data={data} onOpenFile={onOpenFile} progress={progress} />;
}

/** An opened file replaces `data=` and the view of the previous dataset in the address. */
function forgetDataInUrl() {
  const params = new URLSearchParams(location.search);
  for (const k of ['data', 'event', 'from', 'to']) params.delete(k);
  const search = params.size ? `?${params}` : '';
  try {
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  } catch {
    /* a sandboxed frame may refuse */
  }
}

const URL_WRITE_DELAY_MS = 150;
/** Remote raster tiles are off unless the site that builds Itinera sets VITE_TILE_URL. */
const TILE_URL: string | null = import.meta.env.VITE_TILE_URL || null;

// Presentation, speaker view and print load on demand: the first load of the explorer does not carry them.
// A dataset with problems is the rare case: its panel's code (0.8 KB gzip) is not part of the first load.
const ProblemsPanel = lazy(() => import('../ui/problems-panel').then((m) => ({ default: m.ProblemsPanel })));
const PresentMode = lazy(() => import('../ui/present-mode').then((m) => ({ default: m.PresentMode })));
const SpeakerView = lazy(() => import('../ui/speaker-view').then((m) => ({ default: m.SpeakerView })));
const PrintView = lazy(() => import('../ui/print-view').then((m) => ({ default: m.PrintView })));
// So do the panels that only a click opens: the list view, a comparison, a leg's details.
const ItineraryTable = lazy(() => import('../ui/itinerary-table').then((m) => ({ default: m.ItineraryTable })));
const CompareTable = lazy(() => import('../ui/compare-table').then((m) => ({ default: m.CompareTable })));
const LegDetails = lazy(() => import('../ui/leg-details').then((m) => ({ default: m.LegDetails })));

interface ExplorerProps {
  data: Dataset;
  onOpenFile(file: File): void;
  progress: Progress | null;
}

function Explorer({ data, onOpenFile, progress }: ExplorerProps) {
  const fallbackLang = useMemo(() => browserLang(navigator.languages), []);
  const [state, dispatch] = useReducer(
    (s: ViewState, a: Action) => reduce(s, a, data),
    undefined,
    () =>
      initialState(
        data,
        readUrl(
          resolveAliases(
            location.search,
            data.events.map((e) => e.id),
          ),
        ),
        fallbackLang,
      ),
  );
  const { lang, selectedId, hoverId, window } = state;
  const t = useMemo(() => translator(lang), [lang]);
  // Playback (src/app/use-playback.ts): the clock, the keys, the moving markers.
  const playback = usePlayback(data, state, dispatch, t);

  // While playing the playhead moves every frame: the address is written when it stops.
  const urlT = state.playing ? null : state.t;
  const compare = state.compare;
  const [theme, setTheme] = useTheme();
  /** The map, or the itinerary table in its place ("Map / List"). */
  const [mainView, setMainView] = useState<'map' | 'list'>(() => (hasNoPlaces(data) ? 'list' : 'map'));
  const noPlaces = useMemo(() => hasNoPlaces(data), [data]);
  useDocumentMeta(data, lang);
  // `present=1` (`notes=1` for the speaker view, `step=<n>`) and `print=1`, read once.
  const [modes] = useState(() => readUrl(location.search));
  const [presenting, setPresenting] = useState(!!modes.present);
  const leavePresentation = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
    const q = new URLSearchParams(location.search);
    for (const k of ['present', 'step', 'notes']) q.delete(k);
    try {
      history.replaceState(history.state, '', `${location.pathname}${q.size ? `?${q}` : ''}${location.hash}`);
    } catch {
      /* a sandboxed frame may refuse */
    }
    setPresenting(false);
  }, []);
  // A brush drag or a zoom gesture of the timeline is under way: the address (and the map's place
  // names) wait for its end, not for a pause within it.
  const [gesture, setGesture] = useState(false);
  useEffect(
    function writeStateToUrl() {
      if (gesture) return;
      const timer = setTimeout(() => {
        const search = writeUrl(
          location.search,
          { selectedId, hoverId: null, window, lang, t: urlT, compare, theme, trips: state.trips },
          { lang: fallbackLang },
        );
        // A sandboxed frame (opaque origin) may refuse: the view still works, the address just stays.
        if (search !== location.search)
          try {
            history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
          } catch {
            /* SecurityError */
          }
      }, URL_WRITE_DELAY_MS);
      return () => clearTimeout(timer);
    },
    [selectedId, window, lang, fallbackLang, urlT, compare, theme, state.trips, gesture],
  );
  useEffect(
    function documentLanguage() {
      document.documentElement.lang = lang;
    },
    [lang],
  );

  // The trips chosen (`trips=`) are what the map, the timeline and the list draw; a comparison shows its two.
  const shownData = useMemo(
    () => (state.compare ? data : datasetForTrips(data, state.trips)),
    [data, state.compare, state.trips],
  );
  const shown = useMemo(() => countInWindow(shownData.events, window), [shownData, window]);
  const callbacks = useMemo(
    () => ({
      onSelect: (id: string | null) => dispatch({ type: 'select', id }),
      onHover: (id: string | null) => dispatch({ type: 'hover', id }),
      // The timeline asks once per animation frame (a brush drag, a wheel zoom): rendering it now, inside
      // that frame, lets the map and the timeline draw the window before the frame is painted, instead
      // of one or two frames later when React would get to it.
      onWindowChange: (w: readonly [number, number]) => flushSync(() => dispatch({ type: 'window', window: w })),
      onGesture: setGesture,
    }),
    [],
  );
  // The same element while only the playhead moves, so React skips the panel during playback.
  const detailsPanel = useMemo(
    () => (
      <DetailsPanel data={data} selectedId={selectedId} lang={lang} t={t} onClose={() => callbacks.onSelect(null)} />
    ),
    [data, selectedId, lang, t, callbacks],
  );
  // On a phone the details are a bottom sheet that takes the focus and gives it back (src/ui/bottom-sheet.tsx).
  const detailsRef = useRef<HTMLElement>(null);
  const sheetKey = state.legId ?? selectedId;
  useBottomSheet(detailsRef, sheetKey, state.playing, () =>
    state.legId ? dispatch({ type: 'selectLeg', id: null }) : callbacks.onSelect(null),
  );
  const view = {
    data: shownData,
    window,
    selectedId,
    hoverId,
    lang,
    t,
    compare: state.compare,
    movers: playback.movers,
    follow: state.follow,
    legId: state.legId,
    playhead: state.t,
    gesture,
  };

  // Embedding (src/embed): the compact layout, and the height told to the host page when framed.
  const embed = useMemo(() => parseEmbedParams(location.search, location.hash), []);
  const appRef = useRef<HTMLDivElement>(null);
  // The frame's own scrolling is the root's (src/app/app.css), set before the first paint.
  useLayoutEffect(
    function embedClassesOnRoot() {
      const root = document.documentElement.classList;
      root.toggle('is-embed', embed.embed);
      root.toggle('has-height', !!(embed.embed && embed.height));
    },
    [embed],
  );
  useEffect(
    function broadcastHeight() {
      const ctx = { childId: embed.childId, secret: embed.secret, id: embed.id, href: location.href };
      return appRef.current ? startHeightBroadcaster(appRef.current, ctx) : undefined;
    },
    [embed],
  );
  const viewSearch = writeUrl(location.search, state.playing ? { ...state, t: null } : state, { lang: fallbackLang });
  const pagePath = location.pathname.replace(/standalone\.html$/, '');

  if (modes.print && !embed.embed)
    return (
      <Suspense fallback={<p className="boot">{t('loading')}</p>}>
        <PrintView data={data} lang={lang} t={t} />
      </Suspense>
    );
  if (presenting && modes.notes && !embed.embed)
    return (
      <Suspense fallback={<p className="boot">{t('loading')}</p>}>
        <SpeakerView data={data} lang={lang} t={t} initialStep={modes.step} />
      </Suspense>
    );

  return (
    <div
      ref={appRef}
      className={[
        'app',
        embed.embed && 'is-embed',
        embed.embed && embed.height && 'has-height',
        // `present=1` is honoured in an embed too: a story stepped through inside an article.
        presenting && 'is-present',
      ]
        .filter(Boolean)
        .join(' ')}
      style={embed.embed && embed.height ? { height: embed.height } : undefined}
    >
      {(!embed.embed || embed.chrome) && (
        <div className="app-bar">
          <AppHeader
            data={data}
            lang={lang}
            t={t}
            shown={shown}
            onLang={(l) => void loadStrings(l).then(() => dispatch({ type: 'lang', lang: l }))}
          >
            {!embed.embed && (
              <>
                <ShareButton
                  pageHref={location.href.replace(/standalone\.html(?=[?#]|$)/, '')}
                  search={viewSearch}
                  title={localName(data.meta.title, lang) || t('appName')}
                  selectedId={selectedId}
                  lang={lang}
                  t={t}
                />
                {/* The secondary actions in one menu, so the header holds one row (src/ui/app-header.tsx). */}
                <HeaderMenu label={t('moreMenu')}>
                  <button
                    type="button"
                    className="present-button"
                    data-testid="present"
                    data-closes-menu=""
                    onClick={() => setPresenting(true)}
                  >
                    {t('present')}
                  </button>
                  <FileOpen t={t} onFile={onOpenFile} />
                  <DataMenu data={data} window={window} lang={lang} t={t} />
                  <ExportImageMenu datasetId={data.meta.id} window={window} t={t} />
                  <ThemeSwitch theme={theme} t={t} onTheme={setTheme} />
                </HeaderMenu>
              </>
            )}
          </AppHeader>
          {embed.embed && (
            <a
              className="full-view-link"
              href={`${pagePath}${fullViewSearch(viewSearch)}`}
              target="_blank"
              rel="noopener"
            >
              {t('openFullView')} ↗
            </a>
          )}
        </div>
      )}
      {!embed.embed && <FileDrop t={t} onFile={onOpenFile} />}
      {progress && <LoadProgress progress={progress} t={t} />}
      {data.problems.length > 0 && (
        <Suspense fallback={null}>
          <ProblemsPanel data={data} t={t} />
        </Suspense>
      )}
      <LiveRegion data={data} selectedId={selectedId} lang={lang} t={t} />
      <main className="app-main">
        <div className={`app-map is-${mainView}`}>
          {!embed.embed && !noPlaces && (
            <div className="view-toggle" role="group" aria-label={t('viewAs')} data-map-overlay="">
              {(['map', 'list'] as const).map((v) => (
                <button
                  key={v}
                  type="button"
                  aria-pressed={mainView === v}
                  data-testid={`view-${v}`}
                  onClick={() => setMainView(v)}
                >
                  {t(v === 'map' ? 'mapView' : 'listView')}
                </button>
              ))}
            </div>
          )}
          {shown === 0 && window && !state.compare && shownData.events.length > 0 && (
            <EmptyWindow
              window={window}
              lang={lang}
              t={t}
              onShowAll={() => dispatch({ type: 'window', window: datasetExtent(shownData) })}
            />
          )}
          <div className="map-pane" hidden={mainView !== 'map'}>
            <AreaBoundary area={t('map')} retryLabel={t('retry')}>
              <CrashProbe area="map" />
              <TravelMap
                view={view}
                onSelect={callbacks.onSelect}
                onHover={callbacks.onHover}
                onSelectLeg={playback.onSelectLeg}
                tileUrl={TILE_URL}
              />
            </AreaBoundary>
          </div>
          {mainView === 'list' && (
            <section className="list-pane" aria-label={t('itinerary')}>
              {noPlaces && <NoPlacesNote t={t} />}
              <AreaBoundary area={t('itinerary')} retryLabel={t('retry')}>
                <CrashProbe area="list" />
                <Suspense fallback={null}>
                  <ItineraryTable
                    data={shownData}
                    window={window}
                    selectedId={selectedId}
                    lang={lang}
                    t={t}
                    onSelect={callbacks.onSelect}
                  />
                </Suspense>
              </AreaBoundary>
            </section>
          )}
        </div>
        <aside ref={detailsRef} className={`app-details${sheetKey ? ' is-open' : ''}`} aria-label={t('details')}>
          {presenting && (
            <Suspense fallback={null}>
              <PresentMode
                data={data}
                lang={lang}
                t={t}
                dispatch={dispatch}
                initialStep={modes.step}
                onLeave={leavePresentation}
              />
            </Suspense>
          )}
          <AreaBoundary area={t('details')} retryLabel={t('retry')}>
            <CrashProbe area="details" />
            {state.compare && (
              <Suspense fallback={null}>
                <CompareTable
                  data={data}
                  pair={state.compare}
                  lang={lang}
                  t={t}
                  onClose={() => dispatch({ type: 'compare', pair: null })}
                />
              </Suspense>
            )}
            {state.legId ? (
              <Suspense fallback={null}>
                <LegDetails
                  data={data}
                  legId={state.legId}
                  lang={lang}
                  t={t}
                  onClose={() => dispatch({ type: 'selectLeg', id: null })}
                />
              </Suspense>
            ) : (
              detailsPanel
            )}
          </AreaBoundary>
        </aside>
        <div className="app-timeline">
          <PlaybackControls data={data} state={state} ctx={playback.ctx} lang={lang} t={t} dispatch={dispatch} />
          <AreaBoundary area={t('timeline')} retryLabel={t('retry')}>
            <CrashProbe area="timeline" />
            <Timeline view={view} {...callbacks} />
          </AreaBoundary>
        </div>
      </main>
      {!embed.embed && <AppFooter data={data} t={t} />}
    </div>
  );
}
