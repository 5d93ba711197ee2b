// Every language has every UI string that existed when it was translated, with the same placeholders.
// Keys added in English since (tests/i18n/keys-snapshot.json) fall back to English and are listed, not failed.
import { describe, expect, it } from 'vitest';
import snapshot from './keys-snapshot.json';
import { translator } from '../../src/i18n/i18n';
import { ko } from '../../src/i18n/ko';
import { ru } from '../../src/i18n/ru';
import { en, fr, type Strings } from '../../src/i18n/strings';

const LANGS: Record<string, Partial<Strings>> = { fr, ko, ru };
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  it('the snapshot lists only keys that English still has', () => {
    expect(snapshot.filter((k) => !(k in en))).toEqual([]);
  });

  for (const [lang, table] of Object.entries(LANGS)) {
    it(`${lang} has every key of the snapshot, non-empty, with the placeholders of English`, () => {
      const missing = snapshot.filter((k) => !table[k as keyof Strings]?.trim());
      expect(missing).toEqual([]);
      const wrong = snapshot.filter(
        (k) => placeholders(table[k as keyof Strings] ?? '').join() !== placeholders(en[k as keyof Strings]).join(),
      );
      expect(wrong).toEqual([]);
      const later = Object.keys(en).filter((k) => !snapshot.includes(k) && !(k in table));
      if (later.length) console.warn(`${lang}: not yet translated (English shown): ${later.join(', ')}`);
    });

    it(`${lang} has no key that English lacks`, () => {
      expect(Object.keys(table).filter((k) => !(k in en))).toEqual([]);
    });
  }

  it('speaks Korean and Russian, and falls back to English for a missing key', () => {
    expect(translator('ko')('map')).toBe('지도');
    expect(translator('ru')('map')).toBe('Карта');
    expect(translator('ko')('eventsShown', { n: 3, m: 45 })).toBe('전체 45건 중 3건');
    const missing = Object.keys(en).find((k) => !(k in ko));
    if (missing) expect(translator('ko')(missing as keyof Strings)).toBe(en[missing as keyof Strings]);
  });
});
