import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line ("tests: N passed, N failed, N skipped") that CI tooling reads,
 * plus which databases the DB tests ran on.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of testModules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
      if (m.state() === 'failed' && [...m.children.allTests()].length === 0) failed += 1;
    }
    const dbs = ['PGlite', ...(process.env.TEST_DATABASE_URL ? ['PostgreSQL'] : [])].join(' and ');
    process.stdout.write(`\nDB tests ran against: ${dbs}\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
