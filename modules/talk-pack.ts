import { defineWxtModule } from 'wxt/modules';
import { buildHantBundle, buildPackBundle } from '../scripts/pack-bundle';

/** Validates the talk pack at build time (a broken pack fails the build) and emits the runtime bundles. */
export default defineWxtModule({
  name: 'talk-pack',
  setup(wxt) {
    wxt.hooks.hook('prepare:publicPaths', (_wxt, paths) => {
      paths.push('talk.json', 'talk.zh-Hant.json');
    });
    wxt.hooks.hook('build:publicAssets', (_wxt, files) => {
      const { bundle, pack } = buildPackBundle();
      files.push({ relativeDest: 'talk.json', contents: JSON.stringify(bundle) });
      files.push({ relativeDest: 'talk.zh-Hant.json', contents: JSON.stringify(buildHantBundle(pack)) });
    });
  },
});
