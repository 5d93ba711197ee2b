// The footer: where the data comes from (the count of sources opens their list) and the attribution
// of the basemap, in one quiet line.
import { memo, useState } from 'react';
import type { Dataset } from '../core/types';
import type { Translate } from '../i18n/i18n';

const NATURAL_EARTH = 'https://www.naturalearthdata.com/';

// Memoised: it depends on the dataset and the language only, not on the time window that a drag moves.
export const AppFooter = memo(function AppFooter({ data, t }: { data: Dataset; t: Translate }) {
  // The list is made when first opened, then kept: folded, its hundreds of elements (the seed: 133
  // sources, ~670 elements, a third of the page) only cost the first render.
  const [opened, setOpened] = useState(false);
  return (
    <footer className="app-footer">
      {data.sources.size > 0 && (
        <details className="footer-sources" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
          <summary data-testid="footer-sources">{t('footerSources', { n: data.sources.size })}</summary>
          {opened && (
            <div className="footer-sources-panel">
              <h2>{t('footerSourcesTitle')}</h2>
              <SourceList data={data} />
            </div>
          )}
        </details>
      )}
      <span aria-hidden="true">·</span>
      <a href={NATURAL_EARTH} target="_blank" rel="noopener noreferrer">
        {t('mapAttribution')}
      </a>
      <span aria-hidden="true">·</span>
      <span>{t('footerMadeWith')}</span>
    </footer>
  );
});

function SourceList({ data }: { data: Dataset }) {
  const sources = [...data.sources.values()].sort(
    (a, b) => a.publisher.localeCompare(b.publisher) || (a.date ?? '').localeCompare(b.date ?? ''),
  );
  return (
    <ol>
      {sources.map((s) => (
        <li key={s.id}>
          <span className="footer-publisher">{s.publisher}</span>
          {s.date && <span className="footer-date"> · {s.date}</span>}
          <br />
          {/^https?:\/\//.test(s.url) ? (
            <a href={s.url} target="_blank" rel="noopener noreferrer">
              {s.title}
            </a>
          ) : (
            s.title
          )}
        </li>
      ))}
    </ol>
  );
}
