// What the embedding page asked for, read once from the query and the hash. Pure.
export interface EmbedParams {
  /** `embed=1`: the compact layout for an article column. */
  embed: boolean;
  /** `chrome=0` drops the title bar in embed mode (map and timeline only). */
  chrome: boolean;
  /** `height=<px>`: a fixed height the layout fills; null lets the content set it. */
  height: number | null;
  /** pym.js appends `childId` (and `initialWidth`) to the iframe URL. */
  childId: string | null;
  /** WordPress appends `#?secret=…` to the iframe URL of an embed it sandboxes. */
  secret: string | null;
  /** The key of Itinera's own height message: `embed_id`, else `childId`, else "itinera". */
  id: string;
}

export const MIN_HEIGHT = 120;
export const MAX_HEIGHT = 4000;
/** Parameters that only make sense inside a frame: dropped from the "Open full view" link. */
export const EMBED_ONLY_PARAMS = [
  'embed',
  'height',
  'chrome',
  'childId',
  'initialWidth',
  'parentTitle',
  'parentUrl',
  'embed_id',
];

const ID = /^[\w.:-]{1,80}$/;
const yes = (v: string | null) => v === '1' || v === 'true' || v === 'yes';

export function parseEmbedParams(search: string, hash: string): EmbedParams {
  const q = new URLSearchParams(search);
  const h = Number(q.get('height'));
  const childId = q.get('childId');
  const secret = new URLSearchParams(hash.replace(/^#\??/, '')).get('secret');
  const embedId = q.get('embed_id');
  const id = embedId && ID.test(embedId) ? embedId : childId && ID.test(childId) ? childId : 'itinera';
  return {
    embed: yes(q.get('embed')),
    chrome: q.get('chrome') !== '0' && q.get('chrome') !== 'false',
    height: q.has('height') && Number.isFinite(h) ? Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, h))) : null,
    childId: childId && ID.test(childId) ? childId : null,
    secret: secret && /^[A-Za-z0-9]{1,64}$/.test(secret) ? secret : null,
    id,
  };
}

/**
 * TimelineJS's parameter names, for people moving an embed over: `language` → `lang`, `source` → `data`,
 * and, once the events are known (in time order), `start_at_slide=<n>` (0-based) and `start_at_end=true`
 * → `event`. A name Itinera already has wins over its TimelineJS alias. Returns a query string.
 */
export function resolveAliases(search: string, eventIdsInTimeOrder?: readonly string[]): string {
  const q = new URLSearchParams(search);
  const alias = (from: string, to: string) => {
    const v = q.get(from);
    if (v !== null && !q.get(to)) q.set(to, v);
  };
  alias('language', 'lang');
  alias('source', 'data');
  if (eventIdsInTimeOrder && eventIdsInTimeOrder.length > 0 && !q.get('event')) {
    const slide = q.get('start_at_slide');
    const n = slide !== null && /^\d+$/.test(slide) ? Number(slide) : null;
    if (yes(q.get('start_at_end'))) q.set('event', eventIdsInTimeOrder[eventIdsInTimeOrder.length - 1]!);
    else if (n !== null) q.set('event', eventIdsInTimeOrder[Math.min(n, eventIdsInTimeOrder.length - 1)]!);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The same view without the frame-only parameters: the "Open full view" link and the share link. */
export function fullViewSearch(search: string): string {
  const q = new URLSearchParams(search);
  for (const k of EMBED_ONLY_PARAMS) q.delete(k);
  const s = q.toString();
  return s ? `?${s}` : '';
}
