import type { TimingSource } from '../../lib/timeline';
import type { MessageKey } from '../i18n';
import { useModels } from './context';
import { lazy } from './lazy';

// Only for a user who opted in to listening: its code and strings are a chunk of their own.
const ListenControls = lazy(() => import('./listen/ListenControls').then((m) => ({ view: m.ListenControls, css: m.css })));

const SOURCE: Record<TimingSource, MessageKey> = {
  estimate: 'timingEstimate',
  subtitles: 'timingSubtitles',
  audio: 'timingAudio',
  calibrated: 'timingCalibrated',
};

/** Where the times come from, and the one-click corrections. */
export function TimingBar() {
  const { i18n, timing, listen } = useModels();
  const { t } = i18n;
  const source = timing.timeline.value.source;
  const offset = timing.calibration.value.offset;
  const listening = listen.state.value;
  return (
    <div class="timing" data-timing-source={source}>
      <span class="source" title={t('timingHelp')}>
        {t(SOURCE[source])}
      </span>
      {offset !== 0 ? <span class="offset">{t('offsetLabel', { value: offset > 0 ? `+${offset}` : offset })}</span> : null}
      <span class="spacer" />
      <button type="button" class="icon" title={t('nudgeEarlier')} onClick={() => timing.nudge(-0.5)}>
        −0.5s<span class="sr-only"> {t('nudgeEarlier')}</span>
      </button>
      <button type="button" class="icon" title={t('nudgeLater')} onClick={() => timing.nudge(0.5)}>
        +0.5s<span class="sr-only"> {t('nudgeLater')}</span>
      </button>
      {source === 'calibrated' ? (
        <button type="button" class="icon" onClick={() => timing.reset()}>
          {t('resetTiming')}
        </button>
      ) : null}
      {listening !== 'off' ? <ListenControls /> : null}
    </div>
  );
}
