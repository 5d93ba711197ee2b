// Small statistics helpers for the benchmark: percentiles by linear interpolation between the
// closest ranks (the same definition as d3-array's quantile and NumPy's default).

/** The p-th percentile (0–100) of the finite numbers in `values`, or null when there are none. */
export function percentile(values, p) {
  if (!(p >= 0 && p <= 100)) throw new Error(`invalid percentile: ${p}`);
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const i = (xs.length - 1) * (p / 100);
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return xs[lo] + (xs[hi] - xs[lo]) * (i - lo);
}

/** { n, p50, p95, max, mean } of the finite numbers in `values` (nulls when there are none). */
export function summarize(values) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  const mean = xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
  return {
    n: xs.length,
    p50: percentile(xs, 50),
    p95: percentile(xs, 95),
    max: xs.length ? Math.max(...xs) : null,
    mean,
  };
}

/** Ratio a/b rounded to two significant digits, or null when either is missing. */
export function ratio(a, b) {
  if (typeof a !== 'number' || typeof b !== 'number' || !(b > 0)) return null;
  return Number((a / b).toPrecision(2));
}

/** A human figure: "12.3 ms", "1.24 s", "830 KB"… or the status text ("timeout", "n/a"). */
export function formatMs(v) {
  if (typeof v === 'string') return v;
  if (typeof v !== 'number' || !Number.isFinite(v)) return '–';
  if (v >= 10_000) return `${(v / 1000).toFixed(1)} s`;
  if (v >= 1000) return `${(v / 1000).toFixed(2)} s`;
  return `${v.toFixed(v >= 100 ? 0 : 1)} ms`;
}

export function formatBytes(v) {
  if (typeof v === 'string') return v;
  if (typeof v !== 'number' || !Number.isFinite(v)) return '–';
  if (v >= 1024 * 1024) return `${(v / 1024 / 1024).toFixed(1)} MB`;
  return `${(v / 1024).toFixed(1)} KB`;
}
