// The share card at build: dist/og-image.png of the default view (drawn by scripts/og-card.ts) and its
// Open Graph / Twitter meta in index.html. The image URL is absolute when ITINERA_PUBLIC_URL is set (what
// social networks need), relative otherwise. og-card.ts imports the app's own TypeScript (src/core,
// src/map), so it is loaded through Vite's module runner at build time, not with the config.
import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';
import type * as Card from './og-card.js';

export const OG_FILE = 'og-image.png';

async function loadCard(): Promise<typeof Card> {
  const file = fileURLToPath(new URL('./og-card.ts', import.meta.url));
  return (await runnerImport<typeof Card>(file, { configFile: false, logLevel: 'warn' })).module;
}

interface OgOptions {
  /** The default dataset (what the page opens on). */
  dataset: string;
  /** The Natural Earth TopoJSON (world-atlas). */
  basemap: string;
  /** Where the build is served (ITINERA_PUBLIC_URL): makes the image URL absolute. */
  publicUrl?: string | undefined;
}

/** Vite plugin: dist/og-image.png and its meta in index.html (build only). */
export function itineraOgImage(options: OgOptions): Plugin {
  const imageUrl = options.publicUrl ? `${options.publicUrl.replace(/\/?$/, '/')}${OG_FILE}` : `./${OG_FILE}`;
  return {
    name: 'itinera-og-image',
    apply: 'build',
    async transformIndexHtml(html) {
      const card = await loadCard();
      return html.replace('</head>', `  ${card.ogMetaFor(options.dataset, imageUrl)}\n  </head>`);
    },
    async generateBundle() {
      const card = await loadCard();
      this.emitFile({
        type: 'asset',
        fileName: OG_FILE,
        source: card.renderOgImage(options.dataset, options.basemap).png,
      });
    },
  };
}
