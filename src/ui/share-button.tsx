// The header's "Share / Embed" button. Its dialog (embed codes, live preview) loads on first use.
import { lazy, Suspense, useState } from 'react';
import { AreaBoundary, CrashProbe } from './area-boundary';
import type { ShareDialogProps } from './share-dialog';

const ShareDialog = lazy(() => import('./share-dialog').then((m) => ({ default: m.ShareDialog })));

export function ShareButton(props: Omit<ShareDialogProps, 'open' | 'onClose'>) {
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  return (
    <>
      <button
        type="button"
        className="share-button"
        aria-haspopup="dialog"
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
      >
        {props.t('share')}
      </button>
      {used && (
        <AreaBoundary area={props.t('share')} retryLabel={props.t('retry')}>
          <CrashProbe area="dialog" />
          <Suspense fallback={null}>
            <ShareDialog {...props} open={open} onClose={() => setOpen(false)} />
          </Suspense>
        </AreaBoundary>
      )}
    </>
  );
}
