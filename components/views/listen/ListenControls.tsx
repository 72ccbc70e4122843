/** Listen to align, in the timing bar: the button, and one line saying what listening did or why it cannot. */
import { useModels } from '../context';
import { useViewI18n } from '../view-i18n';
export { default as css } from './listen.css?inline';

const UNAVAILABLE = {
  'unsupported-firefox': 'listenFirefox',
  'unsupported-player': 'listenPlayer',
  failed: 'listenFailed',
} as const;

export function ListenControls() {
  const { timing, listen } = useModels();
  const { t } = useViewI18n();
  const state = listen.state.value;
  const min = (listen.heardSeconds.value / 60).toFixed(1);
  const text =
    state === 'listening'
      ? t('listening', { min })
      : state in UNAVAILABLE
        ? t(UNAVAILABLE[state as keyof typeof UNAVAILABLE])
        : timing.layersDisagree.value
          ? t('layersDisagree')
          : timing.audio.value
            ? t('audioHeard', { min })
            : null;
  return (
    <>
      {state === 'idle' || state === 'listening' ? (
        <button
          type="button"
          class="listen"
          aria-pressed={state === 'listening' ? 'true' : 'false'}
          title={t('listenHelp')}
          onClick={() => (state === 'listening' ? listen.stop() : listen.start())}
        >
          {t(state === 'listening' ? 'listenStop' : 'listenStart')}
        </button>
      ) : null}
      {text ? (
        <p class="listen-status" role="status" data-listen={state}>
          {text}
        </p>
      ) : null}
    </>
  );
}
