// Image export (loaded on demand): the timeline alone as SVG (serialized with its computed styles
// inlined), and the current view as PNG (the map's canvas and SVG panes, its markers, its labels of
// places and countries, and the timeline, drawn onto one canvas).

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The presentation properties that make a serialized SVG look as it does on the page. */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
  'paint-order',
] as const;

/** A clone of an SVG element with the computed style of every node written inline. */
export function inlineStyledClone(svg: SVGSVGElement): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((el, i) => {
    const target = to[i] as SVGElement | undefined;
    if (!target) return;
    const cs = getComputedStyle(el);
    const style = STYLE_PROPS.map((p) => {
      const v = cs.getPropertyValue(p);
      return v ? `${p}:${v}` : '';
    })
      .filter(Boolean)
      .join(';');
    target.setAttribute('style', style);
    target.removeAttribute('class');
  });
  const r = svg.getBoundingClientRect();
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(Math.round(r.width)));
  clone.setAttribute('height', String(Math.round(r.height)));
  return clone;
}

export function serializeSvg(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(inlineStyledClone(svg))}`;
}

export function timelineSvg(root: ParentNode = document): SVGSVGElement | null {
  return root.querySelector<SVGSVGElement>('.app-timeline svg.tl-svg');
}

function loadImage(url: string): Promise<HTMLImageElement | null> {
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => resolve(null);
    img.src = url;
  });
}

async function drawSvg(ctx: CanvasRenderingContext2D, svg: SVGSVGElement, origin: DOMRect) {
  const r = svg.getBoundingClientRect();
  if (r.width < 1 || r.height < 1) return;
  const text = new XMLSerializer().serializeToString(inlineStyledClone(svg));
  const img = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`);
  if (img) ctx.drawImage(img, r.left - origin.left, r.top - origin.top, r.width, r.height);
}

/** The first colour of a computed `text-shadow` ("rgb(255, 255, 255) 0px 0px 2px, …"), or null. */
function haloColour(textShadow: string): string | null {
  return /rgba?\([^)]*\)|#[0-9a-f]{3,8}\b/i.exec(textShadow)?.[0] ?? null;
}

/**
 * The map's labels of places and countries, which are HTML: their text where it is on the screen, in
 * its font, colour, letter spacing and case, over its halo.
 */
function drawLabels(ctx: CanvasRenderingContext2D, map: HTMLElement, origin: DOMRect) {
  for (const el of map.querySelectorAll<HTMLElement>('.itinera-place-label, .itinera-country-label')) {
    const r = el.getBoundingClientRect();
    if (el.hidden || r.width < 1) continue;
    const cs = getComputedStyle(el);
    const raw = el.textContent ?? '';
    const text =
      cs.textTransform === 'uppercase'
        ? raw.toLocaleUpperCase(el.closest('[lang]')?.getAttribute('lang') ?? undefined)
        : raw;
    ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    ctx.letterSpacing = cs.letterSpacing === 'normal' ? '0px' : cs.letterSpacing;
    ctx.textBaseline = 'middle';
    const x = r.left - origin.left + (parseFloat(cs.paddingLeft) || 0);
    const y = r.top - origin.top + r.height / 2;
    const halo = haloColour(cs.textShadow);
    if (halo) {
      ctx.lineJoin = 'round';
      ctx.lineWidth = 3;
      ctx.strokeStyle = halo;
      ctx.strokeText(text, x, y);
    }
    ctx.fillStyle = cs.color;
    ctx.fillText(text, x, y);
  }
  ctx.letterSpacing = '0px';
}

/** The map and the timeline as one PNG, at the size they have on the screen. */
export async function viewPng(root: ParentNode = document): Promise<Blob | null> {
  const area = root.querySelector<HTMLElement>('.app-main');
  if (!area) return null;
  const origin = area.getBoundingClientRect();
  // The timeline may reach below the layout's box (a short window scrolls): the image holds all of it.
  const bottom = Math.max(origin.bottom, timelineSvg(area)?.getBoundingClientRect().bottom ?? 0);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(origin.width));
  canvas.height = Math.max(1, Math.round(bottom - origin.top));
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = getComputedStyle(document.body).backgroundColor || '#fff';
  if (ctx.fillStyle === 'rgba(0, 0, 0, 0)') ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);

  const map = area.querySelector<HTMLElement>('.leaflet-container');
  if (map) {
    const m = map.getBoundingClientRect();
    ctx.save();
    ctx.beginPath();
    ctx.rect(m.left - origin.left, m.top - origin.top, m.width, m.height);
    ctx.clip();
    ctx.fillStyle = getComputedStyle(map).backgroundColor;
    ctx.fillRect(m.left - origin.left, m.top - origin.top, m.width, m.height);
    // The basemap (a canvas renderer), then the SVG panes (routes, leaders) in page order.
    for (const c of map.querySelectorAll('canvas')) {
      const r = c.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) ctx.drawImage(c, r.left - origin.left, r.top - origin.top, r.width, r.height);
    }
    for (const svg of map.querySelectorAll<SVGSVGElement>('.leaflet-pane svg:not(.leaflet-marker-pane svg)'))
      await drawSvg(ctx, svg, origin);
    // Markers are HTML: a disc in the trip's colour each, and its glyph.
    for (const dot of map.querySelectorAll<HTMLElement>('.leaflet-marker-pane .itinera-marker__dot')) {
      const r = dot.getBoundingClientRect();
      if (r.width < 1) continue;
      const cs = getComputedStyle(dot);
      ctx.beginPath();
      ctx.arc(r.left - origin.left + r.width / 2, r.top - origin.top + r.height / 2, r.width / 2, 0, Math.PI * 2);
      ctx.fillStyle = cs.backgroundColor || '#444';
      ctx.fill();
      ctx.lineWidth = 2;
      ctx.strokeStyle = cs.borderTopColor || '#fff';
      ctx.stroke();
      const glyph = dot.querySelector('svg');
      if (glyph) await drawSvg(ctx, glyph, origin);
    }
    drawLabels(ctx, map, origin);
    ctx.restore();
  }
  const timeline = timelineSvg(area);
  if (timeline) await drawSvg(ctx, timeline, origin);
  return new Promise((resolve) => canvas.toBlob((b) => resolve(b), 'image/png'));
}

export function downloadBlob(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
