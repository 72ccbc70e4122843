import { existsSync } from 'node:fs';
import { ensureMedia } from './media';
import { DIST, launchWithExtension } from './browser';

export default async function globalSetup(): Promise<void> {
  ensureMedia();
  if (!existsSync(`${DIST}/manifest.json`)) throw new Error('Build the extension first: npm run build');
  // One launch up front: a Chromium that cannot load the build stops the run with one clear
  // message (launchWithExtension says what failed) instead of every test timing out.
  const { context } = await launchWithExtension();
  await context.close();
}
