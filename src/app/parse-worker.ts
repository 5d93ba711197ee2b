// Parses and restores a big file off the main thread; the Dataset (with its Maps) comes back by
// structured clone. Bytes (from a download or a file) are decoded here too, off the main thread.
import { loadText, type LoadOptions } from '../core/import/load-text';

export type ParseRequest = { text: string; options: LoadOptions } | { bytes: Uint8Array; options: LoadOptions };

self.onmessage = (e: MessageEvent<ParseRequest>) => {
  const text = 'text' in e.data ? e.data.text : new TextDecoder().decode(e.data.bytes);
  self.postMessage(loadText(text, e.data.options).dataset);
};
