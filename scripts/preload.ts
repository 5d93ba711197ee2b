// Preload links for the files the first view needs but does not name in index.html, so that they load
// in parallel with the entry script instead of after it:
// - `files`: data the app fetches from script, such as the basemap (the map asks for it only once the
//   dataset is in). A `<link rel="preload" as="fetch" crossorigin>` matches the app's own `fetch(url)`
//   (mode cors, credentials same-origin), so the browser reuses the response instead of fetching twice.
// - `modules`: chunks the entry imports with `import()` to start early work first (src/app/main.tsx
//   loads the app after starting the data): a modulepreload link for the chunk and every chunk it
//   imports, and a stylesheet link for its CSS (Vite's loader sees the link and does not add another).
//   scripts/size-budget.mjs follows these links, so what they name counts in the first load.
import type { Plugin } from 'vite';

interface PreloadOptions {
  /** Built file names to preload, matched against the bundle's file names (which carry a hash). */
  files?: RegExp[];
  /** Built JS chunks to modulepreload with their imports and CSS. */
  modules?: RegExp[];
}

interface ChunkLike {
  type: 'chunk';
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
}

/** Vite plugin (build only): preload links in index.html (see above). */
export function itineraPreload(options: PreloadOptions): Plugin {
  return {
    name: 'itinera-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = (ctx.bundle ?? {}) as Record<string, ChunkLike | { type: 'asset' }>;
        const names = Object.keys(bundle);
        const links: string[] = [];
        for (const re of options.files ?? []) {
          const file = names.find((n) => re.test(n));
          if (file) links.push(`<link rel="preload" href="./${file}" as="fetch" crossorigin />`);
        }
        const modules = new Set<string>();
        const css = new Set<string>();
        const visit = (name: string) => {
          const chunk = bundle[name];
          if (!chunk || chunk.type !== 'chunk' || modules.has(name)) return;
          modules.add(name);
          for (const c of chunk.viteMetadata?.importedCss ?? []) css.add(c);
          chunk.imports.forEach(visit);
        };
        for (const re of options.modules ?? []) {
          const file = names.find((n) => re.test(n) && bundle[n]?.type === 'chunk');
          if (file) visit(file);
        }
        // Already in the page (the entry and what it imports statically): not twice.
        const present = (f: string) => html.includes(`/${f}"`);
        for (const f of css) if (!present(f)) links.push(`<link rel="stylesheet" crossorigin href="./${f}" />`);
        for (const f of modules) if (!present(f)) links.push(`<link rel="modulepreload" crossorigin href="./${f}" />`);
        return links.length ? html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`) : html;
      },
    },
  };
}
