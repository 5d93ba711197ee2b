// `npm run build:single`: the whole app, data and basemap included, in one HTML file that works from
// file:// with no network (for classrooms and archives). Writes dist/single/index.html unless
// `--outDir` says otherwise. Also used by embed-build.ts for dist/standalone.html.
import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type InlineConfig, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

const root = fileURLToPath(new URL('..', import.meta.url));

export function singleFileConfig({ outDir, mode }: { outDir?: string; mode?: string } = {}): InlineConfig {
  return {
    root,
    configFile: false,
    mode,
    base: './',
    // vite-plugin-singlefile inlines every asset (the dataset, the basemap, Leaflet's images) as data: URLs.
    plugins: [react(), viteSingleFile(), hashPolicy(), inlineFavicon()],
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

/** The favicon (public/favicon.svg, not copied here) goes inline too, so the file asks for nothing. */
function inlineFavicon(): Plugin {
  return {
    name: 'itinera-single-file-favicon',
    transformIndexHtml(html) {
      const svg = readFileSync(join(root, 'public/favicon.svg'), 'utf8');
      return html.replace('href="./favicon.svg"', `href="data:image/svg+xml,${encodeURIComponent(svg)}"`);
    },
  };
}

/**
 * The single file carries its own Content-Security-Policy in a <meta> tag: its inline scripts are
 * allowed by their SHA-256 hashes, nothing else runs; data: is needed for the inlined dataset and
 * basemap. A host serving the file may send the same policy as a header.
 */
export function hashPolicy(): Plugin {
  let outDir = '';
  return {
    name: 'itinera-single-file-csp',
    enforce: 'post',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    // Once the page is on disk with the code inlined into it by vite-plugin-singlefile.
    closeBundle() {
      for (const name of readdirSync(outDir).filter((f) => f.endsWith('.html'))) {
        const file = join(outDir, name);
        const html = readFileSync(file, 'utf8');
        if (html.includes('http-equiv="Content-Security-Policy"')) continue;
        const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
          .filter((m) => m[1]!.length > 0)
          .map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
        const policy = [
          "default-src 'self'",
          `script-src ${hashes.join(' ')}`,
          "style-src 'self' 'unsafe-inline'",
          "img-src 'self' data: blob:",
          "connect-src 'self' data:",
          "worker-src 'self' blob:",
          "object-src 'none'",
          "base-uri 'none'",
        ].join('; ');
        writeFileSync(
          file,
          html.replace(/<head>/i, `<head>\n<meta http-equiv="Content-Security-Policy" content="${policy}">`),
        );
      }
    },
  };
}
