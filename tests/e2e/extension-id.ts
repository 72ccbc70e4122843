/**
 * The Chrome build's extension id, known before the browser starts: Chromium derives it from
 * the manifest's public `key` (SHA-256 of the key's bytes, first 32 hex digits written a–p).
 * Nothing is read from a browser page, so neither its layout nor its ordering matters.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function extensionIdFromKey(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((h) => String.fromCharCode(97 + parseInt(h, 16))).join('');
}

/** The id of the build in `dist`, from its manifest's key. */
export function builtExtensionId(dist: string): string {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { key?: unknown };
  if (typeof manifest.key !== 'string' || !manifest.key)
    throw new Error(`${dist}/manifest.json has no "key": build with \`npm run build\` (STORE_BUILD=1 builds leave it out)`);
  return extensionIdFromKey(manifest.key);
}
