import { useComputed } from '@preact/signals';
import type { Segment } from '../lib/pack/types';
import { clock } from '../lib/time-format';
import { useModels } from './context';
import { LineMenu } from './LineMenu';
import { TermText } from './TermText';

interface LineProps {
  seg: Segment;
  index: number;
  start: number;
  register(index: number, el: HTMLElement | null): void;
}

/** One transcript line. Clicks are delegated to the list; only this line's own state re-renders it. */
export function Line({ seg, index, start, register }: LineProps) {
  const { i18n, talk, settings, ui } = useModels();
  const { t } = i18n;
  const s = settings.settings.value;
  const view = talk.view.value;
  const menuOpen = useComputed(() => ui.menuFor.value === index).value;
  const showOrig = useComputed(() => settings.settings.value.showOriginal !== ui.originalToggled.value.has(index)).value;
  return (
    <div class="line" data-segment-id={seg.id} data-index={index} ref={(el) => register(index, el)}>
      <button type="button" class="ts" aria-label={t('seekTo', { time: clock(start) })}>
        {clock(start)}
      </button>
      <div class="body">
        {s.transcriptLanguage !== 'en' ? (
          <p class="zh" lang={talk.useHant.value ? 'zh-Hant' : 'zh-CN'}>
            <TermText runs={view.runsZh(index)} marks={s.termMarks} />
            {seg.uncertain ? (
              <span class="unc" title={t('uncertain', { note: seg.uncertain })}>
                {t('uncertainMark')}
              </span>
            ) : null}
          </p>
        ) : null}
        {s.transcriptLanguage !== 'zh' ? (
          <p class="en" lang="en">
            <TermText runs={view.runsEn(index)} marks={s.termMarks} />
          </p>
        ) : null}
        {showOrig ? (
          <p class="orig">
            {t('originalLabel')}
            {view.source(seg).trim()}
          </p>
        ) : null}
      </div>
      <button type="button" class="more" aria-label={t('lineActions')} aria-haspopup="menu" aria-expanded={menuOpen}>
        ⋯
      </button>
      {menuOpen ? <LineMenu index={index} showingOriginal={showOrig} /> : null}
    </div>
  );
}
