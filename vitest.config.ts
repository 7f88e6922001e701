import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.shoebox/**', 'test-fixtures/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores on CI: run files in parallel but keep memory predictable.
    pool: 'forks',
    maxWorkers: 2,
  },
});
