import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line ("tests: N passed, N failed, N skipped") that CI tooling reads, and how many
 * database tests ran on each database (DB suites are named "… on 'pglite'" / "… on 'postgres'").
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const onDb = { pglite: 0, postgres: 0 };
    for (const m of testModules) {
      const tests = [...m.children.allTests()];
      for (const t of tests) {
        const state = t.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
        if (state === 'passed' && t.fullName.includes("on 'pglite'")) onDb.pglite += 1;
        if (state === 'passed' && t.fullName.includes("on 'postgres'")) onDb.postgres += 1;
      }
      if (m.state() === 'failed' && tests.length === 0) failed += 1;
    }
    if (onDb.pglite + onDb.postgres > 0) {
      process.stdout.write(`\nDB tests passed on PGlite: ${onDb.pglite}, on PostgreSQL: ${onDb.postgres}\n`);
    }
    process.stdout.write(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
