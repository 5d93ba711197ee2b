// Screen-space dodge for map markers. Markers whose centres are closer than `minDistance` pixels are
// grouped (transitively) and fanned out on rings around the group's centroid, so that every marker
// stays its own click target at any zoom. Groups whose fanned markers then collide are joined and
// fanned again, until no two markers are closer than `minDistance`. Pure: points in, pixel offsets
// out; no Leaflet, no DOM. Cost: a grid pass per round, O(n) each, a few rounds in practice.

export interface FanPoint {
  id: string;
  /** Projected position, px. */
  x: number;
  y: number;
}

export interface FanOffset {
  dx: number;
  dy: number;
}

export interface FanGroup {
  /** Centroid of the members' true positions, px. */
  x: number;
  y: number;
  /** Radius of the outermost ring, px (0 for a lone marker). */
  radius: number;
  /** Members in slot order: clockwise from 12 o'clock, inner ring first. */
  ids: string[];
}

export interface FanOptions {
  /** Smallest distance between two marker centres after layout, px: marker size plus a gap. */
  minDistance: number;
  /** Most markers on the first ring before a second ring is started. @default 8 */
  firstRing?: number;
}

export interface FanLayout {
  /** One entry per input id; {0, 0} for markers left where they are. */
  offsets: Map<string, FanOffset>;
  /** Groups of two or more markers, for leader lines. */
  groups: FanGroup[];
}

const EPSILON = 1e-9;

function checkOptions(o: FanOptions): Required<FanOptions> {
  const firstRing = o.firstRing ?? 8;
  if (!(Number.isFinite(o.minDistance) && o.minDistance > 0)) throw new Error(`invalid minDistance: ${o.minDistance}`);
  if (!(Number.isInteger(firstRing) && firstRing >= 2)) throw new Error(`invalid firstRing: ${firstRing}`);
  return { minDistance: o.minDistance, firstRing };
}

export interface Ring {
  radius: number;
  count: number;
}

/**
 * Rings for `n` markers around a centre, no two markers closer than `d`. Up to `firstRing` markers
 * share one ring just wide enough; more go on concentric rings `d` apart, each holding as many as fit
 * with chords of at least `d`. A lone marker gets a ring of radius 0.
 */
export function ringPlan(n: number, d: number, firstRing = 8): Ring[] {
  if (n <= 0) return [];
  if (n === 1) return [{ radius: 0, count: 1 }];
  const rings: Ring[] = [];
  let radius = d / (2 * Math.sin(Math.PI / Math.min(n, firstRing)));
  for (let left = n; left > 0; radius += d) {
    // Largest count whose neighbours on this ring are at least d apart: 2r·sin(π/k) ≥ d.
    const capacity =
      rings.length === 0 ? Math.min(n, firstRing) : Math.floor(Math.PI / Math.asin(Math.min(1, d / (2 * radius))));
    const count = Math.min(left, capacity);
    rings.push({ radius, count });
    left -= count;
  }
  return rings;
}

/** Slot `i` of `ring`, clockwise from 12 o'clock turned by `rotation` radians. */
function slot(ring: Ring, i: number, rotation: number): [number, number] {
  if (ring.radius === 0) return [0, 0];
  const a = -Math.PI / 2 + rotation + (2 * Math.PI * i) / ring.count;
  return [ring.radius * Math.cos(a), ring.radius * Math.sin(a)];
}

/** All slots for `n` markers, ring after ring (outer rings turned half a step), for tests and previews. */
export function ringSlots(n: number, d: number, firstRing = 8): { radius: number; slots: [number, number][] } {
  const rings = ringPlan(n, d, firstRing);
  const slots = rings.flatMap((r, k) =>
    Array.from({ length: r.count }, (_, i) => slot(r, i, k % 2 ? Math.PI / r.count : 0)),
  );
  return { radius: rings.at(-1)?.radius ?? 0, slots };
}

class UnionFind {
  private parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[i] !== r) {
      const next = this.parent[i]!;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  /** Joins two sets; returns false when they were already one. */
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    // The smaller index becomes the root, so the result does not depend on the order of unions.
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
    return true;
  }
}

interface Placed {
  members: number[];
  x: number;
  y: number;
  radius: number;
}

/** Angle clockwise from 12 o'clock in [0, 2π), for ordering members around their centroid. */
function clockAngle(dx: number, dy: number): number {
  const a = Math.atan2(dy, dx) + Math.PI / 2;
  return a < 0 ? a + 2 * Math.PI : a;
}

/**
 * Lay out markers so that no two centres are closer than `minDistance`. Deterministic: the result
 * depends only on the input (input order breaks ties, e.g. time order for events at one place).
 */
