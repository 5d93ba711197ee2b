// What could not be loaded, where, and why: visible, dismissable, never instead of the valid data.
import { useState } from 'react';
import type { Dataset } from '../core/types';
import type { Translate } from '../i18n/i18n';

const SHOWN = 50;

export function ProblemsPanel({ data, t }: { data: Dataset; t: Translate }) {
  const [open, setOpen] = useState(true);
  if (!open) return null;
  const fatal = data.problems.some((p) => p.level === 'fatal');
  const dropped = data.totals.events - data.events.length;
  return (
    <section className={`problems${fatal ? ' problems-fatal' : ''}`} role="alert" aria-labelledby="problems-title">
      <div className="problems-head">
        <h2 id="problems-title">{fatal ? t('fatalTitle') : t('problemsTitle')}</h2>
        <button type="button" className="icon-button" onClick={() => setOpen(false)} aria-label={t('dismiss')}>
          ×
        </button>
      </div>
      {!fatal && (
        <p className="problems-summary">
          {t('problemsSummary', { n: data.events.length, m: data.totals.events, k: dropped })}
        </p>
      )}
      <ul className="problems-list">
        {data.problems.slice(0, SHOWN).map((p, i) => (
          <li key={i}>
            <code>{p.path}</code>
            {p.line !== undefined && (
              <span className="problem-where"> ({t('lineColumn', { line: p.line, column: p.column ?? 1 })})</span>
            )}
            : {p.message}
          </li>
        ))}
        {data.problems.length > SHOWN && <li>… {data.problems.length - SHOWN} more</li>}
      </ul>
      {fatal && bundledHref() && (
        <p>
          <a href={bundledHref()!}>{t('loadBundled')}</a>
        </p>
      )}
    </section>
  );
}

/** The same page without `data=` (or TimelineJS's `source=`), when one was given: the bundled dataset. */
function bundledHref(): string | null {
  const q = new URLSearchParams(location.search);
  if (!q.has('data') && !q.has('source')) return null;
  q.delete('data');
  q.delete('source');
  const search = q.toString();
  return `${location.pathname}${search ? `?${search}` : ''}`;
}
