export interface TargetRow {
  Target: string;
  Figure: string;
  Verdict: 'met' | 'NOT met' | 'not measured';
}
/** The targets of issue 8 judged on a run's results (`results.json`). */
export function targets(out: {
  results: Record<string, unknown>[];
  /** The first load of the stack alone (scripts/bench/stack-floor.mjs), in bytes. */
  stackFloor?: { js: number; css: number; gzip: number };
}): TargetRow[];
/** The main table's rows (system × size), each a column name to its printed figure. */
export function rows(out: { results: Record<string, unknown>[] }): Record<string, string>[];
