// "Open a file…": a button in front of a hidden file input; the file goes the same lenient way as
// `?data=` (any importable format).
import { useRef } from 'react';
import type { Translate } from '../i18n/i18n';

export const ACCEPTED_FILES = '.json,.geojson,.csv,.tsv,.txt,application/json,application/geo+json,text/csv';

export function FileOpen({ t, onFile }: { t: Translate; onFile(file: File): void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="file-open" title={t('openFileTitle')} onClick={() => input.current?.click()}>
        {t('openFile')}
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPTED_FILES}
        hidden
        data-testid="file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
