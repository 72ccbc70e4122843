import { defineConfig } from '@playwright/test';

// Real Chromium with the built extension; every test gets its own browser profile.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: /.*\.spec\.ts/,
  // The soak runs on its own (npm run test:soak).
  testIgnore: process.env.SOAK ? [] : ['**/soak.spec.ts'],
  timeout: 60_000,
  expect: { timeout: 8_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  globalSetup: './tests/e2e/global-setup.ts',
});
