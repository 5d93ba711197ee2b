// What could not be loaded, where, and why: visible, dismissable, never instead of the valid data.
// Grouped by collection (the first step of the JSON path: events, places, legs…), with what to do next.
import { useState } from 'react';
import type { Dataset, Problem } from '../core/types';
import type { Translate } from '../i18n/i18n';

const SHOWN = 50;

export function ProblemsPanel({ data, t }: { data: Dataset; t: Translate }) {
  const [open, setOpen] = useState(true);
  if (!open) return null;
  const fatal = data.problems.some((p) => p.level === 'fatal');
  const dropped = data.totals.events - data.events.length;
  const groups = groupProblems(data.problems.slice(0, SHOWN));
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
      <p className="problems-next">{fatal ? t('problemsNextFatal') : t('problemsNext')}</p>
      {groups.map(([group, list]) => (
        <div className="problems-group" key={group}>
          {groups.length > 1 && <h3>{t('problemsInGroup', { group, n: list.length })}</h3>}
          <ul className="problems-list">
            {list.map((p, i) => (
              <li key={i}>
                <code>{p.path}</code>
                {p.line !== undefined && (
                  <span className="problem-where"> ({t('lineColumn', { line: p.line, column: p.column ?? 1 })})</span>
                )}
                : {p.message}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {data.problems.length > SHOWN && (
        <p className="problems-more">{t('problemsMore', { n: data.problems.length - SHOWN })}</p>
      )}
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

/** Problems by the first step of their path (`events[3].start` → events), in the order first seen. */
export function groupProblems(problems: readonly Problem[]): [string, Problem[]][] {
  const groups = new Map<string, Problem[]>();
  for (const p of problems) {
    const key = /^[$.]*([^.[\]]+)/.exec(p.path)?.[1] ?? p.path;
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  return [...groups];
}
