// lang=ko|ru and theme=light|dark in the address, and the browser's language by default.
import { describe, expect, it } from 'vitest';
import { browserLang } from '../../src/state/initial-state';
import { readUrl, writeUrl } from '../../src/state/url-state';

describe('readUrl and writeUrl, languages and themes', () => {
  it('reads lang=ko and lang=ru', () => {
    expect(readUrl('?lang=ko').lang).toBe('ko');
    expect(readUrl('?lang=ru').lang).toBe('ru');
  });
  it('reads theme=light|dark and ignores other values', () => {
    expect(readUrl('?theme=dark').theme).toBe('dark');
    expect(readUrl('?theme=light').theme).toBe('light');
    expect(readUrl('?theme=purple').theme).toBeUndefined();
  });
  it('writes the theme when given, removes it for null, keeps it when not given', () => {
    const base = { selectedId: null, window: null, lang: 'en' as const };
    expect(writeUrl('', { ...base, theme: 'dark' }, { lang: 'en' })).toBe('?theme=dark');
    expect(writeUrl('?theme=dark', { ...base, theme: null }, { lang: 'en' })).toBe('');
    expect(writeUrl('?theme=dark', base, { lang: 'en' })).toBe('?theme=dark');
  });
});

describe('browserLang', () => {
  it('takes the first of the browser languages the interface speaks', () => {
    expect(browserLang(['ko-KR', 'en-US'])).toBe('ko');
    expect(browserLang(['de-DE', 'ru'])).toBe('ru');
    expect(browserLang(['de-DE'])).toBe('en');
  });
});
