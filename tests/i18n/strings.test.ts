// Every language has every UI string of English, non-empty, with the same placeholders: a key added
// in English fails here until French, Korean and Russian have it (at run time a missing key would show
// the English text, see translator()).
import { describe, expect, it } from 'vitest';
import { fr } from '../../src/i18n/fr';
import { hasStrings, loadStrings, translator } from '../../src/i18n/i18n';
import { ko } from '../../src/i18n/ko';
import { ru } from '../../src/i18n/ru';
import { en, type Strings } from '../../src/i18n/strings';

const LANGS: Record<string, Partial<Strings>> = { fr, ko, ru };
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  for (const [lang, table] of Object.entries(LANGS)) {
    it(`${lang} has every key of English, non-empty, with the placeholders of English`, () => {
      const missing = Object.keys(en).filter((k) => !table[k as keyof Strings]?.trim());
      expect(missing, `${lang} lacks: ${missing.join(', ')}`).toEqual([]);
      const wrong = Object.keys(en).filter(
        (k) => placeholders(table[k as keyof Strings] ?? '').join() !== placeholders(en[k as keyof Strings]).join(),
      );
      expect(wrong).toEqual([]);
    });

    it(`${lang} has no key that English lacks`, () => {
      expect(Object.keys(table).filter((k) => !(k in en))).toEqual([]);
    });
  }

  it('speaks English until the strings of a language are loaded, then that language', async () => {
    expect(hasStrings('en')).toBe(true);
    expect(hasStrings('fr')).toBe(false);
    expect(translator('fr')('map')).toBe(en.map);
    await Promise.all([loadStrings('fr'), loadStrings('fr')]);
    expect(hasStrings('fr')).toBe(true);
    expect(translator('fr')('map')).toBe('Carte');
  });

  it('speaks Korean and Russian, and English for a language it does not have', async () => {
    await Promise.all([loadStrings('ko'), loadStrings('ru')]);
    expect(translator('ko')('map')).toBe('지도');
    expect(translator('ru')('map')).toBe('Карта');
    expect(translator('ko')('eventsShown', { n: 3, m: 45 })).toBe('전체 45건 중 3건');
    expect(translator('xx' as 'en')('map')).toBe(en.map);
  });
});
