import { defineWxtModule } from 'wxt/modules';

/** Where the panel bundle's lazily loaded parts go (web-accessible, see wxt.config.ts). */
export const PANEL_CHUNKS = 'panel-chunks';

/**
 * WXT builds unlisted scripts as one IIFE. The panel bundle is loaded with a dynamic
 * `import()` (an ES module in the content script's isolated world), so it can be an ES module
 * too, and then its on-demand parts (search, glossary, export, line menu, term popover,
 * overlay, the sibling-part hint) become chunks it imports only when the user opens them.
 * That keeps the code every talk-page load pays under ARCHITECTURE.md's 30 KB gzip.
 */
export default defineWxtModule({
  name: 'panel-chunks',
  setup(wxt) {
    wxt.hooks.hook('vite:build:extendConfig', (entrypoints, config) => {
      if (entrypoints.length !== 1 || entrypoints[0]?.name !== 'panel') return;
      const lib = config.build?.lib;
      if (!lib) throw new Error('panel-chunks: expected WXT to build the panel in library mode');
      lib.formats = ['es'];
      const rollup = config.build!.rollupOptions!;
      // Nothing imports the entry's exports, so shared code may live in it rather than in chunks.
      rollup.preserveEntrySignatures = false;
      const output = rollup.output;
      if (!output || Array.isArray(output)) throw new Error('panel-chunks: unexpected rollup output config');
      output.chunkFileNames = `${PANEL_CHUNKS}/[name]-[hash].js`;
      // Preact in a chunk of its own, named for what it is (rolldown splits it out either way).
      Object.assign(output, { codeSplitting: { groups: [{ name: 'preact', test: /[\\/]node_modules[\\/]preact[\\/]/ }] } });
      // Vite leaves library-mode ES output unminified (for re-bundling); this is shipped as is.
      Object.assign(output, { minify: true, comments: false });
    });
  },
});
