export interface TargetRow {
  Target: string;
  Figure: string;
  Verdict: 'met' | 'NOT met' | 'not measured';
}
/** The targets of issue 8 judged on a run's results (`results.json`). */
export function targets(out: { results: Record<string, unknown>[] }): TargetRow[];
