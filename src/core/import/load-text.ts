// The one way in for any file: detect the format from the content, convert it if it is another
// tool's, restore it leniently, and give every problem its place in the file. Never throws.
import { findJsonSyntaxError, locateProblems } from '../json-locate';
import { emptyDataset, restoreDataset } from '../restore';
import type { RestoreOut } from '../restore-plain';
import type { Dataset, Problem } from '../types';
import { importCsv, looksLikeCsv } from './csv';
import { importGeoJson, isGeoJson } from './geojson';
import { isObject, type ImportResult, type SourceFormat } from './import-kit';
import { importStoryMap, isStoryMap } from './storymapjs';
import { importTimelineJs, isTimelineJs } from './timelinejs';

export interface LoadOptions {
  /** The file's name, for messages and as the title of a CSV import. */
  name?: string;
  /** Language of the text in formats that do not say (TimelineJS, StoryMapJS, CSV). */
  lang?: string;
}

export interface LoadResult {
  dataset: Dataset;
  /** The detected format, or null when the text could not be read as any. */
  format: SourceFormat | null;
  /** False when the text could not be parsed at all (empty, not JSON, an HTML page). */
  parsed: boolean;
}

function fatal(message: string, extra: Partial<Problem> = {}): Problem {
  return { path: '(file)', message, level: 'fatal', ...extra };
}

function unreadable(problem: Problem): LoadResult {
  return { dataset: emptyDataset([problem]), format: null, parsed: false };
}

/** Which format a parsed JSON value is in. */
export function detectJsonFormat(value: unknown): SourceFormat {
  if (isStoryMap(value)) return 'storymapjs';
  if (isGeoJson(value)) return 'geojson';
  if (isTimelineJs(value)) return 'timelinejs';
  return 'itinera';
}

/** Parse and restore a file's text, whatever its format. */
export function loadText(input: string, options: LoadOptions = {}, out?: RestoreOut): LoadResult {
  try {
    return loadTextUnsafe(input, options, out);
  } catch (err) {
    // A last guard: restore and the importers do not throw, but a file must never crash the app.
    return unreadable(fatal(`could not be read: ${err instanceof Error ? err.message : String(err)}`));
  }
}

function loadTextUnsafe(input: string, options: LoadOptions, out?: RestoreOut): LoadResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const first = /\S/.exec(text);
  if (!first) return unreadable(fatal('the file is empty (expected a JSON dataset or a CSV table)'));
  const c = first[0];
  if (c === '<')
    return unreadable(
      fatal(
        /^\s*<(!doctype\s+html|html|head|body)/i.test(text)
          ? 'this is an HTML page, not a dataset (the server may have sent an error page)'
          : 'this is XML or HTML, not a dataset (expected JSON or CSV)',
        { line: 1, column: first.index + 1 },
      ),
    );
  if (c !== '{' && c !== '[' && looksLikeCsv(text)) return finish(text, 'csv', importCsv(text, options), false);

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const f = findJsonSyntaxError(text);
    const reason = f?.message ?? (err instanceof Error ? err.message : String(err));
    return unreadable(
      fatal(
        `not valid JSON${f ? ` at line ${f.line}, column ${f.column}` : ''}: ${reason}`,
        f ? { line: f.line, column: f.column } : {},
      ),
    );
  }
  if (Array.isArray(value))
    return {
      dataset: emptyDataset([
        fatal('the file is a JSON array; a dataset is a JSON object such as { "format": "itinera/1", … }', {
          path: '(root)',
          line: 1,
          column: first.index + 1,
        }),
      ]),
      format: null,
      parsed: true,
    };
  if (!isObject(value)) return { dataset: restoreDataset(value), format: null, parsed: true };

  const format = detectJsonFormat(value);
  switch (format) {
    case 'timelinejs':
      return finish(text, format, importTimelineJs(value, options), true);
    case 'storymapjs':
      return finish(text, format, importStoryMap(value, options), true);
    case 'geojson':
      return finish(text, format, importGeoJson(value, options), true);
    default: {
      if (value.format === undefined) {
        const d = emptyDataset([
          fatal(
            'missing "format": this is not an Itinera dataset ("format": "itinera/1"), nor a TimelineJS, StoryMapJS, GeoJSON or CSV file',
            { path: 'format', line: 1, column: first.index + 1 },
          ),
        ]);
        return { dataset: d, format: null, parsed: true };
      }
      // Only here are the restored events rows of the file's own `events` (`out` is for the hand-off).
      // `value` is this function's own parse: its events are adopted, not copied.
      const dataset = restoreDataset(value, out, true);
      return { dataset: { ...dataset, problems: locateProblems(text, dataset.problems) }, format, parsed: true };
    }
  }
}

/** Restore an import, put its problems in the file's terms and places, count what it dropped. */
function finish(text: string, format: SourceFormat, result: ImportResult, json: boolean): LoadResult {
  const dataset = restoreDataset(result.raw);
  const translated = dataset.problems.map((p): Problem => {
    const where = result.translate(p.path);
    return { ...p, ...where };
  });
  const problems = [...result.problems, ...translated];
  const totals = {
    events: dataset.totals.events + result.dropped.events,
    legs: dataset.totals.legs + result.dropped.legs,
    places: dataset.totals.places + result.dropped.places,
  };
  return {
    dataset: { ...dataset, problems: json ? locateProblems(text, problems) : problems, totals },
    format,
    parsed: true,
  };
}
