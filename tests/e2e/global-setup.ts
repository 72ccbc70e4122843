import { existsSync } from 'node:fs';
import { ensureMedia } from './media';
import { DIST } from './browser';

export default function globalSetup(): void {
  ensureMedia();
  if (!existsSync(`${DIST}/manifest.json`)) throw new Error('Build the extension first: npm run build');
}
