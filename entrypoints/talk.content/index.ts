import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { boot } from '../../components/runtime/boot';

// Wiring only. This runs on every video page; the panel bundle loads only on BV1DS411w7hz's.
export default defineContentScript({
  matches: ['*://www.bilibili.com/video/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  // WXT's legacy window.postMessage announcement would reach every video page's listeners.
  noScriptStartedPostMessage: true,
  main(ctx) {
    boot({
      ctx,
      win: window,
      url: (path) => browser.runtime.getURL(path as '/talk.json'),
      // A dynamic import of a web-accessible file runs it in this isolated world.
      loadPanel: () => import(/* @vite-ignore */ browser.runtime.getURL('/panel.js')),
    });
  },
});
