// Light and dark colours: `theme=light|dark` in the URL, the system's preference otherwise. The
// colours themselves are CSS custom properties (src/app/app.css, [data-theme] and prefers-color-scheme).
import { useEffect, useState } from 'react';
import type { Translate } from '../i18n/i18n';
import { readUrl } from '../state/url-state';
import type { Theme } from '../state/view-state';

/** The theme asked for (null: follow the system), kept on <html data-theme>. */
export function useTheme(): [Theme | null, (theme: Theme | null) => void] {
  const [theme, setTheme] = useState<Theme | null>(() => readUrl(location.search).theme ?? null);
  useEffect(
    function applyTheme() {
      const root = document.documentElement;
      if (theme) root.dataset.theme = theme;
      else delete root.dataset.theme;
    },
    [theme],
  );
  return [theme, setTheme];
}

export function ThemeSwitch({
  theme,
  t,
  onTheme,
}: {
  theme: Theme | null;
  t: Translate;
  onTheme(t: Theme | null): void;
}) {
  return (
    <label className="theme-switch">
      <span className="theme-switch-label">{t('theme')}</span>
      <select
        value={theme ?? 'system'}
        onChange={(e) => onTheme(e.target.value === 'system' ? null : (e.target.value as Theme))}
      >
        <option value="system">{t('theme_system')}</option>
        <option value="light">{t('theme_light')}</option>
        <option value="dark">{t('theme_dark')}</option>
      </select>
    </label>
  );
}
