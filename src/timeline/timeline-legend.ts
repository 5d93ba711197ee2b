// The legend of the timeline: the symbol of each kind of event in the dataset, folded by default
// (a <details> in the timeline's toolbar). The symbols are those of the map's markers. The list is
// built when the legend opens, so that a folded legend adds no SVG ahead of the timeline's own.
import { kindGlyph, KIND_ORDER } from '../core/kind-symbols';
import type { StringKey } from '../i18n/strings';
import type { TimelineView } from './timeline-types';

export interface Legend {
  node: HTMLDetailsElement;
  update(view: Pick<TimelineView, 'data' | 't'>): void;
}

export function createLegend(): Legend {
  const node = document.createElement('details');
  node.className = 'tl-legend';
  const summary = document.createElement('summary');
  const list = document.createElement('ul');
  node.append(summary, list);
  let key = '';
  let items: { kind: string; name: string }[] = [];

  function render(): void {
    if (!node.open) {
      list.replaceChildren();
      return;
    }
    list.replaceChildren(
      ...items.map(({ kind, name }) => {
        const li = document.createElement('li');
        li.dataset.kind = kind;
        li.innerHTML = `<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="8" class="tl-legend-disc"/><g class="tl-glyph" transform="translate(2,2) scale(0.75)">${kindGlyph(kind)}</g></svg>`;
        li.append(document.createTextNode(name));
        return li;
      }),
    );
  }
  node.addEventListener('toggle', render);

  function update({ data, t }: Pick<TimelineView, 'data' | 't'>): void {
    // A loop rather than a mapped copy: 100,000 events at each new dataset. It stops once every kind is seen.
    const present = new Set<string>();
    for (const e of data.events) {
      present.add(e.kind);
      if (present.size === KIND_ORDER.length) break;
    }
    const kinds = KIND_ORDER.filter((k) => present.has(k));
    const names = kinds.map((k) => t(`kind_${k}` as StringKey));
    const next = `${t('kindsLegend')}|${kinds.join()}|${names.join()}`;
    if (next === key) return;
    key = next;
    summary.textContent = t('kindsLegend');
    node.hidden = kinds.length === 0;
    items = kinds.map((kind, i) => ({ kind, name: names[i]! }));
    render();
  }

  return { node, update };
}
