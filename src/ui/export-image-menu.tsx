// The "Present / image" menu of the header: present, print, and the image exports (their code loads on
// demand). File names say the dataset and the days of the time window (else today's date).
import { isoDay } from '../core/dates';
import type { TimeWindow } from '../core/selectors';
import type { Translate } from '../i18n/i18n';

interface Props {
  datasetId: string;
  window: TimeWindow | null;
  t: Translate;
}

export function imageFileBase(datasetId: string, window: TimeWindow | null, now = Date.now()): string {
  return `${datasetId}_${window ? `${isoDay(window[0])}_${isoDay(window[1])}` : isoDay(now)}`;
}

export function ExportImageMenu({ datasetId, window, t }: Props) {
  // Named when asked for: the menu renders again on every window change of a drag.
  const base = () => imageFileBase(datasetId, window);
  const png = () =>
    void import('./export-image').then(async (m) => {
      const blob = await m.viewPng();
      if (blob) m.downloadBlob(`${base()}.png`, blob);
    });
  const svg = () =>
    void import('./export-image').then((m) => {
      const el = m.timelineSvg();
      if (el) m.downloadBlob(`${base()}_timeline.svg`, new Blob([m.serializeSvg(el)], { type: 'image/svg+xml' }));
    });
  const print = () => {
    const q = new URLSearchParams(location.search);
    q.set('print', '1');
    openInNewTab(`?${q}`);
  };
  return (
    <details className="data-menu image-menu">
      <summary>{t('imageMenu')}</summary>
      <div className="data-menu-panel">
        <ul>
          <li>
            <button type="button" data-export="png" onClick={png}>
              {t('exportPng')}
            </button>
          </li>
          <li>
            <button type="button" data-export="svg" onClick={svg}>
              {t('exportSvg')}
            </button>
          </li>
          <li>
            <button type="button" data-export="print" onClick={print}>
              {t('printItinerary')}
            </button>
          </li>
        </ul>
      </div>
    </details>
  );
}

function openInNewTab(href: string) {
  globalThis.open(href, '_blank', 'noopener');
}