export function fanLayout(points: readonly FanPoint[], options: FanOptions): FanLayout {
  const { minDistance: d, firstRing } = checkOptions(options);
  const n = points.length;
  const uf = new UnionFind(n);

  // 1. Join points closer than d.
  const pos = points.map((p) => ({ x: p.x, y: p.y }));
  joinClose(pos, d, uf, () => true);

  // 2. Fan each group out, then join groups whose fanned markers come closer than d, and fan again,
  // until none do. Each pass joins at least two groups, so there are fewer than n passes.
  let placed = place(points, uf, d, firstRing);
  let slots = placed.map((g) => arrange(points, g, d, firstRing));
  for (;;) {
    for (const group of slots) for (const s of group) pos[s.i] = { x: s.x, y: s.y };
    const roots = points.map((_, i) => uf.find(i));
    if (!joinClose(pos, d, uf, (i, j) => roots[i] !== roots[j])) break;
    placed = place(points, uf, d, firstRing);
    slots = placed.map((g) => arrange(points, g, d, firstRing));
  }

  // 3. Slots to offsets.
  const offsets = new Map<string, FanOffset>();
  const groups: FanGroup[] = [];
  placed.forEach((g, k) => {
    for (const s of slots[k]!) {
      const p = points[s.i]!;
      offsets.set(p.id, { dx: s.x - p.x, dy: s.y - p.y });
    }
    if (g.members.length > 1)
      groups.push({ x: g.x, y: g.y, radius: g.radius, ids: slots[k]!.map((s) => points[s.i]!.id) });
  });
  return { offsets, groups };
}

/**
 * Joins (in `uf`) every pair of positions closer than d that `eligible` accepts, through a grid of
 * d-sized cells (3×3 neighbourhood). True when any pair was joined.
 */
function joinClose(
  pos: readonly { x: number; y: number }[],
  d: number,
  uf: UnionFind,
  eligible: (i: number, j: number) => boolean,
): boolean {
  let joined = false;
  const grid = new Map<string, number[]>();
  for (let i = 0; i < pos.length; i++) {
    const p = pos[i]!;
    const cx = Math.floor(p.x / d);
    const cy = Math.floor(p.y / d);
    for (let gx = cx - 1; gx <= cx + 1; gx++) {
      for (let gy = cy - 1; gy <= cy + 1; gy++) {
        for (const j of grid.get(`${gx},${gy}`) ?? []) {
          const q = pos[j]!;
          if ((p.x - q.x) ** 2 + (p.y - q.y) ** 2 < d * d - EPSILON && eligible(i, j))
            joined = uf.union(i, j) || joined;
        }
      }
    }
    const key = `${cx},${cy}`;
    const cell = grid.get(key);
    if (cell) cell.push(i);
    else grid.set(key, [i]);
  }
  return joined;
}

/** Where each member of a group goes, in slot order: nearest the centre on the inner ring, each ring by direction. */
function arrange(
  points: readonly FanPoint[],
  g: Placed,
  d: number,
  firstRing: number,
): { i: number; x: number; y: number }[] {
  if (g.members.length === 1) {
    const i = g.members[0]!;
    return [{ i, x: points[i]!.x, y: points[i]!.y }];
  }
  const rings = ringPlan(g.members.length, d, firstRing);
  const byDistance = [...g.members].sort((a, b) => dist2(points[a]!, g) - dist2(points[b]!, g) || a - b);
  const out: { i: number; x: number; y: number }[] = [];
  let next = 0;
  rings.forEach((ring, k) => {
    const { order, rotation } = aroundRing(points, g, byDistance.slice(next, next + ring.count), k);
    next += ring.count;
    order.forEach((i, j) => {
      const [sx, sy] = slot(ring, j, rotation);
      out.push({ i, x: g.x + sx, y: g.y + sy });
    });
  });
  return out;
}

/** Groups from the union-find, with centroid and ring radius, in order of their first member. */
function place(points: readonly FanPoint[], uf: UnionFind, d: number, firstRing: number): Placed[] {
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < points.length; i++) {
    const r = uf.find(i);
    const list = byRoot.get(r);
    if (list) list.push(i);
    else byRoot.set(r, [i]);
  }
  const out: Placed[] = [];
  for (const members of byRoot.values()) {
    let x = 0;
    let y = 0;
    for (const i of members) {
      x += points[i]!.x;
      y += points[i]!.y;
    }
    out.push({
      members,
      x: x / members.length,
      y: y / members.length,
      radius: ringPlan(members.length, d, firstRing).at(-1)?.radius ?? 0,
    });
  }
  return out;
}

function dist2(p: FanPoint, c: { x: number; y: number }): number {
  return (p.x - c.x) ** 2 + (p.y - c.y) ** 2;
}

/**
 * Members of one ring go round in the order of their direction from the centroid, and the ring is
 * turned to match those directions (circular mean), so leader lines stay short and seldom cross.
 * Members on the centroid (one place) have no direction and keep input order, from 12 o'clock on the
 * first ring and half a step further on the next.
 */
function aroundRing(
  points: readonly FanPoint[],
  g: Placed,
  members: number[],
  ringIndex: number,
): { order: number[]; rotation: number } {
  const angle = new Map<number, number | null>();
  for (const i of members) {
    const dx = points[i]!.x - g.x;
    const dy = points[i]!.y - g.y;
    angle.set(i, dx * dx + dy * dy < 0.25 ? null : clockAngle(dx, dy));
  }
  const order = [...members].sort((a, b) => (angle.get(a) ?? 0) - (angle.get(b) ?? 0) || a - b);
  let sin = 0;
  let cos = 0;
  order.forEach((i, k) => {
    const a = angle.get(i);
    if (a == null) return;
    const off = a - (2 * Math.PI * k) / order.length;
    sin += Math.sin(off);
    cos += Math.cos(off);
  });
  const rotation =
    sin * sin + cos * cos < EPSILON ? (ringIndex % 2 ? Math.PI / order.length : 0) : Math.atan2(sin, cos);
  return { order, rotation };
}
