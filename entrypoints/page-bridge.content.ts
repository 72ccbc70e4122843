import { defineContentScript } from 'wxt/utils/define-content-script';
import { awaitConnect } from '../bilibili/bridge-page';
import { TALK_MATCHES } from '../bilibili/route';

// MAIN world, only on the talk's pages, from document_start: the browser runs it, so no page CSP
// can block it (no <script> element). It writes nothing to the page and waits for the content
// script to connect.
export default defineContentScript({
  matches: TALK_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    awaitConnect(window);
  },
});
