import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**'],
    // HTTP tests start real servers on 127.0.0.1, so forks. One per core: vitest's default
    // (cores − 1) left one fork on this 2-core machine, and many tests wait on real servers.
    pool: 'forks',
    maxWorkers: availableParallelism(),
    // Test files share their fork's modules instead of importing everything again: importing
    // took 115 s of a CI run's test time, 30 s shared. No file may leave a global changed.
    isolate: false,
    testTimeout: 30_000,
    // Every answer a test server sends is held to its OpenAPI document (test/contract.ts).
    setupFiles: ['test/contract-setup.ts'],
  },
});
