/**
 * The harness finds its own extension by what it is (the id its manifest key gives), never by
 * position on a browser page: Chromium also ships extensions of its own (its PDF viewer is
 * mhjfbmdgcfjbbpaeojofohoefgiehjai, which sorts before the companion's id).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DIST, launchWithExtension, openPopup } from './browser';

const PDF_VIEWER = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';

/** The extension's name in each of its locales. */
const extNames = (dist: string): string[] =>
  readdirSync(join(dist, '_locales')).map(
    (l) =>
      (JSON.parse(readFileSync(join(dist, '_locales', l, 'messages.json'), 'utf8')) as { extName: { message: string } }).extName.message,
  );

function copyOfBuild(prefix: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), prefix)), 'chrome-mv3');
  cpSync(DIST, dir, { recursive: true });
  return dir;
}

test('the same id from any folder; it is the companion, though another extension sorts first', async () => {
  const folders = [copyOfBuild('a-'), copyOfBuild('zz-other-place-')];
  const ids: string[] = [];
  try {
    for (const dist of folders) {
      const { context, extensionId } = await launchWithExtension({ dist });
      try {
        ids.push(extensionId);
        const popup = await openPopup(context, extensionId);
        await expect(popup.locator('main[data-loaded]')).toBeVisible();
        const name = await popup.evaluate(
          () => (window as unknown as { chrome: { runtime: { getManifest(): { name: string } } } }).chrome.runtime.getManifest().name,
        );
        expect(extNames(dist)).toContain(name);
      } finally {
        await context.close();
      }
    }
  } finally {
    for (const f of folders) rmSync(join(f, '..'), { recursive: true, force: true });
  }
  expect(ids[0]).toBe(ids[1]);
  // A lookup that took the first id in id order would have found the PDF viewer, not us.
  expect(ids[0]! > PDF_VIEWER).toBe(true);
});

test('a build Chromium will not load stops the run at once, saying so', async () => {
  const dist = copyOfBuild('broken-');
  try {
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dist, 'manifest.json'), JSON.stringify({ ...manifest, manifest_version: 1 }));
    const started = Date.now();
    await expect(launchWithExtension({ dist })).rejects.toThrow(/did not load the extension from .*expected id [a-p]{32}/);
    expect(Date.now() - started).toBeLessThan(20_000);
  } finally {
    rmSync(join(dist, '..'), { recursive: true, force: true });
  }
});
