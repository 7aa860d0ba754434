import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Servers started by tests leave their parsing workers to the first upload (no warm-up CPU per start).
    env: { LANTU_PARSE_WARM: '0' },
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['node_modules', 'test/e2e/**'],
    // Hang guards, not timings: CLI tests start embedded databases in child processes, slow on 2 busy cores.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
