import { defineConfig } from 'vitest/config';

// Browser tests: the real server (`lantu serve`) driven through Debian's Chromium by playwright-core.
export default defineConfig({
  test: {
    // Servers started by tests leave their parsing workers to the first upload (no warm-up CPU per start).
    env: { LANTU_PARSE_WARM: '0' },
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
    fileParallelism: false,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
