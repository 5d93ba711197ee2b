// While a file downloads or parses: a progress bar (determinate when the size is known, a sweep when not).
import type { Translate } from '../i18n/i18n';

export interface Progress {
  phase: 'download' | 'parse';
  loaded?: number;
  total?: number;
}

const size = (n: number) => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

export function LoadProgress({ progress, t }: { progress: Progress; t: Translate }) {
  const { phase, loaded, total } = progress;
  const known = phase === 'download' && !!total;
  const label =
    phase === 'parse' || loaded === undefined
      ? t('readingFile')
      : total
        ? t('loadingBytesOf', { loaded: size(loaded), total: size(total) })
        : t('loadingBytes', { loaded: size(loaded) });
  return (
    <div className="load-progress" role="status" data-testid="load-progress">
      <span>{label}</span>
      <span className="load-progress__track">
        <progress max={known ? total : undefined} value={known ? loaded : undefined} />
        {/* Without a measure, a sweep that moves by transform: the compositor runs it even while the
            main thread is busy restoring a big file (load-dataset.ts, fetchDataset). */}
        {!known && <span className="load-progress__sweep" aria-hidden="true" />}
      </span>
    </div>
  );
}
