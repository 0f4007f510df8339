import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Timeouts are hang guards, never a bet on the machine's speed: a test that ends at all ends far
// below them on a shared 2-core box (the slowest, test/e2e/stream.test.ts's 150,000 rows under a
// heap cap, took 96 s there at a load average of 16). TIERWISE_LONG_TESTS=1 runs the long sizes
// (test/helpers/runs.ts), which take many times longer.
const HANG_GUARD = process.env.TIERWISE_LONG_TESTS === '1' ? 60 * 60_000 : 10 * 60_000;

// Files that replace a module (vi.mock) need a module graph of their own: in a shared worker the
// module under test may already be loaded with the real dependency, and the mock would stay
// registered for the files after it.
const ISOLATED = ['test/io/atomic-write.test.ts'];

// The longest files, longest first (from the JSON report of a full run on the shared 2-core box,
// three workers, 2026-12-06): started last, one of them kept one worker busy for a minute after the
// others had finished. Vitest orders by its cache of past durations, which a clean clone (CI) does
// not have; the files not named here keep that order (or, without a cache, the largest first).
const LONGEST_FIRST = [
  'test/simulate/duckdb-population.test.ts',
  'test/docs/examples.test.ts',
  'test/examples/start.test.ts',
  'test/examples/bundled.test.ts',
  'test/e2e/ui/editor.browser.test.ts',
  'test/e2e/honest.test.ts',
  'test/simulate/parallel.test.ts',
  'test/sql/grammar.test.ts',
  'test/server/whatif.test.ts',
  'test/fuzz/commands.test.ts',
  'test/duckdb/customers-files.test.ts',
  'test/sql/bundled.test.ts',
  'test/e2e/ui/whatif.browser.test.ts',
  'test/e2e/ui/journey.browser.test.ts',
  'test/e2e/duckdb-engine.test.ts',
  'test/sql/aggregates-grammar.test.ts',
  'test/e2e/ui/review.browser.test.ts',
  'test/e2e/diff-semver.test.ts',
  'test/registry/postgres-store.test.ts',
  'test/server/rerate.test.ts',
  'test/e2e/registry-http.test.ts',
  'test/e2e/publish-artifact.test.ts',
  'test/e2e/registry-crash.test.ts',
  'test/sql/bundled-transactions.test.ts',
  'test/registry/sqlite-store.test.ts',
  'test/report/simulation/html.browser.test.ts',
  'test/e2e/registry-concurrency.test.ts',
  'test/e2e/hostile-cli.test.ts',
  'test/sql/aggregates.test.ts',
  'test/sql/aggregates-properties.test.ts',
  'test/policy/fmt-properties.test.ts',
  'test/e2e/data-profile.test.ts',
  'test/simulate/population.test.ts',
  'test/sql/aggregates-postgres.test.ts',
  'test/e2e/stream.test.ts',
  'test/e2e/hostile-output.test.ts',
  'test/e2e/simulate.test.ts',
  'test/duckdb/transactions.test.ts',
  'test/compile/equivalence.test.ts',
  'test/duckdb/customers.test.ts',
  'test/e2e/rerate.test.ts',
  'test/policy/fuzz.test.ts',
  'test/registry/artifacts.test.ts',
  'test/facts/find-customer.test.ts',
  'test/cli/language.test.ts',
  'test/e2e/ui/shell.browser.test.ts',
  'test/e2e/zh-cn.test.ts',
  'test/e2e/hostile-data.test.ts',
  'test/compile/bundled.test.ts',
  'test/registry/review.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const i = LONGEST_FIRST.indexOf(relative(spec.project.config.root, spec.moduleId));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    testTimeout: HANG_GUARD,
    hookTimeout: HANG_GUARD,
    pool: 'forks',
    sequence: { sequencer: LongestFirst },
    // Vitest leaves one core to itself by default, which on 2 cores runs the files one at a time.
    // Files wait on servers, sockets, Chromium and the PostgreSQL cluster, and with two workers a
    // full run on the 2-core box kept its cores busy about two thirds of the time (882 CPU-s in
    // 683 s): one worker more than cores fills that.
    maxWorkers: availableParallelism() + 1,
    // CI counts results from the JSON report, never from the console summary.
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
    projects: [
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...ISOLATED],
          // A fresh process and module graph per file cost more than half the suite's CPU time
          // (importing src/ again for each of ~160 files). The files share a worker in turn: src/
          // keeps only memo caches at module level, and tests that change process.env, the
          // working directory or process.exitCode put them back in a finally.
          isolate: false,
        },
      },
    ],
  },
});
