import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**'],
    // HTTP tests start real servers on 127.0.0.1; two cores, so two forks.
    pool: 'forks',
    testTimeout: 30_000,
  },
});
