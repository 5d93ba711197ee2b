// Share / Embed: a modal <dialog> (focus kept inside, Esc closes, focus goes back to the opener) with a
// live preview and the codes to copy: the link, a plain iframe, an iframe with the host script, pym.js.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { embedCodes, type EmbedCodes, type EmbedOptions } from '../embed/embed-codes';
import { MAX_HEIGHT, MIN_HEIGHT } from '../embed/embed-params';
import type { Translate } from '../i18n/i18n';
import { UI_LANGS, type UiLang } from '../state/view-state';
import './share-dialog.css';

export interface ShareDialogProps {
  open: boolean;
  onClose(): void;
  /** The app's address and the current view's query. */
  pageHref: string;
  search: string;
  title: string;
  selectedId: string | null;
  lang: UiLang;
  t: Translate;
}

const LANG_NAMES: Record<UiLang, string> = { en: 'English', fr: 'Français', ko: '한국어', ru: 'Русский' };
const CODES: { key: keyof EmbedCodes; label: 'shareLink' | 'embedIframe' | 'embedScript' | 'embedPym' }[] = [
  { key: 'link', label: 'shareLink' },
  { key: 'iframe', label: 'embedIframe' },
  { key: 'script', label: 'embedScript' },
  { key: 'pym', label: 'embedPym' },
];

export function ShareDialog({ open, onClose, pageHref, search, title, selectedId, lang, t }: ShareDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [options, setOptions] = useState<EmbedOptions>({ atEvent: true, lang, height: 600, chrome: true });
  const [copied, setCopied] = useState<string | null>(null);
  const codes = useMemo(
    () => embedCodes(pageHref, search, title, { ...options, atEvent: options.atEvent && !!selectedId }),
    [pageHref, search, title, options, selectedId],
  );

  useEffect(
    function showAsModal() {
      const dialog = ref.current;
      if (!dialog || !open) return;
      const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      if (!dialog.open) dialog.showModal();
      return function returnFocus() {
        if (dialog.open) dialog.close();
        opener?.focus();
      };
    },
    [open],
  );

  const copy = async (key: keyof EmbedCodes) => {
    const area = document.getElementById(`${id}-${key}`) as HTMLTextAreaElement | null;
    try {
      await navigator.clipboard.writeText(codes[key]);
      setCopied(key);
    } catch {
      area?.select();
      setCopied(`${key}:failed`);
    }
  };
  const set = (patch: Partial<EmbedOptions>) => {
    setOptions((o) => ({ ...o, ...patch }));
    setCopied(null);
  };

  return (
    <dialog
      ref={ref}
      className="share-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onKeyDown={keepFocusInside}
    >
      <div className="share-head">
        <h2 id={`${id}-title`}>{t('shareTitle')}</h2>
        <button type="button" className="icon-button" onClick={() => ref.current?.close()} aria-label={t('close')}>
          ×
        </button>
      </div>
      {open && (
        <div className="share-body">
          <fieldset className="share-options">
            <label>
              <input
                type="checkbox"
                checked={options.atEvent && !!selectedId}
                disabled={!selectedId}
                onChange={(e) => set({ atEvent: e.target.checked })}
              />{' '}
              {t('startAtEvent')}
            </label>
            <label>
              {t('language')}{' '}
              <select value={options.lang} onChange={(e) => set({ lang: e.target.value as UiLang })}>
                {UI_LANGS.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {LANG_NAMES[l]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('embedHeight')}{' '}
              <input
                type="number"
                min={MIN_HEIGHT}
                max={MAX_HEIGHT}
                step={10}
                value={options.height}
                onChange={(e) => {
                  const h = Number(e.target.value);
                  if (Number.isFinite(h) && h >= MIN_HEIGHT && h <= MAX_HEIGHT) set({ height: Math.round(h) });
                }}
              />
            </label>
            <label>
              <input type="checkbox" checked={options.chrome} onChange={(e) => set({ chrome: e.target.checked })} />{' '}
              {t('embedChrome')}
            </label>
          </fieldset>
          {CODES.map(({ key, label }) => (
            <div className="share-code" key={key}>
              <label htmlFor={`${id}-${key}`}>{t(label)}</label>
              <div className="share-code-row">
                <textarea
                  id={`${id}-${key}`}
                  data-code={key}
                  readOnly
                  rows={key === 'link' ? 2 : 3}
                  value={codes[key]}
                  onFocus={(e) => e.target.select()}
                />
                <button type="button" onClick={() => void copy(key)}>
                  {t('copy')}
                </button>
              </div>
              <p className="share-status" aria-live="polite">
                {copied === key ? t('copied') : copied === `${key}:failed` ? t('copyFailed') : ''}
              </p>
            </div>
          ))}
          <h3>{t('preview')}</h3>
          <iframe
            className="share-preview"
            src={codes.fixedUrl}
            title={`${t('preview')}: ${title}`}
            height={options.height}
            loading="lazy"
            // A picture of the embed, not a second app to Tab through: inside it, Escape would not
            // reach this dialog and the focus would wander through every mark of the preview.
            inert
          />
        </div>
      )}
    </dialog>
  );
}

const TABBABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** Tab from the last control goes to the first, Shift+Tab from the first to the last: a modal
 *  <dialog> alone lets the focus leave for the browser's own controls. */
function keepFocusInside(e: KeyboardEvent<HTMLDialogElement>) {
  if (e.key !== 'Tab') return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0 && !el.closest('[inert]'),
  );
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) return;
  if (e.shiftKey && (document.activeElement === first || document.activeElement === e.currentTarget)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}
