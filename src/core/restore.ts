// Lenient restore with the zod schemas: each record goes through its fast check (restore-plain.ts)
// and, when declined, through its schema, which words the problems. Never throws on any input.
import type * as z from 'zod/mini';
import { COLLECTIONS, metaSchema, narrativeSchema } from './schema';
import { emptyDataset, restoreWith, typeName, type RestoreOut, type RecordKind, type SlowCheck } from './restore-plain';
import type { Dataset } from './types';

export { emptyDataset, FORMAT, plainEvent, restorePlain } from './restore-plain';

type Issue = z.core.$ZodIssue;

/** `events[3].start` from a base path and a zod issue path. */
export function joinPath(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) v = v == null ? undefined : (v as Record<PropertyKey, unknown>)[k];
  return v;
}

/** A readable sentence for a zod issue: what is wrong and what was expected. */
export function describeIssue(issue: Issue, input: unknown): string {
  const got = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return got === undefined
        ? `missing (expected ${issue.expected})`
        : `expected ${issue.expected}, got ${typeName(got)}`;
    case 'invalid_value':
      return `${typeName(got)} is not one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `needs ${issue.message !== 'Invalid input' ? issue.message : `at least ${issue.minimum} item(s)`}`
        : `${typeName(got)} is below the minimum ${issue.minimum}`;
    case 'too_big':
      return `${typeName(got)} is above the maximum ${issue.maximum}`;
    case 'invalid_format':
      return `${typeName(got)} is not ${issue.message !== 'Invalid input' ? issue.message : issue.format}`;
    case 'unrecognized_keys':
      return `unknown field(s) ${issue.keys.join(', ')}`;
    default:
      return issue.message !== 'Invalid input' ? issue.message : `invalid value ${typeName(got)}`;
  }
}

const SCHEMAS: Record<RecordKind, z.ZodMiniType> = { meta: metaSchema, ...COLLECTIONS, narratives: narrativeSchema };

/** The schema's verdict on a record, its problems with their JSON paths and readable reasons. */
const bySchema: SlowCheck = (kind, item, path) => {
  const result = SCHEMAS[kind].safeParse(item);
  if (result.success) return { ok: true, record: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      path: joinPath(path, issue.path),
      message: describeIssue(issue, item),
    })),
  };
};

/** Restore a parsed JSON value into a Dataset. Bad records are dropped and listed in `problems`. */
export function restoreDataset(input: unknown, out?: RestoreOut, adopt = false): Dataset {
  // With a slow check for every record, restoreWith always returns a dataset.
  return restoreWith(input, bySchema, out, adopt)!;
}

/** Parse JSON text and restore it; a syntax error becomes a fatal problem with line and column. */
export function loadDatasetText(text: string): Dataset {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(message);
    let where = '';
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split('\n').length;
      const col = Number(pos[1]) - before.lastIndexOf('\n');
      where = ` at line ${line}, column ${col}`;
    }
    return emptyDataset([{ path: '(file)', message: `not valid JSON${where}: ${message}`, level: 'fatal' }]);
  }
  return restoreDataset(value, undefined, true);
}
