// A tiny static server on 127.0.0.1 (port 0) for the benchmark: the app build at /, generated data
// at /bench-data/, the peers' files from node_modules at /peer/…, and the peer pages. It logs every
// file it serves (path, bytes), from which the runner counts the bytes of a first load.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.map': 'application/json',
};

/** mounts: [[urlPrefix, folder]], longest prefix first. Resolves { url, close, log }. */
export function serve(mounts) {
  const sorted = [...mounts].sort((a, b) => b[0].length - a[0].length);
  const log = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const mount = sorted.find(([prefix]) => path.startsWith(prefix));
    let file = null;
    if (mount) {
      const rel = normalize(path.slice(mount[0].length)).replace(/^([/\\])+/, '');
      let candidate = join(mount[1], rel === '.' ? '' : rel);
      if (existsSync(candidate) && statSync(candidate).isDirectory()) candidate = join(candidate, 'index.html');
      if (candidate.startsWith(mount[1].replace(/[/\\]$/, '') + sep) || candidate === mount[1]) file = candidate;
    }
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    const size = statSync(file).size;
    log.push({ path, file, bytes: size });
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': size,
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        log,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
