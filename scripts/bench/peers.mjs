// Converts a generated Itinera dataset into the inputs of the peers (the same events), and finds
// the first window Itinera shows (its last trip, padded as src/core/selectors.ts initialWindow does).

const DAY = 86_400_000;

/** Start and end (exclusive) of a PartialDate as written by the generator (date-time or day). */
export function span(text) {
  if (text.includes('T')) {
    const ms = Date.parse(text);
    return [ms, ms];
  }
  const ms = Date.parse(`${text}T00:00Z`);
  return [ms, ms + DAY];
}

/** The window Itinera opens on: the trip that starts last, padded by 8% (at least an hour). */
export function firstWindow(dataset) {
  const spans = new Map();
  const widen = (trip, a, b) => {
    const s = spans.get(trip);
    spans.set(trip, s ? [Math.min(s[0], a), Math.max(s[1], b)] : [a, b]);
  };
  for (const e of dataset.events) {
    const [a, a1] = span(e.start);
    const b = e.end ? span(e.end)[1] : a1;
    widen(e.trip, a, Math.max(a1, b));
  }
  for (const l of dataset.legs) widen(l.trip, span(l.start)[0], span(l.end)[1]);
  let last = null;
  for (const s of spans.values()) if (!last || s[0] > last[0]) last = s;
  if (!last) return null;
  const pad = Math.max((last[1] - last[0]) * 0.08, 3_600_000);
  return [last[0] - pad, last[1] + pad];
}

function dateParts(ms) {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

/** TimelineJS JSON: one slide per event, grouped by trip. */
export function toTimelineJS(dataset) {
  const tripTitle = new Map(dataset.trips.map((t) => [t.id, t.title.en]));
  return {
    title: { text: { headline: dataset.meta.title.en, text: dataset.meta.description?.en ?? '' } },
    events: dataset.events.map((e) => {
      const [a] = span(e.start);
      const slide = {
        unique_id: e.id,
        start_date: dateParts(a),
        text: { headline: e.title.en, text: `${e.kind} · ${e.place ?? ''}` },
        group: tripTitle.get(e.trip),
      };
      if (e.end) slide.end_date = dateParts(span(e.end)[0]);
      return slide;
    }),
  };
}

/** vis-timeline items and groups (one group per trip), opening on Itinera's first window. */
export function toVisTimeline(dataset) {
  const w = firstWindow(dataset);
  return {
    start: w ? new Date(w[0]).toISOString() : undefined,
    end: w ? new Date(w[1]).toISOString() : undefined,
    groups: dataset.trips.map((t) => ({ id: t.id, content: t.title.en })),
    items: dataset.events.map((e) => {
      const [a] = span(e.start);
      const item = { id: e.id, group: e.trip, content: e.title.en, start: new Date(a).toISOString() };
      if (e.end) item.end = new Date(span(e.end)[0]).toISOString();
      return item;
    }),
  };
}
