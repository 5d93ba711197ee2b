import type { Dataset } from '../core/types';

/** Sources as links; only http(s) URLs become links, and they open without a referrer. */
export function SourceLinks({
  data,
  ids,
  compact = false,
}: {
  data: Dataset;
  ids: readonly string[];
  compact?: boolean;
}) {
  const list = ids.map((id) => data.sources.get(id)).filter((s) => s !== undefined);
  if (compact)
    return (
      <span className="source-refs">
        {list.map((s) => (
          <a
            key={s.id}
            href={safeHref(s.url)}
            target="_blank"
            rel="noopener noreferrer"
            title={`${s.publisher}: ${s.title}`}
          >
            [{s.publisher}]
          </a>
        ))}
      </span>
    );
  return (
    <ol className="source-list">
      {list.map((s) => (
        <li key={s.id}>
          <a href={safeHref(s.url)} target="_blank" rel="noopener noreferrer" hrefLang={s.language}>
            {s.title}
          </a>
          <span className="muted">
            {' '}
            — {s.publisher}
            {s.author && `, ${s.author}`}
            {s.date && `, ${s.date}`}
            {s.note && ` (${s.note})`}
          </span>
        </li>
      ))}
    </ol>
  );
}

function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}
