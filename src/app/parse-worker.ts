// Parses and restores a big file off the main thread; the Dataset (with its Maps) comes back by
// structured clone. Bytes (from a download or a file) are decoded here too, off the main thread. A
// `fetch` request (fetchInWorker: the first load) downloads here as well, with its progress; a small
// download goes back as bytes, since the main thread restores it quicker than this worker starts.
import { loadText, type LoadOptions } from '../core/import/load-text';
import type { Dataset } from '../core/types';
import { fetchDataset, WORKER_THRESHOLD, type Progress } from './load-dataset';

export type ParseRequest =
  | { text: string; options: LoadOptions }
  | { bytes: Uint8Array; options: LoadOptions }
  | { fetch: { param: string | null; pageHref: string; timeoutMs: number } };
type Parsed = { dataset: Dataset } | { bytes: Uint8Array; options: LoadOptions };
export type ParseReply = { progress: Progress } | Parsed;

const reply = (m: ParseReply, transfer: Transferable[] = []) => self.postMessage(m, { transfer });

self.onmessage = async (e: MessageEvent<ParseRequest>) => {
  const r = e.data;
  if ('fetch' in r) {
    const { param, pageHref, timeoutMs } = r.fetch;
    const got = await fetchDataset(
      param,
      pageHref,
      (progress) => reply({ progress }),
      fetch,
      timeoutMs,
      async (bytes, options, onProgress): Promise<Parsed> => {
        if (bytes.byteLength < WORKER_THRESHOLD) return { bytes, options };
        onProgress?.({ phase: 'parse' });
        // loadText parses once, and its restore takes the fast checks first (a clean file pays for no
        // schema); the main thread's clean-file shortcut would parse a file with a bad record twice.
        return { dataset: loadText(new TextDecoder().decode(bytes), options).dataset };
      },
    );
    if ('bytes' in got) return reply(got, [got.bytes.buffer]);
    return reply('dataset' in got ? got : { dataset: got });
  }
  const text = 'text' in r ? r.text : new TextDecoder().decode(r.bytes);
  reply({ dataset: loadText(text, r.options).dataset });
};
