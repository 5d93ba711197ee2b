// On a phone the details are a bottom sheet (src/app/app.css, max-width 760px): when an event is
// selected the focus moves into it, Escape closes it, and the focus goes back where it was.
import { useEffect, useRef, type RefObject } from 'react';

export const SHEET_QUERY = '(max-width: 760px)';

/**
 * `openKey`: what the sheet shows (the selected event or leg), null when closed. `quiet`: a change
 * that should not take the focus (playback stepping through events).
 */
export function useBottomSheet(
  ref: RefObject<HTMLElement | null>,
  openKey: string | null,
  quiet: boolean,
  onClose: () => void,
): void {
  const returnTo = useRef<HTMLElement | null>(null);
  /** The selection the page opened with (event= in the URL) must not take the focus: in an embed it
   *  would pull the host page's focus into the frame. */
  const mounted = useRef(false);
  const onCloseRef = useRef(onClose);
  useEffect(function keepLatestOnClose() {
    onCloseRef.current = onClose;
  });

  useEffect(
    function moveFocus() {
      const sheet = ref.current;
      const first = !mounted.current;
      mounted.current = true;
      if (first && openKey !== null) return;
      if (!sheet || typeof matchMedia !== 'function' || !matchMedia(SHEET_QUERY).matches) return;
      if (openKey === null) {
        const back = returnTo.current;
        returnTo.current = null;
        // Back to where the reader was, unless the focus already moved elsewhere on purpose.
        if (back?.isConnected && (document.activeElement === document.body || sheet.contains(document.activeElement)))
          back.focus();
        return;
      }
      if (quiet) return;
      const active = document.activeElement as HTMLElement | null;
      if (active && !sheet.contains(active) && active !== document.body) returnTo.current = active;
      // After React has drawn the new details.
      const frame = requestAnimationFrame(() => {
        const target = sheet.querySelector<HTMLElement>('h2') ?? sheet;
        if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
        target.focus({ preventScroll: true });
      });
      return () => cancelAnimationFrame(frame);
    },
    [ref, openKey, quiet],
  );

  useEffect(
    function closeOnEscape() {
      const sheet = ref.current;
      if (!sheet) return;
      const onKey = (e: KeyboardEvent) => {
        if (e.key === 'Escape' && matchMedia(SHEET_QUERY).matches) {
          e.stopPropagation();
          onCloseRef.current();
        }
      };
      sheet.addEventListener('keydown', onKey);
      return () => sheet.removeEventListener('keydown', onKey);
    },
    [ref],
  );
}
