import type { Reporter, TestModule } from 'vitest/node';

/** The reason a suite or test gives in its title for skipping: "… (skipped: <reason>)". */
const SKIP_REASON = /\(skipped: ([^)]+)\)/;

/**
 * Prints one plain closing line ("tests: N passed, N failed, N skipped") that CI tooling reads, how many
 * database tests ran on each database (DB suites are named "… on 'pglite'" / "… on 'postgres'"), and one line
 * per test file that skipped tests for a stated reason (a missing ../shared fixture), naming the reason.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const onDb = { pglite: 0, postgres: 0 };
    const reasons: string[] = [];
    for (const m of testModules) {
      const tests = [...m.children.allTests()];
      const why = new Map<string, number>();
      for (const t of tests) {
        const state = t.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
        const reason = state === 'skipped' ? SKIP_REASON.exec(t.fullName)?.[1] : undefined;
        if (reason !== undefined) why.set(reason, (why.get(reason) ?? 0) + 1);
        if (state === 'passed' && t.fullName.includes("on 'pglite'")) onDb.pglite += 1;
        if (state === 'passed' && t.fullName.includes("on 'postgres'")) onDb.postgres += 1;
      }
      if (m.state() === 'failed' && tests.length === 0) failed += 1;
      for (const [reason, n] of why)
        reasons.push(`skipped ${n} in ${m.moduleId.replace(`${process.cwd()}/`, '')}: ${reason}`);
    }
    if (reasons.length > 0) process.stdout.write(`\n${reasons.join('\n')}\n`);
    if (onDb.pglite + onDb.postgres > 0) {
      process.stdout.write(`\nDB tests passed on PGlite: ${onDb.pglite}, on PostgreSQL: ${onDb.postgres}\n`);
    }
    process.stdout.write(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
