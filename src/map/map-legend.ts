// The legend: one line sample per mode of travel present in the data, drawn with the same strokes as
// the legs (in a neutral colour, since colour stands for the trip), plus the approximate-position ring.
import { MODES, type Mode } from '../core/vocab';
import { crossingsOf } from './crossings';
import type { Dataset } from '../core/types';
import type { Translate } from '../i18n/i18n';
import { arrowHtml, borderHtml, moverHtml } from './journey-icons';
import { LEG_STROKES } from './leg-style';

const SVG_NS = 'http://www.w3.org/2000/svg';
const SAMPLE_COLOUR = '#4a4a4a';

export interface LegendContent {
  modes: Mode[];
  approximate: boolean;
  /** Routes carry arrows in the direction of travel. */
  direction: boolean;
  border: boolean;
  /** Playback can move a traveller along the legs. */
  mover: boolean;
}

/** What the legend needs to list for a dataset: modes in the canonical order, approximate places. */
export function legendContent(data: Dataset): LegendContent {
  const present = new Set(data.legs.map((l) => l.mode));
  // Asked of the few approximate places first: most datasets have none, and then 100,000 events go unread.
  const approx = new Set<string>();
  for (const p of data.places.values()) if (p.approximate === true) approx.add(p.id);
  const approximate = approx.size > 0 && data.events.some((e) => e.place !== undefined && approx.has(e.place));
  return {
    modes: MODES.filter((m) => present.has(m)),
    approximate,
    direction: data.legs.length > 0,
    border: crossingsOf(data).length > 0,
    mover: data.legs.length > 0,
  };
}

/** Below this map width the legend starts folded: open, it covered half of a phone's or an embed's map. */
export const LEGEND_OPEN_MIN_WIDTH = 600;

/**
 * Fills `root` (the control's container) with the legend, replacing what was there. Collapsible; a
 * reader's choice to open or fold it is kept, otherwise it starts open only on a wide map.
 */
export function renderLegend(root: HTMLElement, content: LegendContent, t: Translate, mapWidth = Infinity): void {
  const open = root.querySelector('details')?.open ?? mapWidth >= LEGEND_OPEN_MIN_WIDTH;
  root.replaceChildren();
  root.hidden = content.modes.length === 0 && !content.approximate && !content.border;

  const details = document.createElement('details');
  details.open = open;
  const title = document.createElement('summary');
  title.className = 'itinera-legend__title';
  title.textContent = t('legend');
  const list = document.createElement('ul');
  list.className = 'itinera-legend__list';

  for (const mode of content.modes) {
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('width', '36');
    svg.setAttribute('height', '10');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    for (const s of LEG_STROKES[mode]) {
      const line = document.createElementNS(SVG_NS, 'path');
      line.setAttribute('d', 'M2 5H34');
      line.setAttribute('fill', 'none');
      line.setAttribute('stroke', s.color === 'trip' ? SAMPLE_COLOUR : s.color);
      line.setAttribute('stroke-width', String(s.weight));
      line.setAttribute('stroke-linecap', s.lineCap ?? 'butt');
      if (s.dashArray) line.setAttribute('stroke-dasharray', s.dashArray);
      svg.append(line);
    }
    list.append(item(svg, t(`mode_${mode}`), mode));
  }

  if (content.approximate) {
    const ring = document.createElement('span');
    ring.className = 'itinera-legend__approximate';
    ring.setAttribute('aria-hidden', 'true');
    list.append(item(ring, t('approximate'), 'approximate'));
  }
  // Samples of the journey overlays: the same markup the map draws, in the neutral colour.
  const sample = (html: string, cls: string) => {
    const span = document.createElement('span');
    span.className = `itinera-legend__sample ${cls}`;
    span.setAttribute('aria-hidden', 'true');
    span.innerHTML = html;
    return span;
  };
  if (content.direction)
    list.append(item(sample(arrowHtml(SAMPLE_COLOUR, 0), 'is-arrow'), t('legendDirection'), 'direction'));
  if (content.border) list.append(item(sample(borderHtml(), 'is-border'), t('legendBorder'), 'border'));
  if (content.mover)
    list.append(item(sample(moverHtml('train', SAMPLE_COLOUR), 'itinera-mover'), t('legendMover'), 'mover'));
  details.append(title, list);
  root.append(details);
}

function item(sample: Element, label: string, key: string): HTMLLIElement {
  const li = document.createElement('li');
  li.dataset.key = key;
  const text = document.createElement('span');
  text.textContent = label;
  li.append(sample, text);
  return li;
}
