// On a phone the details are a bottom sheet (src/app/app.css, max-width 760px): when an event is
// selected the focus moves into it, Escape closes it, and the focus goes back where it was. At any
// width, closing the details while the focus is in them (their × button) gives the focus back to
// where the selection was made, so that it never falls to the page.
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
  const returnTo = useRef<Focusable | null>(null);
  /** The last element focused outside the sheet: where to go back when no selection was made by keys. */
  const lastOutside = useRef<Focusable | null>(null);
  /** The selection the page opened with (event= in the URL) must not take the focus: in an embed it
   *  would pull the host page's focus into the frame. */
  const mounted = useRef(false);
  const onCloseRef = useRef(onClose);
  useEffect(function keepLatestOnClose() {
    onCloseRef.current = onClose;
  });

  useEffect(
    function rememberFocusOutside() {
      const onFocusIn = (e: FocusEvent) => {
        const target = e.target;
        if (isFocusable(target) && !ref.current?.contains(target)) lastOutside.current = target;
      };
      document.addEventListener('focusin', onFocusIn);
      return () => document.removeEventListener('focusin', onFocusIn);
    },
    [ref],
  );

  useEffect(
    function moveFocus() {
      const sheet = ref.current;
      const first = !mounted.current;
      mounted.current = true;
      if (first && openKey !== null) return;
      if (!sheet) return;
      if (openKey === null) {
        const back = returnTo.current ?? lastOutside.current;
        returnTo.current = null;
        // Back to where the reader was, unless the focus already moved elsewhere on purpose.
        const active = document.activeElement;
        if (back?.isConnected && (!active || active === document.body || sheet.contains(active))) back.focus();
        return;
      }
      if (quiet) return;
      const active = document.activeElement;
      if (isFocusable(active) && !sheet.contains(active) && active !== document.body) returnTo.current = active;
      // Only the phone's sheet takes the focus; beside the map the details wait for it.
      if (typeof matchMedia !== 'function' || !matchMedia(SHEET_QUERY).matches) return;
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

type Focusable = HTMLElement | SVGElement;
const isFocusable = (el: unknown): el is Focusable => el instanceof HTMLElement || el instanceof SVGElement;
