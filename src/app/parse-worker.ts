// Decodes, parses and restores a big file off the main thread. A dataset in our own format goes back
// as a hand-off (src/core/handoff.ts): the dataset without its events, and the events as typed arrays
// that the main thread joins to its own parse of the same text, which is far quicker there than
// deserialising 100,000 restored events. Anything else (another tool's format, a fatal problem)
// comes back whole, by structured clone.
import { packDataset, transferables, type Handoff } from '../core/handoff';
import { loadText, type LoadOptions } from '../core/import/load-text';
import type { RestoreOut } from '../core/restore-plain';
import type { Dataset } from '../core/types';

export type ParseRequest = { bytes: Uint8Array; options: LoadOptions };
export type ParseReply = { dataset: Dataset } | { handoff: Handoff };

self.onmessage = (e: MessageEvent<ParseRequest>) => {
  const r = e.data;
  const text = new TextDecoder().decode(r.bytes);
  const out: RestoreOut = {};
  const { dataset } = loadText(text, r.options, out);
  if (!out.origins) return self.postMessage({ dataset } satisfies ParseReply);
  const handoff = packDataset(dataset, out.origins);
  self.postMessage({ handoff } satisfies ParseReply, { transfer: transferables(handoff) });
};
