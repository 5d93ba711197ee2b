// Serves the production build (dist/) for the end-to-end tests, plus the test fixtures at /fixtures/.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview, type Plugin } from 'vite';
import type { TestProject } from 'vitest/node';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

function serveFixtures(): Plugin {
  return {
    name: 'itinera-test-fixtures',
    configurePreviewServer(server) {
      server.middlewares.use('/fixtures/', (req, res, next) => {
        const name = (req.url ?? '').split('?')[0]!.replace(/^\//, '');
        if (!/^[\w.-]+\.json$/.test(name) || !existsSync(fixtures + name)) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(readFileSync(fixtures + name));
      });
    },
  };
}

export default async function setup(project: TestProject) {
  // ITINERA_DIST serves another build folder (e.g. `vite build --outDir /tmp/x`), dist/ by default.
  const outDir = process.env.ITINERA_DIST ?? `${root}dist`;
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`${outDir} is missing: run \`npm run build\` first`);
  const server = await preview({
    root,
    configFile: false,
    build: { outDir },
    plugins: [serveFixtures()],
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
