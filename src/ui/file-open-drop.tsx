// Drop a file anywhere on the page to open it. The listeners live on the window while this is
// mounted and are removed with it.
import { useEffect, useState } from 'react';
import type { Translate } from '../i18n/i18n';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

export function FileDrop({ t, onFile }: { t: Translate; onFile(file: File): void }) {
  const [over, setOver] = useState(false);
  useEffect(
    function listenForDrops() {
      let depth = 0;
      const enter = (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth++;
        setOver(true);
      };
      const overPage = (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      };
      const leave = (e: DragEvent) => {
        if (!hasFiles(e)) return;
        depth = Math.max(0, depth - 1);
        if (depth === 0) setOver(false);
      };
      const drop = (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth = 0;
        setOver(false);
        const file = e.dataTransfer?.files[0];
        if (file) onFile(file);
      };
      window.addEventListener('dragenter', enter);
      window.addEventListener('dragover', overPage);
      window.addEventListener('dragleave', leave);
      window.addEventListener('drop', drop);
      return () => {
        window.removeEventListener('dragenter', enter);
        window.removeEventListener('dragover', overPage);
        window.removeEventListener('dragleave', leave);
        window.removeEventListener('drop', drop);
      };
    },
    [onFile],
  );
  return over ? (
    <div className="file-drop" aria-hidden="true">
      <p>{t('dropHere')}</p>
    </div>
  ) : null;
}
