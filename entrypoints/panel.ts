import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createCompanion } from '../components/runtime/companion';
import { PANEL_GLOBAL, type PanelApi } from '../components/runtime/panel-api';

// Loaded by the content script (dynamic import) into its isolated world, only on BV1DS411w7hz pages.
export default defineUnlistedScript(() => {
  const api: PanelApi = { create: createCompanion };
  (globalThis as Record<string, unknown>)[PANEL_GLOBAL] = api;
});
