// A second origin for the embedding tests: serves the host pages of this folder, with {{APP}} replaced
// by the app's address, and anything given to `page()` at /pasted.html.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const folder = new URL('./', import.meta.url);

export interface HostServer {
  url: string;
  /** Serve this HTML at /pasted.html (the embed dialog's codes, pasted). */
  paste(html: string): void;
  close(): Promise<void>;
}

export async function startHostServer(appUrl: string): Promise<HostServer> {
  let pasted = '<!doctype html><title>empty</title>';
  const server = createServer((req, res) => {
    const name = (req.url ?? '/').split(/[?#]/)[0]!.replace(/^\//, '');
    let body: string;
    if (name === 'pasted.html') body = pasted;
    else if (/^[\w-]+\.html$/.test(name)) {
      try {
        body = readFileSync(new URL(name, folder), 'utf8').replaceAll('{{APP}}', appUrl);
      } catch {
        res.writeHead(404).end();
        return;
      }
    } else {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    paste: (html) => void (pasted = html),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
