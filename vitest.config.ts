import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    restoreMocks: true,
    // Vitest's default (cores − 1) is one worker on a 2-core box: a cold run took 54 s there, 36 s with two.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
