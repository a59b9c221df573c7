import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // The long runs have their own config: `npm run soak` (vitest.soak.config.ts).
    exclude: [...configDefaults.exclude, 'test/soak/**'],
    setupFiles: ['test/support/setup.ts'],
    globalSetup: ['test/support/global-setup.ts', 'test/support/postgres-setup.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests start real servers, ptys and browsers: two cores, so keep the pool small.
    pool: 'forks',
    maxWorkers: 2,
  },
});
