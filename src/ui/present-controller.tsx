// The presentation's step, its keys and the channel that keeps the presenter's window and the speaker
// view in step. Shared by present-mode.tsx and speaker-view.tsx (both loaded on demand).
import { useEffect, useReducer, useRef } from 'react';
import { clampStep, type Narrative } from '../core/narrative';
import { keyInput } from './key-input';
import { presentActionForKey, presentReduce, type PresentAction, type PresentState } from '../state/present-state';

type Message = { type: 'step'; step: number } | { type: 'hello' };

export function channelName(datasetId: string) {
  return `itinera-present:${datasetId}`;
}

export function toggleFullScreen() {
  if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

/**
 * The step of a narrative. Keys are caught on `window` in the capture phase and stopped there, so in
 * presentation mode the playback keys (on `document`) and the timeline's own arrows do not also fire.
 */
export function usePresentation(
  narrative: Narrative,
  datasetId: string,
  initialStep: number | null | undefined,
  onSideEffect: (a: PresentAction) => void,
  /** The speaker view asks the presenter's window for its step when it opens; the presenter answers. */
  role: 'presenter' | 'speaker' = 'presenter',
) {
  const count = narrative.steps.length;
  const [state, dispatch] = useReducer(presentReduce, undefined, (): PresentState => ({
    step: clampStep(initialStep, count),
    count,
    digits: '',
  }));
  const stateRef = useRef(state);
  const effectRef = useRef(onSideEffect);
  useEffect(() => {
    stateRef.current = state;
    effectRef.current = onSideEffect;
  });

  useEffect(function presentKeys() {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented) return;
      const action = presentActionForKey(keyInput(e), stateRef.current);
      if (!action) return;
      e.preventDefault();
      e.stopPropagation();
      dispatch(action);
      if (action.type === 'fullscreen' || action.type === 'leave') effectRef.current(action);
    }
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);

  // Both windows post their step; a window that opens asks for the current one.
  const channelRef = useRef<BroadcastChannel | null>(null);
  // The last step told or heard: a window does not echo what it was told, nor post its first step.
  const sentRef = useRef(state.step);
  useEffect(
    function joinChannel() {
      if (typeof BroadcastChannel !== 'function') return;
      const channel = new BroadcastChannel(channelName(datasetId));
      channelRef.current = channel;
      channel.onmessage = (m: MessageEvent<Message>) => {
        const msg = m.data;
        if (msg?.type === 'step' && Number.isInteger(msg.step)) {
          sentRef.current = msg.step;
          dispatch({ type: 'goto', step: msg.step });
        } else if (msg?.type === 'hello' && role === 'presenter')
          channel.postMessage({ type: 'step', step: stateRef.current.step });
      };
      if (role === 'speaker') channel.postMessage({ type: 'hello' } satisfies Message);
      return () => {
        channel.close();
        channelRef.current = null;
      };
    },
    [datasetId, role],
  );
  useEffect(
    function tellOtherWindow() {
      if (state.step === sentRef.current) return;
      sentRef.current = state.step;
      channelRef.current?.postMessage({ type: 'step', step: state.step } satisfies Message);
    },
    [state.step],
  );

  return { state, dispatch };
}
