// Narratives for presentation mode: the steps of a story, each resolved to an event, a leg or a time
// window of the dataset. Without a narrative in the data, every event in time order. Pure.
import { parsePartialDate } from './dates';
import type { LocalText, NarrativeRecord } from './schema';
import type { Dataset } from './types';

export interface Step {
  /** The event to select, if any. */
  eventId: string | null;
  /** The leg to show, if any. */
  legId: string | null;
  /** The time window to set, [from, to] ms, if the step gives one. */
  window: readonly [number, number] | null;
  title: LocalText;
  text: LocalText | null;
  notes: LocalText | null;
}

export interface Narrative {
  id: string;
  title: LocalText;
  steps: Step[];
}

export const DEFAULT_NARRATIVE_ID = 'all-events';

/** Every event of the dataset, in time order (the dataset's events are sorted already). */
export function defaultNarrative(data: Dataset): Narrative {
  return {
    id: DEFAULT_NARRATIVE_ID,
    title: data.meta.title,
    steps: data.events.map((e) => ({
      eventId: e.id,
      legId: null,
      window: null,
      title: e.title,
      text: e.summary ?? null,
      notes: null,
    })),
  };
}

function windowOf(w: { from: string; to: string } | undefined): readonly [number, number] | null {
  if (!w) return null;
  const from = parsePartialDate(w.from);
  const to = parsePartialDate(w.to);
  if (typeof from === 'string' || typeof to === 'string') return null;
  const end = Math.max(to.endMs, to.ms);
  return end > from.ms ? [from.ms, end] : null;
}

/** Resolve a narrative record; steps whose event or leg is missing are left out. */
export function resolveNarrative(data: Dataset, record: NarrativeRecord): Narrative {
  const steps: Step[] = [];
  for (const s of record.steps) {
    const event = s.event !== undefined ? data.eventsById.get(s.event) : undefined;
    if (s.event !== undefined && !event) continue;
    const leg = s.leg !== undefined ? data.legs.find((l) => l.id === s.leg) : undefined;
    if (s.leg !== undefined && !leg) continue;
    const window = windowOf(s.window);
    if (!event && !leg && !window) continue;
    const name = (place: string, l: 'en' | 'fr') => {
      const n = data.places.get(place)?.names;
      return n?.[l] ?? n?.en ?? place;
    };
    const legTitle: LocalText | undefined = leg
      ? { en: `${name(leg.from, 'en')} → ${name(leg.to, 'en')}`, fr: `${name(leg.from, 'fr')} → ${name(leg.to, 'fr')}` }
      : undefined;
    const title = s.title ?? event?.title ?? legTitle ?? { en: `${s.window?.from} – ${s.window?.to}` };
    steps.push({
      eventId: event?.id ?? null,
      legId: leg?.id ?? null,
      window,
      title,
      text: s.text ?? event?.summary ?? null,
      notes: s.notes ?? null,
    });
  }
  return { id: record.id, title: record.title, steps };
}

/** The narrative to present: the one asked for, else the dataset's first, else every event. */
export function pickNarrative(data: Dataset, id?: string | null): Narrative {
  const records = data.narratives ?? [];
  const record = (id ? records.find((n) => n.id === id) : undefined) ?? records[0];
  if (record) {
    const n = resolveNarrative(data, record);
    if (n.steps.length > 0) return n;
  }
  return defaultNarrative(data);
}

/** A 1-based step number from the URL, clamped to the narrative; 1 when absent or invalid. */
export function clampStep(step: number | null | undefined, count: number): number {
  if (count <= 0) return 0;
  if (step === null || step === undefined || !Number.isFinite(step)) return 1;
  return Math.min(count, Math.max(1, Math.round(step)));
}
