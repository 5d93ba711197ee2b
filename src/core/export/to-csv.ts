// A dataset as CSV, one event a row, in the columns the CSV import reads (docs/data-format.md), so a
// spreadsheet can edit it and bring it back.
import Papa from 'papaparse';
import type { TimeWindow } from '../selectors';
import type { Dataset } from '../types';
import { datasetToRaw } from './dataset-to-raw';
import { flatText } from './to-geojson';

export const CSV_EXPORT_COLUMNS = [
  'id',
  'title',
  'start',
  'end',
  'kind',
  'time',
  'place',
  'lat',
  'lon',
  'timeZone',
  'country',
  'trip',
  'summary',
  'source_url',
  'source_publisher',
  'source_title',
] as const;

export function toCsv(data: Dataset, window: TimeWindow | null = null, lang: 'en' | 'fr' = 'en'): string {
  const raw = datasetToRaw(data, window);
  const rows = raw.events.map((e) => {
    const place = e.place ? data.places.get(e.place) : undefined;
    const source = data.sources.get(e.sources[0]!);
    const trip = data.tripsById.get(e.trip);
    return [
      e.id,
      flatText(e.title, lang) ?? '',
      e.start,
      e.end ?? '',
      e.kind,
      flatText(e.timeText, lang) ?? '',
      place ? (flatText(place.names, lang) ?? place.id) : '',
      place?.lat ?? '',
      place?.lon ?? '',
      place?.timeZone ?? '',
      place?.country ?? '',
      trip ? (flatText(trip.title, lang) ?? trip.id) : e.trip,
      flatText(e.summary, lang) ?? '',
      source?.url ?? '',
      source?.publisher ?? '',
      source?.title ?? '',
    ];
  });
  // A BOM so spreadsheets open it as UTF-8; CRLF as RFC 4180 says.
  return `\ufeff${Papa.unparse({ fields: [...CSV_EXPORT_COLUMNS], data: rows }, { newline: '\r\n' })}\r\n`;
}
