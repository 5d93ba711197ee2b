// The codes the Share / Embed dialog offers, from the page's URL, the view's query and the options. Pure.
import type { UiLang } from '../state/view-state';
import { fullViewSearch } from './embed-params';

export interface EmbedOptions {
  /** Keep `event=` so the embed opens on the selected event. */
  atEvent: boolean;
  lang: UiLang;
  height: number;
  /** The title bar and the "Open full view" link; off leaves the map and the timeline. */
  chrome: boolean;
}

export interface EmbedCodes {
  /** The current view, full page. */
  link: string;
  /** The embed URL, auto height (for the host script and pym.js). */
  embedUrl: string;
  /** The embed URL with `height=`: the layout fills exactly that, for a plain iframe. */
  fixedUrl: string;
  iframe: string;
  script: string;
  pym: string;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** `pageHref` is the app's address (query ignored), `search` the current view's query. */
export function embedCodes(pageHref: string, search: string, title: string, o: EmbedOptions): EmbedCodes {
  const page = new URL(pageHref);
  page.search = '';
  page.hash = '';
  const base = page.href;
  const view = new URLSearchParams(fullViewSearch(search));
  const link = `${base}${view.size ? `?${view}` : ''}`;

  const q = new URLSearchParams();
  q.set('embed', '1');
  for (const [k, v] of view) if (k !== 'lang' && (k !== 'event' || o.atEvent)) q.set(k, v);
  q.set('lang', o.lang);
  if (!o.chrome) q.set('chrome', '0');
  const embedUrl = `${base}?${q}`;
  q.set('height', String(o.height));
  const fixedUrl = `${base}?${q}`;

  const frame = (src: string, extra: string) =>
    `<iframe${extra} src="${attr(src)}" title="${attr(title)}" width="100%" height="${o.height}" loading="lazy" allowfullscreen style="border:0"></iframe>`;
  return {
    link,
    embedUrl,
    fixedUrl,
    iframe: frame(fixedUrl, ''),
    script: `${frame(embedUrl, ' data-itinera')}\n<script src="${attr(new URL('embed.js', base).href)}" async></script>`,
    pym: `<div data-pym-src="${attr(embedUrl)}"></div>`,
  };
}
