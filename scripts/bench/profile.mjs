// Attributes a CDP CPU profile (Profiler.stop) to the app's source files through the build's hidden
// source map: self time per source file (or package) and per function, with native calls charged
// to the nearest bundled JavaScript caller.
import { existsSync, readFileSync } from 'node:fs';
import sourceMapJs from 'source-map-js';

const { SourceMapConsumer } = sourceMapJs;

/** A resolver from (url, line, column) to { source, name } using `<file>.map` beside the served file. */
export function sourceResolver(fileOfUrl) {
  const consumers = new Map();
  return (url, line, column) => {
    if (!url) return null;
    // A script the page was handed without an address (the harness's evaluations, an extension's) is
    // named as it is: its name is not a URL to look a map up by.
    if (!URL.canParse(url)) return { source: url, name: null, line: line + 1 };
    if (!consumers.has(url)) {
      const file = fileOfUrl(url);
      const map = file && existsSync(`${file}.map`) ? `${file}.map` : null;
      consumers.set(url, map ? new SourceMapConsumer(JSON.parse(readFileSync(map, 'utf8'))) : null);
    }
    const c = consumers.get(url);
    if (!c) return { source: new URL(url).pathname.replace(/^\/peer\//, 'peer/'), name: null, line: line + 1 };
    const pos = c.originalPositionFor({ line: line + 1, column });
    if (!pos.source) return { source: '(bundle, unmapped)', name: null, line: line + 1 };
    return { source: pos.source.replace(/^(\.\.\/)+/, ''), name: pos.name, line: pos.line };
  };
}

/** Groups a node_modules path by package ("react-dom"), a src path by file. */
export function bucketOf(source) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return m ? `${m[1]} (dependency)` : source;
}

/** { totalMs, byFile, byFunction, byAppCaller: [{ name, ms, pct }] }, the top `top` entries of each. */
export function attribute(profile, resolve, top = 12) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfMs = new Map();
  const { samples = [], timeDeltas = [] } = profile;
  for (let i = 0; i < samples.length; i++) {
    const dt = (timeDeltas[i + 1] ?? timeDeltas[i] ?? 0) / 1000;
    selfMs.set(samples[i], (selfMs.get(samples[i]) ?? 0) + dt);
  }
  const cache = new Map();
  const where = (id) => {
    if (cache.has(id)) return cache.get(id);
    const n = nodes.get(id);
    const f = n.callFrame;
    let out;
    if (['(idle)', '(program)', '(garbage collector)', '(root)'].includes(f.functionName) && !f.url)
      out = { file: f.functionName, fn: f.functionName };
    else if (!f.url) {
      // A native function: charge it to its nearest caller with a URL.
      const p = parent.get(id);
      const up = p === undefined ? null : where(p);
      out = up && !up.file.startsWith('(') ? up : { file: '(native)', fn: f.functionName || '(native)' };
    } else {
      const r = resolve(f.url, f.lineNumber, f.columnNumber);
      const file = r ? bucketOf(r.source) : f.url;
      out = { file, fn: `${r?.name ?? (f.functionName || '(anonymous)')} (${r ? r.source : f.url}:${r?.line ?? 0})` };
    }
    cache.set(id, out);
    return out;
  };
  // The app's own function nearest to each sample (src/…), charged with everything below it.
  const appCache = new Map();
  const appCaller = (id) => {
    if (appCache.has(id)) return appCache.get(id);
    const n = nodes.get(id);
    const f = n.callFrame;
    let out = null;
    if (f.url) {
      const r = resolve(f.url, f.lineNumber, f.columnNumber);
      if (r && r.source.startsWith('src/'))
        out = `${r.name ?? (f.functionName || '(anonymous)')} (${r.source}:${r.line})`;
    }
    if (!out) {
      const p = parent.get(id);
      out = p === undefined ? '(not under app code)' : appCaller(p);
    }
    appCache.set(id, out);
    return out;
  };
  const byApp = new Map();
  const byFile = new Map();
  const byFn = new Map();
  let total = 0;
  for (const [id, ms] of selfMs) {
    const w = where(id);
    if (w.file === '(idle)') continue;
    total += ms;
    byFile.set(w.file, (byFile.get(w.file) ?? 0) + ms);
    byFn.set(w.fn, (byFn.get(w.fn) ?? 0) + ms);
    const a = appCaller(id);
    byApp.set(a, (byApp.get(a) ?? 0) + ms);
  }
  const list = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), pct: total ? Math.round((1000 * ms) / total) / 10 : 0 }));
  return { totalMs: Math.round(total), byFile: list(byFile), byFunction: list(byFn), byAppCaller: list(byApp) };
}
