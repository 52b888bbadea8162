import { defineConfig } from 'vitest/config';

/**
 * Every test file shares the one Community database that tests/global-setup.ts provides, so files
 * run one after another; each file clears the data it needs cleared.
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 90_000,
    // What a page shows after a request can take seconds on a loaded 2-core runner; 1 s (the
    // default) made UI journeys fail for being slow, not wrong.
    expect: { poll: { timeout: 15_000 } },
    reporters: ['default'],
  },
});
