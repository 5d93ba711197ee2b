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
}

const LANG_NAMES: Record<UiLang, string> = { en: 'English', fr: 'Français', ko: '한국어', ru: 'Русский' };

export function AppHeader({ data, lang, t, shown, onLang }: Props) {
  return (
    <header className="app-header">
      <div className="app-title">
        <h1>{localName(data.meta.title, lang)}</h1>
        {data.meta.description && <p className="app-description">{localName(data.meta.description, lang)}</p>}
      </div>
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
    </header>
  );
}
