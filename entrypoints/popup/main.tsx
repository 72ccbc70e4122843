import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createSettingsModel, wxtSettingsStore } from '../../components/models/settings';
import { calibrationItem } from '../../components/models/storage';
import { measured } from '../../components/dom/perf';
import { PopupApp } from '../../components/popup/PopupApp';
import { TALK } from '../../bilibili/route';

const lifetime = new AbortController();
addEventListener('pagehide', () => lifetime.abort(), { once: true });
const model = createSettingsModel(wxtSettingsStore(), lifetime.signal);

measured('popup-render', () =>
  render(
    <PopupApp
      model={model}
      browserLanguage={navigator.language}
      version={browser.runtime.getManifest().version}
      resetTiming={() => calibrationItem(TALK.bvid, TALK.p).removeValue()}
    />,
    document.getElementById('app') as HTMLElement,
  ),
);
