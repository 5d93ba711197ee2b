// Parses and restores a big file off the main thread; the Dataset (with its Maps) comes back by
// structured clone.
import { loadText, type LoadOptions } from '../core/import/load-text';

self.onmessage = (e: MessageEvent<{ text: string; options: LoadOptions }>) => {
  self.postMessage(loadText(e.data.text, e.data.options).dataset);
};
