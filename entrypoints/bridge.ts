import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installBridge } from '../bilibili/bridge-page';

// MAIN world, injected by the content script with a per-page token.
export default defineUnlistedScript(() => {
  const token = document.currentScript?.dataset.token;
  if (token) installBridge(window, token);
});
