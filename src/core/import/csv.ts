// CSV as a spreadsheet saves it → our format: one event a row, columns named in the header (see
// docs/data-format.md). Delimiter `,` `;` or tab; quoted fields may hold delimiters and newlines.
import Papa from 'papaparse';
import { positionFinder } from '../json-locate';
import type { Problem } from '../types';
import {
  isHttpUrl,
  Origins,
  StandIns,
  textLang,
  finishImport,
  uniqueId,
  UNKNOWN_COUNTRY,
  zoneFromLongitude,
  looseDate,
  type ImportResult,
  type Located,
  type RawRecord,
} from './import-kit';

/** Header names accepted for each column (case, spaces and underscores ignored). */
export const CSV_COLUMNS = {
  id: ['id', 'uniqueid'],
  title: ['title', 'headline', 'name', 'event'],
  start: ['start', 'date', 'startdate', 'from', 'when'],
  end: ['end', 'enddate', 'to', 'until'],
  kind: ['kind', 'type'],
  summary: ['summary', 'description', 'text', 'notes'],
  time: ['time', 'timetext'],
  place: ['place', 'location', 'placename', 'city'],
  lat: ['lat', 'latitude'],
  lon: ['lon', 'lng', 'long', 'longitude'],
  timeZone: ['timezone', 'tz', 'zone'],
  country: ['country', 'countrycode'],
  trip: ['trip', 'group', 'journey'],
  sourceUrl: ['sourceurl', 'source', 'url', 'link'],
  sourceTitle: ['sourcetitle'],
  sourcePublisher: ['sourcepublisher', 'publisher'],
} as const;
type Column = keyof typeof CSV_COLUMNS;

const norm = (h: string) => h.toLowerCase().replace(/[\s_-]+/g, '');

/** The columns a header names, by our column name → index. */
function mapHeader(header: readonly string[]): Partial<Record<Column, number>> {
  const out: Partial<Record<Column, number>> = {};
  header.forEach((h, i) => {
    for (const [col, names] of Object.entries(CSV_COLUMNS) as [Column, readonly string[]][])
      if (out[col] === undefined && names.includes(norm(h))) out[col] = i;
  });
  return out;
}

