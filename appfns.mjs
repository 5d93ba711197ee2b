// node appfns.mjs dist prof... : per profile, inclusive ms of selected app functions
import { readFileSync } from 'node:fs';
import { sourceResolver, bucketOf } from '/work/main/scripts/bench/profile.mjs';
const [,, dist, ...files] = process.argv;
const resolve = sourceResolver((url) => `${dist}${new URL(url).pathname}`);
for (const f of files) {
  const p = JSON.parse(readFileSync(f, 'utf8'));
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const lab = new Map();
  const L = (n) => { if (!lab.has(n.id)) { const cf = n.callFrame; const r = cf.url ? resolve(cf.url, cf.lineNumber, cf.columnNumber) : null; lab.set(n.id, r ? `${bucketOf(r.source).replace('work/main/src/','')}:${r.line}` : cf.functionName || '(native)'); } return lab.get(n.id); };
  const incl = new Map(); let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000; let id = p.samples[i]; const seen = new Set();
    const top = L(nodes.get(id)); if (top === '(idle)' || top === '(program)') continue; total += dt;
    while (id !== undefined) { const l = L(nodes.get(id)); if (!seen.has(l)) { seen.add(l); incl.set(l, (incl.get(l) ?? 0) + dt); } id = parent.get(id); }
  }
  const pick = (re) => [...incl].filter(([k]) => re.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 9).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
  console.log(f.replace(/.*-/, ''), 'busy', total.toFixed(1), '|', pick(/^(map|timeline|app|ui|state)\//));
}
