import { defineConfig } from 'vitest/config';

// `npm run soak`: the long runs kept out of `npm test`. No app build (no browsers here); node
// gets --expose-gc so memory is measured after a forced collection.
export default defineConfig({
  test: {
    include: ['test/soak/**/*.test.ts'],
    setupFiles: ['test/support/setup.ts'],
    environment: 'node',
    testTimeout: 15 * 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 1,
    execArgv: ['--expose-gc'],
  },
});
