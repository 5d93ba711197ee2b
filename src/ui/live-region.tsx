// The one polite live region: it says what was loaded, then the title and date of each selected
// event, and nothing else (counts, playback and hovering stay silent).
import { useEffect, useRef, useState } from 'react';
import type { Dataset } from '../core/types';
import { formatInstant, pickText, type Translate } from '../i18n/i18n';
import type { UiLang } from '../state/view-state';

interface Props {
  data: Dataset;
  selectedId: string | null;
  lang: UiLang;
  t: Translate;
}

export function loadedText(data: Dataset, t: Translate): string {
  const dropped = data.totals.events - data.events.length;
  return dropped > 0
    ? t('announceLoadedDropped', { n: data.events.length, k: dropped })
    : t('announceLoaded', { n: data.events.length });
}

export function selectedText(data: Dataset, id: string, lang: UiLang, t: Translate): string {
  const e = data.eventsById.get(id);
  if (!e) return '';
  return t('announceSelected', { title: pickText(e.title, lang).text, date: formatInstant(e.startAt, lang) });
}

export function LiveRegion({ data, selectedId, lang, t }: Props) {
  const [message, setMessage] = useState('');
  // A new selection speaks (set while rendering, React's pattern for state that follows a prop);
  // a change of language, hovering or playback says nothing.
  const [lastId, setLastId] = useState(selectedId);
  if (selectedId !== lastId) {
    setLastId(selectedId);
    if (selectedId) setMessage(selectedText(data, selectedId, lang, t));
  }
  const tRef = useRef(t);
  useEffect(function keepLatestT() {
    tRef.current = t;
  });
  useEffect(
    function announceLoad() {
      // After the region is in the page, so that screen readers notice the change; once per dataset.
      const timer = setTimeout(() => setMessage(loadedText(data, tRef.current)), 250);
      return () => clearTimeout(timer);
    },
    [data],
  );
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="live-region">
      {message}
    </div>
  );
}
