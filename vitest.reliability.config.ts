import { defineConfig } from 'vitest/config';

// Reliability and security suites (issue 9): fault injection, load, backup round trips, hostile input.
// Budgets for CI come from the environment (RELIABILITY_FUZZ_RUNS, RELIABILITY_LOAD_SECONDS); see docs/performance.md.
export default defineConfig({
  test: {
    // Servers started by tests leave their parsing workers to the first upload (no warm-up CPU per start).
    env: { LANTU_PARSE_WARM: '0' },
    include: ['test/reliability/**/*.rel.ts', 'test/security/**/*.test.ts', 'test/security/**/*.browser.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
