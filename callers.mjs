import { readFileSync } from 'node:fs';
import { sourceResolver, bucketOf } from '/work/main/scripts/bench/profile.mjs';
const [,, pf, dist, target] = process.argv;
const p = JSON.parse(readFileSync(pf, 'utf8'));
const resolve = sourceResolver((url) => `${dist}${new URL(url).pathname}`);
const nodes = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const lab = (n) => { const cf = n.callFrame; const r = cf.url ? resolve(cf.url, cf.lineNumber, cf.columnNumber) : null; return r ? `${cf.functionName || '(anon)'} ${bucketOf(r.source)}:${r.line}` : cf.functionName || '(native)'; };
const cnt = new Map();
for (let i = 0; i < p.samples.length; i++) {
  const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
  let id = p.samples[i]; const chain = [];
  while (id !== undefined) { chain.push(lab(nodes.get(id))); id = parent.get(id); }
  const k = chain.findIndex((l) => l.includes(target));
  if (k < 0) continue;
  const key = chain.slice(k, k + 6).join(' <- ');
  cnt.set(key, (cnt.get(key) ?? 0) + dt);
}
for (const [k, v] of [...cnt].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(v.toFixed(1), k);
