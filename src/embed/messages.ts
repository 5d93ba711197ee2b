// The height messages hosts already listen for, and the one inbound message acted on. Pure.

export interface HeightContext {
  /** pym.js child id, from `childId` in the query. */
  childId: string | null;
  /** WordPress secret, from `#?secret=` in the hash. */
  secret: string | null;
  /** Key of Itinera's own message. */
  id: string;
  /** The frame's URL, for the Medium/Flourish-style message. */
  href: string;
}

/** Every message to post for a height, in the formats of pym.js, WordPress, AMP, Medium/Flourish and Itinera. */
export function heightMessages(height: number, ctx: HeightContext): unknown[] {
  const h = Math.ceil(height);
  const out: unknown[] = [];
  if (ctx.childId) out.push(`pymxPYMx${ctx.childId}xPYMxheightxPYMx${h}`);
  if (ctx.secret) out.push({ secret: ctx.secret, message: 'height', value: h });
  out.push({ sentinel: 'amp', type: 'embed-size', height: h });
  out.push(JSON.stringify({ src: ctx.href, context: 'iframe.resize', height: h }));
  out.push({ 'itinera-height': { [ctx.id]: h } });
  return out;
}

/**
 * The only inbound message acted on: pym.js's `width` for this child, with a numeric value (the parent
 * says its width changed; the child answers with its height). Anything else gives null.
 */
export function parseInbound(data: unknown, childId: string | null): { width: number } | null {
  if (typeof data !== 'string' || !childId || data.length > 300) return null;
  const parts = data.split('xPYMx');
  if (parts.length !== 4 || parts[0] !== 'pym' || parts[1] !== childId || parts[2] !== 'width') return null;
  if (!/^\d+(\.\d+)?$/.test(parts[3]!)) return null;
  const width = Number(parts[3]);
  return Number.isFinite(width) && width > 0 ? { width } : null;
}
