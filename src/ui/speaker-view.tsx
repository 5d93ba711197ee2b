// The speaker view (`?present=1&notes=1`, loaded on demand): notes, the current and the next step,
// and a clock, in a second window that stays in step with the presenter's over a BroadcastChannel.
import { useEffect, useMemo, useState } from 'react';
import { pickNarrative } from '../core/narrative';
import type { Lang } from '../core/schema';
import type { Dataset } from '../core/types';
import { localName, type Translate } from '../i18n/i18n';
import { usePresentation } from './present-controller';
import './present-mode.css';
import './speaker-view.css';

interface Props {
  data: Dataset;
  lang: Lang;
  t: Translate;
  initialStep: number | null | undefined;
}

function useClock() {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

const two = (n: number) => String(n).padStart(2, '0');

export function SpeakerView({ data, lang, t, initialStep }: Props) {
  const narrative = useMemo(() => pickNarrative(data), [data]);
  const { state, dispatch } = usePresentation(narrative, data.meta.id, initialStep, () => undefined, 'speaker');
  const [started] = useState(() => Date.now());
  const now = useClock();
  const elapsed = Math.max(0, Math.floor((now - started) / 1000));
  const current = narrative.steps[state.step - 1];
  const next = narrative.steps[state.step];
  const clock = new Date(now);
  return (
    <main className="speaker-view" aria-label={t('speakerView')}>
      <header className="speaker-head">
        <p className="speaker-progress" data-testid="speaker-progress">
          {t('presentProgress', { n: state.step, m: state.count })}
        </p>
        <p className="speaker-clock" data-testid="speaker-clock">
          {`${two(clock.getHours())}:${two(clock.getMinutes())}:${two(clock.getSeconds())}`}
          <span className="speaker-elapsed">
            {' '}
            ({t('speakerElapsed')} {two(Math.floor(elapsed / 60))}:{two(elapsed % 60)})
          </span>
        </p>
      </header>
      <section className="speaker-current">
        <h1 data-testid="speaker-current">{current ? localName(current.title, lang) : ''}</h1>
        <h2>{t('speakerNotes')}</h2>
        <p className="speaker-notes" data-testid="speaker-notes">
          {current?.notes ? localName(current.notes, lang) : current?.text ? localName(current.text, lang) : '—'}
        </p>
      </section>
      <section className="speaker-next">
        <h2>{t('presentNext')}</h2>
        <p data-testid="speaker-next">{next ? localName(next.title, lang) : t('speakerEnd')}</p>
      </section>
      <div className="present-buttons">
        <button type="button" onClick={() => dispatch({ type: 'previous' })} disabled={state.step <= 1}>
          ← {t('presentPrevious')}
        </button>
        <button type="button" onClick={() => dispatch({ type: 'next' })} disabled={state.step >= state.count}>
          {t('presentNextButton')} →
        </button>
      </div>
    </main>
  );
}
