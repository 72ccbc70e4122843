import { defineConfig } from '@playwright/test';

// Real Chromium with the built extension; every test gets its own browser profile.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: /.*\.spec\.ts/,
  timeout: 60_000,
  expect: { timeout: 8_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  globalSetup: './tests/e2e/global-setup.ts',
  projects: [
    // The soak runs on its own (npm run test:soak).
    { name: 'e2e', testIgnore: [...(process.env.SOAK ? [] : ['**/soak.spec.ts']), '**/listen.spec.ts'] },
    // Listen to align hears the page's audio in real time: alone, after the rest, with no other browser
    // competing for the 2 cores. Beside other tests its anchors were off by up to 6 s in 2 of 4 suite runs
    // (once from stale audio re-delivered after a stall, now gated; once not understood: issue 13's note).
    // How the capture fares on a loaded machine is the bench's "capture stalls" row.
    { name: 'listen', testMatch: '**/listen.spec.ts', dependencies: ['e2e'] },
  ],
});
