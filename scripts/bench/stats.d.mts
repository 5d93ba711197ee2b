export function percentile(values: readonly (number | null | undefined)[], p: number): number | null;
export function summarize(values: readonly (number | null | undefined)[]): {
  n: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
  mean: number | null;
};
export function ratio(a: unknown, b: unknown): number | null;
export function formatMs(v: unknown): string;
export function formatBytes(v: unknown): string;
