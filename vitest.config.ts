import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    globalSetup: ['./tests/support/postgres-global-setup.ts'],
    reporters: ['default', './tests/support/plain-summary-reporter.ts'],
  },
});
