// A small marker after data text shown in another language than the interface's (the fallback chain).
import type { Lang } from '../core/schema';
import type { Translate } from '../i18n/i18n';

function languageName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function FallbackMark({ shown, lang, t }: { shown: Lang; lang: Lang; t: Translate }) {
  if (shown === lang) return null;
  const label = t('shownIn', { lang: languageName(shown, lang) });
  return (
    <abbr className="fallback-mark" title={label} aria-label={label} data-testid="fallback-mark">
      {shown.toUpperCase()}
    </abbr>
  );
}
