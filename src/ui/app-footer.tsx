// The footer: where the data comes from (the count of sources opens their list) and the attribution
// of the basemap, in one quiet line.
import { memo } from 'react';
import type { Dataset } from '../core/types';
import type { Translate } from '../i18n/i18n';

const NATURAL_EARTH = 'https://www.naturalearthdata.com/';

// Memoised: it depends on the dataset and the language only, not on the time window that a drag moves.
export const AppFooter = memo(function AppFooter({ data, t }: { data: Dataset; t: Translate }) {
  const sources = [...data.sources.values()].sort(
    (a, b) => a.publisher.localeCompare(b.publisher) || (a.date ?? '').localeCompare(b.date ?? ''),
  );
  return (
    <footer className="app-footer">
      {sources.length > 0 && (
        <details className="footer-sources">
          <summary data-testid="footer-sources">{t('footerSources', { n: sources.length })}</summary>
          <div className="footer-sources-panel">
            <h2>{t('footerSourcesTitle')}</h2>
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
          </div>
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
