// `npm run build:single`: the whole app, data and basemap included, in one HTML file that works from
// file:// with no network (for classrooms and archives). Writes dist/single/index.html unless
// `--outDir` says otherwise. Also used by embed-build.ts for dist/standalone.html.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type InlineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

const root = fileURLToPath(new URL('..', import.meta.url));

export function singleFileConfig({ outDir, mode }: { outDir?: string; mode?: string } = {}): InlineConfig {
  return {
    root,
    configFile: false,
    mode,
    base: './',
    // vite-plugin-singlefile inlines every asset (the dataset, the basemap, Leaflet's images) as data: URLs.
    plugins: [react(), viteSingleFile()],
    build: {
      outDir: outDir ?? `${root}dist/single`,
      emptyOutDir: true,
      copyPublicDir: false,
      target: 'es2022',
      reportCompressedSize: false,
    },
    logLevel: 'warn',
  };
}

export default defineConfig(singleFileConfig());
