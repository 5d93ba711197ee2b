// Playback in the app: the clock (one dispatch per animation frame at most while playing, or one step
// per event with prefers-reduced-motion), the registered keys, and the moving markers for the map.
import { keyInput } from '../ui/key-input';
import { useCallback, useEffect, useMemo, useRef, type Dispatch } from 'react';
import { positionAt } from '../core/playback';
import type { Dataset } from '../core/types';
import { localName, type Translate } from '../i18n/i18n';
import type { Mover } from '../map/map-types';
import { actionForKey } from '../state/key-actions';
import { playContext, type PlayContext } from '../state/playback-state';
import type { Action, ViewState } from '../state/view-state';

/** With reduced motion, playback shows one event after another at this pace. */
const STEP_EVERY_MS = 1200;

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function usePlayback(data: Dataset, state: ViewState, dispatch: Dispatch<Action>, t: Translate) {
  const { playing, t: playhead, compare, selectedId, window } = state;

  useEffect(
    function runClock() {
      if (!playing) return;
      if (reducedMotion()) {
        const timer = setInterval(() => dispatch({ type: 'step', dir: 1 }), STEP_EVERY_MS);
        return () => clearInterval(timer);
      }
      let last = performance.now();
      let frame = requestAnimationFrame(function tick(now) {
        // A background tab pauses frames: never jump more than a quarter second of real time.
        dispatch({ type: 'advance', elapsedMs: Math.min(250, now - last) });
        last = now;
        frame = requestAnimationFrame(tick);
      });
      return () => cancelAnimationFrame(frame);
    },
    [playing, dispatch],
  );

  const stateRef = useRef(state);
  useEffect(function keepLatestState() {
    stateRef.current = state;
  });
  useEffect(
    function playbackKeys() {
      function onKeyDown(e: KeyboardEvent) {
        if (e.defaultPrevented) return;
        const action = actionForKey(keyInput(e), stateRef.current);
        if (!action) return;
        e.preventDefault();
        dispatch(action);
      }
      document.addEventListener('keydown', onKeyDown);
      return () => document.removeEventListener('keydown', onKeyDown);
    },
    [dispatch],
  );

  const ctx: PlayContext | null = useMemo(
    () => playContext(data, { t: playhead, compare, selectedId, window }),
    [data, playhead, compare, selectedId, window],
  );

  const movers = useMemo((): Mover[] => {
    if (playhead === null || !ctx) return [];
    return ctx.trips.flatMap((p) => {
      const pos = positionAt(p.schedule, p.toOwn(playhead));
      if (!pos) return [];
      return [
        {
          tripId: p.trip.id,
          latlng: pos.latlng,
          mode: pos.mode ?? 'train',
          label: t('movingLabel', {
            mode: t(`mode_${pos.mode ?? 'train'}`),
            trip: localName(p.trip.title, state.lang),
          }),
        },
      ];
    });
  }, [ctx, playhead, t, state.lang]);

  const onSelectLeg = useCallback((id: string | null) => dispatch({ type: 'selectLeg', id }), [dispatch]);

  return { ctx, movers, onSelectLeg };
}
