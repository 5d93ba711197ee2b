// Loads generated datasets through the app's own restore (src/core, via Vite's SSR loader) and
// reports what it kept and dropped: a benchmark dataset must load with zero problems.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** For each [label, text]: { label, events, legs, places, trips, problems, ms } from restore. */
export async function verifyDatasets(entries) {
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const { loadDatasetText } = await server.ssrLoadModule('/src/core/restore.ts');
    const out = [];
    for (const [label, text] of entries) {
      const t0 = performance.now();
      const d = loadDatasetText(text);
      out.push({
        label,
        events: d.events.length,
        legs: d.legs.length,
        places: d.places.size,
        trips: d.trips.length,
        problems: d.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`),
        problemCount: d.problems.length,
        ms: Math.round(performance.now() - t0),
      });
    }
    return out;
  } finally {
    await server.close();
  }
}
