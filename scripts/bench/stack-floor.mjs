// The first load of the stack alone: a page that imports only the libraries the app's first paint
// needs, named as the app imports them (React 19 and react-dom/client, Leaflet with its CSS, and the D3
// modules of the timeline and the routes), built by Vite with the app's build settings, with none of
// the app's own code. Issue 8 asks for 150 KB gzip of first-load JS+CSS; this figure is how much of
// that the owner's choice of libraries takes before any of ours, and the benchmark prints it beside
// the app's first load. When the app's first paint imports another library, add it to ENTRY.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { measure } from '../size-budget.mjs';

const ENTRY = `import { createRoot } from 'react-dom/client';
import { useEffect, useRef, useState } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { axisBottom } from 'd3-axis';
import { brushX } from 'd3-brush';
import { scaleUtc } from 'd3-scale';
import { pointer, select } from 'd3-selection';
import { utcDay, utcHour, utcMonth, utcYear } from 'd3-time';
import { zoom, zoomIdentity, zoomTransform } from 'd3-zoom';
import { geoInterpolate } from 'd3-geo';

function App() {
  const [n, setN] = useState(0);
  const ref = useRef(null);
  useEffect(() => {
    const map = L.map(ref.current, { renderer: L.canvas() });
    L.polyline([[0, 0], [1, 1]]).addTo(map);
    L.marker([0, 0], { icon: L.divIcon({ html: 'x' }) }).addTo(map);
    const x = scaleUtc().domain([new Date(0), new Date(1e12)]).range([0, 500]);
    const svg = select(document.body).append('svg');
    svg.append('g').call(axisBottom(x));
    svg.append('g').call(brushX());
    svg.call(zoom().on('zoom', (e) => console.log(zoomTransform(svg.node()), zoomIdentity, pointer(e))));
    console.log(utcDay, utcHour, utcMonth, utcYear, geoInterpolate([0, 0], [1, 1]));
  }, []);
  return React.createElement('div', { ref, onClick: () => setN(n + 1) }, n);
}
createRoot(document.getElementById('root')).render(React.createElement(App));
`;

/**
 * Builds the stack-only page in `dir` (inside the project, so that its imports resolve to the
 * project's node_modules) and returns its first load as size-budget.mjs measures the app's:
 * `{ js, css, gzip }` in bytes (gzip -9) and the files.
 */
export async function stackFloor(where) {
  const dir = resolve(where);
  rmSync(dir, { recursive: true, force: true });
  const src = join(dir, 'src');
  mkdirSync(src, { recursive: true });
  writeFileSync(
    join(src, 'index.html'),
    '<!doctype html><html><body><div id="root"></div><script type="module" src="./main.js"></script></body></html>\n',
  );
  writeFileSync(join(src, 'main.js'), `import React from 'react';\n${ENTRY}`);
  await build({
    root: src,
    configFile: false,
    logLevel: 'silent',
    // React's production build whatever NODE_ENV the caller runs under (Vitest sets it to "test", and
    // Vite would then bundle React's development build, warnings and checks included).
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    // As vite.config.ts builds the app: relative URLs, no assets inlined into the CSS, ES2022.
    base: './',
    build: { outDir: join(dir, 'dist'), emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0 },
  });
  return measure(join(dir, 'dist'));
}
