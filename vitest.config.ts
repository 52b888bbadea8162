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
    reporters: ['default'],
  },
});
