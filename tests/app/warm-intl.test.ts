import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmIntl, warmUp } from '../../src/app/warm-intl';

afterEach(() => vi.unstubAllGlobals());

describe('warmUp (the warm-up worker’s code, run here in Node)', () => {
  it.each(['en', 'fr', 'ko', 'ru'])('makes the formats of %s and says it is done, once', (lang) => {
    const postMessage = vi.fn();
    vi.stubGlobal('self', { postMessage });
    const made: string[] = [];
    const { DisplayNames, DateTimeFormat, NumberFormat } = Intl;
    // Count what it makes, through the real constructors.
    vi.stubGlobal('Intl', {
      ...Intl,
      DisplayNames: class extends DisplayNames {
        constructor(...a: ConstructorParameters<typeof DisplayNames>) {
          super(...a);
          made.push(`DisplayNames ${String(a[0])}`);
        }
      },
      DateTimeFormat: class extends DateTimeFormat {
        constructor(...a: ConstructorParameters<typeof DateTimeFormat>) {
          super(...a);
          made.push(`DateTimeFormat ${String(a[0])} ${a[1]?.timeZone}`);
        }
      },
      NumberFormat: class extends NumberFormat {
        constructor(...a: ConstructorParameters<typeof NumberFormat>) {
          super(...a);
          made.push(`NumberFormat ${String(a[0])}`);
        }
      },
    });
    warmUp(lang);
    expect(made).toEqual([
      'DateTimeFormat en-US Asia/Pyongyang',
      `DisplayNames ${lang}`,
      `DateTimeFormat ${lang} UTC`,
      `NumberFormat ${lang}`,
    ]);
    expect(postMessage).toHaveBeenCalledTimes(1);
  });

  it('still says it is done for a language tag ICU refuses', () => {
    const postMessage = vi.fn();
    vi.stubGlobal('self', { postMessage });
    expect(() => new Intl.NumberFormat('not a tag!')).toThrow(RangeError);
    expect(() => warmUp('not a tag!')).not.toThrow();
    expect(postMessage).toHaveBeenCalledTimes(1);
  });
});

describe('warmIntl', () => {
  it('starts no worker where there is none (Node), and does not throw', () => {
    expect(typeof Worker).toBe('undefined');
    expect(warmIntl('en')).toBeNull();
  });
});
