import type { Reporter, TestModule } from 'vitest/node';

/**
 * Closes every Vitest run with one plain line after Vitest's own summary:
 * `965 passed, 0 failed` (`, N skipped` when some are). Vitest's summary is a table that tools
 * reading a CI log's closing lines do not all know; `N passed, N failed` alone on a line is the
 * form they read in any language. The line has no prefix: with `tests: ` before it, CI's record
 * still said the run executed no test. Counts are of tests, as Vitest's "Tests" row counts them,
 * plus one failure for each file that failed without a failed test (it did not import, or a hook
 * outside any test threw), and one for each unhandled error Vitest caught (it fails the run even
 * when every test passed): such a run is red, and its line must not read "0 failed".
 */
export default class ClosingLineReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown> = []) {
    const count = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    for (const module of modules) {
      const tests = [...module.children.allTests()];
      for (const test of tests) count[test.result().state] += 1;
      if (module.state() === 'failed' && !tests.some((test) => test.result().state === 'failed')) count.failed += 1;
    }
    count.failed += unhandledErrors.length;
    const skipped = count.skipped + count.pending;
    process.stdout.write(`\n${count.passed} passed, ${count.failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
