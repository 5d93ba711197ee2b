// What the page says when the app's own code cannot load (src/app/main.tsx), in the reader's language.
// Here, not in the strings of each language: those load with the app, which is what failed.
import type { UiLang } from '../state/view-state';

const BOOT_ERROR: Record<UiLang, (reason: string) => string> = {
  en: (r) => `Itinera could not start: its code did not load (${r}). Reload the page to try again.`,
  fr: (r) => `Itinera n’a pas pu démarrer : son code ne s’est pas chargé (${r}). Rechargez la page pour réessayer.`,
  ko: (r) => `Itinera를 시작하지 못했습니다. 코드를 불러오지 못했습니다 (${r}). 페이지를 새로 고쳐 다시 시도하세요.`,
  ru: (r) =>
    `Не удалось запустить Itinera: её код не загрузился (${r}). Перезагрузите страницу, чтобы попробовать снова.`,
};

export function bootError(lang: UiLang, reason: string): string {
  return BOOT_ERROR[lang](reason);
}
