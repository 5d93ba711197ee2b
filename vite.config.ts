/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { itineraHostScript, itineraOembed, itineraStandalone } from './scripts/embed-build.js';
import { itineraOgImage } from './scripts/og-image.js';
import { itineraPreload } from './scripts/preload.js';

export default defineConfig({
  plugins: [
    react(),
    // The basemap starts loading with the JavaScript, not after the dataset, and the app's chunk (which
    // main.tsx imports after starting the data) with the entry (scripts/preload.ts).
    itineraPreload({ files: [/(^|\/)countries-110m-[\w-]+\.json$/], modules: [/(^|\/)mount-[\w-]+\.js$/] }),
    // Embedding: dist/embed.js (host script), dist/standalone.html (for sandboxed frames), dist/oembed/*.json.
    itineraHostScript(),
    itineraStandalone(),
    itineraOembed({
      datasets: [{ name: 'kim-trips', file: 'data/kim-trips.json', query: '' }],
      publicUrl: process.env.ITINERA_PUBLIC_URL,
    }),
    // The share card: dist/og-image.png of the default view, and its Open Graph / Twitter meta.
    itineraOgImage({
      dataset: 'data/kim-trips.json',
      basemap: 'node_modules/world-atlas/countries-110m.json',
      publicUrl: process.env.ITINERA_PUBLIC_URL,
    }),
  ],
  // Relative asset URLs so the build works from any folder of a static host.
  base: './',
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
  },
  preview: { host: '127.0.0.1' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
