import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fetchDataset, MAX_BYTES, readCapped, readCappedText, resolveDataUrl } from '../../src/app/load-dataset';

const PAGE = 'https://itinera.example/app/';
const small = readFileSync(new URL('../fixtures/small.json', import.meta.url));
const fatal = (d: { problems: { level: string; message: string }[] }) =>
  d.problems.find((p) => p.level === 'fatal')?.message;

function respond(body: BodyInit | null, init: ResponseInit & { url?: string } = {}): Response {
  const res = new Response(body, init);
  if (init.url) Object.defineProperty(res, 'url', { value: init.url });
  return res;
}

/** A body of `chunks` chunks of 1 MB, produced only when read; counts how many were produced. */
function lazyBody(chunks: number) {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (counter.pulled++ >= chunks) c.close();
      else c.enqueue(new Uint8Array(1024 * 1024));
    },
  });
  return { stream, counter };
}

describe('resolveDataUrl', () => {
  it('accepts this site and https, refuses the rest with a reason', () => {
    expect(resolveDataUrl('data/x.json', PAGE)).toEqual(new URL('https://itinera.example/app/data/x.json'));
    expect(resolveDataUrl('https://other.example/x.json', PAGE)).toEqual(new URL('https://other.example/x.json'));
    expect(resolveDataUrl('http://other.example/x.json', 'http://127.0.0.1:4173/')).toMatch(
      /only files from this site or https:\/\/ .*not secure/,
    );
    expect(resolveDataUrl('javascript:alert(1)', PAGE)).toMatch(/javascript: addresses are not allowed/);
    expect(resolveDataUrl('file:///etc/passwd', PAGE)).toMatch(/file: addresses are not allowed/);
    expect(resolveDataUrl('https://user:pw@other.example/x.json', PAGE)).toMatch(/user name or password/);
  });
});

describe('fetchDataset', () => {
  it('fetches without credentials and loads any importable format', async () => {
    let init: RequestInit | undefined;
    const d = await fetchDataset('small.json', PAGE, undefined, async (_url, i) => {
      init = i;
      return respond(small, { url: 'https://itinera.example/app/small.json' });
    });
    expect(init?.credentials).toBe('omit');
    expect(d.events.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
  });

  it('stops reading a body past the size cap while streaming', async () => {
    const { stream, counter } = lazyBody(40);
    const d = await fetchDataset('big.json', PAGE, undefined, async () => respond(stream));
    expect(fatal(d)).toMatch(/big\.json is larger than 20 MB/);
    expect(counter.pulled).toBeLessThan(25);
  });

  it('refuses a declared size over the cap before reading', async () => {
    const { stream, counter } = lazyBody(40);
    const d = await fetchDataset('big.json', PAGE, undefined, async () =>
      respond(stream, { headers: { 'content-length': String(MAX_BYTES * 2) } }),
    );
    expect(fatal(d)).toMatch(/larger than 20 MB \(40 MB\)/);
    expect(counter.pulled).toBeLessThanOrEqual(1);
  });

  it('re-checks the address after redirects', async () => {
    const d = await fetchDataset('https://ok.example/x.json', PAGE, undefined, async () =>
      respond(small, { url: 'http://evil.example/x.json' }),
    );
    expect(fatal(d)).toMatch(/redirected to http:\/\/evil\.example\/x\.json: only files from this site or https/);
  });

  it('gives up after the timeout with a clear message', async () => {
    const never = (_u: unknown, init?: RequestInit) =>
      new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    const d = await fetchDataset('slow.json', PAGE, undefined, never, 10);
    expect(fatal(d)).toMatch(/slow\.json took longer than 0\.01 s to load/);
  });

  it('reports a server error and a network failure', async () => {
    expect(
      fatal(
        await fetchDataset('x.json', PAGE, undefined, async () =>
          respond('nope', { status: 404, statusText: 'Not Found' }),
        ),
      ),
    ).toBe('/app/x.json: the server answered 404 Not Found');
    const failing = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(fatal(await fetchDataset('https://cors.example/x.json', PAGE, undefined, failing))).toMatch(
      /could not be loaded \(Failed to fetch; .*CORS\)/,
    );
  });
});

describe('readCapped', () => {
  it('returns every byte when under the cap', async () => {
    const bytes = await readCapped(new Response('héllo').body!, 100);
    expect(new TextDecoder().decode(bytes!)).toBe('héllo');
  });
});

describe('readCappedText', () => {
  /** The bytes of `text`, in chunks of `size` bytes, so that characters of several bytes are cut. */
  const chunked = (text: string, size: number) => {
    const bytes = new TextEncoder().encode(text);
    let at = 0;
    return new ReadableStream<Uint8Array>({
      pull(c) {
        if (at >= bytes.length) return c.close();
        c.enqueue(bytes.slice(at, at + size));
        at += size;
      },
    });
  };

  it('decodes characters cut between chunks, and counts bytes as they come', async () => {
    const text = '\ufeff{"title":"Пхеньян → Владивосток, 평양, événement 🚆"}';
    for (const size of [1, 2, 3, 5, 64]) {
      const seen: number[] = [];
      // The byte-order mark goes, as with TextDecoder.decode of the whole.
      expect(await readCappedText(chunked(text, size), 1000, (n) => seen.push(n))).toBe(text.slice(1));
      expect(seen.at(-1)).toBe(new TextEncoder().encode(text).length);
    }
  });

  it('stops past the cap', async () => {
    expect(await readCappedText(chunked('x'.repeat(100), 10), 55)).toBeNull();
  });
});
