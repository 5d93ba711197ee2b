// Preload links for the files the first view fetches from script, so that they load in parallel with
// the JavaScript instead of after it: the basemap (the map asks for it only once the dataset is in).
// A `<link rel="preload" as="fetch" crossorigin>` matches the app's own `fetch(url)` (mode cors,
// credentials same-origin), so the browser reuses the response instead of fetching twice.
import type { Plugin } from 'vite';

interface PreloadOptions {
  /** Built file names to preload, matched against the bundle's file names (which carry a hash). */
  files: RegExp[];
}

/** Vite plugin (build only): a preload link in index.html for each bundle file matching `files`. */
export function itineraPreload(options: PreloadOptions): Plugin {
  return {
    name: 'itinera-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const names = Object.keys(ctx.bundle ?? {});
        const links = options.files.flatMap((re) => {
          const file = names.find((n) => re.test(n));
          return file ? [`<link rel="preload" href="./${file}" as="fetch" crossorigin />`] : [];
        });
        return links.length ? html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`) : html;
      },
    },
  };
}
