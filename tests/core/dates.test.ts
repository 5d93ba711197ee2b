import { describe, expect, it } from 'vitest';
import {
  formatOffset,
  isoUrlTime,
  parsePartialDate,
  timeZoneOffsetMinutes,
  utcFromParts,
  type Instant,
} from '../../src/core/dates';

const parse = (text: string, tz?: string) => {
  const r = parsePartialDate(text, tz);
  if (typeof r === 'string') throw new Error(r);
  return r;
};
const iso = (ms: number) => new Date(ms).toISOString();

describe('parsePartialDate', () => {
  it('reads a date-time with its own UTC offset', () => {
    const i = parse('2023-09-12T12:15+10:00');
    expect(iso(i.ms)).toBe('2023-09-12T02:15:00.000Z');
    expect(i).toMatchObject({ precision: 'minute', offsetMinutes: 600, explicitOffset: true });
    expect(i.endMs).toBe(i.ms);
  });

  it('reads seconds, Z and negative offsets', () => {
    expect(iso(parse('2001-08-03T22:00:30Z').ms)).toBe('2001-08-03T22:00:30.000Z');
    expect(parse('2001-08-03T22:00:30Z').precision).toBe('second');
    expect(iso(parse('1999-12-31T20:00-04:30').ms)).toBe('2000-01-01T00:30:00.000Z');
  });

  it('makes a day a local day in the place time zone', () => {
    const i = parse('2019-04-24', 'Asia/Vladivostok');
    expect(iso(i.ms)).toBe('2019-04-23T14:00:00.000Z');
    expect(iso(i.endMs)).toBe('2019-04-24T14:00:00.000Z');
    expect(i).toMatchObject({ precision: 'day', offsetMinutes: 600, explicitOffset: false });
  });

  it('makes a month and a year whole intervals', () => {
    const m = parse('2019-02', 'UTC');
    expect([iso(m.ms), iso(m.endMs)]).toEqual(['2019-02-01T00:00:00.000Z', '2019-03-01T00:00:00.000Z']);
    const y = parse('2000', 'UTC');
    expect([iso(y.ms), iso(y.endMs)]).toEqual(['2000-01-01T00:00:00.000Z', '2001-01-01T00:00:00.000Z']);
  });

  it('follows a time zone through daylight saving time (Moscow summer 2001 was UTC+4)', () => {
    const i = parse('2001-08-04', 'Europe/Moscow');
    expect(i.offsetMinutes).toBe(240);
    expect(parse('2023-09-12', 'Europe/Moscow').offsetMinutes).toBe(180);
  });

  it('knows Pyongyang time was UTC+8:30 between 2015 and 2018', () => {
    expect(parse('2016-06-01', 'Asia/Pyongyang').offsetMinutes).toBe(510);
    expect(parse('2019-04-24', 'Asia/Pyongyang').offsetMinutes).toBe(540);
  });

  it('keeps years 1900–2100 and beyond exact (no 1970 or two-digit slips)', () => {
    for (const y of [1000, 1900, 1949, 1970, 1999, 2000, 2100, 2999]) {
      const i = parse(`${y}-03-01`, 'UTC');
      expect(new Date(i.ms).getUTCFullYear()).toBe(y);
      expect(new Date(i.ms).getUTCMonth()).toBe(2);
    }
    expect(utcFromParts(50, 1, 1)).toBe(Date.parse('0050-01-01T00:00:00Z'));
  });

  it('rejects malformed dates with a reason', () => {
    expect(parsePartialDate('24/04/2019')).toMatch(/not YYYY/);
    expect(parsePartialDate('2019-13')).toMatch(/month 13/);
    expect(parsePartialDate('2019-02-30')).toMatch(/day 30/);
    expect(parsePartialDate('2019-02-28T25:00+09:00')).toMatch(/not a valid time/);
    expect(parsePartialDate('2019-02-28T10:00')).toMatch(/not YYYY/); // a time needs an offset
    expect(parsePartialDate('0999')).toMatch(/before 1000/);
    expect(parsePartialDate('2019-02-28T10:00+15:00')).toMatch(/beyond/);
  });

  it('knows the length of every month, leap years included', () => {
    for (let y = 1896; y <= 2104; y++)
      for (let mo = 1; mo <= 12; mo++) {
        const days = new Date(Date.UTC(y, mo, 0)).getUTCDate(); // day 0 of the next month
        const mm = String(mo).padStart(2, '0');
        expect(typeof parsePartialDate(`${y}-${mm}-${days}`)).toBe('object');
        expect(parsePartialDate(`${y}-${mm}-${days + 1}`)).toMatch(/is not in/);
      }
  });

  it('reads every date-time with an offset as the ISO reading does, and refuses the rest with a reason', () => {
    // Random texts of the date-time shape, with fields in and out of range and a separator changed now
    // and then, against Date.parse (which reads this ISO shape) and the range rules.
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const two = (n: number) => String(n).padStart(2, '0');
    for (let k = 0; k < 20_000; k++) {
      const [y, mo, d, h, mi, s] = [990 + rnd(1100), rnd(14), rnd(33), rnd(26), rnd(62), rnd(62)];
      const zone = rnd(4) === 0 ? 'Z' : `${rnd(2) ? '+' : '-'}${two(rnd(16))}:${two(rnd(4) * 15 + rnd(2))}`;
      let text = `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}${rnd(2) ? `:${two(s)}` : ''}${zone}`;
      if (rnd(10) === 0) {
        const at = rnd(text.length);
        text = text.slice(0, at) + '-T:Z+0'[rnd(6)] + text.slice(at + 1);
      }
      const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|([+-])(\d{2}):(\d{2}))$/.exec(text);
      const valid =
        !!m &&
        Number(m[1]) >= 1000 &&
        Number(m[2]) >= 1 &&
        Number(m[2]) <= 12 &&
        Number(m[3]) >= 1 &&
        Number(m[3]) <= new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate() &&
        Number(m[4]) <= 23 &&
        Number(m[5]) <= 59 &&
        Number(m[6] ?? 0) <= 59 &&
        (m[7] === 'Z' || Number(m[9]) * 60 + Number(m[10]) <= 14 * 60);
      const got = parsePartialDate(text, 'Asia/Vladivostok');
      if (!valid) {
        expect(typeof got, text).toBe('string');
        continue;
      }
      expect(got, text).toEqual({
        ms: Date.parse(text),
        endMs: Date.parse(text),
        precision: m![6] === undefined ? 'minute' : 'second',
        offsetMinutes: m![7] === 'Z' ? 0 : (m![8] === '-' ? -1 : 1) * (Number(m![9]) * 60 + Number(m![10])),
        explicitOffset: true,
      });
    }
  });

  it('gives a date-only text seen again the same answer, per time zone', () => {
    const a = parse('2023-09-13', 'Asia/Vladivostok');
    expect(parse('2023-09-13', 'Asia/Vladivostok')).toBe(a); // kept, not recomputed
    const b = parse('2023-09-13', 'Asia/Pyongyang');
    expect(b.ms - a.ms).toBe(60 * 60_000); // Pyongyang is UTC+9, Vladivostok UTC+10
    expect(parsePartialDate('2023-02-30', 'Asia/Pyongyang')).toBe(parsePartialDate('2023-02-30', 'Asia/Pyongyang'));
    // Many distinct days (past the cache's bound) still parse right.
    for (let i = 0; i < 25_000; i++) {
      const day = new Date(Date.UTC(1950, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      const got = parse(day, 'UTC');
      expect(got.ms).toBe(Date.parse(`${day}T00:00:00Z`));
    }
    expect(parse('2023-09-13', 'Asia/Vladivostok')).toEqual(a);
  });
});

describe('timeZoneOffsetMinutes', () => {
  it('reads east and west offsets', () => {
    expect(timeZoneOffsetMinutes('Asia/Vladivostok', Date.UTC(2023, 8, 12))).toBe(600);
    expect(timeZoneOffsetMinutes('America/New_York', Date.UTC(2023, 0, 12))).toBe(-300);
    expect(timeZoneOffsetMinutes('UTC', 0)).toBe(0);
  });

  it('reads half hours, and zones at UTC whose offset is written as plain "GMT"', () => {
    expect(timeZoneOffsetMinutes('Asia/Kolkata', Date.UTC(2023, 0, 1))).toBe(330);
    expect(timeZoneOffsetMinutes('America/St_Johns', Date.UTC(2023, 0, 1))).toBe(-210);
    expect(timeZoneOffsetMinutes('Europe/London', Date.UTC(2023, 0, 1))).toBe(0);
    expect(timeZoneOffsetMinutes('Europe/London', Date.UTC(2023, 6, 1))).toBe(60);
  });
});

describe('formatOffset and isoUrlTime', () => {
  it('formats offsets with sign and minutes', () => {
    expect(formatOffset(600)).toBe('UTC+10:00');
    expect(formatOffset(-210)).toBe('UTC−03:30');
    expect(formatOffset(0)).toBe('UTC');
  });
  it('writes URL times as days at midnight, else minutes', () => {
    expect(isoUrlTime(Date.UTC(2023, 8, 12))).toBe('2023-09-12');
    expect(isoUrlTime(Date.UTC(2023, 8, 12), true)).toBe('2023-09-12T00:00Z');
    expect(isoUrlTime(Date.UTC(2023, 8, 12, 2, 15))).toBe('2023-09-12T02:15Z');
    const i: Instant = parse('1905-01-02');
    expect(isoUrlTime(i.ms)).toBe('1905-01-02');
  });
});
