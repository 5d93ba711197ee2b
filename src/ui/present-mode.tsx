// Presentation mode (loaded on demand): the slide of the current step beside the live map and
// timeline, which follow the step through the view state (selected event, leg, time window).
import { useEffect, useMemo, useRef, type Dispatch } from 'react';
import { pickNarrative, type Step } from '../core/narrative';
import type { Dataset } from '../core/types';
import { localName, type Translate } from '../i18n/i18n';
import type { Action } from '../state/view-state';
import type { Lang } from '../core/schema';
import { toggleFullScreen, usePresentation } from './present-controller';
import { fullViewSearch } from '../embed/embed-params';
import './present-mode.css';

interface Props {
  data: Dataset;
  lang: Lang;
  t: Translate;
  dispatch: Dispatch<Action>;
  initialStep: number | null | undefined;
  onLeave(): void;
}

/** The view-state actions that show a step on the map and the timeline. */
export function actionsForStep(step: Step): Action[] {
  const out: Action[] = [{ type: 'pause' }];
  if (step.window) out.push({ type: 'window', window: step.window });
  if (step.eventId) out.push({ type: 'select', id: step.eventId });
  else if (step.legId) out.push({ type: 'selectLeg', id: step.legId });
  else out.push({ type: 'select', id: null });
  return out;
}

function writeStepToUrl(step: number) {
  const q = new URLSearchParams(location.search);
  q.set('present', '1');
  q.set('step', String(step));
  try {
    history.replaceState(history.state, '', `${location.pathname}?${q}${location.hash}`);
  } catch {
    /* a sandboxed frame may refuse */
  }
}

export function PresentMode({ data, lang, t, dispatch, initialStep, onLeave }: Props) {
  const narrative = useMemo(() => pickNarrative(data), [data]);
  const { state, dispatch: present } = usePresentation(narrative, data.meta.id, initialStep, (a) => {
    if (a.type === 'fullscreen') toggleFullScreen();
    if (a.type === 'leave') onLeave();
  });
  const { step, count, digits } = state;
  const current = narrative.steps[step - 1];
  const next = narrative.steps[step];

  const slide = useRef<HTMLElement>(null);
  useEffect(function focusSlide() {
    // Entered from the page, the slide takes the focus (the Present button that had it is hidden now),
    // and leaving gives it back to that button or the menu holding it. Opened by `present=1` (written
    // by showStep, after this effect), nothing is taken: in an embed it would pull the host's focus.
    if (new URLSearchParams(location.search).get('present') === '1' || !document.hasFocus()) return;
    const active = document.activeElement;
    const opener =
      active instanceof HTMLElement && active !== document.body
        ? active
        : document.querySelector<HTMLElement>('[data-testid=present]');
    slide.current?.focus({ preventScroll: true });
    return function giveFocusBack() {
      const now = document.activeElement;
      if (!opener || (now && now !== document.body && now.isConnected)) return;
      const summary = opener.closest('details')?.querySelector<HTMLElement>(':scope > summary');
      (opener.isConnected && opener.checkVisibility() ? opener : summary)?.focus();
    };
  }, []);

  useEffect(
    function showStep() {
      if (!current) return;
      for (const a of actionsForStep(current)) dispatch(a);
      writeStepToUrl(step);
    },
    [current, step, dispatch],
  );

  return (
    <section
      ref={slide}
      tabIndex={-1}
      className="present-slide"
      aria-label={t('presentSlide')}
      aria-roledescription={t('presentSlide')}
    >
      <p className="present-narrative">{localName(narrative.title, lang)}</p>
      {current ? (
        // Focusable: a long slide scrolls, and a keyboard must reach it (axe scrollable-region-focusable).
        <div className="present-body" aria-live="polite" tabIndex={0}>
          <h2 className="present-title" data-testid="present-title">
            {localName(current.title, lang)}
          </h2>
          {current.text && <p className="present-text">{localName(current.text, lang)}</p>}
        </div>
      ) : (
        <p className="present-text">{t('presentEmpty')}</p>
      )}
      <div className="present-foot">
        <p className="present-progress" data-testid="present-progress">
          {t('presentProgress', { n: step, m: count })}
          {digits && <span className="present-digits"> → {digits}</span>}
        </p>
        {next && (
          <p className="present-next">
            {t('presentNext')} {localName(next.title, lang)}
          </p>
        )}
        <div className="present-buttons">
          <button type="button" onClick={() => present({ type: 'previous' })} disabled={step <= 1}>
            ← {t('presentPrevious')}
          </button>
          <button type="button" onClick={() => present({ type: 'next' })} disabled={step >= count}>
            {t('presentNextButton')} →
          </button>
          <button type="button" onClick={toggleFullScreen} aria-keyshortcuts="F">
            {t('presentFullScreen')}
          </button>
          <a href={`?${notesSearch()}`} target="_blank" rel="noopener">
            {t('presentSpeakerView')}
          </a>
          <button type="button" onClick={onLeave} aria-keyshortcuts="Escape">
            {t('presentLeave')}
          </button>
        </div>
      </div>
    </section>
  );
}

/** The speaker view opens as a full page, also from an embedded presentation. */
function notesSearch() {
  const q = new URLSearchParams(fullViewSearch(location.search));
  q.set('present', '1');
  q.set('notes', '1');
  return q.toString();
}
