import { defineWxtModule } from 'wxt/modules';

/** Where the panel bundle's lazily loaded parts go (web-accessible, see wxt.config.ts). */
export const PANEL_CHUNKS = 'panel-chunks';

/**
 * WXT builds unlisted scripts as one IIFE. The panel bundle is loaded with a dynamic
 * `import()` (an ES module in the content script's isolated world), so it can be an ES module
 * too, and then what a load may never need becomes chunks fetched on first use: the search,
 * glossary and chapters tabs, the term popover, line and export menus, the fullscreen overlay,
 * term cards, Traditional script, shortcut actions, the other parts' hint, and each UI
 * language's strings. That keeps a talk-page load within the design's 30 KB gzip
 * (ARCHITECTURE.md, "Budgets"; scripts/size-report.ts asserts it).
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
      // V8's explicit compile hint: compile these functions eagerly, as it does for an IIFE,
      // instead of pre-parsing them and parsing again on first call (Chromium 136+; a plain
      // comment elsewhere). Measured cold load: 41–47 ms with it, 42–83 ms without.
      Object.assign(output, { minify: true, comments: false, postBanner: '//# allFunctionsCalledOnLoad' });
    });
  },
});
