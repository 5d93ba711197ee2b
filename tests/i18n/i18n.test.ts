// Data text in the chosen language along the fallback chain, and dates and numbers through Intl in
// that language.
import { describe, expect, it } from 'vitest';
import type { Instant } from '../../src/core/dates';
import { formatInstant, formatNumber, formatShortDate, pickText } from '../../src/i18n/i18n';

describe('pickText(text, lang)', () => {
  it('takes the chosen language when the data has it', () => {
    expect(pickText({ en: 'Moscow', ru: 'Москва' }, 'ru')).toEqual({ text: 'Москва', lang: 'ru' });
  });

  it('falls back along the chain and says which language it used', () => {
    // ko → en → fr → ru
    expect(pickText({ fr: 'Moscou', ru: 'Москва' }, 'ko')).toEqual({ text: 'Moscou', lang: 'fr' });
    expect(pickText({ ru: 'Москва' }, 'ko')).toEqual({ text: 'Москва', lang: 'ru' });
    // fr → en → ru → ko; ru → en → fr → ko
    expect(pickText({ en: 'Moscow', ru: 'Москва' }, 'fr')).toEqual({ text: 'Moscow', lang: 'en' });
    expect(pickText({ fr: 'Moscou', ko: '모스크바' }, 'ru')).toEqual({ text: 'Moscou', lang: 'fr' });
    // en → fr → ru → ko
    expect(pickText({ ko: '모스크바' }, 'en')).toEqual({ text: '모스크바', lang: 'ko' });
  });

  it('skips empty strings, and gives an empty text in the chosen language when nothing is there', () => {
    expect(pickText({ ko: '', en: 'Moscow' }, 'ko')).toEqual({ text: 'Moscow', lang: 'en' });
    expect(pickText(undefined, 'ru')).toEqual({ text: '', lang: 'ru' });
  });
});

describe('dates and numbers through Intl', () => {
  // 12 September 2023, 12:15 at Vostochny (UTC+10).
  const at: Instant = {
    ms: Date.UTC(2023, 8, 12, 2, 15),
    endMs: Date.UTC(2023, 8, 12, 2, 15),
    precision: 'minute',
    offsetMinutes: 600,
    explicitOffset: false,
  };
  const day: Instant = { ...at, ms: Date.UTC(2023, 8, 11, 14), endMs: Date.UTC(2023, 8, 12, 14), precision: 'day' };

  it('writes the local date and time at the place, in each language', () => {
    expect(formatInstant(at, 'en')).toMatch(/September 12, 2023.*12:15 \(UTC\+10:00\)/);
    expect(formatInstant(at, 'fr')).toMatch(/12 septembre 2023.*12:15 \(UTC\+10:00\)/);
    expect(formatInstant(at, 'ru')).toMatch(/12 сентября 2023.*12:15 \(UTC\+10:00\)/);
    expect(formatInstant(at, 'ko')).toMatch(/2023년 9월 12일.*12:15 \(UTC\+10:00\)/);
  });

  it('writes a day-precision date without a time, and short dates', () => {
    expect(formatInstant(day, 'fr')).toBe('12 septembre 2023');
    expect(formatShortDate(day, 'ru')).toMatch(/^12 сент\.? 2023/);
    expect(formatShortDate(day, 'ko')).toBe('2023년 9월 12일');
  });

  it('groups digits the way each language does', () => {
    expect(formatNumber(12345.6, 'en', 1)).toBe('12,345.6');
    expect(formatNumber(12345.6, 'fr', 1)).toBe('12\u202f345,6');
    expect(formatNumber(12345.6, 'ru', 1)).toBe('12\u00a0345,6');
    expect(formatNumber(12345.6, 'ko', 1)).toBe('12,345.6');
  });
});
