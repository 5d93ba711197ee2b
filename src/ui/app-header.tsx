// The header: the dataset's title and one-line description, how many events are in view, the language,
// and the actions (Share, and the "More" menu holding the rest). One row from 1280 px down to tablets;
// on a phone the title block takes the first rows and the tools one row under it.
import { useEffect, useRef, type ReactNode } from 'react';
import type { Dataset } from '../core/types';
import { localName, type Translate } from '../i18n/i18n';
import { UI_LANGS, type UiLang } from '../state/view-state';

interface Props {
  data: Dataset;
  lang: UiLang;
  t: Translate;
  /** Events in the current window. */
  shown: number;
  onLang(lang: UiLang): void;
  /** The actions after the language (Share, the menu); none in an embed. */
  children?: ReactNode;
}

const LANG_NAMES: Record<UiLang, string> = { en: 'English', fr: 'Français', ko: '한국어', ru: 'Русский' };

export function AppHeader({ data, lang, t, shown, onLang, children }: Props) {
  return (
    <header className="app-header">
      <div className="app-title">
        <h1>{localName(data.meta.title, lang)}</h1>
        {data.meta.description && <p className="app-description">{localName(data.meta.description, lang)}</p>}
      </div>
      <div className="app-tools">
        <p className="event-count" data-testid="event-count">
          {t('eventsShown', { n: shown, m: data.events.length })}
        </p>
        <label className="lang-switch">
          <span className="visually-hidden">{t('language')}</span>
          <select value={lang} onChange={(e) => onLang(e.target.value as UiLang)}>
            {UI_LANGS.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANG_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        {children}
      </div>
    </header>
  );
}

/**
 * The header's secondary actions behind one button: a native disclosure (<details>, so the summary
 * says expanded or collapsed by itself). Escape closes it and gives the focus back to its button (an
 * export menu open inside it closes first); a click outside it or the focus leaving it closes it too, and
 * so does a control marked `data-closes-menu`.
 */
export function HeaderMenu({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(function closeMenuOnLeave() {
    const menu = ref.current;
    if (!menu) return;
    const close = (refocus: boolean) => {
      if (!menu.open) return;
      menu.open = false;
      if (refocus) menu.querySelector<HTMLElement>(':scope > summary')?.focus();
    };
    // Escape closes the innermost open menu (an export menu inside this one, else this one).
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !menu.open) return;
      e.preventDefault();
      e.stopPropagation();
      const inner = (e.target as Element).closest?.('details[open]');
      if (inner instanceof HTMLDetailsElement && inner !== menu && menu.contains(inner)) {
        inner.open = false;
        inner.querySelector<HTMLElement>(':scope > summary')?.focus();
      } else close(true);
    };
    const onPointerDown = (e: PointerEvent) => {
      if (!menu.contains(e.target as Node)) close(false);
    };
    const onFocusOut = (e: FocusEvent) => {
      if (e.relatedTarget instanceof Node && !menu.contains(e.relatedTarget)) close(false);
    };
    const onClick = (e: MouseEvent) => {
      if ((e.target as Element).closest?.('[data-closes-menu]')) close(false);
    };
    menu.addEventListener('keydown', onKeyDown);
    menu.addEventListener('focusout', onFocusOut);
    menu.addEventListener('click', onClick);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      menu.removeEventListener('keydown', onKeyDown);
      menu.removeEventListener('focusout', onFocusOut);
      menu.removeEventListener('click', onClick);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, []);
  return (
    <details ref={ref} className="header-menu" data-testid="header-menu">
      <summary>
        <span className="header-menu-label">{label}</span>
        <svg className="header-menu-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <circle cx="3" cy="8" r="1.6" />
          <circle cx="8" cy="8" r="1.6" />
          <circle cx="13" cy="8" r="1.6" />
        </svg>
      </summary>
      <div className="header-menu-panel">{children}</div>
    </details>
  );
}

/** The page's title and description follow the dataset and the language (index.html has the default's). */
export function useDocumentMeta(data: Dataset, lang: UiLang): void {
  useEffect(
    function documentMeta() {
      const title = localName(data.meta.title, lang);
      document.title = title ? `${title} · Itinera` : 'Itinera';
      const description = localName(data.meta.description, lang);
      if (!description) return;
      let meta = document.querySelector<HTMLMetaElement>('meta[name="description"]');
      if (!meta) {
        meta = document.createElement('meta');
        meta.name = 'description';
        document.head.append(meta);
      }
      meta.content = description;
    },
    [data, lang],
  );
}