function delimiterOf(firstLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    const count = firstLine.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

/** Whether the text looks like a CSV with a header naming at least a title or a date column. */
export function looksLikeCsv(text: string): boolean {
  const first = text.slice(0, 2000).split(/\r?\n/, 1)[0] ?? '';
  const header = first.split(delimiterOf(first)).map((h) => h.replace(/^"|"$/g, '').trim());
  const cols = mapHeader(header);
  return header.length >= 2 && (cols.start !== undefined || cols.title !== undefined);
}

export function importCsv(text: string, options: { lang?: string; name?: string } = {}): ImportResult {
  const lang = textLang(options.lang);
  const title = options.name?.replace(/\.[^.]+$/, '') || 'Imported table';
  const stand = new StandIns('csv', title, lang);
  const problems: Problem[] = [];
  const rows: { cells: string[]; offset: number }[] = [];
  let offset = 0;
  Papa.parse<string[]>(text, {
    delimiter: delimiterOf(text.slice(0, text.search(/\r?\n|$/))),
    step(result) {
      rows.push({ cells: result.data, offset });
      offset = result.meta.cursor;
    },
  });
  const at = positionFinder(text);
  const header = rows.shift()?.cells ?? [];
  const cols = mapHeader(header);
  const origins = new Origins(
    {
      events: {
        start: 'start',
        end: 'end',
        title: 'title',
        summary: 'summary',
        kind: 'kind',
        id: 'id',
        place: 'place',
        timeText: 'time',
        sources: 'source_url',
        trip: 'trip',
      },
      places: { lat: 'lat', lon: 'lon', timeZone: 'timeZone', country: 'country', names: 'place', id: 'place' },
    },
    ', ',
  );
  const rowAt = (rowOffset: number, column?: Column): Located => {
    const pos = at(rowOffset);
    const name = column ? (column in cols ? header[cols[column]!]! : column) : undefined;
    return { path: name ? `row ${pos.line}, ${name}` : `row ${pos.line}`, ...pos };
  };
  for (const col of ['title', 'start'] as const)
    if (cols[col] === undefined)
      problems.push({
        path: 'row 1',
        line: 1,
        column: 1,
        message: `no "${col}" column (expected one of: ${CSV_COLUMNS[col].join(', ')})`,
        level: 'warning',
      });

  const events: RawRecord[] = [];
  const places: RawRecord[] = [];
  const placeKeys = new Map<string, string>();
  const ids = { events: new Set<string>(), places: new Set<string>() };
  let dropped = 0;

  for (const { cells, offset: rowOffset } of rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    const cell = (c: Column) => (cols[c] === undefined ? '' : (cells[cols[c]!] ?? '').trim());
    const fail = (column: Column, message: string) => {
      dropped++;
      problems.push({ ...rowAt(rowOffset, column), message, level: 'dropped' });
    };
    const start = looseDate(cell('start'));
    if ('error' in start) {
      fail('start', start.error);
      continue;
    }
    const endText = cell('end');
    const end = endText ? looseDate(endText) : undefined;
    if (end && 'error' in end) {
      fail('end', end.error);
      continue;
    }

    let place: string | undefined;
    const latText = cell('lat');
    const lonText = cell('lon');
    if (latText || lonText) {
      const lat = Number(latText.replace(',', '.'));
      const lon = Number(lonText.replace(',', '.'));
      if (!latText || !lonText || !Number.isFinite(lat) || !Number.isFinite(lon)) {
        fail(
          latText && Number.isFinite(lat) ? 'lon' : 'lat',
          `"${latText}", "${lonText}" are not coordinates (expected decimal degrees such as 43.11, 131.88)`,
        );
        continue;
      }
      if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        const bad = Math.abs(lat) > 90 ? 'lat' : 'lon';
        fail(
          bad,
          `${bad === 'lat' ? lat : lon} is out of range (expected ${bad === 'lat' ? '-90 to 90' : '-180 to 180'})`,
        );
        continue;
      }
      const name = cell('place') || `${lat}, ${lon}`;
      const key = `${name}|${lat}|${lon}`;
      place = placeKeys.get(key);
      if (!place) {
        place = uniqueId(name, 'place', ids.places);
        placeKeys.set(key, place);
        origins.set('places', places.length, rowAt(rowOffset));
        places.push({
          id: place,
          names: { [lang]: name },
          lat,
          lon,
          timeZone: cell('timeZone') || zoneFromLongitude(lon),
          country: cell('country').toUpperCase() || UNKNOWN_COUNTRY,
        });
      }
    }

    const kind = cell('kind').toLowerCase();
    const sourceUrl = cell('sourceUrl');
    const titleText = cell('title');
    const time = cell('time') || start.time;
    const summary = cell('summary');
    const idText = cell('id');
    origins.set('events', events.length, rowAt(rowOffset));
    events.push({
      id:
        idText && /^[A-Za-z0-9_.:-]+$/.test(idText)
          ? (ids.events.add(idText), idText)
          : uniqueId(idText || titleText, 'event', ids.events),
      trip: stand.trip(cell('trip') || undefined),
      kind: kind || 'other',
      start: start.date,
      ...(end ? { end: end.date } : {}),
      ...(time ? { timeText: { [lang]: time } } : {}),
      ...(place ? { place } : {}),
      title: titleText ? { [lang]: titleText } : {},
      ...(summary ? { summary: { [lang]: summary } } : {}),
      sources: [
        isHttpUrl(sourceUrl)
          ? stand.source(sourceUrl, cell('sourcePublisher') || undefined, cell('sourceTitle') || undefined)
          : stand.source(),
      ],
    });
  }

  return finishImport({
    title,
    lang,
    stand,
    origins,
    places,
    legs: [],
    events,
    problems,
    dropped: { events: dropped, legs: 0, places: 0 },
  });
}
