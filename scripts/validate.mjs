#!/usr/bin/env node
// `npm run validate -- <file>`: check a dataset (or a TimelineJS, StoryMapJS, GeoJSON or CSV file)
// and print every problem, one a line: path, line:column, what is wrong and what was expected.
// Exit 0 when valid, 1 when problems were found, 2 when the file cannot be read or parsed.
// The checks are the app's own (src/core), loaded through Vite's SSR loader, so nothing is duplicated.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const USAGE = 'usage: npm run validate -- <file> [more files]';
const files = process.argv.slice(2).filter((a) => a !== '--');
if (!files.length || files.includes('--help') || files.includes('-h')) {
  console.error(USAGE);
  process.exit(files.length ? 0 : 2);
}

const root = fileURLToPath(new URL('..', import.meta.url));
const server = await createServer({
  root,
  configFile: false,
  logLevel: 'silent',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false, watch: null },
  optimizeDeps: { noDiscovery: true, include: [] },
});

let worst = 0;
try {
  const { loadText } = await server.ssrLoadModule('/src/core/import/load-text.ts');
  const { FORMAT_NAMES } = await server.ssrLoadModule('/src/core/import/import-kit.ts');
  for (const file of files) worst = Math.max(worst, check(file, loadText, FORMAT_NAMES));
} finally {
  await server.close();
}
process.exit(worst);

function check(file, loadText, formatNames) {
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
  } catch (err) {
    const reason =
      err.code === 'ENOENT'
        ? 'no such file'
        : err.code === 'EISDIR'
          ? 'is a folder, not a file'
          : err instanceof TypeError
            ? 'is not UTF-8 text'
            : err.message;
    console.log(`${file}: cannot be read: ${reason}`);
    return 2;
  }
  const { dataset, format, parsed } = loadText(text, { name: file.split(/[\\/]/).pop() });
  const byLine = [...dataset.problems].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  for (const p of byLine) {
    const where = p.line !== undefined ? `${file}:${p.line}:${p.column}` : file;
    console.log(`${where}: ${p.path}: ${p.message} [${p.level}]`);
  }
  const kind = format ? ` (${formatNames[format]})` : '';
  const { events, totals } = dataset;
  if (!parsed) {
    console.log(`${file}${kind}: cannot be parsed`);
    return 2;
  }
  if (dataset.problems.length) {
    console.log(
      `${file}${kind}: ${dataset.problems.length} problem(s); ${events.length} of ${totals.events} events valid, ${totals.events - events.length} dropped`,
    );
    return 1;
  }
  console.log(
    `${file}${kind}: valid, ${events.length} events, ${dataset.legs.length} legs, ${dataset.places.size} places`,
  );
  return 0;
}
