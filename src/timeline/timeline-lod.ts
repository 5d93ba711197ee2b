// Level of detail of the detail view: which marks keep their own target and which are grouped into
// a bin (one target with a count that zooms in), so that every target is at least 24 × 24 px, no
// two overlap, and a lane never needs more rows than it has room for. Pixels in, rows and bins out:
// no DOM, so it runs under Vitest in Node.

/** A mark's target on screen, px: its hit area spans [a, b] (at least a target wide). */
export interface Target {
  a: number;
  b: number;
}

export interface LodBin {
  /** Inputs grouped in the bin, in time order (by a, then b, then input order). */
  members: number[];
  /** The bin's own target: the union of its members' targets. */
  a: number;
  b: number;
  row: number;
}

export interface LaneLod {
  /** Per input: the row of its own target, or -1 when it is in a bin. */
  row: number[];
  /** Per input: the index of its bin in `bins`, or -1. */
  bin: number[];
  bins: LodBin[];
  /** Rows used (at most maxRows, at least 1 when there is any input). */
  used: number;
}

export interface LodOptions {
  /** Rows the lane has room for (at least 1 is used). */
  maxRows: number;
  /** Targets wider than this (long bars) keep their own target while short neighbours are binned. */
  longPx?: number;
}

const EPS = 1e-6;

/** Indices in time order: by start, then end, then input order (deterministic). */
function timeOrder(targets: readonly Target[], subset?: readonly number[]): number[] {
  const list = subset ? [...subset] : targets.map((_, i) => i);
  return list.sort((i, j) => targets[i]!.a - targets[j]!.a || targets[i]!.b - targets[j]!.b || i - j);
}

/** Runs of targets (in time order) that overlap one another in a chain; runs never overlap. */
export function overlapRuns(targets: readonly Target[], order: readonly number[]): number[][] {
  const runs: number[][] = [];
  let end = -Infinity;
  for (const i of order) {
    const t = targets[i]!;
    if (t.a >= end - EPS || runs.length === 0) runs.push([i]);
    else runs.at(-1)!.push(i);
    end = runs.at(-1)!.length === 1 ? t.b : Math.max(end, t.b);
  }
  return runs;
}

/** First fit in time order (optimal for intervals): a row per unit, and the rows used. */
function pack(units: readonly Target[]): { row: number[]; used: number } {
  const ends: number[] = [];
  const row = units.map((u) => {
    let r = ends.findIndex((e) => e <= u.a + EPS);
    if (r < 0) r = ends.push(u.b) - 1;
    else ends[r] = u.b;
    return r;
  });
  return { row, used: ends.length };
}

interface Unit extends Target {
  members: number[];
  isBin: boolean;
}

/**
 * The level of detail of one lane. Runs of overlapping targets are independent (they never share
 * pixels). A run whose targets fit in `maxRows` rows keeps them all. Otherwise its clusters of short
 * targets (chains of overlap among themselves) become bins, the largest first, until the run fits; a
 * long target lying wholly inside a bin joins it, so that a bin never spans across a mark with its
 * own target. A run that still does not fit becomes one bin.
 */
export function laneLod(targets: readonly Target[], options: LodOptions): LaneLod {
  const maxRows = Math.max(1, Math.floor(options.maxRows));
  const longPx = options.longPx ?? 48;
  const n = targets.length;
  const out: LaneLod = { row: new Array<number>(n).fill(-1), bin: new Array<number>(n).fill(-1), bins: [], used: 0 };
  const order = timeOrder(targets);
  const rank = new Array<number>(n);
  order.forEach((i, k) => (rank[i] = k));
  const single = (i: number): Unit => ({ a: targets[i]!.a, b: targets[i]!.b, members: [i], isBin: false });
  const binOf = (members: number[]): Unit => {
    const sorted = members.sort((i, j) => rank[i]! - rank[j]!);
    let a = Infinity;
    let b = -Infinity;
    for (const i of sorted) [a, b] = [Math.min(a, targets[i]!.a), Math.max(b, targets[i]!.b)];
    return { a, b, members: sorted, isBin: true };
  };
  const byStart = (u: Unit, v: Unit) => u.a - v.a || u.b - v.b || rank[u.members[0]!]! - rank[v.members[0]!]!;

  function commit(units: Unit[], rows: number[]): void {
    units.forEach((u, k) => {
      const r = rows[k]!;
      out.used = Math.max(out.used, r + 1);
      if (!u.isBin) out.row[u.members[0]!] = r;
      else {
        for (const i of u.members) out.bin[i] = out.bins.length;
        out.bins.push({ members: u.members, a: u.a, b: u.b, row: r });
      }
    });
  }

  for (const run of overlapRuns(targets, order)) {
    let units = run.map(single);
    let packed = pack(units);
    if (packed.used <= maxRows) {
      commit(units, packed.row);
      continue;
    }
    const isLong = (i: number) => targets[i]!.b - targets[i]!.a > longPx + EPS;
    const clusters = overlapRuns(
      targets,
      run.filter((i) => !isLong(i)),
    )
      .filter((c) => c.length > 1)
      // The largest first; among equals, the earliest.
      .sort((c, d) => d.length - c.length || rank[c[0]!]! - rank[d[0]!]!);
    let fitted = false;
    for (const cluster of clusters) {
      const inBin = new Set(cluster);
      const bin = binOf(cluster);
      // Long targets wholly inside the bin's span join it.
      for (const u of units)
        if (!u.isBin && !inBin.has(u.members[0]!) && u.a >= bin.a - EPS && u.b <= bin.b + EPS) {
          inBin.add(u.members[0]!);
          bin.members.push(u.members[0]!);
        }
      bin.members.sort((i, j) => rank[i]! - rank[j]!);
      units = [...units.filter((u) => !u.members.some((i) => inBin.has(i))), bin].sort(byStart);
      packed = pack(units);
      if (packed.used <= maxRows) {
        fitted = true;
        break;
      }
    }
    if (fitted) commit(units, packed.row);
    else {
      const whole = binOf([...run]);
      commit([whole], [0]);
    }
  }
  return out;
}

/**
 * Share `total` rows among lanes wanting `want[i]` rows (0: nothing in the window): one each, then
 * one at a time to the lane with the fewest so far that still wants more (ties: the first lane).
 * Null when there are fewer rows than busy lanes.
 */
export function shareRows(want: readonly number[], total: number): number[] | null {
  const got = want.map((w): number => (w > 0 ? 1 : 0));
  let left = Math.floor(total) - got.reduce((a, b) => a + b, 0);
  if (left < 0) return null;
  while (left > 0) {
    let best = -1;
    for (let i = 0; i < want.length; i++) if (got[i]! < want[i]! && (best < 0 || got[i]! < got[best]!)) best = i;
    if (best < 0) break;
    got[best]!++;
    left--;
  }
  return got;
}

/** Split `items` (in order) into `slots` runs of consecutive items whose sizes differ by one at most. */
export function groupConsecutive<T>(items: readonly T[], slots: number): T[][] {
  const g = Math.max(1, Math.min(items.length, Math.floor(slots)));
  const base = Math.floor(items.length / g);
  const extra = items.length % g;
  const out: T[][] = [];
  let at = 0;
  for (let k = 0; k < g; k++) {
    const size = base + (k < extra ? 1 : 0);
    out.push(items.slice(at, at + size));
    at += size;
  }
  return out.filter((x) => x.length > 0);
}
