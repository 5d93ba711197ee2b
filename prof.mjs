// node prof.mjs profile.json dist from to : inclusive app-function time in [from,to] ms after profile start, plus timeline
import { readFileSync } from 'node:fs';
import { sourceResolver, bucketOf } from '/work/main/scripts/bench/profile.mjs';
const [,, pf, dist, from = 0, to = 1e9, bucket = 50] = process.argv;
const p = JSON.parse(readFileSync(pf, 'utf8'));
const resolve = sourceResolver((url) => `${dist}${new URL(url).pathname}`);
const nodes = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = new Map();
const lab = (n) => { if (!label.has(n.id)) { const cf = n.callFrame; const r = cf.url ? resolve(cf.url, cf.lineNumber, cf.columnNumber) : null; label.set(n.id, r ? `${cf.functionName || '(anon)'} ${bucketOf(r.source)}:${r.line}` : cf.functionName || '(native)'); } return label.get(n.id); };
let t = 0; const incl = new Map(); const self = new Map(); const tl = new Map();
for (let i = 0; i < p.samples.length; i++) {
  t += p.timeDeltas[i]; const ms = t / 1000; const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
  if (ms < from || ms > to) continue;
  let id = p.samples[i]; const seen = new Set(); let first = true;
  const n0 = nodes.get(id);
  if (n0.callFrame.functionName === '(idle)') continue;
  while (id !== undefined) { const n = nodes.get(id); const l = lab(n); if (first) { self.set(l, (self.get(l) ?? 0) + dt); first = false; } if (!seen.has(l)) { seen.add(l); incl.set(l, (incl.get(l) ?? 0) + dt); } id = parent.get(id); }
  const b = Math.floor(ms / bucket) * bucket; const top = [...seen].find((l) => /src\//.test(l)) ?? lab(n0); const k = `${b}|${top}`; tl.set(k, (tl.get(k) ?? 0) + dt);
}
const show = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(1).padStart(7)} ${k}`).join('\n');
console.log('--- inclusive'); console.log(show(incl, Number(process.env.N ?? 45)));
console.log('--- self'); console.log(show(self, 25));
// timeline: per bucket, top 3 entries
const byB = new Map();
for (const [k, v] of tl) { const [b, l] = k.split('|'); if (!byB.has(b)) byB.set(b, []); byB.get(b).push([l, v]); }
if (process.env.TL) for (const b of [...byB.keys()].sort((a, b) => a - b)) { const arr = byB.get(b).sort((x, y) => y[1] - x[1]); const tot = arr.reduce((s, x) => s + x[1], 0); console.log(b.padStart(5), tot.toFixed(0).padStart(3), arr.slice(0, 4).map(([l, v]) => `${l} ${v.toFixed(0)}`).join(' | ')); }
