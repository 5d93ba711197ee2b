// The parse worker's hand-off of a big dataset. Sending 100,000 restored events back by structured
// clone cost the main thread ~0.75 s of deserialising (some million small objects), while it had
// been idle for seconds waiting for the worker. So both threads parse the same text: the worker
// validates and restores (the slow part: checks, references, dates, order), and sends back only what
// the main thread cannot get from its own parse: which rows of the file's `events` were kept, in
// which order, and their times, in typed arrays (transferred, not copied). The main thread rebuilds
// each event from its own parsed row with the same fast check the restore used (plainEvent, run
// while the worker is still at work), so the result equals the worker's (tests/core/handoff.test.ts
// holds them equal). A record the schema took
// (the fast check declined it) comes back whole. Pure: no DOM, no worker.
import type { Instant, Precision } from './dates';
import { completeEvent, plainEvent, type EventOrigins } from './restore-plain';
import type { EventRecord } from './schema';
import type { Dataset, TravelEvent } from './types';

const PRECISIONS: readonly Precision[] = ['year', 'month', 'day', 'minute', 'second'];

export interface PackedEvents {
  /** Row in the file's `events` of each restored event, in the restored (time) order. */
  rows: Int32Array;
  /** Per event: start.ms, start.endMs, end.ms, end.endMs. */
  times: Float64Array;
  /** Per event: start and end offsets, minutes. */
  offsets: Int16Array;
  /** Per event: start precision (bits 0–2), end precision (3–5), start explicit (6), end explicit (7). */
  flags: Uint8Array;
  /** Per event: 1 when its end is its start (no `end`: one Instant, as the restore shares it). */
  same: Uint8Array;
  /** Events the schema took, whole, by position. */
  bySchema: Map<number, TravelEvent>;
}

/** A restored dataset without its events, and its events packed. */
export interface Handoff {
  rest: Dataset;
  packed: PackedEvents;
}

/** Worker side: the dataset's events as columns (`origins` from the same restore). */
export function packDataset(dataset: Dataset, origins: EventOrigins): Handoff {
  const { events } = dataset;
  const n = events.length;
  const times = new Float64Array(n * 4);
  const offsets = new Int16Array(n * 2);
  const flags = new Uint8Array(n);
  const same = new Uint8Array(n);
  const bySchema = new Map<number, TravelEvent>();
  for (let k = 0; k < n; k++) {
    const e = events[k]!;
    if (origins.slow[k]) bySchema.set(k, e);
    const s = e.startAt;
    const f = e.endAt;
    times[k * 4] = s.ms;
    times[k * 4 + 1] = s.endMs;
    times[k * 4 + 2] = f.ms;
    times[k * 4 + 3] = f.endMs;
    offsets[k * 2] = s.offsetMinutes;
    offsets[k * 2 + 1] = f.offsetMinutes;
    flags[k] =
      PRECISIONS.indexOf(s.precision) |
      (PRECISIONS.indexOf(f.precision) << 3) |
      (s.explicitOffset ? 64 : 0) |
      (f.explicitOffset ? 128 : 0);
    same[k] = s === f ? 1 : 0;
  }
  return {
    rest: { ...dataset, events: [], eventsById: new Map() },
    packed: { rows: origins.rows, times, offsets, flags, same, bySchema },
  };
}

/** The typed arrays of a hand-off, to transfer rather than copy. */
export function transferables(h: Handoff): Transferable[] {
  const p = h.packed;
  return [p.rows.buffer, p.times.buffer, p.offsets.buffer, p.flags.buffer, p.same.buffer];
}

/**
 * Main-thread side, while the worker still restores: each row of the file's `events` (from this
 * thread's own parse of the same text) through the fast check, adopted as the worker's restore adopts
 * its own; null where the check declines. Null when there is no `events` array.
 */
export function prepareEvents(rawEvents: unknown): (EventRecord | null)[] | null {
  if (!Array.isArray(rawEvents)) return null;
  const out = new Array<EventRecord | null>(rawEvents.length);
  for (let i = 0; i < rawEvents.length; i++) out[i] = plainEvent(rawEvents[i], true);
  return out;
}

/**
 * Main-thread side, once the worker answers: the dataset, its events rebuilt from `prepared`
 * (prepareEvents), each used once. Null when a row does not match what the worker restored (a
 * different text): the caller then restores the text itself.
 */
export function unpackDataset(h: Handoff, prepared: (EventRecord | null)[] | null): Dataset | null {
  const { rows, times, offsets, flags, same, bySchema } = h.packed;
  if (!prepared) return null;
  const n = rows.length;
  const events: TravelEvent[] = new Array<TravelEvent>(n);
  const eventsById = new Map<string, TravelEvent>();
  for (let k = 0; k < n; k++) {
    let event = bySchema.get(k);
    if (!event) {
      const record = prepared[rows[k]!];
      if (!record) return null;
      const fl = flags[k]!;
      const startAt: Instant = {
        ms: times[k * 4]!,
        endMs: times[k * 4 + 1]!,
        precision: PRECISIONS[fl & 7]!,
        offsetMinutes: offsets[k * 2]!,
        explicitOffset: (fl & 64) !== 0,
      };
      const endAt: Instant = same[k]
        ? startAt
        : {
            ms: times[k * 4 + 2]!,
            endMs: times[k * 4 + 3]!,
            precision: PRECISIONS[(fl >> 3) & 7]!,
            offsetMinutes: offsets[k * 2 + 1]!,
            explicitOffset: (fl & 128) !== 0,
          };
      event = completeEvent(record, startAt, endAt);
    }
    events[k] = event;
    eventsById.set(event.id, event);
  }
  if (eventsById.size !== n) return null;
  return { ...h.rest, events, eventsById };
}
