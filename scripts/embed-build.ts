// Build steps for embedding, as Vite plugins used by vite.config.ts:
// - `embed.js`, the host script, built on its own (src/embed-host/embed.ts, no imports);
// - `standalone.html`, the whole app in one file (see build-single.config.ts), which a frame with an
//   opaque origin (`sandbox="allow-scripts"`) is sent to by `embed-sandbox.js`: there, the module script,
//   the stylesheet and the data would be cross-origin requests that a static host without CORS refuses;
// - a static oEmbed JSON per shipped dataset, under `oembed/`.
import { mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import { singleFileConfig } from './build-single.config.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Sends a frame with an opaque origin to the self-contained page. A file, not inline: CSP `script-src 'self'`. */
const SANDBOX_REDIRECT =
  "if (self.origin === 'null' && /^https?:$/.test(location.protocol)) location.replace('standalone.html' + location.search + location.hash);\n";

export function itineraHostScript(): Plugin {
  return {
    name: 'itinera-host-script',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: join(root, 'src/embed-host/embed.ts'), fileName: 'embed.js' });
      this.emitFile({ type: 'asset', fileName: 'embed-sandbox.js', source: SANDBOX_REDIRECT });
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'script', attrs: { src: './embed-sandbox.js' }, injectTo: 'head-prepend' }],
    },
  };
}

export function itineraStandalone(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'itinera-standalone',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    async closeBundle() {
      const tmp = mkdtempSync(join(tmpdir(), 'itinera-standalone-'));
      try {
        await build(singleFileConfig({ outDir: tmp, mode: config.mode }));
        copyFileSync(join(tmp, 'index.html'), join(config.build.outDir, 'standalone.html'));
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    },
  };
}

interface OembedOptions {
  /** Datasets shipped in the build, by name; the first is the default one. */
  datasets: { name: string; file: string; query: string }[];
  /** Where the build will be served, for absolute URLs in the oEmbed html (ITINERA_PUBLIC_URL). */
  publicUrl?: string | undefined;
  width?: number;
  height?: number;
}

/** The oEmbed answer for one dataset: type rich, an iframe only. */
export function oembedJson(title: string, src: string, width: number, height: number) {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return {
    version: '1.0',
    type: 'rich',
    provider_name: 'Itinera',
    title,
    width,
    height,
    html: `<iframe src="${esc(src)}" title="${esc(title)}" width="${width}" height="${height}" loading="lazy" allowfullscreen style="border:0;width:100%;max-width:100%"></iframe>`,
  };
}

export function itineraOembed(options: OembedOptions): Plugin {
  const { width = 800, height = 600 } = options;
  return {
    name: 'itinera-oembed',
    apply: 'build',
    generateBundle() {
      // Without ITINERA_PUBLIC_URL the src is relative to the JSON file: fine for tests, not for consumers.
      const base = options.publicUrl ? options.publicUrl.replace(/\/?$/, '/') : '../';
      for (const d of options.datasets) {
        const meta = (
          JSON.parse(readFileSync(join(root, d.file), 'utf8')) as { meta?: { title?: Record<string, string> } }
        ).meta;
        const title = meta?.title?.en ?? Object.values(meta?.title ?? {})[0] ?? 'Itinera';
        const src = `${base}?embed=1${d.query ? `&${d.query}` : ''}`;
        this.emitFile({
          type: 'asset',
          fileName: `oembed/${d.name}.json`,
          source: `${JSON.stringify(oembedJson(title, src, width, height), null, 2)}\n`,
        });
      }
    },
  };
}
