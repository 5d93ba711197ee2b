// TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html) → our format. Events have no
// places there: they are kept without one ("no location"). Groups become trips; media with a URL and
// a credit become sources. Times have no zone in TimelineJS, so they are kept as the day plus a text.
import { parsePartialDate } from '../dates';
import type { Problem } from '../types';
import { isHttpUrl, isObject, Origins, plainText, StandIns, textLang, uniqueId, type ImportResult } from './import-kit';

export function isTimelineJs(value: unknown): boolean {
  if (!isObject(value) || 'format' in value) return false;
  const events = value.events;
  if (Array.isArray(events)) return events.length === 0 || events.some((e) => isObject(e) && 'start_date' in e);
  return isObject(value.title) && ('text' in value.title || 'media' in value.title);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A TimelineJS date object → our partial date and a text for the time, or a problem at its field. */
function convertDate(
  value: unknown,
  path: string,
): { date: string; timeText?: string } | { path: string; message: string } {
  if (!isObject(value))
    return { path, message: `expected an object with a year, got ${JSON.stringify(value) ?? 'nothing'}` };
  const num = (field: string, min: number, max: number): number | undefined | { path: string; message: string } => {
    const v = value[field];
    if (v === undefined || v === null || v === '') return undefined;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n))
      return { path: `${path}.${field}`, message: `${JSON.stringify(v)} is not a whole number` };
    if (n < min || n > max) return { path: `${path}.${field}`, message: `${n} is not in ${min}–${max}` };
    return n;
  };
  const year = num('year', 1000, 2999);
  if (year === undefined) return { path: `${path}.year`, message: 'missing (expected a year)' };
  if (typeof year === 'object') return year;
  const parts: (number | undefined)[] = [year];
  for (const [field, min, max] of [
    ['month', 1, 12],
    ['day', 1, 31],
    ['hour', 0, 23],
    ['minute', 0, 59],
  ] as const) {
    const n = num(field, min, max);
    if (typeof n === 'object') return n;
    parts.push(n);
  }
  const [, month, day, hour, minute] = parts;
  if (day !== undefined && month === undefined)
    return { path: `${path}.month`, message: 'missing (a day needs a month)' };
  const date = `${pad(year, 4)}${month !== undefined ? `-${pad(month)}` : ''}${month !== undefined && day !== undefined ? `-${pad(day)}` : ''}`;
  const check = parsePartialDate(date);
  if (typeof check === 'string') return { path: `${path}.day`, message: check };
  const display = plainText(value.display_date);
  const time = hour !== undefined ? `${pad(hour)}:${pad(minute ?? 0)} (time zone not stated)` : undefined;
  return display || time ? { date, timeText: display || time } : { date };
}

export function importTimelineJs(value: Record<string, unknown>, options: { lang?: string } = {}): ImportResult {
  const lang = textLang(options.lang);
  const titleSlide = isObject(value.title) ? value.title : {};
  const titleText = isObject(titleSlide.text) ? titleSlide.text : {};
  const title = plainText(titleText.headline) || 'Imported timeline';
  const stand = new StandIns('timelinejs', title, lang);
  const origins = new Origins({
    events: {
      start: 'start_date',
      end: 'end_date',
      title: 'text.headline',
      summary: 'text.text',
      id: 'unique_id',
      sources: 'media',
      timeText: 'start_date.display_date',
    },
  });
  const problems: Problem[] = [];
  const drop = (path: string, message: string) => problems.push({ path, message, level: 'dropped' });
  const events: Record<string, unknown>[] = [];
  const ids = new Set<string>();
  let dropped = 0;

  const list = value.events;
  if (list !== undefined && !Array.isArray(list))
    problems.push({ path: 'events', message: 'expected an array', level: 'warning' });
  (Array.isArray(list) ? list : []).forEach((item, i) => {
    const path = `events[${i}]`;
    if (!isObject(item)) {
      dropped++;
      return drop(
        path,
        `expected an event object, got ${Array.isArray(item) ? 'an array' : JSON.stringify(item)?.slice(0, 40)}`,
      );
    }
    const start = convertDate(item.start_date, `${path}.start_date`);
    if ('message' in start) {
      dropped++;
      return drop(start.path, start.message);
    }
    const end = item.end_date === undefined ? undefined : convertDate(item.end_date, `${path}.end_date`);
    if (end && 'message' in end) {
      dropped++;
      return drop(end.path, end.message);
    }
    const text = isObject(item.text) ? item.text : {};
    const headline = plainText(text.headline);
    const body = plainText(text.text);
    const media = isObject(item.media) ? item.media : {};
    const mediaUrl = isHttpUrl(media.url) ? media.url.trim() : undefined;
    const credit = plainText(media.credit);
    const group = plainText(item.group) || undefined;
    const uid = typeof item.unique_id === 'string' && item.unique_id ? item.unique_id : undefined;
    // A unique_id is kept as written when it is a valid id, so a duplicate is reported as one.
    const id = uid && /^[A-Za-z0-9_.:-]+$/.test(uid) ? uid : uniqueId(uid ?? headline, `event-${i + 1}`, ids);
    ids.add(id);
    const displayDate = plainText(item.display_date);
    const timeText = displayDate || start.timeText;
    origins.set('events', events.length, { path });
    events.push({
      id,
      trip: stand.trip(group),
      kind: 'other',
      start: start.date,
      ...(end ? { end: end.date } : {}),
      ...(timeText ? { timeText: { [lang]: timeText } } : {}),
      title: { [lang]: headline || body.split('\n')[0]!.slice(0, 80) || `Event ${i + 1}` },
      ...(body ? { summary: { [lang]: body } } : {}),
      sources: [
        mediaUrl && credit ? stand.source(mediaUrl, credit, plainText(media.caption) || headline) : stand.source(),
      ],
    });
  });

  const raw = {
    format: 'itinera/1',
    meta: {
      id: uniqueId(title, 'imported', new Set()),
      title: { [lang]: title },
      ...(plainText(titleText.text) ? { description: { [lang]: plainText(titleText.text) } } : {}),
    },
    sources: stand.sources,
    people: stand.people,
    places: [],
    trips: stand.trips,
    legs: [],
    events,
  };
  return {
    raw,
    problems: [...problems, ...stand.problems()],
    dropped: { events: dropped, legs: 0, places: 0 },
    translate: origins.translate,
  };
}
